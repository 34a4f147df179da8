"""One way to build the app, for the command line and for tests alike (posting style): tests
hand in a store opened with a fixed clock and in-memory settings; the CLI hands in real ones."""

from __future__ import annotations

from pathlib import Path

from ..settings import Settings
from ..store import PlanStore, StoreError
from . import glyphs
from .app import Clock, SmartCityApp


def create_app(store: PlanStore | None, settings: Settings | None = None, *, plan_path: Path | None = None,
               problem: StoreError | None = None, clock: Clock | None = None, note: str = "",
               break_lock: bool = False) -> SmartCityApp:
    """The app on `store`. With no store: `plan_path` is opened by the app itself (in a
    thread, behind a loading screen) when it exists, or created by the first-run form (which
    asks where when there is no path); `problem` shows why a plan did not open. The glyph set
    is the settings' or the console's (glyphs.py)."""
    settings = settings or Settings()
    app = SmartCityApp(store, settings, plan_path=plan_path, problem=problem, clock=clock, note=note,
                       break_lock=break_lock)
    glyphs.install(app, settings.glyphs)
    return app
