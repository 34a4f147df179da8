"""The Anggaran sheet holds one row per programme and funding source. A second row for the
same pair (money split per kegiatan over two lines, or a row copied to add a year) must not
silently clear what the first row holds: the import is refused, naming both rows."""

from __future__ import annotations

import openpyxl
import pytest

from sheet_helpers import header_index, row_of, run


def _append_second_apbd_row(xlsx):
    """GOV-01's APBD line again, its 2025 cell empty and 777 in 2026 (QA report #1)."""
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Anggaran"]
    first = next(r for r in range(2, ws.max_row + 1)
                 if ws.cell(r, 1).value == "GOV-01" and ws.cell(r, 4).value == "APBD Kabupaten/Kota")
    assert ws.cell(first, 5).value == 350_000_000  # Anggaran 2025: what a silent clear would lose
    ws.append(["GOV-01", None, None, "APBD Kabupaten/Kota", None, 777])
    wb.save(xlsx)
    return first, ws.max_row


@pytest.mark.parametrize("dry_run", [False, True])
def test_two_rows_for_one_programme_and_source_are_refused_naming_both(work, capsys, dry_run):
    first, second = _append_second_apbd_row(work.xlsx)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx, *(["--dry-run"] if dry_run else []))
    assert code == 2, out + err
    assert (f"Lembar Anggaran, baris {second}, kolom D (Sumber Dana): Program GOV-01 dengan sumber "
            f"APBD Kabupaten/Kota sudah ada di lembar Anggaran baris {first}.") in err
    assert "jumlahkan angkanya" in err and "1 masalah" in err
    assert work.plan.read_bytes() == before


def test_the_refusal_is_in_english_with_lang_en(work, capsys):
    first, second = _append_second_apbd_row(work.xlsx)
    before = work.plan.read_bytes()
    code, _out, err = run(capsys, "sheet", "import", work.plan, work.xlsx, "--lang", "en")
    assert code == 2
    assert f"row {second}" in err and f"is on sheet Anggaran row {first} already" in err
    assert "add the amounts up" in err
    assert work.plan.read_bytes() == before


def test_one_row_per_source_still_imports(work, capsys):
    """A new source for the same programme is its own line, not a duplicate."""
    wb = openpyxl.load_workbook(work.xlsx)
    wb["Anggaran"].append(["GOV-01", None, None, "DAK", None, 250_000_000])
    wb.save(work.xlsx)
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, ""), out + err
    assert "0 baru, 1 diubah" in out


def test_the_preview_counts_records_as_the_import_does(work, capsys):
    """A programme renamed and one of its amounts changed is one record changed: the preview
    said "2 diubah" (its Program row and its Anggaran row) and then "1 diubah"."""
    wb = openpyxl.load_workbook(work.xlsx)
    program, budget = wb["Program"], wb["Anggaran"]
    program.cell(row_of(program, "Kode", "GOV-01"), header_index(program, "Nama Program")).value = "Portal baru"
    row = row_of(budget, "Kode Program", "GOV-01")
    cell = budget.cell(row, header_index(budget, "Anggaran 2026"))
    cell.value = (cell.value or 0) + 1_000_000
    wb.save(work.xlsx)
    code, out, _ = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert code == 0
    total = next(line for line in out.splitlines() if line.startswith("Jumlah")).split()
    assert total[1:3] == ["0", "1"], out
    assert "0 baru, 1 diubah" in out
