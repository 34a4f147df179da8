"""A whole workbook under another name (a browser's "rpjmd.xlsx.download", a file sent as
"rpjmd" or "rpjmd.zip") is read by what it holds; named .csv or .txt, it is said to be a
workbook, with the rename that fixes it, and never called damaged. And what LibreOffice makes
of the CSV export, saved as .xlsx, reads as the export wrote it."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from sheet_helpers import header_index, run


@pytest.mark.parametrize("name", ["rpjmd", "rpjmd.zip", "rpjmd.xlsx.download"])
def test_a_workbook_without_the_xlsx_ending_is_read(work, capsys, name):
    path = work.tmp / name
    shutil.copyfile(work.xlsx, path)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, path)
    assert (code, err) == (0, ""), out + err
    assert "Tidak ada yang berubah" in out
    assert work.plan.read_bytes() == before


@pytest.mark.parametrize("name, lang, said", [
    ("rpjmd.csv", "id", "rpjmd.csv adalah buku kerja Excel (.xlsx), bukan CSV"),
    ("rpjmd.txt", "id", "Ganti akhiran namanya menjadi .xlsx"),
    ("rpjmd.csv", "en", "rpjmd.csv is an Excel workbook (.xlsx), not CSV"),
])
def test_a_workbook_named_csv_is_said_to_be_a_workbook(work, capsys, name, lang, said):
    path = work.tmp / name
    shutil.copyfile(work.xlsx, path)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, path, "--lang", lang)
    assert code == 2 and said in err, err
    assert len(err.strip().splitlines()) == 1  # one message
    assert "bukan teks" not in err and "rusak" not in err and "openpyxl" not in err
    assert work.plan.read_bytes() == before


def test_the_csv_exports_apostrophe_coming_back_in_an_xlsx_is_unchanged(work, capsys):
    """The CSV export writes '=1+1 for a text that begins with "="; LibreOffice opens that CSV
    and saves an .xlsx holding the apostrophe as text. It counts as unchanged (QA report #4)."""
    def butir(text):
        wb = openpyxl.load_workbook(work.xlsx)
        ws = wb["SWOT"]
        cell = ws.cell(2, header_index(ws, "Butir"))
        cell.value = text
        cell.data_type = "s"  # text, as LibreOffice saves it: not a formula
        wb.save(work.xlsx)

    butir("=1+1")
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, "") and "0 baru, 1 diubah" in out, out + err
    before = work.plan.read_bytes()
    butir("'=1+1")
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, "") and "Tidak ada yang berubah" in out, out + err
    assert work.plan.read_bytes() == before
