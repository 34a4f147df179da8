"""The programme form on a bare host app: rejected with bad input, accepted when fixed, and
everything typed comes back in the result."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea

from smartcity_tui.ui.screens.leave_form import LeaveForm
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.screens.programme_form_budget import BudgetLine
from smartcity_tui.ui.screens.programme_form_fields import FieldError, FieldRow, IndicatorEditor

try:
    from .test_programme_plan import FormHost, fixed_id, programme_plan
except ImportError:
    from test_programme_plan import FormHost, fixed_id, programme_plan

SIZE = (100, 40)


async def type_into(pilot, widget, text: str, *, keys: bool = False) -> None:
    """Focus a field, clear it and type into it. With keys=True every character is a key
    press, as an officer types; otherwise the text is inserted at the cursor in one go
    (the same edit, a fraction of the time, which keeps this file fast)."""
    widget.focus()
    await pilot.pause()
    if isinstance(widget, Input):
        widget.value = ""
        if keys:
            await pilot.press(*text)
        else:
            widget.insert_text_at_cursor(text)
    else:
        widget.insert(text)
    await pilot.pause()


def error_of(form: ProgrammeForm, key: str) -> str:
    """The message shown under a field, or "" when it has none."""
    return " ".join(str(f.render()) for f in form.query(FieldError) if f.field_key == key)


def row_of(widget) -> FieldRow | BudgetLine:
    return next(a for a in widget.ancestors if isinstance(a, (FieldRow, BudgetLine)))


async def save(pilot, key: str = "ctrl+s") -> None:
    await pilot.press(key)
    await pilot.pause()


async def test_bad_years_are_rejected_then_accepted_when_fixed():
    app = FormHost(programme_plan())
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        assert isinstance(form, ProgrammeForm)
        q = form.query_one
        await type_into(pilot, q("#name", Input), "Sekolah Digital")
        await type_into(pilot, q("#start_year", Input), "2027", keys=True)
        await type_into(pilot, q("#end_year", Input), "2026", keys=True)
        await save(pilot)
        assert app.screen is form, "the form must stay open while the years are wrong"
        assert "2027" in error_of(form, "end_year")
        assert "sebelum tahun mulai" in error_of(form, "end_year")
        assert "1 isian" in str(q("#form-errors", Static).render())
        assert app.focused is q("#end_year", Input), "the cursor goes to the field to fix"

        await type_into(pilot, q("#end_year", Input), "2031")
        await save(pilot, "f2")
        assert app.screen is form
        assert "2025-2029" in error_of(form, "end_year")

        await type_into(pilot, q("#end_year", Input), "2028", keys=True)
        await save(pilot)
        assert app.screen is not form
        result = app.result
        assert result.programme.name == "Sekolah Digital"
        assert (result.programme.start_year, result.programme.end_year) == (2027, 2028)
        assert result.programme.pillar == "governance"


BAD_INPUT = [  # field, what is typed, error key, what the message must say
    ("#name", "", "name", "Isi nama program"),
    ("#start_year", "", "start_year", "Isi tahun, misalnya 2025"),
    ("#progress", "150", "progress", "0 sampai 100"),
    ("#budget-apbd-2026", "satu juta", "budget-apbd-2026", "1.250.000.000"),
    ("#budget-csr-2027", "-5000", "budget-csr-2027", "negatif"),
]


async def test_each_bad_field_says_what_to_type_then_saves_when_fixed():
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        for field, text, _, _ in BAD_INPUT:
            await type_into(pilot, form.query_one(field, Input), text)
        await save(pilot)
        assert app.screen is form
        for field, _, key, says in BAD_INPUT:
            assert says in error_of(form, key), key
            assert row_of(form.query_one(field)).has_class("-invalid"), key
        assert f"{len(BAD_INPUT)} isian" in str(form.query_one("#form-errors", Static).render())
        assert app.focused is form.query_one("#name"), "the first field to fix gets the cursor"

        for field, text in (("#name", "MPP"), ("#start_year", "2025"), ("#progress", "100")):
            await type_into(pilot, form.query_one(field, Input), text)
        await save(pilot)
        assert app.focused is form.query_one("#budget-apbd-2026"), "the amount to fix, not its line's first"

        for field, text in (("#budget-apbd-2026", "500.000.000"), ("#budget-csr-2027", "0")):
            await type_into(pilot, form.query_one(field, Input), text)
        await save(pilot)
        assert app.screen is not form
    p = app.result.programme
    assert (p.name, p.start_year, p.progress) == ("MPP", 2025, 100)
    assert p.budget_by_source == {"apbd": {2025: 500_000_000, 2026: 500_000_000}, "csr": {2025: 250_000_000, 2027: 0}}


async def test_a_quick_win_longer_than_a_year_is_saved_the_plan_warns_of_it():
    """Practice varies (a quick win may carry its running costs on): the form does not refuse,
    the plan's validation warns, on the dashboard and in `validate`."""
    app = FormHost(programme_plan(), fixed_id(10))  # runs 2025-2027
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        assert "dirasakan warga dalam tahun pertama" in str(form.query_one("#quick_win", Checkbox).label)
        form.query_one("#quick_win", Checkbox).focus()
        await pilot.press("space")
        await save(pilot)
        assert app.result.programme.quick_win is True
        assert (app.result.programme.start_year, app.result.programme.end_year) == (2025, 2027)


