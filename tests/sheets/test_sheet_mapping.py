"""Real lists in: headers in Indonesian or English and the variants of RPJMD and Renstra
lists, pillars by name, key or number, a sheet recognised by its headers, and the mapping
an import screen shows and lets the officer change."""

from __future__ import annotations

import pytest

from sheet_helpers import run, sample_copy, write_rows

from smartcity_tui.sheets import apply_import, field_choices, preview_import, propose_mapping, read_file
from smartcity_tui.sheets.columns import INDICATOR, PROGRAMME
from smartcity_tui.sheets.mapping import match_header
from smartcity_tui.store import PlanStore


@pytest.mark.parametrize("header, key", [
    ("Kode", "code"), ("Nama Program", "name"), ("NAMA PROGRAM", "name"), ("Programme name", "name"),
    ("Dimensi", "pillar"), ("Pilar", "pillar"), ("Pillar", "pillar"),
    ("OPD", "lead_agency"), ("OPD Penanggung Jawab", "lead_agency"), ("Perangkat Daerah", "lead_agency"),
    ("OPD Pendukung", "supporting_agencies"), ("Tahun Mulai", "start_year"), ("Tahun Selesai", "end_year"),
    ("Tahun Akhir", "end_year"), ("Jangka", "horizon"), ("Jangka Waktu", "horizon"), ("Sumber Dana", "funding_sources"),
    ("Anggaran 2025", "budget:2025"), ("Pagu 2026", "budget:2026"), ("Pagu Indikatif Tahun 2027", "budget:2027"),
    ("Anggaran 2028 (Rp)", "budget:2028"), ("Budget 2029", "budget:2029"), ("2026", "budget:2026"),
    ("Kode Nomenklatur", "nomenclature_code"), ("Kode Sub Kegiatan", "nomenclature_code"),
    ("Kemajuan (%)", "progress"), ("Program Percepatan", "quick_win"), ("Quick win", "quick_win"),
    ("Id (jangan diubah)", "id"), ("Id (do not edit)", "id"), ("Total Anggaran", "total_budget"),
    ("No", None), ("Keterangan lain-lain", None), ("Anggaran", None),
])
def test_programme_headers(header, key):
    assert match_header(header, PROGRAMME) == key


@pytest.mark.parametrize("header, key", [
    ("Indikator", "name"), ("Indikator Kinerja", "name"), ("Satuan", "unit"), ("Kondisi Awal", "baseline"),
    ("Baseline", "baseline"), ("Target 2026", "targets:2026"), ("2027", "targets:2027"),
    ("Kode Program", "programme_code"), ("Kode Referensi", "reference_code"), ("Id Program", "programme_id"),
])
def test_indicator_headers(header, key):
    assert match_header(header, INDICATOR) == key


RPJMD = {
    "Sheet1": [
        ["No", "Kode", "Nama Program", "Dimensi", "OPD Penanggung Jawab", "OPD Pendukung", "Tahun Mulai",
         "Tahun Selesai", "Jangka", "Sumber Dana", "Pagu 2026", "Pagu Indikatif Tahun 2027", "Kode Nomenklatur"],
        [1, "R-01", "Pasar rakyat digital", "Smart Economy", "Dinas Perdagangan", "Diskominfo; Bank Jateng",
         2026, 2027, "Menengah", "APBD/APBN", 1_500_000_000, "Rp 2.000.000.000", "3.30.03"],
        [2, "R-02", "Puskesmas keliling daring", "living", "Dinas Kesehatan", None, 2026, 2026, "pendek",
         "APBD", 250_000_000, None, "1.02.02.2.01.0001"],
        [3, "R-03", "Literasi digital karang taruna", 5, "Dinas Pemuda dan Olahraga", None, 2027, 2029,
         "Jangka panjang", "CSR", None, 100_000_000, None],
        [4, "R-04", "Kampung siber", "Smart People", "Diskominfo", None, 2027, 2028, None, "Swadaya", None, None, None],
    ],
    "Indikator Kinerja": [
        ["Kode Program", "Indikator", "Satuan", "Kondisi Awal", "Target 2026", "2027"],
        ["R-01", "Pedagang memakai QRIS", "pedagang", 120, 400, "1000"],
        ["R-02", "Kunjungan daring", "kunjungan", None, 50, 80],
    ],
}


