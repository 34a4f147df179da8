"""The roadmap screen on the 10,000-record plan against the sample plan: time to open it (key
r, until the screen has been drawn), time from a key press to the repainted frame (cursor
down, page down, quick-win filter, horizon filter), and how many widgets the screen mounted
(it must not grow with the number of programmes: the chart draws rows as data).

A key's time is measured from the key event sent to the app to the last frame it causes
(headless Textual composes every frame and renders its lines; only the escape codes for a
real terminal are skipped). It includes Textual's wait for the next refresh tick (up to one
frame: 16.7 ms at 60 Hz), so "within a frame or two" means under ~33 ms.

    /work/venv/bin/python benchmarks/bench_roadmap.py [--presses N]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as _dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import build_large_plan  # noqa: E402

from smartcity_tui.settings import Settings  # noqa: E402
from smartcity_tui.store import PlanStore  # noqa: E402
from smartcity_tui.ui.factory import create_app  # noqa: E402

SAMPLE = ROOT / "sample_data" / "plan.json"
SIZE = (120, 40)
KEYS = {"cursor down": ["down"], "page down": ["pagedown"], "quick-win filter": ["p"],
        "horizon filter": ["j"]}


def _clock() -> _dt.datetime:
    return _dt.datetime(2026, 11, 22, 14, 3, tzinfo=_dt.timezone(_dt.timedelta(hours=7)))


class FrameClock:
    """Times from a key sent to the app to the frame it leads to: the app's display hook is
    wrapped to note when each frame is composed (headless Textual composes and renders the
    frame's lines; only writing the escape codes to a terminal is skipped)."""

    SETTLE = 0.15  # no new frame for this long: the key's work is done

    def __init__(self, app) -> None:
        self.app = app
        self.frames: list[float] = []
        original = app._display

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

        app._display = display

    async def key(self, key: str) -> tuple[float, float] | None:
        """Seconds from sending `key` to the first frame it caused (what changed is on
        screen) and to the last (the scroll bar, which Textual redraws a tick later, included);
        None when it changed nothing on screen (home at the top)."""
        from textual import events

        await asyncio.sleep(self.SETTLE)
        seen = len(self.frames)
        char = key if len(key) == 1 else None
        t0 = time.perf_counter()
        self.app._driver.send_message(events.Key(key, char))
        while True:
            before = len(self.frames)
            await asyncio.sleep(self.SETTLE)
            if len(self.frames) > seen and len(self.frames) == before:
                return self.frames[seen] - t0, self.frames[-1] - t0
            if len(self.frames) == seen and time.perf_counter() - t0 > 1:
                return None


async def measure(path: Path, presses: int) -> dict:
    store = PlanStore.open(path, readonly=True, clock=_clock)
    app = create_app(store, Settings(), clock=_clock)
    out: dict = {"records": len(store.plan().records), "programmes": len(store.plan().programmes)}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)  # the dashboard, and its validation worker on a big plan
        clock = FrameClock(app)
        out["open first"], out["open"] = await clock.key("r")
        screen = app.screen
        out["widgets"] = len(list(screen.walk_children(with_self=True)))
        for name, keys in KEYS.items():
            times = []
            for i in range(presses):
                if name == "page down" or (name == "cursor down" and i % 10 == 0):
                    await clock.key("home")  # from the top, so every press has somewhere to go
                took = [await clock.key(k) for k in keys]
                if None in took:
                    raise RuntimeError(f"{name}: a key changed nothing on screen")
                times.append((sum(f for f, _ in took), sum(last for _, last in took)))
            for i, kind in enumerate(("first", "last")):
                series = sorted(t[i] for t in times)
                out[f"{name} {kind}"] = statistics.median(series)
                out[f"{name} {kind} p95"] = series[max(int(len(series) * 0.95) - 1, 0)]
        await clock.key("escape")  # filters off
        await clock.key("escape")  # back to the dashboard
        out["reopen"] = (await clock.key("r"))[1]  # the screen is kept: only what changed is redrawn
    store.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-roadmap-"))
    try:
        big = build_large_plan(folder / "big.json", n_records=10_000, seed=0)
        small = shutil.copy(SAMPLE, folder / "sample.json")
        results = {"sample": asyncio.run(measure(Path(small), args.presses)),
                   "10k": asyncio.run(measure(big, args.presses))}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    s, b = results["sample"], results["10k"]
    print(f"terminal {SIZE[0]}x{SIZE[1]}, {args.presses} presses per key, median (p95) in ms")
    print(f"{'':22}{'sample':>16}{'10k plan':>16}{'ratio':>8}")
    print(f"{'records':22}{s['records']:>16}{b['records']:>16}")
    print(f"{'programmes (rows)':22}{s['programmes']:>16}{b['programmes']:>16}")
    print(f"{'widgets mounted':22}{s['widgets']:>16}{b['widgets']:>16}")
    labels = {"open first": "open (r), first frame", "open": "open (r), settled", "reopen": "open again (r)"}
    for name, label in labels.items():
        print(f"{label:22}{s[name] * 1000:>16.1f}{b[name] * 1000:>16.1f}{b[name] / s[name]:>8.2f}")
    print("key to frame: first frame (the change on screen) / last frame (scroll bar settled)")
    for name in KEYS:
        for kind in ("first", "last"):
            key = f"{name} {kind}"
            cell = lambda r: f"{r[key] * 1000:.1f} ({r[key + ' p95'] * 1000:.1f})"  # noqa: E731
            print(f"{name + ', ' + kind:22}{cell(s):>16}{cell(b):>16}{b[key] / s[key]:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
