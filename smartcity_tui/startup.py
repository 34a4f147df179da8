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
"""

from __future__ import annotations

import gc

_held = False


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
        gc.enable()


def run() -> None:
    hold_collector()
    from .cli import run as run_cli

    run_cli()