def test_an_rpjmd_list_with_its_indicators_comes_in_as_new_linked_records(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    path = write_rows(tmp_path / "rpjmd.xlsx", RPJMD)
    code, out, err = run(capsys, "sheet", "import", plan, path)
    assert (code, err) == (0, ""), err
    assert "Lembar 'Sheet1' -> Program: 4 baris" in out and "Lembar 'Indikator Kinerja' -> Indikator: 2 baris" in out
    assert "A (No)" in out  # the numbering column is named as not imported
    assert "6 baru, 0 diubah" in out
    with PlanStore.open(plan, readonly=True) as store:
        p = store.plan()
        by_code = {x.code: x for x in p.programmes}
        r1, r2, r3, r4 = (by_code[c] for c in ("R-01", "R-02", "R-03", "R-04"))
        assert (r1.pillar, r2.pillar, r3.pillar, r4.pillar) == ("economy", "living", "society", "society")
        assert r1.supporting_agencies == ["Diskominfo", "Bank Jateng"]
        assert r1.funding_sources == ["apbd", "apbn"] and r1.horizon == "medium" and r3.horizon == "long"
        assert r1.budget == {2026: 1_500_000_000, 2027: 2_000_000_000}
        assert (r1.nomenclature_code, r2.nomenclature_code, r3.nomenclature_code) == ("3.30.03", "1.02.02.2.01.0001", "")
        (ind,) = p.indicators_of(r1.id)
        assert (ind.name, ind.baseline, ind.targets) == ("Pedagang memakai QRIS", 120, {2026: 400, 2027: 1000})
        assert p.indicators_of(r2.id)[0].baseline is None


def test_the_screen_can_change_a_column_and_a_sheet_kind(tmp_path):
    plan = sample_copy(tmp_path)
    rows = [["Nama", "Pilar", "Unit pelaksana", "Catatan"],
            ["Bank sampah sekolah", "6", "Dinas Lingkungan Hidup", "usulan forum anak"]]
    path = write_rows(tmp_path / "usulan.xlsx", {"Usulan": rows})
    book = read_file(path)
    mapping = propose_mapping(book)
    (sheet,) = mapping.sheets
    assert sheet.kind == "programme" and sheet.by == "headers"
    assert [c.key for c in sheet.columns] == ["name", "pillar", None, None]
    with PlanStore.open(plan) as store:
        first = preview_import(store, book, mapping)
        assert first.ok and first.outcomes[0].record.lead_agency == ""
        choices = {c.key for c in field_choices("programme", store.plan().info.years)}
        assert {"lead_agency", "budget:2029", "id"} <= choices and "total_budget" not in choices
        fixed = mapping.with_sheet(sheet.with_column(2, "lead_agency").with_column(3, "description"))
        second = preview_import(store, book, fixed)
        record = second.outcomes[0].record
        assert (record.lead_agency, record.description, record.pillar) == (
            "Dinas Lingkungan Hidup", "usulan forum anak", "environment")
        assert second.counts()["environment"].new == 1
        as_swot = preview_import(store, book, fixed.with_sheet(sheet.with_kind("swot")))
        assert [p.key for p in as_swot.problems] == ["missing_column"]
        result = apply_import(store, second)
        assert result.added == 1 and store.get(record.id).lead_agency == "Dinas Lingkungan Hidup"


def test_a_preview_made_before_another_edit_is_made_again_when_applied(tmp_path):
    """The app may write between the preview and the officer's "Impor": apply never writes
    a stale picture of the plan."""
    plan = sample_copy(tmp_path)
    path = write_rows(tmp_path / "p.xlsx", {"Program": [["Nama Program", "Dimensi"], ["Program X", "1"]]})
    book = read_file(path)
    with PlanStore.open(plan) as store:
        preview = preview_import(store, book, propose_mapping(book))
        first = store.plan().programmes[0]
        store.update(first.id, name="Diganti sementara di aplikasi")
        result = apply_import(store, preview)
        assert result.added == 1
        assert store.get(first.id).name == "Diganti sementara di aplikasi"
