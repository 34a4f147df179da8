"""Open a plan and run the app on it: what `smartcity-tui PLAN`, `smartcity-tui` alone and
`smartcity-tui demo` share. A plan that will not open (locked, unreadable, too new) is shown
on a screen that says why and what to do; nothing is written. A plan that cannot be written
where it is (a write-protected flash drive, a read-only folder or file) opens to read
(`store.readonly_reason` says why). A terminal the app cannot drive (no terminal on stdin,
Git Bash's mintty, Windows' legacy console) is said in one line before anything is opened
(console.py)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from .. import exit_signals
from ..settings import Settings
from ..store import PlanMissingRecovered, PlanNotFound, PlanStore, StoreError, atomic
from ..store.pauses import no_gc_pauses
from . import console
from .factory import create_app

# The app writes on the screen's thread: a file held by a scanner is waited for this long at
# most (not atomic.RETRY_SECONDS), then the officer is told "in use" and can simply save again.
UI_RETRY_SECONDS = 2.0


def open_plan(path: Path | None, *, break_lock: bool = False) -> tuple[PlanStore | None, StoreError | None]:
    """The open store, or the reason it would not open; (None, None) when there is no file
    yet (the first-run form creates it). A missing plan of which a whole copy survives (a save
    cut short by a pulled flash drive) is a reason: the copy is offered, not a new plan."""
    if path is None:
        return None, None
    if not path.exists():
        return None, surviving_copy(path)
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


def surviving_copy(path: Path) -> PlanMissingRecovered | None:
    """For a plan file that is not there: the problem naming a whole copy of it kept beside
    it (store/rescue.py), or None when there is none (or its folder is gone)."""
    if not path.parent.is_dir():
        return None
    try:
        PlanStore.open(path).close()  # it appeared meanwhile: the app opens it as usual
    except PlanMissingRecovered as e:
        return e
    except (PlanNotFound, StoreError):
        return None
    return None


def launch(path: Path | None, settings: Settings, *, break_lock: bool = False, note: str = "") -> int:
    """Run the app on `path` (it opens the plan itself, off the UI thread); the exit code is 2
    when the plan could not be opened, or the terminal cannot show the app, as for every
    other command."""
    try:
        give_console_back = console.take_console()
    except console.ConsoleRefused as e:
        try:
            print(f"smartcity-tui: {e}", file=sys.stderr)
        except (OSError, ValueError):
            pass
        return 2
    try:
        return _run(path, settings, break_lock=break_lock, note=note)
    finally:
        give_console_back()


def _run(path: Path | None, settings: Settings, *, break_lock: bool, note: str) -> int:
    missing = path if path is not None else (Path(settings.last_plan) if settings.last_plan else None)
    problem = surviving_copy(missing) if missing is not None and not missing.exists() else None
    if problem is not None:
        path = missing
    app = create_app(None, settings, plan_path=path, note=note, break_lock=break_lock, problem=problem)

    def ask_to_exit() -> bool:
        # from a signal handler or Windows' console thread: only schedule the exit
        loop = getattr(app, "_loop", None)
        if loop is None or loop.is_closed():
            return False
        loop.call_soon_threadsafe(app.exit)
        return True

    finished = exit_signals.install(ask_to_exit)
    retry = atomic.retry_seconds()
    atomic.set_retry_seconds(UI_RETRY_SECONDS)
    try:
        result = app.run()
    finally:
        atomic.set_retry_seconds(retry)
        if app.store is not None:
            app.store.close()
        finished()
    if app.problem is not None:
        return 2
    return int(result or 0)
