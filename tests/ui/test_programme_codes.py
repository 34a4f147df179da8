"""Official codes in the programme form and the detail pane: the nomenclature code checked for
its shape, found in the region's code list with ctrl+o (a search by code or by name), its
name shown under the field and in the detail pane; an indicator's Bappenas reference code
typed in its row. Without a list in the plan only the shape is checked, and ctrl+o says how
a list gets there."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from smartcity_tui.model.codes import nomenclature_id
from smartcity_tui.model.plan import Plan
from smartcity_tui.model.records import NomenclatureCode
from smartcity_tui.ui.screens.code_picker import CodePicker
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.screens.programme_form_fields import IndicatorEditor
from smartcity_tui.ui.widgets.programme_detail import detail_text

try:
    from .test_programme_form import error_of, save, type_into
    from .test_programme_plan import FormHost, fixed_id, programme_plan
except ImportError:
    from test_programme_form import error_of, save, type_into
    from test_programme_plan import FormHost, fixed_id, programme_plan

SIZE = (100, 40)
CODES = [
    ("2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik"),
    ("2.16.03", "Program Pengelolaan Aplikasi Informatika"),
    ("2.16.03.1.02", "Pengelolaan Nama Domain yang Telah Ditetapkan oleh Pemerintah Pusat"),
    ("5.01.01", "Program Penunjang Urusan Pemerintahan Daerah"),
]


def with_code_list(plan: Plan) -> Plan:
    records = dict(plan.records)
    for code, name in CODES:
        rid = nomenclature_id(plan.info.id, code)
        records[rid] = NomenclatureCode(id=rid, code=code, name=name)
    return Plan(plan.info, records)


def note(form: ProgrammeForm) -> str:
    return str(form.query_one("#code-note", Static).render())


async def test_a_code_is_found_by_name_in_the_list_and_saved():
    app = FormHost(with_code_list(programme_plan()), fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        code = form.query_one("#nomenclature_code", Input)
        assert "4 kode" in note(form)
        code.focus()
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CodePicker)
        assert picker.query_one("#code-matches", OptionList).option_count == 4
        await type_into(pilot, picker.query_one("#code-query", Input), "aplikasi informatika")
        assert [m.code for m in picker.matches] == ["2.16.03"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and code.value == "2.16.03"
        assert app.focused is code, "back in the field the picker was opened from"
        assert "Aplikasi Informatika" in note(form)
        await save(pilot)
        assert app.result.programme.nomenclature_code == "2.16.03"


async def test_a_code_typed_by_hand_has_its_shape_checked():
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        code = form.query_one("#nomenclature_code", Input)
        await type_into(pilot, code, "2.16.3")
        await save(pilot)
        assert app.screen is form, "a code of no known shape is not saved"
        assert "N.NN.NN" in error_of(form, "nomenclature_code")
        assert app.focused is code
        await type_into(pilot, code, "x.xx.01")  # the decrees write the X in capitals
        ref = form.query(IndicatorEditor).first().query_one(".ind-ref", Input)
        await type_into(pilot, ref, "KEP 26A")
        await save(pilot)
        assert app.screen is form
        assert "tanpa spasi" in " ".join(error_of(form, key) for key in
                                         [f"indicator-{e.row_key}" for e in form.query(IndicatorEditor)])
        await type_into(pilot, ref, "IKK.2.16.01")
        await save(pilot)
        result = app.result
        assert result.programme.nomenclature_code == "X.XX.01"
        assert result.indicators[0].reference_code == "IKK.2.16.01"
        assert result.indicators[1].reference_code == "", "an untouched row keeps no code"


async def test_without_a_list_ctrl_o_says_how_to_get_one():
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        assert not form.query_one("#code-note").display, "no list, no code: nothing to say"
        form.query_one("#nomenclature_code", Input).focus()
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen is form
        assert any("codes import" in n.message for n in app._notifications)


def test_the_detail_pane_names_the_code_from_the_list():
    plan = with_code_list(programme_plan())
    mpp = plan.get(fixed_id(10)).replace(nomenclature_code="2.16.03")
    ind = plan.get(fixed_id(20)).replace(reference_code="IKK.2.16.01")
    plan = Plan(plan.info, {**plan.records, mpp.id: mpp, ind.id: ind})
    text = detail_text(plan, mpp, "id").plain
    assert "Kode nomenklatur: 2.16.03 · Program Pengelolaan Aplikasi Informatika" in text
    assert "kode referensi IKK.2.16.01" in text
    unknown = mpp.replace(nomenclature_code="2.16.09")
    assert "2.16.09 · tidak ada di daftar kode daerah" in detail_text(plan, unknown, "id").plain
    bare = programme_plan()
    assert "Kode nomenklatur: 2.16.09\n" in detail_text(bare, unknown, "id").plain
    assert "Kode nomenklatur" not in detail_text(bare, bare.get(fixed_id(11)), "id").plain