async def test_a_bad_target_is_rejected_beside_its_indicator():
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        editor = form.query(IndicatorEditor).first()
        target = next(i for i in editor.query(".ind-target").results(Input) if i.name == "2028")
        await type_into(pilot, target, "banyak")
        await save(pilot)
        assert app.screen is form
        message = error_of(form, f"indicator-{fixed_id(20)}")
        assert "2028" in message and "angka" in message
        assert editor.has_class("-invalid")


async def test_escape_on_an_untouched_form_just_closes():
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None
        assert not isinstance(app.screen, ProgrammeForm)


async def test_escape_with_changes_asks_and_discard_returns_nothing():
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, app.screen.query_one("#name", Input), "Berubah")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveForm), "typed work is not thrown away without a word"
        await pilot.press("escape")  # lanjut mengisi: back to the form, the text still there
        await pilot.pause()
        assert isinstance(app.screen, ProgrammeForm)
        assert app.screen.query_one("#name", Input).value.endswith("Berubah")
        await pilot.press("escape", "b")  # buang
        await pilot.pause()
        assert app.result is None
        assert not isinstance(app.screen, ProgrammeForm)


async def test_budget_typed_plain_is_shown_grouped_and_totalled():
    app = FormHost(programme_plan())
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        q = form.query_one
        assert not form.query(BudgetLine), "no line of amounts before a source is ticked"
        q("#funding", SelectionList).focus()
        await pilot.press("space", "down", "down", "down", "space")  # APBD Kabupaten/Kota, DAK
        await pilot.pause()
        assert [line.source for line in form.query(BudgetLine)] == ["apbd", "dak"]
        await type_into(pilot, q("#budget-apbd-2025", Input), "1250000000")
        await type_into(pilot, q("#budget-dak-2026", Input), "Rp 250.000.000")
        await pilot.press("tab")
        await pilot.pause()
        assert q("#budget-apbd-2025", Input).value == "1.250.000.000"
        assert q("#budget-dak-2026", Input).value == "250.000.000"
        assert "Rp 1.500.000.000" in str(q("#budget-total", Static).render())
        # unticking a source that holds amounts keeps its line (nothing typed disappears unseen);
        # unticking an empty one takes its line away
        q("#funding", SelectionList).focus()
        await pilot.press("home", "down", "space")  # APBD Provinsi: ticked, a line appears
        await pilot.pause()
        assert [line.source for line in form.query(BudgetLine)] == ["apbd", "apbd_prov", "dak"]
        await pilot.press("space", "down", "down", "space")  # APBD Provinsi and DAK unticked
        await pilot.pause()
        assert [line.source for line in form.query(BudgetLine)] == ["apbd", "dak"]
        await type_into(pilot, q("#name", Input), "Pasar Daring")
        await type_into(pilot, q("#start_year", Input), "2025")
        await type_into(pilot, q("#end_year", Input), "2026")
        await save(pilot)
        p = app.result.programme
        assert p.budget_by_source == {"apbd": {2025: 1_250_000_000}, "dak": {2026: 250_000_000}}
        assert (p.funding_sources, p.total_budget) == (["apbd"], 1_500_000_000)


