"""Each save is seen to happen, and a new record is where the cursor is (issue 13 #6).

"Tersimpan 14:03" reads the same after a second save in the same minute: the note is
highlighted from each save until the next key press (reverse video: it reads without colour
too). A record added from a form is selected in its list once it is saved, in every list."""

from __future__ import annotations

import pytest
from plan_screens_support import build_full_plan, open_app
from textual.widgets import Input

from smartcity_tui.ui.widgets.plan_sections import LinesList
from smartcity_tui.ui.widgets.programme_table import ProgrammeView
from smartcity_tui.ui.widgets.quadrant_list import QuadrantList
from smartcity_tui.ui.widgets.readiness_table import ReadinessTable
from smartcity_tui.ui.widgets.strategy_view import StrategyTable
from smartcity_tui.ui.widgets.timeline_chart import TimelineChart


@pytest.fixture
def app(tmp_path):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    yield app
    store.close()


def fresh(app) -> bool:
    return app.screen.query_one("#save-state").has_class("-fresh")


async def test_a_second_save_in_the_same_minute_is_seen(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        assert not fresh(app)
        await pilot.press("n")
        app.screen.query_one("#text", Input).value = "Warga aktif di media sosial"
        await pilot.press("ctrl+s")
        await pilot.pause()
        note = str(app.screen.query_one("#save-state").render())
        assert fresh(app) and "Tersimpan pukul 14.03" in note
        await pilot.press("down")  # the officer moves on: the highlight goes
        assert not fresh(app)
        await pilot.press("x")  # a second save within the same minute
        await pilot.pause()
        assert fresh(app), "the second save looks like nothing happened"
        assert str(app.screen.query_one("#save-state").render()) == note


def added(app, kind: str, field: str, text: str):
    return next(r for r in app.store.plan().records.values() if r.KIND == kind and getattr(r, field) == text)


# how to add a record in each list, the form's field to type in, and where the cursor is read
LISTS = [
    ("swot", ("1", "s"), "#q-S", "text", lambda s: s.query_one("#q-S", QuadrantList).current_id()),
    ("strategy", ("1", "t"), "", "text", lambda s: s.query_one(StrategyTable).current_id()),
    ("programme", ("1", "p"), "", "name", lambda s: s.query_one(ProgrammeView).selected_id),
    ("milestone", ("3", "l"), "", "title", lambda s: s.query_one(TimelineChart).current_id),
    ("readiness", ("i",), "#readiness", "topic", lambda s: s.query_one(ReadinessTable).current_id),
]


@pytest.mark.parametrize("kind, keys, part, field, cursor", LISTS, ids=[x[0] for x in LISTS])
async def test_a_new_record_is_selected_once_saved(app, kind, keys, part, field, cursor):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*keys)
        if part:
            app.screen.query_one(part).focus()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one(f"#{field}", Input).value = f"Baru: {kind}"
        if kind == "programme":
            form.query_one("#start_year", Input).value = "2026"
            form.query_one("#end_year", Input).value = "2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        record = added(app, kind, field, f"Baru: {kind}")
        assert cursor(app.screen) == record.id, f"the cursor is not on the new {kind}"


async def test_a_new_mission_is_selected_once_saved(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        missions = app.screen.query_one("#missions", LinesList)
        missions.focus()
        await pilot.press("n")
        app.screen.query_one("#line", Input).value = "Misi baru"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert missions.lines[missions.highlighted] == "Misi baru"
