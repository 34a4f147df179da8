"""The app on a copy of the sample plan, as the benchmarks that drive it open it: the copy in
`folder`, settings beside it, and a fixed clock (every run shows the same save time)."""

from __future__ import annotations

import datetime as _dt
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "plan.json"
sys.path.insert(0, str(ROOT))  # the checkout's package, installed or not, for every benchmark importing this


def clock() -> _dt.datetime:
    return _dt.datetime(2026, 11, 22, 14, 3, tzinfo=_dt.timezone(_dt.timedelta(hours=7)))


def open_sample_app(folder: Path) -> tuple[Any, Any]:
    """(app, store) on a fresh copy of the sample plan; the caller closes the store."""
    from smartcity_tui.settings import Settings
    from smartcity_tui.store import PlanStore
    from smartcity_tui.ui.factory import create_app

    plan = folder / "rencana.json"
    shutil.copyfile(SAMPLE, plan)
    store = PlanStore.open(plan, clock=clock)
    return create_app(store, Settings(path=folder / "settings.toml"), clock=clock), store
