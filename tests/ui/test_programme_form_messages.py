"""What the programme form says, and for how long: money for a year the programme does not run
is asked about before it is saved (QA #1), a message goes once its field is put right (QA #9),
and an empty amount or target is seen before the cursor gets to it (QA #11)."""

from __future__ import annotations

from textual.widgets import Input, SelectionList, Static

from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.screens.programme_form_budget import BudgetLine
from smartcity_tui.ui.screens.programme_form_fields import FieldRow, IndicatorEditor

try:
    from .test_programme_form import error_of, save, type_into
    from .test_programme_plan import FormHost, fixed_id, programme_plan
except ImportError:
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
