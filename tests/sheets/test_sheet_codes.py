"""Official codes: a programme's Permendagri 90 nomenclature code and an indicator's Bappenas
reference code, checked for shape; the region's own code list imported from Bappeda's sheet
into the plan, searched as the form's picker will search it. No list is shipped: the test
list below is made up in the shape of the decree's tables."""

from __future__ import annotations

import pytest

from sheet_helpers import run, sample_copy, write_rows

from smartcity_tui.bundle import ExportOptions, export_bundle, read_bundle
from smartcity_tui.model.codes import (
    code_list, nomenclature_id, nomenclature_level, reference_code_ok, search_codes,
)
from smartcity_tui.model.records import Indicator, NomenclatureCode, Programme
from smartcity_tui.model.validation import validate
from smartcity_tui.store import PlanStore

LIST = [
    ["KODE", "NOMENKLATUR URUSAN KABUPATEN/KOTA", "KINERJA", "INDIKATOR", "SATUAN"],
    ["2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"],
    ["2.16", "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA"],
    ["2.16.03", "PROGRAM APLIKASI INFORMATIKA"],
    ["2.16.03.1.01", "Pengelolaan Nama Domain yang Telah Ditetapkan"],
    ["2.16.03.1.01.0001", "Penatalaksanaan Nama Domain", "Nama domain yang dikelola", "Jumlah nama domain", "Domain"],
    [None, "Sub total"],
    ["2.16.02", "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK"],
    ["X.XX.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
    ["3.30.03", "PROGRAM PERLINDUNGAN KONSUMEN DAN PENGAMANAN PERDAGANGAN (Pasar Téknis)"],
]


@pytest.mark.parametrize("code, level", [
    ("2.16.03", "program"), ("2.16.03.1.01", "kegiatan"), ("2.16.03.1.01.0001", "sub_kegiatan"),
    ("X.XX.01", "program"), ("1.01.01.2.01.0001", "sub_kegiatan"),
    ("2.16.3", None), ("2.16", None), ("2.16.03.1", None), ("2-16-03", None), (" 2.16.03", None), ("2.16.03.01.01", None),
])
def test_nomenclature_shapes(code, level):
    assert nomenclature_level(code) == level


@pytest.mark.parametrize("code, ok", [("PB.3.2.1", True), ("IKU-02/2025", True), ("A", True),
                                      ("kode dengan spasi", False), ("", False), ("x" * 41, False), (".A", False)])
def test_reference_code_shape(code, ok):
    assert reference_code_ok(code) == ok


def _findings(plan, kind):
    return [f for f in validate(plan) if f.code == kind]


def test_codes_are_optional_and_checked_for_shape(tmp_path):
    plan = sample_copy(tmp_path)
    with PlanStore.open(plan) as store:
        prog = store.plan().programmes[0]
        ind = store.plan().indicators[0]
        assert _findings(store.plan(), "programme.bad_nomenclature_code") == []
        store.update(prog.id, nomenclature_code="2.16.3")
        store.update(ind.id, reference_code="kode salah")
        (bad,) = _findings(store.plan(), "programme.bad_nomenclature_code")
        assert bad.severity == "error" and "2.16.3" in bad.message("en") and "N.NN.NN" in bad.message("id")
        assert len(_findings(store.plan(), "indicator.bad_reference_code")) == 1
        store.update(prog.id, nomenclature_code="2.16.03")
        assert _findings(store.plan(), "programme.bad_nomenclature_code") == []
        # without a list only the shape counts
        assert _findings(store.plan(), "programme.nomenclature_not_in_list") == []


def test_an_empty_code_is_never_stored(tmp_path):
    """Records written before codes existed stay byte-identical, and saving them unchanged
    writes nothing (so it can make no conflict)."""
    assert "nomenclature_code" not in Programme(name="x").to_fields()
    assert "reference_code" not in Indicator(name="x").to_fields()
    assert Programme(name="x", nomenclature_code="2.16.03").to_fields()["nomenclature_code"] == "2.16.03"
    plan = sample_copy(tmp_path)
    with PlanStore.open(plan) as store:
        prog = store.plan().programmes[0]
        writes = store.file_writes
        store.save(prog)
        assert store.file_writes == writes
        store.update(prog.id, nomenclature_code="2.16.03")
        store.update(prog.id, nomenclature_code="")
        assert "nomenclature_code" not in store.state(prog.id).values()


def test_codes_travel_in_bundles_and_bundles_without_them_still_read(tmp_path):
    plan = sample_copy(tmp_path)
    with PlanStore.open(plan) as store:
        prog = store.plan().programmes[0]
        store.update(prog.id, nomenclature_code="2.16.03")
        out = tmp_path / "out"
        out.mkdir()
        bundle = read_bundle(export_bundle(store, ExportOptions(out)).path)
    state = next(s for s in bundle.states if s.id == prog.id)
    assert state.value("nomenclature_code") == "2.16.03"
    # a programme without a code travels without the key, as in a bundle made before codes
    other = next(s for s in bundle.states if s.kind == "programme" and s.id != prog.id)
    assert "nomenclature_code" not in other.values()


def test_the_regions_list_comes_in_from_bappedas_sheet(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    path = write_rows(tmp_path / "kode.xlsx", {"Nomenklatur": LIST})
    code, out, err = run(capsys, "codes", "import", plan, path)
    assert (code, err) == (0, ""), err
    assert "6 baru" in out and "2 baris judul" in out and "1 baris tanpa kode" in out
    with PlanStore.open(plan, readonly=True) as store:
        codes = code_list(store.plan())
        assert [e.code for e in codes.entries] == [
            "2.16.02", "2.16.03", "2.16.03.1.01", "2.16.03.1.01.0001", "3.30.03", "X.XX.01"]
        sub = codes.get("2.16.03.1.01.0001")
        assert (sub.level, sub.output, sub.indicator, sub.unit) == (
            "sub_kegiatan", "Nama domain yang dikelola", "Jumlah nama domain", "Domain")
        record = store.get(nomenclature_id(store.plan_id, "2.16.03"))
        assert isinstance(record, NomenclatureCode) and record.name == "PROGRAM APLIKASI INFORMATIKA"
    before = plan.read_bytes()
    code, out, err = run(capsys, "codes", "import", plan, path)
    assert code == 0 and "0 baru, 0 diubah, 6 tetap" in out
    assert plan.read_bytes() == before


def test_a_list_under_the_kepmendagri_title_comes_in_from_its_header_row(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    titled = [["KODEFIKASI DAN NOMENKLATUR PERENCANAAN PEMBANGUNAN DAERAH"], [], *LIST]
    path = write_rows(tmp_path / "kode.xlsx", {"Nomenklatur": titled})
    code, out, err = run(capsys, "codes", "import", plan, path)
    assert (code, err) == (0, ""), err
    assert "Lembar Nomenklatur, baris 3: judul kolom ada di baris ini" in out
    assert "6 baru" in out
    with PlanStore.open(plan, readonly=True) as store:
        assert len(code_list(store.plan()).entries) == 6


def test_the_picker_search_finds_by_code_and_by_words(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    run(capsys, "codes", "import", plan, write_rows(tmp_path / "kode.xlsx", {"Kode": LIST}))
    with PlanStore.open(plan, readonly=True) as store:
        p = store.plan()
        assert [m.code for m in search_codes(p, "2.16.03")] == ["2.16.03", "2.16.03.1.01", "2.16.03.1.01.0001"]
        assert [m.code for m in search_codes(p, "nama domain")] == ["2.16.03.1.01", "2.16.03.1.01.0001"]
        assert [m.code for m in search_codes(p, "pasar teknis")] == ["3.30.03"]  # accents folded
        assert len(search_codes(p, "", limit=2)) == 2
    code, out, err = run(capsys, "codes", "search", plan, "informatika")
    assert code == 0 and out.splitlines() == ["2.16.03  PROGRAM APLIKASI INFORMATIKA"]


def test_with_a_list_a_code_outside_it_is_a_warning(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    run(capsys, "codes", "import", plan, write_rows(tmp_path / "kode.xlsx", {"Kode": LIST}))
    with PlanStore.open(plan) as store:
        prog = store.plan().programmes[0]
        store.update(prog.id, nomenclature_code="2.16.04")
        (f,) = _findings(store.plan(), "programme.nomenclature_not_in_list")
        assert f.severity == "warning"
        store.update(prog.id, nomenclature_code="2.16.03")
        assert _findings(store.plan(), "programme.nomenclature_not_in_list") == []


def test_a_bad_code_refuses_the_list_with_its_place(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    path = write_rows(tmp_path / "kode.xlsx", {"Kode": LIST + [["2.16.3", "Salah ketik"]]})
    before = plan.read_bytes()
    code, out, err = run(capsys, "codes", "import", plan, path)
    assert code == 2 and "Lembar Kode, baris 11, kolom A (KODE)" in err and "'2.16.3'" in err
    assert plan.read_bytes() == before


def test_the_plans_own_sheets_given_as_a_code_list_are_one_line(tmp_path, capsys):
    """The workbook `sheet export` writes sits beside Bappeda's list and is easily picked:
    one line says what it is, not 150 lines of programme codes of the wrong shape."""
    plan = sample_copy(tmp_path)
    own = tmp_path / "lembar.xlsx"
    assert run(capsys, "sheet", "export", plan, own)[0] == 0
    before = plan.read_bytes()
    code, _, err = run(capsys, "codes", "import", plan, own)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2, err
    assert "lembar ekspor rencana (lembar Program, Anggaran, Indikator, SWOT)" in lines[0]
    assert "sheet import" in lines[0] and "1 masalah" in lines[1]
    assert plan.read_bytes() == before


def test_a_list_without_one_code_of_the_right_shape_is_one_line(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    rows = [["Kode", "Nama Program"]] + [[f"GOV-{i:02d}", f"Program {i}"] for i in range(1, 40)]
    path = write_rows(tmp_path / "program-opd.xlsx", {"Daftar": rows})
    code, _, err = run(capsys, "--lang", "en", "codes", "import", plan, path)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2, err
    assert "Not one of the 39 codes" in lines[0] and "(here: GOV-01, GOV-02, GOV-03, GOV-04, GOV-05)" in lines[0]
    assert lines[0].startswith("smartcity-tui: Sheet Daftar, row 2, column A")


def test_an_undone_list_imports_again(tmp_path):
    from smartcity_tui.sheets import read_file
    from smartcity_tui.sheets.codelist import apply_codes, preview_codes

    plan = sample_copy(tmp_path)
    book = read_file(write_rows(tmp_path / "kode.xlsx", {"Kode": LIST}))
    with PlanStore.open(plan) as store:
        apply_codes(store, preview_codes(store, book), "kode.xlsx")
        assert len(code_list(store.plan())) == 6
        assert store.undo() == "impor daftar kode kode.xlsx"
        assert len(code_list(store.plan())) == 0
        again = preview_codes(store, book)
        assert (again.new, again.changed, len(again.restore)) == (0, 6, 6)
        apply_codes(store, again, "kode.xlsx")
        assert len(code_list(store.plan())) == 6


def test_two_copies_of_a_plan_make_the_same_list_records(tmp_path, capsys):
    """The ids come from the code, so after a merge the list is one list, not two, and
    the same values written on both sides are agreement, not conflicts."""
    a = sample_copy(tmp_path, "a.json")
    b = sample_copy(tmp_path, "b.json")
    path = write_rows(tmp_path / "kode.xlsx", {"Kode": LIST})
    run(capsys, "codes", "import", a, path)
    run(capsys, "codes", "import", b, path)
    ids = []
    for plan in (a, b):
        with PlanStore.open(plan, readonly=True) as store:
            ids.append(sorted(r.id for r in store.plan().records.values() if isinstance(r, NomenclatureCode)))
    assert ids[0] == ids[1] and len(ids[0]) == 6
    out = tmp_path / "flashdisk"
    out.mkdir()
    with PlanStore.open(b, readonly=True) as store:
        bundle = export_bundle(store, ExportOptions(out)).path
    code, printed, err = run(capsys, "merge", a, bundle)
    assert (code, err) == (0, ""), printed + err  # equal values on both sides: agreement, no conflict
    with PlanStore.open(a, readonly=True) as store:
        assert len(code_list(store.plan())) == 6 and not store.plan().conflict_ids
