"""One way to build the app, for the command line and for tests alike (posting style): tests
hand in a store opened with a fixed clock and in-memory settings; the CLI hands in real ones."""

from __future__ import annotations

from pathlib import Path

from ..settings import Settings
from ..store import PlanStore, StoreError
from .app import Clock, SmartCityApp


def create_app(store: PlanStore | None, settings: Settings | None = None, *, plan_path: Path | None = None,
               problem: StoreError | None = None, clock: Clock | None = None, note: str = "") -> SmartCityApp:
    """The app on `store`; with no store, the first-run form (creating `plan_path`, or asking
    where), or with `problem`, the screen that explains why the plan did not open."""
    return SmartCityApp(store, settings or Settings(), plan_path=plan_path, problem=problem,
                        clock=clock, note=note)
