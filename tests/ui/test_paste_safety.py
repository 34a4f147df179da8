"""A paste never runs commands, and quitting never loses this session's undo history without
asking (issue 17 #1; Windows review A5).

Windows 10's console (conhost) has no bracketed paste: a pasted text arrives as key presses,
its line breaks as enter. The review reproduced it with Textual's test driver: on the plan
screen, `i, tab, n, "Misi baru", enter, x, q` saved the mission with enter, deleted it with x
and quit with q. Here the same keys leave the app running and the mission in the plan."""

from __future__ import annotations

import pytest
from plan_screens_support import build_full_plan, open_app
from textual import events
from textual.widgets import Button, Input
from ui_support import type_text, until

from smartcity_tui.ui.screens.leave_form import LeaveForm
from smartcity_tui.ui.screens.line_form import LineForm
from smartcity_tui.ui.screens.plan_info import PlanInfoScreen
from smartcity_tui.ui.screens.quit_confirm import QuitConfirm

MISSIONS = ["Pelayanan publik yang cepat"]


@pytest.fixture
def app(tmp_path):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    yield app
    store.close()


def running(app) -> bool:
    return app.return_code is None and app.is_running


async def test_the_reviews_key_sequence_neither_deletes_nor_quits(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "tab", "n")
        form = app.screen
        assert isinstance(form, LineForm)
        await type_text(pilot, "Misi baru", keys=True)
        await pilot.press("enter", "x", "q")
        await pilot.pause()
        assert running(app), "q quit the app"
        assert app.screen is form, "enter saved the form"
        assert form.query_one("#line", Input).value == "Misi baru"
        assert isinstance(app.focused, Button) and app.focused.id == "save", "enter went on to Simpan"
        assert app.store.plan().info.missions == MISSIONS
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanInfoScreen)
        assert app.store.plan().info.missions == [*MISSIONS, "Misi baru"]
        assert running(app)


async def test_keys_typed_while_the_form_was_open_are_not_run_after_it_closes(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "tab", "n")
        await type_text(pilot, "Misi baru")
        # the rest of a paste: read from the console while the form is open, handled after
        # its save (the Windows driver reads up to 1024 key presses at once)
        rest = [events.Key("x", "x"), events.Key("q", "q"), events.Key("2", "2")]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanInfoScreen)
        for key in rest:
            app.post_message(key)
        await pilot.pause()
        assert running(app), "q from the paste quit the app"
        assert isinstance(app.screen, PlanInfoScreen), "2 from the paste opened a pillar"
        assert app.store.plan().info.missions == [*MISSIONS, "Misi baru"], "x from the paste deleted it"
        # a key the officer presses now counts as usual
        await pilot.press("x")
        await pilot.pause()
        assert app.store.plan().info.missions == MISSIONS


async def test_q_quits_at_once_when_there_is_nothing_to_undo(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await until(pilot, lambda: not running(app), "the app to quit")
    assert app.return_code == 0


async def test_q_asks_when_this_sessions_undo_history_would_be_lost(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "tab", "x")  # a mission deleted: ctrl+z could bring it back
        await pilot.pause()
        assert app.store.plan().info.missions == []
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitConfirm)
        text = str(app.screen.query_one(".question-text").render())
        assert "riwayat urungkan" in text and "tersimpan" in text
        assert app.focused.id == "answer-stay", "enter stays"
        await pilot.press("escape")
        await pilot.pause()
        assert running(app) and isinstance(app.screen, PlanInfoScreen)
        await pilot.press("ctrl+z")  # the history is still there
        await pilot.pause()
        assert app.store.plan().info.missions == MISSIONS
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("q")  # again: quit
        await until(pilot, lambda: not running(app), "the app to quit")
    assert app.return_code == 0


async def test_a_second_q_in_the_same_burst_does_not_answer_the_question(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "tab", "x")
        await pilot.pause()
        again = events.Key("q", "q")  # typed together with the first q
        await pilot.press("q")
        await pilot.pause()
        app.post_message(again)
        await pilot.pause()
        assert running(app) and isinstance(app.screen, QuitConfirm)


async def test_ctrl_q_in_a_form_with_changes_asks(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "tab", "n")
        await type_text(pilot, "Misi setengah jadi")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitConfirm)
        assert "belum disimpan" in str(app.screen.query_one(".question-text").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LineForm) and not isinstance(app.screen, LeaveForm)
        assert app.screen.query_one("#line", Input).value == "Misi setengah jadi"
