"""The timeline view of a pillar (l): a Gantt bar per programme across the plan's years with
its milestones under it; add, edit, mark done, move a year, delete, each undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select
from timeline_support import (
    bar_of, build_timeline_plan, chart_of, go_to, line_of, lines_of, milestone, open_app, programme_id,
)
from ui_support import reopen, type_text

from smartcity_tui.model.records import Milestone, Programme
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.milestone_form import MilestoneForm
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.widgets.timeline_chart import TimelineChart

SIZE = (100, 30)


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return build_timeline_plan(tmp_path / "rencana.json")


@pytest.fixture
def app(plan_path):
    app, store = open_app(plan_path)
    yield app
    store.close()


async def open_timeline(pilot) -> None:
    await pilot.press("1", "l")
    await pilot.pause()


async def edit_penetration_test(pilot, app) -> tuple[Milestone, MilestoneForm]:
    """The timeline, the cursor on GOV-03's "Uji penetrasi layanan", its form opened (e)."""
    await open_timeline(pilot)
    target = milestone(app, "Uji penetrasi layanan")
    await go_to(pilot, app, target.id)
    await pilot.press("e")
    form = app.screen
    assert isinstance(form, MilestoneForm)
    return target, form


async def test_each_programme_has_a_bar_and_its_milestones_below_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        assert app.screen.view == "timeline" and isinstance(app.focused, TimelineChart)
        lines = lines_of(app)
        # programmes by start year, each followed by its milestones in year and quarter order
        order = [next((w for w in ("GOV-01", "GOV-02", "GOV-03", "Uji coba", "20 layanan", "Wali data",
                                   "Portal data", "Forum", "CSIRT", "Uji penetrasi") if w in text)) for text in lines]
        assert order == ["GOV-01", "Uji coba", "20 layanan", "GOV-02", "Wali data", "Portal data", "Forum",
                         "GOV-03", "CSIRT", "Uji penetrasi"]
        assert line_of(app, "GOV-01").startswith("★ ")  # the quick win
        assert not line_of(app, "GOV-02").startswith("★")
        assert "TW3 Portal data" in line_of(app, "Portal data")  # the quarter in the label...
        assert "TW" not in line_of(app, "Forum")  # ...unless it is a whole-year milestone
        assert "✓" in line_of(app, "Uji coba") and "◆" in line_of(app, "20 layanan")
        # GOV-02 runs 2025-2027: 2025 all done, 2026 and 2027 due, nothing after
        assert bar_of(app, "GOV-02") == "✓◆◆··"
        assert bar_of(app, "GOV-03") == "·◆ ◆ "
        assert "2025" in app.screen.query_one("#timeline-header").render_line(0).text


async def test_a_milestone_added_with_the_form_shows_on_the_bar_and_undo_takes_it_away(app, plan_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        await go_to(pilot, app, programme_id(app, "GOV-03"))
        assert bar_of(app, "GOV-03") == "·◆ ◆ "  # 2027 runs without a milestone
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, MilestoneForm)
        assert form.query_one("#year", Input).value == "2026"  # the programme's first year
        await type_text(pilot, "Latihan insiden bersama BSSN")
        form.query_one("#year", Input).value = "2027"
        form.query_one("#quarter", Select).value = 3
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen)
        assert bar_of(app, "GOV-03") == "·◆◆◆ "
        assert chart_of(app).current_id == milestone(app, "Latihan insiden bersama BSSN").id
        assert "TW3" in line_of(app, "Latihan insiden")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert bar_of(app, "GOV-03") == "·◆ ◆ "
        assert not any("Latihan insiden" in text for text in lines_of(app))


async def test_keys_move_a_milestone_a_year_and_the_bar_follows(app, plan_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        moved = milestone(app, "Portal data diluncurkan")
        await go_to(pilot, app, moved.id)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert milestone(app, "Portal data diluncurkan").year == 2027
        assert bar_of(app, "GOV-02") == "✓ ◆··"  # 2026 now runs without a milestone
        assert chart_of(app).current_id == moved.id  # the cursor went with it
        await pilot.press("shift+left", "shift+left")
        await pilot.pause()
        assert milestone(app, "Portal data diluncurkan").year == 2025
        assert bar_of(app, "GOV-02") == "◆ ◆··"  # 2025 is no longer all done
        await pilot.press("less_than_sign")  # 2024 is before the plan period: refused
        await pilot.pause()
        assert milestone(app, "Portal data diluncurkan").year == 2025
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert reopen(plan_path).get(moved.id).year == 2026


async def test_a_year_outside_the_programme_is_marked(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        forum = milestone(app, "Forum Satu Data tahunan")
        await go_to(pilot, app, forum.id)
        assert line_of(app, "Forum").startswith("  ")
        await pilot.press("greater_than_sign")  # 2028: inside the plan, after GOV-02's years
        await pilot.pause()
        assert milestone(app, "Forum Satu Data tahunan").year == 2028
        assert line_of(app, "Forum").startswith("!")
        detail = str(app.screen.query_one("#timeline-detail").render())
        assert "di luar tahun program 2025-2027" in detail


async def test_marking_done_shows_a_tick_on_the_line_and_the_bar(app, plan_path):
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        csirt = milestone(app, "CSIRT dibentuk")
        await go_to(pilot, app, csirt.id)
        assert "◆" in line_of(app, "CSIRT") and bar_of(app, "GOV-03")[1] == "◆"
        await pilot.press("d")
        await pilot.pause()
        assert "✓" in line_of(app, "CSIRT") and "◆" not in line_of(app, "CSIRT")
        assert bar_of(app, "GOV-03")[1] == "✓"
        assert "selesai" in str(app.screen.query_one("#timeline-detail").render())
        await pilot.press("space")  # the same key again: not done
        await pilot.pause()
        assert "◆" in line_of(app, "CSIRT")
        await pilot.press("d")
        await pilot.pause()
    assert reopen(plan_path).get(csirt.id).done is True


async def test_the_form_edits_and_checks_title_year_and_programme_years(app, plan_path):
    async with app.run_test(size=SIZE) as pilot:
        target, form = await edit_penetration_test(pilot, app)
        form.query_one("#title", Input).value = ""
        form.query_one("#year", Input).value = "2031"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MilestoneForm)
        assert "Tulis judul tonggak" in str(form.query_one("#title-error").render())
        assert "periode rencana 2025-2029" in str(form.query_one("#year-error").render())
        form.query_one("#title", Input).value = "Uji penetrasi oleh BSSN"
        form.query_one("#year", Input).value = "20x5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#title-error").render()) == ""
        assert "Ketik tahun empat angka, misalnya 2026" in str(form.query_one("#year-error").render())
        # GOV-03 runs 2026-2029: 2025 is inside the plan but before the programme starts
        form.query_one("#year", Input).value = "2025"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Program berjalan 2026-2029" in str(form.query_one("#year-error").render())
        await pilot.press("ctrl+s")  # saved once more: the officer means it
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen)
    saved = reopen(plan_path).get(target.id)
    assert (saved.title, saved.year, saved.quarter) == ("Uji penetrasi oleh BSSN", 2025, 4)


