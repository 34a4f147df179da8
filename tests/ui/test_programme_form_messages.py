"""What the programme form says, and for how long: money or an indicator's target for a year the
programme does not run is asked about before it is saved (QA #1), a message goes once its field
is put right (QA #9), the messages are said again in the other language after F4, and an empty
amount or target is seen before the cursor gets to it (QA #11)."""

from __future__ import annotations

from textual.widgets import Input, SelectionList, Static

from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.screens.programme_form_budget import BudgetLine
from smartcity_tui.ui.screens.programme_form_fields import FieldRow, IndicatorEditor

try:
    from .form_openers import OPENERS, open_form
    from .plan_screens_support import build_full_plan, open_app
    from .test_programme_form import error_of, save, type_into
    from .test_programme_plan import FormHost, fixed_id, programme_plan
except ImportError:
    from form_openers import OPENERS, open_form
    from plan_screens_support import build_full_plan, open_app
    from test_programme_form import error_of, save, type_into
    from test_programme_plan import FormHost, fixed_id, programme_plan


def summary(form: ProgrammeForm) -> str:
    """The line at the bottom of the form, or "" when it is hidden."""
    line = form.query_one("#form-errors", Static)
    return str(line.render()) if line.has_class("-shown") else ""


async def _new_programme_2029(pilot) -> ProgrammeForm:
    """QA #1's steps: a programme of 2029 alone, APBD ticked, money typed for 2026."""
    form = pilot.app.screen
    q = form.query_one
    await type_into(pilot, q("#code", Input), "QA-2")
    await type_into(pilot, q("#name", Input), "Program dua")
    await type_into(pilot, q("#start_year", Input), "2029")
    await type_into(pilot, q("#end_year", Input), "2029")
    q("#funding", SelectionList).focus()
    await pilot.press("space")  # APBD Kabupaten/Kota
    await pilot.pause()
    await type_into(pilot, q("#budget-apbd-2026", Input), "1000")
    return form


async def test_money_outside_the_programme_years_is_asked_about_then_kept():
    app = FormHost(programme_plan(), pillar="governance")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _new_programme_2029(pilot)
        form.query_one("#name", Input).focus()  # saved from elsewhere in the form
        await save(pilot)
        assert app.screen is form, "the first save asks, as the milestone form does"
        said = error_of(form, "budget-apbd-2026")
        assert said == "2026: Program berjalan 2029. Simpan sekali lagi untuk tetap menyimpannya."
        assert form.query_one(BudgetLine).has_class("-warned")
        assert summary(form).startswith("1 anggaran di luar tahun program")
        assert app.focused is form.query_one("#budget-apbd-2026"), "the cursor on the amount asked about"

        await save(pilot)  # the second save keeps what was typed
        assert app.screen is not form
    p = app.result.programme
    assert (p.start_year, p.end_year) == (2029, 2029)
    assert p.budget_by_source == {"apbd": {2026: 1000}}


async def test_money_inside_the_programme_years_after_the_question_saves():
    """Fixing what was asked about (the programme runs 2026-2029 after all) takes the
    question away at once, and a save then closes the form."""
    app = FormHost(programme_plan(), pillar="governance")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _new_programme_2029(pilot)
        await save(pilot)
        assert error_of(form, "budget-apbd-2026")
        await type_into(pilot, form.query_one("#start_year", Input), "2026")
        assert error_of(form, "budget-apbd-2026") == "", "the question goes once the amount is inside"
        assert not form.query_one(BudgetLine).has_class("-warned")
        assert summary(form) == ""
        await save(pilot)
        assert app.screen is not form
    assert app.result.programme.budget_by_source == {"apbd": {2026: 1000}}


async def test_an_error_goes_once_its_field_is_fixed_and_the_others_stay():
    """QA #9: the end year before the start; the name left empty. Fixing the end year takes its
    message and its mark away; the name's stay, and the count at the bottom says one."""
    app = FormHost(programme_plan(), pillar="governance")
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        q = form.query_one
        await type_into(pilot, q("#start_year", Input), "2029")
        await type_into(pilot, q("#end_year", Input), "2028")
        await save(pilot)
        assert "sebelum tahun mulai (2029)" in error_of(form, "end_year")
        assert "2 isian" in summary(form)

        await type_into(pilot, q("#end_year", Input), "2029", keys=True)
        assert error_of(form, "end_year") == ""
        end_row = next(r for r in form.query(FieldRow) if r.field_key == "end_year")
        assert not end_row.has_class("-invalid")
        assert error_of(form, "name") == "Isi nama program."
        assert summary(form).startswith("1 isian perlu diperbaiki")

        await type_into(pilot, q("#name", Input), "Program dua")
        assert error_of(form, "name") == ""
        assert summary(form) == "", "nothing left to fix: the summary goes too"


async def test_an_error_stays_while_its_field_is_still_wrong():
    """Half typed, a year is still wrong: the message said at the save stays, unchanged."""
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        await type_into(pilot, form.query_one("#end_year", Input), "2024")
        await save(pilot)
        said = error_of(form, "end_year")
        assert "2025-2029" in said
        await type_into(pilot, form.query_one("#end_year", Input), "20", keys=True)
        assert error_of(form, "end_year") == said


