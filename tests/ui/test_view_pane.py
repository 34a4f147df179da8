"""A view's tab follows the focus only while the focus is really in that view
(widgets/view_pane.py): a late "focused" message from a view the focus has left (a screen's
first focus, a hidden list handing the focus on) no longer takes the tabs back, which showed
the SWOT view after a jump to a programme and could flick between two views for ever."""

from __future__ import annotations

from textual.widgets import DataTable, TabPane
from ui_support import until

from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.widgets.quadrant_list import QuadrantList


async def test_a_late_focus_message_from_the_swot_view_leaves_the_programmes_open(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "p")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen) and app.screen.view == "programmes",
                    "the programmes view")
        await until(pilot, lambda: isinstance(app.focused, DataTable), "the programme table focused")
        screen = app.screen
        swot = screen.query_one("#swot", TabPane)
        swot.post_message(TabPane.Focused(swot))  # as a quadrant focused a moment ago would
        for _ in range(5):
            await pilot.pause()
        assert screen.view == "programmes" and isinstance(app.focused, DataTable)


async def test_focus_moved_into_a_view_still_opens_its_tab(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "p")
        await until(pilot, lambda: isinstance(app.focused, DataTable), "the programme table focused")
        screen = app.screen
        screen.set_focus(screen.query_one("#q-W", QuadrantList))  # (a click on a quadrant does this)
        await until(pilot, lambda: screen.view == "swot", "the SWOT view following the focus")
