"""The bad-sheet corpus: every file an officer or Excel could hand the import that must not
get in. Each is refused whole with exit 2, a message naming its sheet, row and column (or
the file, where the file as a whole is wrong), no traceback, and the plan byte-identical.

The files are made here from the exported sample plan; nothing big is committed."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Callable

import openpyxl
import pytest

from corpus_files import million_rows_xlsx, ods, old_xls, password_protected_xlsx, with_long_cell, zip_bomb_xlsx
from sheet_helpers import header_index, row_of, run

from smartcity_tui.store import PlanStore

Make = Callable[[object], Path]


def _cell(header: str, value, code: str = "ECO-02", sheet: str = "Program") -> Make:
    """The exported workbook with one cell of one programme's row changed."""
    def make(work) -> Path:
        wb = openpyxl.load_workbook(work.xlsx)
        ws = wb[sheet]
        cell = ws.cell(row_of(ws, "Kode", code), header_index(ws, header))
        cell.value = value
        if isinstance(value, dt.datetime):
            cell.number_format = "dd/mm/yyyy"
        wb.save(work.xlsx)
        return work.xlsx
    return make


def _workbook(change: Callable) -> Make:
    def make(work) -> Path:
        wb = openpyxl.load_workbook(work.xlsx)
        change(wb, work)
        wb.save(work.xlsx)
        return work.xlsx
    return make


def _budget_cell(header: str, value, code: str = "ECO-02", source: str = "APBD Kabupaten/Kota") -> Make:
    """The exported workbook with one cell of one programme's budget line changed."""
    def make(work) -> Path:
        wb = openpyxl.load_workbook(work.xlsx)
        ws = wb["Anggaran"]
        code_col, source_col = header_index(ws, "Kode Program"), header_index(ws, "Sumber Dana")
        row = next(r for r in range(2, ws.max_row + 1)
                   if ws.cell(r, code_col).value == code and ws.cell(r, source_col).value == source)
        ws.cell(row, header_index(ws, header)).value = value
        wb.save(work.xlsx)
        return work.xlsx
    return make


def _rpjmd_list(header: str, value, code: str = "ECO-02") -> Callable:
    """Only the Program sheet, as an RPJMD list comes: its yearly totals are read."""
    def change(wb, work):
        for name in list(wb.sheetnames):
            if name != "Program":
                del wb[name]
        ws = wb["Program"]
        ws.cell(row_of(ws, "Kode", code), header_index(ws, header)).value = value
    return change


def _file(name: str, content: bytes) -> Make:
    def make(work) -> Path:
        path = work.tmp / name
        path.write_bytes(content)
        return path
    return make


def _csv(lines: list[str], name: str = "Program.csv", encoding: str = "utf-8-sig") -> Make:
    return _file(name, ("\r\n".join(lines) + "\r\n").encode(encoding))


def _row_of(ws, code):
    return row_of(ws, "Kode", code)


def _merge(wb, work):
    wb["Program"].merge_cells("D2:D4")


def _blank_header(wb, work):
    wb["Program"].cell(1, header_index(wb["Program"], "Uraian")).value = None


def _title_over_unknown_headers(wb, work):
    # a report's title, and under it headers the app knows none of (a title above headers it
    # knows is read from the header row: test_sheet_roundtrip.py)
    ws = wb["Program"]
    ws.insert_rows(1)
    ws["A1"] = "DAFTAR PROGRAM RPJMD KABUPATEN WONOSARI RAYA 2025-2029"
    for cell in ws[2]:
        cell.value = f"Kolom {cell.column}"


def _duplicate_row(wb, work):
    ws = wb["Program"]
    ws.append([c.value for c in ws[_row_of(ws, "GOV-02")]])


def _other_plan(wb, work):
    wb.properties.identifier = str(uuid.uuid4())
    wb.properties.subject = "Kota Lain"


def _programme_id_in(wb, work):
    with PlanStore.open(work.plan, readonly=True) as store:
        indicator = store.plan().indicators[0]
    ws = wb["Program"]
    ws.cell(_row_of(ws, "GOV-03"), header_index(ws, "Id (jangan diubah)")).value = indicator.id


def _new_row(**values) -> Callable:
    def change(wb, work):
        ws = wb["Program"]
        row = [None] * ws.max_column
        for header, value in values.items():
            row[header_index(ws, header) - 1] = value
        ws.append(row)
    return change


