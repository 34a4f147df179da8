"""Open a plan and run the app on it: what `smartcity-tui PLAN`, `smartcity-tui` alone and
`smartcity-tui demo` share. A plan that will not open (locked, unreadable, too new) is shown
on a screen that says why and what to do; nothing is written."""

from __future__ import annotations

import gc
from pathlib import Path

from ..settings import Settings
from ..store import PlanStore, StoreError
from ..store.pauses import no_gc_pauses
from .factory import create_app


def open_plan(path: Path | None, *, break_lock: bool = False) -> tuple[PlanStore | None, StoreError | None]:
    """The open store, or the reason it would not open; (None, None) when there is no file
    yet (the first-run form creates it)."""
    if path is None or not path.exists():
        return None, None
    # The collector stays off until the plan's objects are frozen: one full pass over ten
    # thousand records' objects costs ~200 ms, and would find nothing to free.
    with no_gc_pauses():
        try:
            store = PlanStore.open(path, break_lock=break_lock)
        except StoreError as e:
            return None, e
        # Build the plan view and its indexes here, off the UI thread (which only paints the
        # loading screen meanwhile): the dashboard's counts then cost nothing to show.
        store.plan().counts()
        # The plan's objects live as long as the app: move them out of the cycle collector's
        # view, or every full pass rescans them all (~100 ms pauses at 10,000 records, felt
        # as a stutter while typing). Reference counting still frees them as usual.
        gc.freeze()
    return store, None


def launch(path: Path | None, settings: Settings, *, break_lock: bool = False, note: str = "") -> int:
    """Run the app on `path` (it opens the plan itself, off the UI thread); the exit code is 2
    when the plan could not be opened, as for every other command."""
    app = create_app(None, settings, plan_path=path, note=note, break_lock=break_lock)
    try:
        result = app.run()
    finally:
        if app.store is not None:
            app.store.close()
    if app.problem is not None:
        return 2
    return int(result or 0)
