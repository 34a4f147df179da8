"""A working group turns its SWOT into a TOWS strategy, picking the items it draws on."""

from __future__ import annotations

from textual.widgets import SelectionList
from ui_support import reopen, type_text

from smartcity_tui.ui.screens.strategy_form import StrategyForm
from smartcity_tui.ui.widgets.strategy_view import StrategyTable


async def test_a_strategy_citing_two_swot_items_is_saved(ui_app, workshop_plan):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "t")
        assert isinstance(app.focused, StrategyTable)
        await pilot.press("n")
        assert isinstance(app.screen, StrategyForm)
        await type_text(pilot, "Hubungkan data OPD lewat dana SPBE")  # the text field has focus
        await pilot.press("shift+tab", "space")  # back to the kind; space opens its list
        await pilot.press("down", "enter")  # WO is the one after SO
        assert app.screen.query_one("#kind").value == "WO"
        assert "Kelemahan (W) dan Peluang (O)" in str(app.screen.query_one("#kind-hint").render())
        await pilot.press("tab")
        await pilot.press("enter")  # on to the SWOT picker
        picker = app.screen.query_one(SelectionList)
        assert app.focused is picker
        # items are listed S, S, W, O, T: tick the weakness and the opportunity
        await pilot.press("down", "down", "space", "down", "space")
        assert len(picker.selected) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        strategies = app.store.plan().strategies_for("governance")
        new = next(s for s in strategies if s.text == "Hubungkan data OPD lewat dana SPBE")
        cited = [app.store.get(i) for i in new.swot_ids]
        assert new.kind == "WO"
        assert sorted(i.quadrant for i in cited) == ["O", "W"]
        assert app.focused.current_id() == new.id, "the cursor lands on the new strategy"
        detail = str(app.screen.query_one("#strategy-detail").render())
        assert "Data antar-OPD belum terhubung" in detail and "Program nasional SPBE" in detail

    with reopen(workshop_plan) as store:
        saved = store.get(new.id)
        assert saved.kind == "WO" and len(saved.swot_ids) == 2
        assert {store.get(i).text for i in saved.swot_ids} == {
            "Data antar-OPD belum terhubung", "Program nasional SPBE membuka dana"}


async def test_edit_keeps_citations_and_delete_undoes(ui_app, workshop_plan):
    app = ui_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "t", "e")
        form = app.screen
        assert isinstance(form, StrategyForm)
        assert len(form.query_one(SelectionList).selected) == 2
        await type_text(pilot, " daring")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (strategy,) = app.store.plan().strategies_for("governance")
        assert strategy.text == "Satukan layanan izin di satu portal daring"
        assert len(strategy.swot_ids) == 2
        await pilot.press("delete")
        await pilot.pause()
        assert app.store.plan().strategies_for("governance") == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [s.id for s in app.store.plan().strategies_for("governance")] == [strategy.id]

    with reopen(workshop_plan) as store:
        assert store.get(strategy.id).text == "Satukan layanan izin di satu portal daring"
