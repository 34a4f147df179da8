"""The process entry point (`smartcity-tui`, `python -m smartcity_tui`): start-up without the
cycle collector.

Importing Textual and the app and drawing the first screen make a few hundred thousand
objects, almost none in reference cycles, and the collector's passes over them all cost
~20 ms of every start (measured: `import` of the app with and without `gc.disable()`).
So the collector is held from the first line until the first frame is on the screen (the
app calls `release_collector`) or until a headless command has its modules (cli.main calls
it before the command runs). `gc.freeze()` then moves everything made so far (modules,
classes, the open plan) out of the collector's view for good, so later passes stay short.
Reference counting frees memory as usual throughout.

From then on the collector runs its full passes at the app's pace (`pace_collector`), not
Python's: what a full pass finds is what closed screens and forms left in reference cycles,
which can wait, while each pass walks every object still alive (~70 ms on the sample plan,
once per programme form opened at Python's pace).
"""

from __future__ import annotations

import gc

_held = False

# A full pass after this many passes of the middle generation (Python's default: 10). On
# the sample plan, every pillar's views and six programme forms (benchmarks/bench_collector.py,
# 7 runs): 2 full passes instead of 14, the collector 1.17 s of CPU instead of 2.33 s, the
# session 0.91 of the CPU; peak memory 98 MB instead of 85 MB, the garbage waiting longer.
FULL_PASS_EVERY = 60


def hold_collector() -> None:
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collector() -> None:
    """Idempotent; does nothing when the collector was not held here (tests, library use)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        pace_collector()
        gc.enable()


def pace_collector() -> None:
    """Full passes of the cycle collector every FULL_PASS_EVERY passes of the middle
    generation; the two younger generations keep Python's thresholds. The app calls it once
    started (release_collector), the tests once collected (tests/conftest.py)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_PASS_EVERY)


def run() -> None:
    hold_collector()
    from .cli import run as run_cli

    run_cli()
