"""The roadmap (key r): every programme of every pillar against the plan years, grouped by
pillar; the filters show the right rows and say what they are set to; enter opens the
programme on its pillar screen with the cursor on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_screens_support import build_full_plan, open_app, programme_id
from ui_support import screen_text, until

from smartcity_tui.model.roadmap import BAR_DONE, BAR_MILESTONE
from smartcity_tui.ui.plan_writes import PlanWrite
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.roadmap import RoadmapScreen
from smartcity_tui.ui.widgets.programme_table import ProgrammeView
from smartcity_tui.ui.widgets.roadmap_chart import RoadmapChart

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app(tmp_path: Path):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    yield app
    store.close()


def codes(app) -> list[str]:
    chart = app.screen.query_one(RoadmapChart)
    return [app.store.get(pid).code for pid in chart.row_ids]


def filters_line(app) -> str:
    return str(app.screen.query_one("#roadmap-filters").render())


async def test_every_programme_grouped_by_pillar_with_its_bar(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RoadmapScreen)
        assert codes(app) == ["GOV-01", "ECO-01", "ECO-02", "SOC-01", "ENV-01"]
        chart = app.screen.query_one(RoadmapChart)
        assert app.focused is chart and chart.current_id == programme_id(app, "GOV-01")
        header = chart.header_text().plain
        assert "Program (5)" in header and "2025" in header and "2029" in header
        # ECO-01 runs 2025-2026: its first year's milestone is done, the second one is due
        lines = [chart.render_line(y).text for y in range(chart.size.height)]
        eco = next(line for line in lines if "ECO-01" in line)
        assert eco.index(BAR_DONE) < eco.index(BAR_MILESTONE)
        assert "★" in eco and "★" not in next(line for line in lines if "ECO-02" in line)
        assert any("3 Smart Economy · 2 program" in line for line in lines)
        assert "Dimensi: semua" in filters_line(app)


async def test_filters_by_pillar_horizon_agency_and_quick_win(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "d", "3")  # d, then the pillar's number
        assert codes(app) == ["ECO-01", "ECO-02"]
        assert "Dimensi: Smart Economy" in filters_line(app)
        assert "Program (2 dari 5)" in app.screen.query_one(RoadmapChart).header_text().plain

        await pilot.press("d", "0", "j")  # all pillars again; horizon: short
        assert codes(app) == ["GOV-01", "ECO-01"]
        assert "Jangka: Pendek" in filters_line(app)
        await pilot.press("j", "j", "j")  # medium, long, back to all
        assert len(codes(app)) == 5

        # agency: the lead agency or a supporting one; the choices: all, then the agencies sorted
        await pilot.press("o", "down", "enter")
        assert codes(app) == ["ECO-01", "ECO-02"]  # ECO-02 only supported by Dinas Koperasi
        assert "OPD: Dinas Koperasi dan UMKM" in filters_line(app)

        await pilot.press("p")
        assert codes(app) == ["ECO-01"]
        assert "Percepatan: ya" in filters_line(app)

        await pilot.press("escape")  # the first escape clears every filter...
        assert isinstance(app.screen, RoadmapScreen) and len(codes(app)) == 5
        assert "semua" in filters_line(app) and "Percepatan: ya" not in filters_line(app)
        await pilot.press("escape")  # ...the next goes back
        assert isinstance(app.screen, DashboardScreen)


@pytest.mark.parametrize("press", [("r", "d", "3"), ("r", "d", "6", "o", "down", "enter")], ids=["economy", "long"])
async def test_at_80_columns_each_filter_keeps_its_value_on_its_line(app, press):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*press)
        lines = [line for line in screen_text(app).splitlines()[1:4] if ":" in line]
        labels = ["Dimensi:", "Jangka:", "OPD:", "Percepatan:"]
        assert all(sum(label in line for line in lines) == 1 for label in labels), lines
        # each label with its value after it on the same line, none cut off at the edge
        for line in lines:
            for label in labels:
                if label in line:
                    assert line.split(label)[1].split("   ")[0].strip(), line
        if len(lines) == 2:  # two filters a line, their columns lined up
            assert [line.count(":") for line in lines] == [2, 2]
            assert lines[0].index("j ") == lines[1].index("p ")


async def test_a_filter_matching_nothing_says_so(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "d", "2")  # Smart Branding has no programme
        chart = app.screen.query_one(RoadmapChart)
        assert chart.row_ids == [] and chart.current_id is None
        assert "Tidak ada program yang cocok" in chart.render_line(0).text
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, RoadmapScreen)


async def test_enter_opens_the_programme_selected_on_its_pillar_screen(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "down", "down")  # GOV-01 -> ECO-01 -> ECO-02 (the heading is skipped)
        target = programme_id(app, "ECO-02")
        assert app.screen.query_one(RoadmapChart).current_id == target
        await pilot.press("enter")

        def opened() -> bool:
            screen = app.screen
            if not (isinstance(screen, PillarScreen) and screen.view == "programmes"):
                return False
            views = screen.query(ProgrammeView)
            return bool(views) and views.first().selected_id == target and app.focused is views.first().table

        # the pillar screen opens, then shows its programmes with the cursor on ECO-02
        await until(pilot, opened, "ECO-02 selected on the Smart Economy programmes")
        assert app.screen.pillar_key == "economy"
        # r again: the roadmap as it was left, cursor on the same programme
        await pilot.press("r")
        assert isinstance(app.screen, RoadmapScreen)
        assert app.screen.query_one(RoadmapChart).current_id == target
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_roadmap_follows_edits_and_undo(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        gov = programme_id(app, "GOV-01")
        app.write(PlanWrite(lambda s: s.delete(gov)))
        await pilot.pause()
        assert "GOV-01" not in codes(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert codes(app)[0] == "GOV-01"


async def test_switching_language_keeps_the_filters_and_the_cursor(app):
    from smartcity_tui.i18n import set_language

    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r", "d", "3", "down")  # Smart Economy; cursor on ECO-02
            target = programme_id(app, "ECO-02")
            await pilot.press("f4")
            await pilot.pause()
            chart = app.screen.query_one(RoadmapChart)
            assert codes(app) == ["ECO-01", "ECO-02"] and chart.current_id == target
            assert "Pillar: Smart Economy" in filters_line(app)
            assert "Programme (2 of 5)" in chart.header_text().plain
            assert app.focused is chart
    finally:
        set_language("id")


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_roadmap_snapshot(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, press=["r", "down"])


def test_roadmap_filtered_snapshot(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["r", "d", "3", "p"])


async def test_at_80x24_the_line_under_the_chart_keeps_the_agency_and_help_has_the_legend(app):
    """QA at 80x24: one line under the chart was cut before the agency, and the legend of
    █ ◆ ✓ · has no room on the screen: the line is two, the legend is on the help screen."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "the roadmap")
        programme = app.store.get(programme_id(app, "GOV-01"))
        lines = screen_text(app).splitlines()
        name_at = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{programme.code} {programme.name}"))
        assert lines[name_at + 1].rstrip().endswith(programme.lead_agency), lines[name_at + 1]
        assert not app.screen.query_one("#roadmap-legend").display  # no room for it at 24 rows
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "the help")
        hints = " ".join(str(s.render()) for s in app.screen.query(".hint"))
        assert "◆ tonggak" in hints and "✓ tonggak selesai" in hints, hints
