"""How much work each screen of the app is to bring up, on the sample plan: the CPU seconds
from the key press to the screen drawn and the app idle (Textual's pilot, headless at 100x30:
every frame is composed and its lines rendered; only the terminal write is skipped), and how
many widgets the screen holds and how many times Textual styled a node on the way (a count,
steady where CPU time drifts). Beside it, in the same run, a bare Textual app bringing up a
form of its own with the same number of labelled inputs as the programme form.

CPU time, not wall time: the pilot sleeps while it waits for the app to be idle, and this
machine's other jobs would count in a wall clock. An officer's laptop takes these CPU times
times its own slowness (a 2015 Celeron: about three).

    python benchmarks/bench_screens.py [--runs N]

What makes a screen slow, and what was done about it: docs/design-notes.md, "What makes a
screen slow to come up".
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sample_app import open_sample_app

SIZE = (100, 30)
# (what, keys from the dashboard before, the keys timed)
STEPS = [
    ("pillar 1 (SWOT)", (), ("1",)),
    ("programmes view", ("1",), ("p",)),
    ("programme form", ("1", "p"), ("e",)),
    ("timeline view", ("3",), ("l",)),
    ("plan facts (i)", (), ("i",)),
    ("book (b)", (), ("b",)),
    ("back to dashboard", ("1",), ("0",)),
    # a key that moves the focus only: what is left of it once nothing is built again
    ("next quadrant", ("1",), ("right",)),
    ("next form field", ("1", "p", "e"), ("tab",)),
]


STYLINGS = [0]  # Stylesheet.apply calls, counted while a step is timed


def _count_stylings() -> None:
    """Count every styling of a node (Textual's `Stylesheet.apply`), the largest part of a
    screen's time to come up: a count does not drift with the machine as CPU time does."""
    from textual.css.stylesheet import Stylesheet

    apply = Stylesheet.apply

    def counted(self: Stylesheet, *args: Any, **kwargs: Any) -> Any:
        STYLINGS[0] += 1
        return apply(self, *args, **kwargs)

    Stylesheet.apply = counted  # type: ignore[method-assign]  # a benchmark's probe


async def _app_step(before: tuple[str, ...], keys: tuple[str, ...], folder: Path) -> tuple[float, int, int]:
    app, store = open_sample_app(folder)
    try:
        async with app.run_test(size=SIZE) as pilot:
            if before:
                await pilot.press(*before)
            await pilot.pause()
            STYLINGS[0] = 0
            started = time.process_time()
            await pilot.press(*keys)
            await pilot.pause()
            cpu = time.process_time() - started
            stylings = STYLINGS[0]
            widgets = len(list(app.screen.walk_children()))
    finally:
        store.close()
    return cpu, widgets, stylings


async def _bare_form(fields: int) -> tuple[float, int, int]:
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, VerticalScroll
    from textual.screen import ModalScreen
    from textual.widgets import Input, Label

    class Form(ModalScreen[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                for i in range(fields):
                    with Horizontal(classes="row"):
                        yield Label(f"Isian {i}")
                        yield Input(f"nilai {i}", compact=True)

    class Bare(App[None]):
        CSS = ".row { height: auto; } .row Label { width: 22; }"

    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        STYLINGS[0] = 0
        started = time.process_time()
        app.push_screen(Form())
        await pilot.pause()
        await pilot.pause()
        cpu = time.process_time() - started
        stylings = STYLINGS[0]
        widgets = len(list(app.screen.walk_children()))
    return cpu, widgets, stylings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh apps per step (median shown)")
    args = parser.parse_args()
    _count_stylings()
    results: dict[str, list[tuple[float, int, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):  # interleaved: a slow moment of the machine hits every step
            for i, (what, before, keys) in enumerate(STEPS):
                folder = Path(tmp) / f"{run}-{i}"
                folder.mkdir()
                results.setdefault(what, []).append(asyncio.run(_app_step(before, keys, folder)))
            inputs = 33  # the programme form of the sample's GOV-01: its Inputs
            results.setdefault("bare Textual form", []).append(asyncio.run(_bare_form(inputs)))
    medians = {what: statistics.median(cpu for cpu, _, _ in runs) for what, runs in results.items()}
    for what, runs in results.items():
        cpus = [cpu for cpu, _, _ in runs]
        widgets, stylings = runs[-1][1], runs[-1][2]
        print(f"{what:20} CPU median {medians[what] * 1000:6.0f} ms  (min {min(cpus) * 1000:.0f}, "
              f"max {max(cpus) * 1000:.0f}); {widgets} widgets, {medians[what] * 1000 / widgets:.1f} ms each, "
              f"{stylings} stylings")
    ratio = medians["programme form"] / medians["bare Textual form"]
    per_widget = (medians["programme form"] / results["programme form"][-1][1]) / (
        medians["bare Textual form"] / results["bare Textual form"][-1][1])
    print(f"programme form / bare Textual form with as many inputs: {ratio:.2f}x; per widget {per_widget:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