async def test_empty_amounts_and_targets_show_a_dash():
    """QA #11: an empty amount or target shows a dim dash, so a row of cells is seen before the
    cursor gets there; a line of amounts is no taller for it (a caption over a grid of two)."""
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        empty = form.query_one("#budget-csr-2026", Input)
        filled = form.query_one("#budget-csr-2025", Input)
        target = next(i for i in form.query(IndicatorEditor).first().query(".ind-target").results(Input)
                      if i.name == "2028")
        for cell in (empty, target):
            assert cell.value == ""
            assert cell.render_line(0).text.strip() == "—", cell.id
        assert filled.render_line(0).text.strip() == "250.000.000"
        line = next(b for b in form.query(BudgetLine) if b.source == "csr")
        line.scroll_visible(animate=False)
        await pilot.pause()
        assert line.size.height == 3


def target_cell(editor: IndicatorEditor, year: int) -> Input:
    return editor.targets[year]


async def test_a_target_outside_the_programme_years_is_asked_about_then_kept():
    """GOV-01 runs 2025-2027; a target typed for 2029 is asked about under the target, with
    the cursor on it, and a second save keeps it."""
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        editor = form.query(IndicatorEditor).first()
        await type_into(pilot, target_cell(editor, 2029), "60")
        form.query_one("#name", Input).focus()  # saved from elsewhere in the form
        await save(pilot)
        assert app.screen is form, "the first save asks"
        assert error_of(form, f"target-{fixed_id(20)}-2029") == (
            "Target 2029: program berjalan 2025-2027. Simpan sekali lagi untuk tetap menyimpannya.")
        assert editor.has_class("-warned") and not editor.has_class("-invalid")
        assert summary(form).startswith("1 target indikator di luar tahun program")
        assert app.focused is target_cell(editor, 2029), "the cursor on the target asked about"

        await save(pilot)  # the second save keeps what was typed
        assert app.screen is not form
    kept = {i.id: i for i in app.result.indicators}
    assert kept[fixed_id(20)].targets == {2025: 20, 2026: 35, 2027: 50, 2029: 60}


async def test_a_new_indicators_target_inside_the_years_after_the_question_saves():
    """A row added in the form is asked about too (its cells are found by the row), and the
    question goes as soon as the programme's years take the target in."""
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        form.query_one("#add-indicator").focus()
        await pilot.press("enter")
        await pilot.pause()
        editor = form.query(IndicatorEditor).last()
        await type_into(pilot, editor.query_one(".ind-name", Input), "Aplikasi terpadu")
        await type_into(pilot, target_cell(editor, 2028), "3")
        await save(pilot)
        key = f"target-{editor.row_key}-2028"
        assert error_of(form, key).startswith("Target 2028: program berjalan 2025-2027.")
        assert app.focused is target_cell(editor, 2028)

        await type_into(pilot, form.query_one("#end_year", Input), "2028")
        assert error_of(form, key) == "", "the question goes once the target is inside"
        assert not editor.has_class("-warned")
        assert summary(form) == ""
        await save(pilot)
        assert app.screen is not form
    added = next(i for i in app.result.indicators if i.name == "Aplikasi terpadu")
    assert added.targets == {2028: 3}


async def test_messages_are_said_again_in_the_other_language_after_f4(tmp_path):
    """F4 composes the form again: an error and a question said at the save are said again,
    in the new language, and the cursor stays where the officer had it."""
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            form = await open_form(pilot, OPENERS[2])
            assert isinstance(form, ProgrammeForm)
            name = form.query_one("#name", Input)
            typed_name = name.value
            await type_into(pilot, name, "")
            await save(pilot)
            assert error_of(form, "name") == "Isi nama program."
            await pilot.press("f4")
            await pilot.pause()
            assert app.language == "en" and app.screen is form
            assert error_of(form, "name") == "Type the programme's name."
            assert summary(form).startswith("1 field needs fixing")
            assert app.focused is form.query_one("#name"), "the cursor stays in its field"

            await type_into(pilot, form.query_one("#name", Input), typed_name)
            first = form.years.start
            await type_into(pilot, form.query_one("#start_year", Input), str(first))
            await type_into(pilot, form.query_one("#end_year", Input), str(first))
            form.query_one("#add-indicator").focus()
            await pilot.press("enter")
            await pilot.pause()
            editor = form.query(IndicatorEditor).last()
            await type_into(pilot, editor.query_one(".ind-name", Input), "Indikator baru")
            last = form.years.stop - 1
            await type_into(pilot, target_cell(editor, last), "5")
            await save(pilot)
            key = f"target-{editor.row_key}-{last}"
            assert error_of(form, key) == (
                f"Target for {last}: the programme runs {first}. Save once more to keep this target.")
            await pilot.press("f4")
            await pilot.pause()
            assert app.language == "id" and app.screen is form
            assert error_of(form, key) == (
                f"Target {last}: program berjalan {first}. Simpan sekali lagi untuk tetap menyimpannya.")
            assert form.query(IndicatorEditor).last().has_class("-warned")
            assert "target indikator di luar tahun program" in summary(form)
            await save(pilot)  # asked before the switch: this save keeps it
            assert app.screen is not form
    finally:
        store.close()
