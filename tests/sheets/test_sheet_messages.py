"""Messages that fit the column: a quarter and a mission number get their own hints (not the
rupiah example), an empty Dimensi cell is said to be empty, a date shows as a date."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from sheet_helpers import header_index, run, write_rows

from smartcity_tui.sheets import kinds as k
from smartcity_tui.sheets.problems import CellProblem

RUPIAH_EXAMPLE = ("1250000", "12,5", "12.5")


def _import(capsys, plan, path, lang):
    before = plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", plan, path, "--lang", lang)
    assert code == 2, out + err
    assert plan.read_bytes() == before
    return err


@pytest.mark.parametrize("text, quarter", [("TW 2", 2), ("Triwulan II", 2), ("tw iv", 4), ("Q3", 3), ("1", 1)])
def test_quarters_as_officers_write_them(text, quarter):
    assert k.QUARTER.from_cell(text) == quarter


@pytest.mark.parametrize("lang, hint", [("id", "Triwulan 'TW 5' tidak dikenal. Ketik 1, 2, 3 atau 4"),
                                        ("en", "Quarter 'TW 5' is not known. Type 1, 2, 3 or 4")])
def test_a_quarter_that_is_none_gets_the_quarter_hint(work, capsys, lang, hint):
    wb = openpyxl.load_workbook(work.xlsx)
    ws = wb["Tonggak"]
    ws.cell(2, header_index(ws, "Triwulan")).value = "TW 5"
    wb.save(work.xlsx)
    err = _import(capsys, work.plan, work.xlsx, lang)
    assert hint in err and not any(x in err for x in RUPIAH_EXAMPLE), err


@pytest.mark.parametrize("lang, hint", [("id", "'1 dan 3' bukan daftar nomor misi"),
                                        ("en", "'1 dan 3' is not a list of mission numbers")])
def test_a_mission_list_that_is_none_gets_the_mission_hint(work, capsys, lang, hint):
    wb = openpyxl.load_workbook(work.xlsx)
    ws = wb["Program"]
    ws.cell(2, header_index(ws, "Misi RPJMD")).value = "1 dan 3"
    wb.save(work.xlsx)
    err = _import(capsys, work.plan, work.xlsx, lang)
    assert hint in err and "1; 3" in err and not any(x in err for x in RUPIAH_EXAMPLE), err


def test_a_mission_number_of_a_target_gets_the_mission_hint():
    with pytest.raises(CellProblem) as e:
        k.Whole(0, 99, hint="not_a_mission").from_cell("Misi 2")
    assert e.value.key == "not_a_mission"


@pytest.mark.parametrize("lang, said, unsaid", [
    ("id", "Sel Dimensi kosong", "dimensi ''"), ("en", "The Pillar cell is empty", "unknown pillar ''"),
])
def test_a_total_row_under_an_rpjmd_list_says_its_dimensi_is_empty(work, capsys, lang, said, unsaid):
    path = write_rows(work.tmp / "rpjmd.xlsx", {"RPJMD 2025-2029": [
        ["Kode", "Nama Program", "Pilar", "Pagu 2026"],
        ["ECO-31", "Pasar digital desa", "Smart Economy", 100_000_000],
        [None, "JUMLAH", None, 100_000_000],
        ["Sumber: Bappeda, 2025"],
    ]})
    err = _import(capsys, work.plan, path, lang)
    assert f"baris 3, kolom C (Pilar): {said}" in err or f"row 3, column C (Pilar): {said}" in err, err
    assert ("baris 4" in err or "row 4" in err) and unsaid not in err


@pytest.mark.parametrize("lang, when, shown", [
    ("id", dt.datetime(2026, 1, 1), "(1 Jan 2026)"), ("id", dt.datetime(2026, 8, 17), "(17 Agu 2026)"),
    ("en", dt.datetime(2026, 8, 17), "(17 Aug 2026)"),
])
def test_a_date_in_a_year_cell_is_shown_as_a_date(work, capsys, lang, when, shown):
    wb = openpyxl.load_workbook(work.xlsx)
    ws = wb["Program"]
    ws.cell(2, header_index(ws, "Tahun Selesai")).value = when
    wb.save(work.xlsx)
    err = _import(capsys, work.plan, work.xlsx, lang)
    assert shown in err and "00:00:00" not in err and "2026-" not in err, err
