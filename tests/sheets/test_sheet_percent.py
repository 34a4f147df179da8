"""Percent cells: typing 85% in Excel stores 0.85 with a number format "0%". The import reads
the number the cell shows (85), as it reads the text "85%", on indicator targets and on
Capaian (%); a message never shows a number the officer did not type."""

from __future__ import annotations

import openpyxl
import pytest

from sheet_helpers import header_index, row_of, run

from smartcity_tui.sheets import read_file
from smartcity_tui.sheets.openpyxl_compat import is_percent_format
from smartcity_tui.store import PlanStore


def _gov01(plan):
    with PlanStore.open(plan, readonly=True) as store:
        p = store.plan()
        gov = next(x for x in p.programmes if x.code == "GOV-01")
        return gov, p.indicators_of(gov.id)[0]


def _set(xlsx, sheet, code, header, value, fmt):
    wb = openpyxl.load_workbook(xlsx)
    ws = wb[sheet]
    cell = ws.cell(row_of(ws, "Kode Program" if sheet == "Indikator" else "Kode", code), header_index(ws, header))
    cell.value = value
    cell.number_format = fmt
    wb.save(xlsx)


def test_a_percent_target_and_progress_read_as_the_number_shown(work, capsys):
    gov, ind = _gov01(work.plan)
    assert ind.unit == "%" and 2026 not in ind.targets and gov.progress == 40
    _set(work.xlsx, "Indikator", "GOV-01", "Target 2026", 0.85, "0%")  # Excel shows 85%
    _set(work.xlsx, "Program", "GOV-01", "Capaian (%)", 1, "0%")  # Excel shows 100%
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, ""), out + err
    gov, ind = _gov01(work.plan)
    assert ind.targets[2026] == 85 and gov.progress == 100


def test_a_fraction_of_a_percent_keeps_its_digits(work):
    _set(work.xlsx, "Indikator", "GOV-01", "Target 2026", 0.855, "0.0%")  # shows 85.5%
    sheet = read_file(work.xlsx, sheet="Indikator").sheets[0]
    column = sheet.header.index("Target 2026")
    assert [cells[column] for _n, cells in sheet.rows if cells[0] == "GOV-01"][0] == 85.5


@pytest.mark.parametrize("lang, shown", [("id", "'75,5' bukan bilangan bulat"), ("en", "'75.5' is not a whole number")])
def test_a_message_shows_the_percent_as_typed_in_the_languages_notation(work, capsys, lang, shown):
    _set(work.xlsx, "Program", "GOV-01", "Capaian (%)", 0.755, "0.0%")  # shows 75.5%
    before = work.plan.read_bytes()
    code, _out, err = run(capsys, "sheet", "import", work.plan, work.xlsx, "--lang", lang)
    assert code == 2 and shown in err, err
    assert "0.755" not in err and "0,755" not in err
    assert work.plan.read_bytes() == before


@pytest.mark.parametrize("fmt, percent", [
    ("0%", True), ("0.00%", True), ("#,##0.0%", True), ('0"%"', False), ("0\\%", False), ("General", False),
    ("[Red]0%", True), (None, False),
])
def test_which_number_formats_are_percentages(fmt, percent):
    assert is_percent_format(fmt) is percent