async def test_an_amount_not_split_by_source_shows_in_its_own_line_until_moved():
    """A budget written before budgets were held per source: its amounts stand in the line
    "Belum dirinci per sumber"; moving them to a source and clearing the line saves the split."""
    app = FormHost(programme_plan(), fixed_id(11))  # 1.250.000.000 in 2025, not split
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        q = form.query_one
        lines = {line.source: line for line in form.query(BudgetLine)}
        assert "unspecified" in lines and "Belum dirinci per sumber" in str(
            lines["unspecified"].query_one(".budget-source").render())
        assert q("#budget-unspecified-2025", Input).value == "1.250.000.000"
        assert list(lines) == ["apbd", "unspecified"]  # APBD is ticked: its line is there to fill
        await type_into(pilot, q("#budget-apbd-2025", Input), "1.000.000.000")
        await type_into(pilot, q("#budget-unspecified-2025", Input), "250.000.000")
        await save(pilot)
        assert app.result.programme.budget_by_source == {"apbd": {2025: 1_000_000_000},
                                                         "unspecified": {2025: 250_000_000}}


async def test_indicator_rows_are_added_and_removed():
    plan = programme_plan()
    app = FormHost(plan, fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        assert len(form.query(IndicatorEditor)) == 2
        first = form.query(IndicatorEditor).first()
        first.query_one(".remove-row", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(form.query(IndicatorEditor)) == 1
        assert app.focused is form.query_one("#add-indicator")

        await pilot.press("enter")  # the focused "+ Indikator" button
        await pilot.pause()
        editors = list(form.query(IndicatorEditor))
        assert len(editors) == 2
        assert app.focused is editors[-1].query_one(".ind-name", Input)
        await type_into(pilot, app.focused, "Warga memakai layanan daring")
        await type_into(pilot, editors[-1].query_one(".ind-unit", Input), "persen")
        await type_into(pilot, editors[-1].query_one(".ind-base", Input), "12,5")
        targets = {int(i.name): i for i in editors[-1].query(".ind-target").results(Input)}
        assert sorted(targets) == list(plan.info.years), "one target per plan year"
        await type_into(pilot, targets[2027], "1.834")

        form.query_one("#add-indicator", Button).focus()  # an extra row left empty
        await pilot.press("enter")
        await pilot.pause()
        await save(pilot)

    result = app.result
    assert result.removed_indicator_ids == [fixed_id(20)]
    assert [i.name for i in result.indicators] == ["Kepuasan masyarakat", "Warga memakai layanan daring"]
    kept, new = result.indicators
    assert kept.id == fixed_id(21) and kept.targets == {2025: 78, 2026: 80.5}
    assert new.programme_id == fixed_id(10)
    assert (new.unit, new.baseline, new.targets) == ("persen", 12.5, {2027: 1834.0})
    # the kept indicator keeps its place (no write of its order); the new one is put after
    # every record by the store (order 0 asks for that)
    assert [i.order for i in result.indicators] == [plan.get(fixed_id(21)).order, 0]


@pytest.mark.long(26)
async def test_every_field_typed_comes_back_in_the_result():
    app = FormHost(programme_plan())
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        q = form.query_one
        await type_into(pilot, q("#code", Input), "GOV-09")
        await type_into(pilot, q("#nomenclature_code", Input), "2.13.02")
        await type_into(pilot, q("#name", Input), "Desa Digital")
        await type_into(pilot, q("#description", TextArea), "Layanan desa daring")
        q("#element", Select).focus()
        await pilot.press("enter", "down", "down", "enter")  # blank, public service, bureaucracy
        await type_into(pilot, q("#subtopic", Input), "Desa")
        q("#strategies", SelectionList).focus()
        await pilot.press("down", "space")  # the WT strategy
        await type_into(pilot, q("#lead_agency", Input), "Dispermades")
        await type_into(pilot, q("#supporting", Input), "Diskominfo, Bappeda")
        q("#add-stakeholder", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        await type_into(pilot, app.focused, "Karang Taruna")
        await pilot.press("tab", "enter", "down", "down", "down", "enter")  # community
        await type_into(pilot, q("#reference", Input), "Renstra Dispermades 2025")
        q("#innovation", Select).focus()
        await pilot.press("enter", "down", "down", "enter")  # blank, programme, product
        q("#horizon", Select).focus()
        await pilot.press("enter", "up", "enter")  # medium -> short
        await type_into(pilot, q("#start_year", Input), "2026")
        await type_into(pilot, q("#end_year", Input), "2026")
        q("#quick_win", Checkbox).focus()
        await pilot.press("space")
        q("#priority", Select).focus()
        await pilot.press("enter", "down", "enter")  # medium -> low
        await type_into(pilot, q("#location", Input), "12 desa di Kecamatan Argolereng")
        await type_into(pilot, q("#beneficiaries", Input), "Perangkat desa")
        await type_into(pilot, q("#regulation_needs", Input), "Perbup desa digital")
        q("#missions", SelectionList).focus()
        await pilot.press("space")  # mission 1
        q("#funding", SelectionList).focus()
        await pilot.press("space", "down", "down", "space")  # APBD, APBN
        await pilot.pause()
        await type_into(pilot, q("#budget-apbd-2026", Input), "750000000")
        q("#status", Select).focus()
        await pilot.press("enter", "down", "enter")  # planned -> ongoing
        await type_into(pilot, q("#progress", Input), "10")
        q("#add-indicator", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        await type_into(pilot, app.focused, "Desa terhubung")
        await pilot.press("tab", *"desa", "tab", "0", "tab", *"IKK.1")
        editor = form.query(IndicatorEditor).last()
        editor.query_one(".ind-kind", Select).value = "outcome"
        await type_into(pilot, editor.query_one(".ind-base-year", Input), "2024")
        await type_into(pilot, editor.query_one(".ind-end", Input), "120")
        await type_into(pilot, editor.query_one(".ind-source", Input), "Dinas PMD")
        await type_into(pilot, editor.query_one(".ind-definition", Input), "Desa dengan layanan daring aktif")
        await type_into(pilot, editor.query_one(".ind-evidence", Input), "Data PMD 2024")
        target = next(i for i in editor.query(".ind-target").results(Input) if i.name == "2026")
        await type_into(pilot, target, "40")
        await save(pilot, "f2")

    r = app.result
    assert r is not None, "the form should have closed"
    p = r.programme
    assert (p.code, p.name, p.description) == ("GOV-09", "Desa Digital", "Layanan desa daring")
    assert p.nomenclature_code == "2.13.02"
    assert (p.pillar, p.element, p.subtopic) == ("governance", "bureaucracy", "Desa")
    assert p.strategy_ids == [fixed_id(2)]
    assert (p.lead_agency, p.supporting_agencies) == ("Dispermades", ["Diskominfo", "Bappeda"])
    assert [(s.name, s.role) for s in p.stakeholders] == [("Karang Taruna", "community")]
    assert (p.reference, p.innovation, p.horizon) == ("Renstra Dispermades 2025", "product", "short")
    assert (p.start_year, p.end_year, p.quick_win, p.priority) == (2026, 2026, True, "low")
    assert p.funding_sources == ["apbd", "apbn"]
    assert p.budget_by_source == {"apbd": {2026: 750_000_000}}
    assert (p.status, p.progress) == ("ongoing", 10)
    assert (p.location, p.beneficiaries, p.regulation_needs, p.mission_numbers) == (
        "12 desa di Kecamatan Argolereng", "Perangkat desa", "Perbup desa digital", [1])
    assert [(i.name, i.unit, i.baseline, i.targets, i.reference_code) for i in r.indicators] == [
        ("Desa terhubung", "desa", 0.0, {2026: 40.0}, "IKK.1")]
    [ind] = r.indicators
    assert (ind.kind, ind.baseline_year, ind.end_target, ind.data_source, ind.definition, ind.evidence) == (
        "outcome", 2024, 120.0, "Dinas PMD", "Desa dengan layanan daring aktif", "Data PMD 2024")
    assert r.removed_indicator_ids == []


async def test_editing_keeps_the_programme_id_and_its_untouched_fields():
    plan = programme_plan()
    app = FormHost(plan, fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, app.screen.query_one("#name", Input), "MPP Digital")
        await save(pilot)
    before, after = plan.get(fixed_id(10)), app.result.programme
    assert after.id == before.id and after.name == "MPP Digital"
    assert after.replace(name=before.name) == before
    assert [i.id for i in app.result.indicators] == [fixed_id(20), fixed_id(21)]
    assert app.result.indicators == plan.indicators_of(fixed_id(10))


async def test_in_english_the_form_and_its_messages_are_english():
    from smartcity_tui.i18n import get_language, set_language

    before = get_language()
    set_language("en")
    try:
        app = FormHost(programme_plan())
        async with app.run_test(size=SIZE) as pilot:
            form = app.screen
            assert form.query_one("#dialog").border_title == "New programme · Smart Governance"
            await type_into(pilot, form.query_one("#name", Input), "Digital school")
            await save(pilot)
            assert error_of(form, "start_year") == "Type a year, for example 2025."
            assert "2 fields need fixing" in str(form.query_one("#form-errors", Static).render())
            assert form.active_bindings["ctrl+s"].binding.description == "Save"  # as footer and help show it
    finally:
        set_language(before)
