"""The CSV sheets opened in Excel with a double click: a text Excel would run as a formula
("- Kurangnya SDM", "+62 812 ...", "@LaporWonosari") goes out after an apostrophe, so Excel
shows it, and comes back unchanged; a sheet Excel saved with "#NAME?" in such a cell is
refused, not taken for the new text; a negative number is still a number."""

from __future__ import annotations

import csv

import pytest

from sheet_helpers import run

from smartcity_tui.store import PlanStore

TEXTS = ["- Kurangnya SDM TIK di OPD", "+62 812 3456 7890 hotline pengaduan", "@LaporWonosari aktif",
         "=Perlu 20 server baru", "'=sudah berkutip", "'- juga berkutip", "'kutipan biasa", "\tdiawali tab",
         "#N/A", "-"]


def _rows(path):
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))


def _write(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)


def _swot_texts(plan, texts):
    with PlanStore.open(plan) as store:
        ids = [s.id for s in store.plan().swot[:len(texts)]]
        for rid, text in zip(ids, texts, strict=True):
            store.update(rid, text=text)
    return ids


def test_texts_excel_would_run_go_out_marked_and_an_unchanged_csv_changes_nothing(work, capsys):
    _swot_texts(work.plan, TEXTS)
    assert run(capsys, "sheet", "export", work.plan, work.tmp / "out")[0] == 0
    written = (work.tmp / "out" / "SWOT.csv").read_text(encoding="utf-8-sig")
    for shown in ("'- Kurangnya", "'+62 812", "'@LaporWonosari", "'=Perlu", "''=sudah", "''- juga",
                  "''kutipan biasa", "'\tdiawali tab", "'#N/A"):
        assert f";{shown}" in written or f';"{shown}' in written, shown
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, work.tmp / "out" / "SWOT.csv")
    assert (code, err) == (0, "") and "Tidak ada yang berubah" in out, out + err
    assert work.plan.read_bytes() == before


@pytest.mark.parametrize("error", ["#NAME?", "#VALUE!", "#REF!", "#NULL!", "#DIV/0!", "#N/A", "#NUM!"])
def test_a_sheet_excel_saved_with_error_values_is_refused_and_the_plan_kept(work, capsys, error):
    assert run(capsys, "sheet", "export", work.plan, work.tmp / "out")[0] == 0
    rows = _rows(work.tmp / "out" / "SWOT.csv")
    rows[1][rows[0].index("Butir")] = error  # what Excel saves for "+62 812 ..." shown as a formula
    _write(work.tmp / "SWOT.csv", rows)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", "--lang", "en", work.plan, work.tmp / "SWOT.csv")
    assert code == 2 and f"row 2, column E (Butir): Holds the Excel error {error}" in err, err
    assert "Traceback" not in err and work.plan.read_bytes() == before


def test_a_negative_number_in_a_number_column_is_a_number_typed_or_exported(work, capsys):
    with PlanStore.open(work.plan) as store:
        first, second = store.plan().indicators[:2]
        store.update(first.id, baseline=-2.5)
    assert run(capsys, "sheet", "export", work.plan, work.tmp / "out")[0] == 0
    rows = _rows(work.tmp / "out" / "Indikator.csv")
    col = rows[0].index("Kondisi Awal")
    row_of = {r[-1]: r for r in rows[1:]}  # by the id column, the last
    assert row_of[first.id][col] == "-2,5", "a number goes out as a number, unmarked"
    row_of[second.id][col] = "-7"  # typed in Excel or a text editor
    _write(work.tmp / "Indikator.csv", rows)
    code, out, err = run(capsys, "sheet", "import", work.plan, work.tmp / "Indikator.csv")
    assert (code, err) == (0, ""), err
    with PlanStore.open(work.plan, readonly=True) as store:
        baselines = {i.id: i.baseline for i in store.plan().indicators}
    assert baselines[first.id] == -2.5 and baselines[second.id] == -7
