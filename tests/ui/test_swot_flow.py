"""A working group edits its SWOT from the keyboard: add, edit, move, delete, undo, and every
step is in the plan file the moment the screen says it is saved."""

from __future__ import annotations

from textual.widgets import Input

from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.swot_form import SwotForm
from smartcity_tui.ui.widgets.quadrant_list import QuadrantList

from ui_support import reopen, type_text


def texts(store, quadrant: str) -> list[str]:
    return [i.text for i in store.plan().swot_for("governance", quadrant)]


async def test_add_edit_move_delete_and_undo_a_swot_item(ui_app, workshop_plan):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        assert isinstance(app.screen, PillarScreen) and app.screen.pillar_key == "governance"
        assert isinstance(app.focused, QuadrantList) and app.focused.quadrant == "S"

        # add: n opens the form on the focused quadrant; enter through the fields saves
        await pilot.press("n")
        assert isinstance(app.screen, SwotForm)
        await type_text(pilot, "Warga aktif di media sosial")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Warga aktif di media sosial" in texts(app.store, "S")
        assert app.focused.quadrant == "S"
        assert app.focused.current_id() is not None
        added = app.store.get(app.focused.current_id())
        assert added.text == "Warga aktif di media sosial"
        assert "Tersimpan pukul 14.03" in str(app.screen.query_one("#save-state").render())

        # edit: e opens the same item; the changed text replaces the old one
        await pilot.press("e")
        field = app.screen.query_one("#text", Input)
        assert field.value == "Warga aktif di media sosial"
        field.value = ""
        await type_text(pilot, "Warga muda aktif di media sosial")
        await pilot.press("enter", "enter", "enter")  # text -> element -> sub-topic -> agency
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.get(added.id).text == "Warga muda aktif di media sosial"

        # move to Opportunity: m, then the letter o
        await pilot.press("m", "o")
        await pilot.pause()
        assert app.store.get(added.id).quadrant == "O"
        assert app.focused.quadrant == "O" and app.focused.current_id() == added.id

        # delete asks nothing; ctrl+z brings it back, in the same quadrant
        await pilot.press("delete")
        await pilot.pause()
        assert app.store.get(added.id) is None
        assert "Warga muda aktif di media sosial" not in texts(app.store, "O")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.store.get(added.id).quadrant == "O"
        assert "Warga muda aktif di media sosial" in texts(app.store, "O")
        await pilot.press("ctrl+z")  # undo the move
        await pilot.pause()
        assert app.store.get(added.id).quadrant == "S"
        await pilot.press("ctrl+y")  # redo it, and undo it again
        await pilot.pause()
        assert app.store.get(added.id).quadrant == "O"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.store.get(added.id).quadrant == "S"

    with reopen(workshop_plan) as store:
        item = store.get(added.id)
        assert item is not None and item.quadrant == "S" and item.text == "Warga muda aktif di media sosial"


async def test_empty_text_is_refused_with_a_hint(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "n", "ctrl+s")
        assert isinstance(app.screen, SwotForm), "the form stays open"
        error = str(app.screen.query_one("#text-error").render())
        assert "Tulis isi butir SWOT" in error
        await pilot.press("escape")
        assert isinstance(app.screen, PillarScreen)
        assert len(app.store.plan().swot_for("governance")) == 5


async def test_arrows_walk_the_two_by_two(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.press("right")
        assert app.focused.quadrant == "W"
        await pilot.press("down")  # W has one item: down leaves it for T
        assert app.focused.quadrant == "T"
        await pilot.press("left")
        assert app.focused.quadrant == "O"
        await pilot.press("up")
        assert app.focused.quadrant == "S"


async def test_filter_by_element(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "f")
        await pilot.press("down", "enter")  # the first element: Pelayanan publik
        await pilot.pause()
        board = app.screen.query_one("SwotBoard")
        assert board.element_filter == "public_service"
        shown = {q: app.screen.query_one(f"#q-{q}", QuadrantList).item_ids for q in "SWOT"}
        assert len(shown["S"]) == 1 and shown["W"] == [] and len(shown["T"]) == 1
        assert "Pelayanan publik" in str(app.screen.query_one("#swot-filter").render())
        await pilot.press("escape")  # first escape clears the filter, the next one goes back
        assert board.element_filter == ""
        assert len(app.screen.query_one("#q-S", QuadrantList).item_ids) == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, PillarScreen)
