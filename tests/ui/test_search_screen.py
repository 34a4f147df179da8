"""Search (key /): results as you type over every text of the plan; enter opens the item on
its own screen with the cursor on it; escape backs out to where the officer was."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_screens_support import build_full_plan, open_app, programme_id
from ui_support import type_text

from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.plan_info import PlanInfoScreen
from smartcity_tui.ui.screens.roadmap import RoadmapScreen
from smartcity_tui.ui.screens.search import ResultList, SearchScreen
from smartcity_tui.ui.widgets.plan_sections import LinesList
from smartcity_tui.ui.widgets.programme_table import ProgrammeView
from smartcity_tui.ui.widgets.quadrant_list import QuadrantList
from smartcity_tui.ui.widgets.readiness_table import ReadinessTable
from smartcity_tui.ui.widgets.strategy_view import StrategyTable

SIZES = [(80, 24), (120, 40)]
SETTLE = 0.25  # longer than the search's debounce


@pytest.fixture
def app(tmp_path: Path):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    yield app
    store.close()


async def search_for(pilot, words: str) -> SearchScreen:
    await pilot.press("slash")
    assert isinstance(pilot.app.screen, SearchScreen)
    await type_text(pilot, words)
    await pilot.pause(SETTLE)
    return pilot.app.screen


def status(screen: SearchScreen) -> str:
    return str(screen.query_one("#search-status").render())


async def test_results_appear_as_you_type(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "pasar")
        assert [h.title for h in screen.hits][:1] == ["QRIS untuk seribu lapak pasar desa"]
        assert screen.query_one(ResultList).option_count == len(screen.hits)
        assert status(screen) == f"{len(screen.hits)} hasil"
        await type_text(pilot, " qris")  # every word must match: narrower
        await pilot.pause(SETTLE)
        assert {h.kind for h in screen.hits} == {"programme"}
        await type_text(pilot, " xyz")
        await pilot.pause(SETTLE)
        assert screen.hits == [] and "Tidak ada yang cocok" in status(screen)


async def test_a_result_names_its_pillar_whole_on_a_narrow_screen(app):
    """At 80 columns a result says "Smart Economy", not "Economy": the pillar's name is the
    same in both languages, and cut it read as an English word on an Indonesian screen."""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "qris")
        first = screen.query_one(ResultList).get_option_at_index(0).prompt
        assert "Smart Economy" in str(first), str(first)


async def test_enter_opens_a_swot_item_in_its_quadrant(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "siber")
        (hit,) = screen.hits
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen) and app.screen.pillar_key == "governance"
        assert app.screen.view == "swot"
        assert isinstance(app.focused, QuadrantList) and app.focused.quadrant == "T"
        assert app.focused.current_id() == hit.record_id


async def test_enter_opens_a_strategy_in_the_strategies_view(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")  # from another pillar's screen
        screen = await search_for(pilot, "satukan portal")
        (hit,) = screen.hits
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen) and app.screen.pillar_key == "governance"
        assert app.screen.view == "strategies"
        table = app.screen.query_one(StrategyTable)
        assert app.focused is table and table.current_id() == hit.record_id
        await pilot.press("escape")  # the pillar screen took the economy screen's place
        assert isinstance(app.screen, DashboardScreen)


async def test_an_indicator_opens_its_programme_chosen_with_the_arrows(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await search_for(pilot, "layanan portal")
        kinds = [h.kind for h in screen.hits]
        assert kinds[0] == "programme" and "indicator" in kinds
        await pilot.press("down")  # from the field to the results
        assert isinstance(app.focused, ResultList)
        for _ in range(kinds.index("indicator")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen) and app.screen.view == "programmes"
        assert app.screen.query_one(ProgrammeView).selected_id == programme_id(app, "GOV-01")


async def test_a_milestone_opens_its_pillar(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await search_for(pilot, "1.000 lapak")
        assert [h.kind for h in screen.hits] == ["milestone"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen) and app.screen.pillar_key == "economy"


async def test_readiness_and_missions_open_the_plan_screen(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "serat optik")
        (hit,) = screen.hits
        assert hit.kind == "readiness"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanInfoScreen)
        table = app.screen.query_one(ReadinessTable)
        assert app.focused is table and table.current_id == hit.record_id
        assert "Baru menjangkau 11 dari 18 kecamatan" in str(app.screen.query_one("#readiness-detail").render())

        screen = await search_for(pilot, "pelayanan publik yang cepat")
        assert [(h.kind, h.field) for h in screen.hits] == [("plan", "missions")]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanInfoScreen) and app.focused is app.screen.query_one("#missions", LinesList)


async def test_escape_backs_out_to_where_you_were(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "down")
        roadmap = app.screen
        assert isinstance(roadmap, RoadmapScreen)
        await search_for(pilot, "wifi 123")  # digits and r are letters here, not keys of the plan
        assert app.screen.query_one("#search-input").value == "wifi 123"
        await pilot.press("escape")
        assert app.screen is roadmap


async def _typed(pilot) -> None:
    await pilot.press("r", "slash")  # over the roadmap, which shows around the box at 120x40
    await type_text(pilot, "koperasi")
    await pilot.pause(SETTLE)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_search_snapshot(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=_typed)
