"""Start-up holds Python's cycle collector (startup.py) and must always give it back: a
workshop keeps the app open all day, and a collector left off would let its memory grow
with every edit's garbage."""

from __future__ import annotations

import gc

import pytest
from ui_support import fixed_clock

from smartcity_tui import cli, startup
from smartcity_tui.commands import stats
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.dashboard import DashboardScreen

PYTHONS_PACE = (700, 10, 10)  # Python's own thresholds, as a process starts with them


@pytest.fixture
def held_collector():
    paced = gc.get_threshold()  # the test run's (conftest.py)
    gc.set_threshold(*PYTHONS_PACE)
    startup.hold_collector()
    assert not gc.isenabled()
    yield
    startup.release_collector()
    gc.unfreeze()  # let the test run's own objects be collected again
    gc.enable()
    gc.set_threshold(*paced)


def test_a_headless_command_runs_with_the_collector_back_on(held_collector, tmp_plan, monkeypatch, capsys):
    seen = []
    real_run = stats.run

    def run(args):
        seen.append((gc.isenabled(), gc.get_threshold()[2]))
        return real_run(args)

    monkeypatch.setattr(stats, "run", run)
    assert cli.main(["stats", str(tmp_plan)]) == 0
    assert seen == [(True, startup.FULL_PASS_EVERY)]
    assert "Contoh" in capsys.readouterr().out


async def test_the_app_gives_the_collector_back_once_its_first_screen_is_drawn(held_collector, tmp_plan):
    store = PlanStore.open(tmp_plan, clock=fixed_clock)
    app = create_app(store, Settings(path=tmp_plan.parent / "settings.toml"), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert gc.isenabled()
        # full passes at the app's pace from now on, the younger generations at Python's
        assert gc.get_threshold() == (700, 10, startup.FULL_PASS_EVERY) != PYTHONS_PACE


def test_opening_a_plan_leaves_the_collector_as_it_found_it(tmp_plan):
    from smartcity_tui.ui.launch import open_plan

    assert gc.isenabled()
    store, problem = open_plan(tmp_plan)
    try:
        assert problem is None and store is not None and gc.isenabled()
    finally:
        store.close()
        gc.unfreeze()
