"""Ctrl+Z that brings a deleted record back puts the cursor on it, scrolled into view (QA
report, TUI bug 6): in a SWOT quadrant, on the timeline, in the programmes view, on the plan
screen. The officer sees the undo work."""

from __future__ import annotations

from plan_screens_support import build_full_plan, open_app
from ui_support import screen_text, until

from smartcity_tui.model.records import SwotItem
from smartcity_tui.ui.widgets.quadrant_list import QuadrantList
from smartcity_tui.ui.widgets.timeline_chart import TimelineChart


async def test_undo_of_a_swot_delete_selects_the_item(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        o = app.screen.query_one("#q-O", QuadrantList)
        o.focus()
        o.highlighted = 0
        gone = o.current_id()
        await pilot.press("x")
        await pilot.pause()
        assert app.store.get(gone) is None
        app.screen.query_one("#q-S", QuadrantList).focus()  # elsewhere by now
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.focused is o and o.current_id() == gone


async def test_undo_brings_back_the_last_item_of_a_long_quadrant_into_view(ui_app):
    app = ui_app
    for n in range(12):
        app.store.add(SwotItem(pillar="governance", quadrant="W", text=f"Kelemahan tambahan nomor {n + 1}"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        w = app.screen.query_one("#q-W", QuadrantList)
        w.focus()
        w.highlighted = w.option_count - 1
        gone = w.current_id()
        last_text = app.store.get(gone).text
        await pilot.press("x")
        await pilot.pause()
        w.highlighted = 0  # the officer went back up the list
        await pilot.pause()
        assert last_text not in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.focused is w and w.current_id() == gone
        await until(pilot, lambda: last_text in screen_text(app), "the restored item on screen")


async def test_undo_of_a_milestone_delete_selects_it_on_the_timeline(tmp_path):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "l")
            chart = app.screen.query_one(TimelineChart)
            plan = app.store.plan()
            first = plan.milestones_of(plan.programmes_for("economy")[0].id)[0]
            chart.select(first.id)
            chart.focus()
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            assert app.store.get(first.id) is None
            await pilot.press("home")
            await pilot.pause()
            assert chart.current_id != first.id
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert chart.current_id == first.id and app.focused is chart
    finally:
        store.close()


async def test_undo_of_a_programme_delete_selects_the_programme(ui_app):
    from smartcity_tui.ui.widgets.programme_table import ProgrammeView

    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "p")
        view = app.screen.query_one(ProgrammeView)
        programme = view.selected_id
        assert programme is not None
        await pilot.press("x")
        await pilot.pause()
        assert app.store.get(programme) is None
        await pilot.press("s")  # elsewhere on the pillar screen
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen.view == "programmes" and view.selected_id == programme