def _same_field_twice(wb, work):
    ws = wb["Program"]
    ws.cell(1, header_index(ws, "Uraian")).value = "Nama Program"


def _unknown_programme(wb, work):
    ws = wb["Indikator"]
    ws.append(["XXX-99", None, None, "Indikator baru", None, "unit"])


def _indicator_header(header: str, value) -> Callable:
    def change(wb, work):
        ws = wb["Indikator"]
        ws.cell(2, header_index(ws, header)).value = value
    return change


def _million(work) -> Path:
    return million_rows_xlsx(work.tmp / "sejuta.xlsx")


def _long_cell(work) -> Path:
    _cell("Uraian", "URAIAN-PANJANG")(work)
    return with_long_cell(work.xlsx, work.tmp / "panjang.xlsx", "URAIAN-PANJANG")


def _bomb(work) -> Path:
    return zip_bomb_xlsx(work.xlsx, work.tmp / "bom.xlsx")


# (id, maker, fragments the one message must hold)
CORPUS: list[tuple[str, Make, tuple[str, ...]]] = [
    ("text in a year column", _cell("Tahun Mulai", "dua ribu dua enam"), ("baris 12", "kolom N (Tahun Mulai)", "bukan angka")),
    ("text in a budget column", _budget_cell("Anggaran 2026", "banyak sekali"), ("Lembar Anggaran", "kolom F (Anggaran 2026)", "bukan angka")),
    ("text in a yearly total of an RPJMD list", _workbook(_rpjmd_list("Anggaran 2026", "banyak")), ("Lembar Program", "(Anggaran 2026)", "bukan angka")),
    ("a date where a year belongs", _cell("Tahun Selesai", dt.datetime(2027, 1, 1)), ("kolom O (Tahun Selesai)", "tanggal", "2027")),
    ("a formula", _budget_cell("Anggaran 2025", "=SUM(1,2)"), ("kolom E (Anggaran 2025)", "rumus", "Paste Special")),
    ("an Excel error value", _cell("Capaian (%)", "#REF!"), ("kolom Z (Capaian (%))", "#REF!")),
    ("merged cells", _workbook(_merge), ("Lembar Program, baris 2, kolom D (Dimensi)", "D2:D4", "Unmerge")),
    ("an empty header over data", _workbook(_blank_header), ("baris 2, kolom G", "tanpa judul")),
    ("a report title above unknown headers", _workbook(_title_over_unknown_headers),
     ("Lembar Program, baris 1", "Judul kolom tidak ditemukan")),
    ("a duplicated row (same id)", _workbook(_duplicate_row), ("baris 28", "Id (jangan diubah)", "baris 3")),
    ("a workbook of another plan", _workbook(_other_plan), ("rencana lain", "Kota Lain")),
    ("an id of another kind", _workbook(_programme_id_in), ("kolom AI", "Indikator")),
    ("an unknown pillar", _cell("Dimensi", "Smart Tourism"), ("kolom D (Dimensi)", "Smart Tourism", "3 Smart Economy")),
    ("an element of another pillar", _cell("Elemen", "Ekosistem pariwisata"), ("kolom E (Elemen)", "Kesejahteraan rakyat")),
    ("a negative budget", _budget_cell("Anggaran 2027", -5_000_000), ("kolom G (Anggaran 2027)", "-5000000")),
    ("a budget row of no source", _budget_cell("Sumber Dana", None), ("Lembar Anggaran", "kolom D (Sumber Dana)", "sumber dana")),
    ("progress over 100", _cell("Capaian (%)", 150), ("kolom Z", "150", "0-100")),
    ("a year out of range", _cell("Tahun Mulai", 1850), ("kolom N", "1850", "tahun")),
    ("a bad nomenclature code", _cell("Kode Nomenklatur", "2.16.3"), ("kolom C (Kode Nomenklatur)", "N.NN.NN")),
    ("an end year past the plan", _cell("Tahun Selesai", 2031), ("kolom O (Tahun Selesai)", "2031", "di luar periode rencana")),
    ("an unknown indicator type", _workbook(_indicator_header("Jenis", "proses")), ("Lembar Indikator", "kolom G (Jenis)", "Keluaran")),
    ("a new programme without a name", _workbook(_new_row(**{"Dimensi": "Smart Living", "Kode": "LIV-09"})),
     ("baris 28, kolom B (Nama Program)", "Sel Nama Program kosong")),
    ("the same field in two columns", _workbook(_same_field_twice), ("kolom G (Nama Program)", "kolom B")),
    ("an indicator of an unknown programme", _workbook(_unknown_programme), ("Lembar Indikator, baris 34, kolom A", "XXX-99")),
    ("a baseline written ambiguously", _workbook(_indicator_header("Kondisi Awal", "1.250")), ("kolom H (Kondisi Awal)", "1250", "1,25")),
    ("a one-megabyte cell", _long_cell, ("baris 12, kolom G (Uraian)", "1000000 karakter", "32767")),
    ("1,048,576 rows", _million, ("Lembar Program", "50000")),
    ("a password-protected workbook", lambda work: password_protected_xlsx(work.tmp / "terkunci.xlsx"),
     ("terkunci.xlsx", "kata sandi")),
    ("an old .xls container renamed", lambda work: old_xls(work.tmp / "lama.xlsx"), ("lama.xlsx", ".xls")),
    ("a LibreOffice .ods", lambda work: ods(work.tmp / "rencana.ods"), ("rencana.ods", "OpenDocument", ".xlsx")),
    ("an .ods renamed .xlsx", lambda work: ods(work.tmp / "rencana.xlsx"), ("rencana.xlsx", "OpenDocument")),
    ("a file that is not a zip", _file("rencana.xlsx", b"Kode;Nama Program\r\nGOV-01;x\r\n"), ("rencana.xlsx", "bukan berkas Excel")),
    ("a damaged zip", lambda work: _file("rusak.xlsx", work.xlsx.read_bytes()[:5000])(work), ("rusak.xlsx", "Excel")),
    ("a zip bomb in shared strings", _bomb, ("bom.xlsx", "sharedStrings", "64 MB")),
    ("mixed delimiters", _csv(["Kode;Nama Program;Dimensi;Tahun Mulai", "ECO-09;Pasar ikan;economy;2026",
                               "ECO-10,Pasar sayur,economy,2026"]), ("baris 3", "','", "';'")),
    ("an unknown id in a CSV", _csv(["Kode;Nama Program;Dimensi;Id", f"ECO-09;Pasar ikan;economy;{uuid.uuid4()}"]),
     ("baris 2, kolom D (Id)", "tidak ada di rencana ini")),
    ("binary data named .csv", _file("data.csv", b"\x00\x01\x02" * 100), ("data.csv", "bukan teks")),
    ("the plan file itself named as the sheet", lambda work: work.plan, ("plan.json", "bukan lembar .xlsx atau .csv")),
    ("no sheet recognised", lambda work: _csv(["Tanggal;Peserta", "1 Mei;20"], name="absen.csv")(work),
     ("tidak ada lembar yang dikenali",)),
]


