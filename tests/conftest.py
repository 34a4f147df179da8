"""Generic fixtures shared by every test folder. Keep it small: area-specific helpers live
beside their tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smartcity_tui.model.records import Indicator, Milestone, PlanInfo, Programme, Strategy, SwotItem
from smartcity_tui.store import PlanStore


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject.toml): one worker more than the machine has cores. The app's tests
    wait between key presses until the app is idle (Textual's pilot sleeps in 20 ms steps),
    so a worker per core leaves a core idle about a quarter of the time; the extra worker
    fills it. On the 2-core machine, 70 app tests took 119-121 s with 2 workers, 94 s with 3
    and 107 s with 4 (`--dist worksteal`, 2026-11-29)."""
    return (os.cpu_count() or 1) + 1


@pytest.fixture(autouse=True)
def _private_state_dir(tmp_path_factory, monkeypatch):
    """The machine id (store/machine.py) lives in a folder of the test run, never the
    user's own state folder."""
    monkeypatch.setenv("SMARTCITY_TUI_STATE_DIR", str(tmp_path_factory.mktemp("state")))


@pytest.fixture
def tmp_plan(tmp_path: Path) -> Path:
    """A small closed plan file (Kabupaten Contoh 2025-2029): four SWOT items, one strategy,
    one quick-win programme with an indicator and a milestone, all in Smart Governance."""
    path = tmp_path / "plan.json"
    info = PlanInfo(region="Contoh", region_kind="kabupaten", province="Jawa Tengah",
                    start_year=2025, end_year=2029, vision="Contoh yang cerdas",
                    missions=["Pelayanan publik yang cepat"])
    with PlanStore.create(path, info, team="Pokja Governance") as store:
        swot = [SwotItem(pillar="governance", quadrant=q, text=f"Butir {q} pelayanan publik",
                         element="public_service") for q in "SWOT"]
        store.add_many(swot)
        strategy = store.add(Strategy(pillar="governance", kind="SO", text="Perluas layanan daring",
                                      swot_ids=[swot[0].id, swot[2].id]))
        prog = store.add(Programme(code="1.001", name="Mal Pelayanan Publik Digital", pillar="governance",
                                   element="public_service", strategy_ids=[strategy.id],
                                   lead_agency="DPMPTSP", start_year=2025, end_year=2025,
                                   quick_win=True, horizon="short", funding_sources=["apbd"],
                                   budget_by_source={"apbd": {2025: 750_000_000}}))
        store.add(Indicator(programme_id=prog.id, name="Layanan daring", unit="layanan",
                            baseline=12, targets={2025: 40}))
        store.add(Milestone(programme_id=prog.id, year=2025, quarter=2, title="Peluncuran MPP"))
    return path


@pytest.fixture
def open_store(tmp_plan: Path):
    """The `tmp_plan` opened for writing; closed (lock released) after the test."""
    store = PlanStore.open(tmp_plan)
    yield store
    store.close()
