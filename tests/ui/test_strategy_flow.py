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
        assert "kelemahan (W) dan peluang (O)" in str(app.screen.query_one("#kind-hint").render())
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


async def save_an_so_strategy_citing_a_weakness(pilot) -> StrategyForm:
    """A new SO strategy on governance, "Perkuat layanan daring", citing the first strength and
    the weakness (items are listed S, S, W, O, T), saved once (Ctrl+S): the form asks."""
    await pilot.press("1", "t", "n")
    form = pilot.app.screen
    assert isinstance(form, StrategyForm)
    await type_text(pilot, "Perkuat layanan daring")
    await pilot.press("enter")  # on to the SWOT picker (the kind stays SO)
    await pilot.press("space", "down", "down", "space")
    await pilot.press("ctrl+s")
    await pilot.pause()
    return form


async def test_an_item_of_the_wrong_kind_is_asked_about_and_kept_on_a_second_save(ui_app, workshop_plan):
    """QA #3: an SO strategy citing a W item. The form says so under the items, as validation
    would (its rule, strategy.swot_quadrant), and saves only on a second Ctrl+S, the W item
    kept; unticking the item takes the question away."""
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        form = await save_an_so_strategy_citing_a_weakness(pilot)
        picker = form.query_one(SelectionList)
        line = form.query_one("#swot-error")
        said = str(line.render())
        assert app.screen is form, "the first save asks, it does not close the form"
        assert line.has_class("-shown") and line.region.height
        assert "Strategi SO tidak memakai butir W 'Data antar-OPD belum terhubung'" in said
        assert "simpan sekali lagi" in said
        assert app.focused is picker
        assert not any(s.text == "Perkuat layanan daring" for s in app.store.plan().strategies_for("governance"))

        await pilot.press("space")  # untick the weakness: the question goes
        await pilot.pause()
        assert not line.has_class("-shown")
        await pilot.press("space")  # ticked again, on purpose: it was asked about once, enough
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        [new] = [s for s in app.store.plan().strategies_for("governance") if s.text == "Perkuat layanan daring"]
        assert new.kind == "SO"
        assert sorted(app.store.get(i).quadrant for i in new.swot_ids) == ["S", "W"], "the W item is kept"

    with reopen(workshop_plan) as store:
        assert len(store.get(new.id).swot_ids) == 2


async def test_the_question_about_items_of_the_wrong_kind_is_asked_again_after_f4(ui_app, workshop_plan):
    """F4 says the form's messages again in English, the question about the W item among
    them, still a question: a second save after it keeps the item."""
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        form = await save_an_so_strategy_citing_a_weakness(pilot)
        assert "simpan sekali lagi" in str(form.query_one("#swot-error").render())
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is form and app.language == "en"
        said = str(form.query_one("#swot-error").render())
        assert "SO strategies do not draw on" in said and "save once more to keep it" in said, said
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
    with reopen(workshop_plan) as store:
        [new] = [s for s in store.plan().strategies_for("governance") if s.text == "Perkuat layanan daring"]
        assert sorted(store.get(i).quadrant for i in new.swot_ids) == ["S", "W"]


async def test_a_pillar_without_swot_says_so_in_the_strategy_form(ui_app):
    """A strategy draws on SWOT items: on a pillar that has none yet the form says to map the
    SWOT first (the line was written but never shown)."""
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "t", "n")
        await pilot.pause()
        assert isinstance(app.screen, StrategyForm)
        assert not app.screen.query_one(SelectionList).option_count, "the workshop plan's branding has no SWOT"
        line = app.screen.query_one("#swot-error")
        assert line.display and line.region.height > 0, "the line is on screen"
        assert "belum memiliki butir SWOT" in str(line.render())