async def test_the_question_about_a_year_outside_the_programme_is_asked_again_after_f4(app, plan_path):
    """F4 says the form's messages again in English: the question about the year is one of
    them, still a question (QA: it vanished, and the next save was asked nothing)."""
    async with app.run_test(size=SIZE) as pilot:
        target, form = await edit_penetration_test(pilot, app)
        form.query_one("#year", Input).value = "2025"  # GOV-03 runs 2026-2029
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Program berjalan 2026-2029" in str(form.query_one("#year-error").render())
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is form
        assert "The programme runs 2026-2029. Save once more to keep 2025." in str(
            form.query_one("#year-error").render())
        await pilot.press("ctrl+s")  # the second save after the question keeps the year
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen)
    assert reopen(plan_path).get(target.id).year == 2025


async def test_a_milestone_names_its_own_agency_and_the_evidence_that_it_is_done(app, plan_path):
    """The agency responsible (empty: the programme's lead agency, which the field says) and
    the data dukung, which a verifier asks of a finished milestone."""
    async with app.run_test(size=SIZE) as pilot:
        target, form = await edit_penetration_test(pilot, app)
        lead = app.store.plan().get(target.programme_id).lead_agency
        assert lead in form.query_one("#agency", Input).placeholder
        form.query_one("#agency", Input).value = "  Bagian   Hukum "
        form.query_one("#evidence", Input).value = "Laporan uji penetrasi BSSN No. 12/2028"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen)
    saved = reopen(plan_path).get(target.id)
    assert (saved.agency, saved.evidence) == ("Bagian Hukum", "Laporan uji penetrasi BSSN No. 12/2028")


async def test_delete_asks_nothing_and_undo_brings_it_back(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        gone = milestone(app, "20 layanan di portal")
        await go_to(pilot, app, gone.id)
        await pilot.press("delete")
        await pilot.pause()
        assert app.store.get(gone.id) is None
        assert not any("20 layanan" in text for text in lines_of(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("20 layanan" in text for text in lines_of(app))


async def test_milestone_keys_are_off_on_a_programme_line(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        await go_to(pilot, app, programme_id(app, "GOV-02"))
        before = app.store.plan().milestones
        await pilot.press("d", "greater_than_sign", "delete", "e")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen) and app.store.plan().milestones == before


async def test_search_lands_on_the_milestone_in_the_timeline(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()  # the screen shown (its tab bar activates its first tab once mounted)
        target = milestone(app, "CSIRT dibentuk")
        assert app.screen.select_record(target.id)
        await pilot.pause()
        assert app.screen.view == "timeline" and chart_of(app).current_id == target.id
        assert app.focused is chart_of(app)


async def test_a_big_pillar_costs_no_widget_per_milestone(tmp_path):
    from ui_support import fixed_clock

    from smartcity_tui.model.records import PlanInfo

    path = tmp_path / "besar.json"
    info = PlanInfo(region="Besar", region_kind="kabupaten", start_year=2025, end_year=2029)
    with PlanStore.create(path, info, team="Pokja", clock=fixed_clock) as store:
        progs = [Programme(code=f"GOV-{i:03d}", name=f"Program {i}", pillar="governance",
                           start_year=2025 + i % 3, end_year=2029) for i in range(300)]
        store.add_many(progs)
        store.add_many(Milestone(programme_id=p.id, year=2025 + k, quarter=k % 5, title=f"Tonggak {k}")
                       for p in progs for k in range(4))
    app, store = open_app(path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_timeline(pilot)
            chart = chart_of(app)
            assert len(chart.lines) == 300 * 5
            pane = app.screen.query_one("#timeline-view")
            assert len(list(pane.query("*"))) < 10
            await pilot.press("end")
            assert chart.current_id == chart.lines[-1].record_id
    finally:
        store.close()
