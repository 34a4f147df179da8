"""Fixtures of the app's tests: the workshop plan (ui_support.py) and the app built on it the
way the command line builds it."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import build_workshop_plan, fixed_clock

from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app


@pytest.fixture
def workshop_plan(tmp_path: Path) -> Path:
    return build_workshop_plan(tmp_path / "rencana.json")


@pytest.fixture
def ui_app(workshop_plan: Path):
    """The app on the workshop plan, as `smartcity-tui rencana.json` opens it."""
    store = PlanStore.open(workshop_plan, clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    yield app
    store.close()
