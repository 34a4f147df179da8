"""CSV as Excel and LibreOffice write it on the laptops of a regency: the delimiter and the
BOM found, Windows-1252 read with a note rather than garbled, rows numbered as the
spreadsheet shows them."""

from __future__ import annotations

import codecs
import re

import pytest

from sheet_helpers import run, sample_copy

from smartcity_tui.sheets import read_file
from smartcity_tui.sheets.reading import Formula

ROWS = ["Kode{d}Nama Program{d}Dimensi{d}OPD", "ECO-09{d}Pasar ikan, sayur dan buah{d}3{d}Dinas Perdagangan"]


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "utf-16"])
def test_the_delimiter_and_the_encoding_are_found(tmp_path, delimiter, encoding):
    quote = '"' if delimiter == "," else ""
    lines = [ROWS[0].format(d=delimiter),
             f"ECO-09{delimiter}{quote}Pasar ikan, sayur dan buah{quote}{delimiter}3{delimiter}Dinas Perdagangan"]
    path = tmp_path / "program.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    book = read_file(path)
    (sheet,) = book.sheets
    assert sheet.header == ["Kode", "Nama Program", "Dimensi", "OPD"]
    assert sheet.rows == [(2, ("ECO-09", "Pasar ikan, sayur dan buah", "3", "Dinas Perdagangan"))]
    assert book.notes == []


def test_windows_1252_is_read_with_a_note(tmp_path, capsys):
    path = tmp_path / "program.csv"
    path.write_bytes("Kode;Nama Program;Dimensi\r\nECO-09;Café dan kopi Lereng;economy\r\n".encode("cp1252"))
    book = read_file(path)
    assert book.sheets[0].rows[0][1][1] == "Café dan kopi Lereng"
    assert [n.key for n in book.notes] == ["read_as_cp1252"]
    plan = sample_copy(tmp_path)
    code, out, err = run(capsys, "sheet", "import", plan, path, "--dry-run")
    assert code == 0 and "Windows-1252" in out and re.search(r"Jumlah\s+1\s+0\s+0", out), out + err


def test_a_cp1252_letter_on_the_last_line_of_a_long_file_is_still_found(tmp_path):
    body = "".join(f"ECO-{i};Program {i};economy\r\n" for i in range(60_000))
    path = tmp_path / "panjang.csv"
    path.write_bytes(("Kode;Nama Program;Dimensi\r\n" + body + "ECO-X;Résumé;economy\r\n").encode("cp1252"))
    book = read_file(path)
    assert [n.key for n in book.notes] == ["read_as_cp1252"]
    assert book.sheets[0].too_many_rows  # and reading stopped at the row limit


def test_excels_sep_line_sets_the_delimiter_and_rows_count_as_excel_shows_them(tmp_path):
    path = tmp_path / "program.csv"
    path.write_text('sep=,\r\nKode,Nama Program,Uraian\r\nA-1,"Dua\r\nbaris","x"\r\n\r\nA-2,Tiga,y\r\n', encoding="utf-8")
    sheet = read_file(path).sheets[0]
    assert sheet.header == ["Kode", "Nama Program", "Uraian"]
    # Excel hides the sep= line and shows a quoted line break inside one cell
    assert [n for n, _ in sheet.rows] == [2, 4]
    assert sheet.rows[0][1][1] == "Dua\r\nbaris"


def test_formulas_are_refused_and_the_exports_escaped_text_is_text(tmp_path):
    path = tmp_path / "program.csv"
    path.write_text("Kode;Uraian\r\nA;=SUM(B1:B3)\r\nB;'=teks biasa\r\n", encoding="utf-8")
    rows = read_file(path).sheets[0].rows
    assert rows[0][1][1] == Formula("=SUM(B1:B3)")
    assert rows[1][1][1] == "=teks biasa"


def test_a_bom_is_not_part_of_the_first_header(tmp_path):
    path = tmp_path / "program.csv"
    path.write_bytes(codecs.BOM_UTF8 + "Kode;Nama Program\r\nA;B\r\n".encode("utf-8"))
    assert read_file(path).sheets[0].header[0] == "Kode"
