"""The delimiter of a CSV, guessed robustly: the app's own export imports back when a text
cell holds more commas than the sheet has columns, and LibreOffice's ";" CSV with thousands
commas reads. When no headers are found, the hint names headers of the sheet being read."""

from __future__ import annotations

import csv
import re

import pytest

from sheet_helpers import run

from smartcity_tui.sheets import export_sheets, read_file
from smartcity_tui.store import PlanStore

SENTENCE = ("Pranata komputer 9 orang: 4 di Diskominfo, 2 di Bappeda, 1 di BKPSDM, 1 di Dinkes, "
            "1 di Disdukcapil, 0 di kecamatan, 0 di kelurahan, 0 di desa, sisanya kontrak")


def _export_csv(plan, folder):
    with PlanStore.open(plan, readonly=True) as store:
        export_sheets(store.plan(), folder, "id")


def _rewrite(path, change):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    change(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)


def test_the_apps_own_csv_export_imports_back_with_many_commas_in_a_cell(work, capsys):
    first = work.tmp / "csv1"
    _export_csv(work.plan, first)

    def sentence(rows):
        rows[1][rows[0].index("Uraian")] = SENTENCE
    _rewrite(first / "Kesiapan.csv", sentence)
    code, out, err = run(capsys, "sheet", "import", work.plan, first / "Kesiapan.csv")
    assert (code, err) == (0, ""), out + err
    assert "0 baru, 1 diubah" in out
    with PlanStore.open(work.plan, readonly=True) as store:
        assert SENTENCE in [r.description for r in store.plan().readiness]

    # the round trip: the export of that plan imports back unchanged
    again = work.tmp / "csv2"
    _export_csv(work.plan, again)
    assert SENTENCE in (again / "Kesiapan.csv").read_text(encoding="utf-8-sig")
    before = work.plan.read_bytes()
    for lang in ("id", "en"):
        code, out, err = run(capsys, "sheet", "import", work.plan, again / "Kesiapan.csv", "--lang", lang)
        assert (code, err) == (0, ""), out + err
        assert re.search(r"(Jumlah|Total)\s+0\s+0\s+9", out), out
    assert work.plan.read_bytes() == before


def test_libreoffices_semicolon_csv_with_thousands_commas_reads(work, capsys):
    folder = work.tmp / "csv"
    _export_csv(work.plan, folder)
    lo = work.tmp / "lo_in-Anggaran.csv"  # a name that says nothing: recognised by its headers
    (folder / "Anggaran.csv").rename(lo)

    def thousands(rows):
        for row in rows[1:]:
            for i, cell in enumerate(row):
                if cell.isdigit():
                    row[i] = f"{int(cell):,}"
    _rewrite(lo, thousands)
    assert "350,000,000" in lo.read_text(encoding="utf-8-sig")
    sheet = read_file(lo).sheets[0]
    assert sheet.header[:4] == ["Kode Program", "Nama Program", "Dimensi", "Sumber Dana"]
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, lo)
    assert (code, err) == (0, ""), out + err
    assert "Tidak ada yang berubah" in out
    assert work.plan.read_bytes() == before


@pytest.mark.parametrize("head, delimiter", [
    # a sentence with more commas than the row has cells on ";"
    (f"Aspek;Topik;Uraian\r\nStruktur;SDM;{SENTENCE}\r\n", ";"),
    # a report's title with a comma above ";" headers
    ("Kabupaten Wonosari Raya, Jawa Tengah\r\nKode;Nama Program;Dimensi\r\nA-1;Pasar;3\r\n", ";"),
    # headers the app does not know: the split every row agrees on
    ("a;b;c\r\n1,5;2,5;3,5,7\r\n4;5;6\r\n", ";"),
    ('x,y,z\r\n"1;2",b,c\r\nd,e,f\r\n', ","),
])
def test_the_delimiter_is_the_one_the_headers_and_rows_agree_on(tmp_path, head, delimiter):
    path = tmp_path / "lembar.csv"
    path.write_text(head, encoding="utf-8")
    assert read_file(path).sheets[0].delimiter == delimiter


@pytest.mark.parametrize("lang, examples, program", [
    ("id", "Aspek, Topik, Penilaian", "Nama Program"), ("en", "Aspect, Topic, Rating", "Programme name"),
])
def test_no_headers_names_the_headers_of_the_sheet_being_read(work, capsys, lang, examples, program):
    path = work.tmp / "Kesiapan.csv"
    path.write_text("\r\nStruktur;SDM;Kurang;Sembilan pranata komputer;Kurang pengelola data\r\n", encoding="utf-8")
    before = work.plan.read_bytes()
    code, _out, err = run(capsys, "sheet", "import", work.plan, path, "--lang", lang)
    assert code == 2 and examples in err and program not in err, err
    assert work.plan.read_bytes() == before