@pytest.mark.parametrize("make, fragments", [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_a_bad_sheet_is_refused_with_its_place_and_the_plan_untouched(work, capsys, make, fragments):
    path = make(work)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, path)
    assert code == 2, out
    assert "Traceback" not in err
    assert all(f.lower() in err.lower() for f in fragments), err
    assert work.plan.read_bytes() == before
    lines = err.strip().splitlines()
    assert 1 <= len(lines) <= 52 and all(line.startswith("smartcity-tui: ") for line in lines)


def test_the_corpus_is_big_enough():
    assert len(CORPUS) >= 20


def test_messages_are_in_english_on_request(work, capsys):
    _cell("Tahun Mulai", "dua ribu")(work)
    code, out, err = run(capsys, "--lang", "en", "sheet", "import", work.plan, work.xlsx)
    assert code == 2 and "Sheet Program, row 12, column N (Tahun Mulai): 'dua ribu' is not a number" in err
    assert "refused: 1 problem; the plan is unchanged" in err


def test_every_problem_is_listed_not_only_the_first(work, capsys):
    wb = openpyxl.load_workbook(work.xlsx)
    ws = wb["Program"]
    for code in ("GOV-01", "GOV-02", "GOV-03"):
        ws.cell(_row_of(ws, code), header_index(ws, "Tahun Mulai")).value = "nanti"
    wb.save(work.xlsx)
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert code == 2 and err.count("'nanti' bukan angka") == 3 and "3 masalah" in err
