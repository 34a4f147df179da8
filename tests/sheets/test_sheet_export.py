"""`sheet export`: the workbook a Bappeda officer opens, and the CSV files Excel on an
Indonesian Windows opens with a double click."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from sheet_helpers import header_index, row_of, run, sample_copy

from smartcity_tui.model.records import Programme
from smartcity_tui.sheets import export_sheets
from smartcity_tui.sheets.problems import SheetError
from smartcity_tui.store import PlanStore

SHEETS_ID = ["Program", "Anggaran", "Indikator", "SWOT", "Strategi", "Tonggak", "Kesiapan", "Sasaran"]
SHEETS_EN = ["Programmes", "Budget", "Indicators", "SWOT", "Strategies", "Milestones", "Readiness", "Targets"]


def test_the_workbook_has_every_table_with_its_records(exported):
    wb = openpyxl.load_workbook(exported.xlsx)
    assert wb.sheetnames == SHEETS_ID
    with PlanStore.open(exported.plan, readonly=True) as store:
        plan = store.plan()
        lines = sum(len({s for s, y in p.budget_by_source.items() if y} | set(p.funding_sources))
                    for p in plan.programmes)
        expected = {"Program": len(plan.programmes), "Anggaran": lines, "Indikator": len(plan.indicators),
                    "SWOT": len(plan.swot), "Strategi": len(plan.strategies), "Tonggak": len(plan.milestones),
                    "Kesiapan": len(plan.readiness), "Sasaran": len(plan.targets)}
    assert {ws.title: ws.max_row - 1 for ws in wb.worksheets} == expected


def test_programme_rows_hold_every_field_with_a_budget_column_per_plan_year(exported):
    ws = openpyxl.load_workbook(exported.xlsx)["Program"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Kode", "Nama Program", "Kode Nomenklatur"]
    assert [h for h in headers if h.startswith("Anggaran ")] == [f"Anggaran {y}" for y in range(2025, 2030)]
    assert headers[-1] == "Id (jangan diubah)"  # the record id at the far right
    with PlanStore.open(exported.plan, readonly=True) as store:
        prog = next(p for p in store.plan().programmes if p.code == "ECO-02")
    row = row_of(ws, "Kode", "ECO-02")
    cell = lambda h: ws.cell(row, header_index(ws, h))  # noqa: E731
    assert cell("Nama Program").value == prog.name
    assert cell("Dimensi").value == "Smart Economy"
    assert cell("Id (jangan diubah)").value == prog.id
    for year in range(2025, 2030):
        budget = cell(f"Anggaran {year}")
        assert budget.value == prog.budget.get(year)
    assert cell("Total Anggaran").value == prog.total_budget
    assert cell("Tahun Mulai").value == prog.start_year and isinstance(cell("Tahun Mulai").value, int)


def test_the_budget_sheet_has_a_row_per_programme_and_source_and_a_column_per_year(exported):
    """What an analyst reads: per programme each source it lists or holds money from, the
    amounts per year as real numbers, the row's total; the Program sheet's yearly budget is
    the same money added up."""
    wb = openpyxl.load_workbook(exported.xlsx)
    ws = wb["Anggaran"]
    headers = [c.value for c in ws[1]]
    assert headers == ["Kode Program", "Nama Program", "Dimensi", "Sumber Dana", *(f"Anggaran {y}" for y in range(2025, 2030)),
                       "Jumlah", "Id Program"]
    with PlanStore.open(exported.plan, readonly=True) as store:
        prog = next(p for p in store.plan().programmes if p.code == "ECO-04")
    rows = {ws.cell(r, 4).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "ECO-04"}
    assert list(rows) == ["APBD Kabupaten/Kota", "DAK"]  # in the vocabulary's order
    dak = rows["DAK"]
    assert [ws.cell(dak, header_index(ws, f"Anggaran {y}")).value for y in range(2025, 2030)] == [
        prog.budget_by_source["dak"].get(y) for y in range(2025, 2030)]
    assert ws.cell(dak, header_index(ws, "Jumlah")).value == sum(prog.budget_by_source["dak"].values())
    assert ws.cell(dak, header_index(ws, "Anggaran 2027")).number_format == "#,##0"
    assert ws.cell(dak, header_index(ws, "Id Program")).value == prog.id
    program = wb["Program"]
    row = row_of(program, "Kode", "ECO-04")
    assert program.cell(row, header_index(program, "Anggaran 2027")).value == prog.budget[2027]


def test_targets_and_the_verifiers_fields_have_their_columns(exported):
    wb = openpyxl.load_workbook(exported.xlsx)
    with PlanStore.open(exported.plan, readonly=True) as store:
        plan = store.plan()
    ws = wb["Sasaran"]
    assert [c.value for c in ws[1]][:3] == ["Sasaran", "Misi", "Indikator Sasaran"]
    assert ws.cell(2, 1).value == plan.targets[0].text and ws.cell(2, 2).value == plan.targets[0].mission
    program = wb["Program"]
    prog = next(p for p in plan.programmes if p.code == "LIV-01")
    row = row_of(program, "Kode", "LIV-01")
    cell = lambda h: program.cell(row, header_index(program, h)).value  # noqa: E731
    assert (cell("Lokasi"), cell("Kelompok Sasaran"), cell("Kebutuhan Regulasi")) == (
        prog.location, prog.beneficiaries, prog.regulation_needs)
    assert cell("Misi RPJMD") == "3" and cell("Id Sasaran") == "; ".join(prog.target_ids)
    assert cell("Sasaran") == f"5. {plan.targets[4].text}"
    assert cell("Status") == "Dalam pelaksanaan" and cell("Capaian (%)") == prog.progress
    ind = wb["Indikator"]
    first = plan.indicators_of(prog.id)[0]
    r = row_of(ind, "Id (jangan diubah)", first.id)
    icell = lambda h: ind.cell(r, header_index(ind, h)).value  # noqa: E731
    assert (icell("Jenis"), icell("Tahun Kondisi Awal"), icell("Sumber Data"), icell("Target Akhir")) == (
        "Keluaran (output)", 2024, "e-PPGBM", 98)
    assert icell("Definisi Operasional") == first.definition and icell("Data Dukung") == first.evidence
    ms = wb["Tonggak"]
    dashboard = next(m for m in plan.milestones_of(prog.id) if m.agency)
    r = row_of(ms, "Id (jangan diubah)", dashboard.id)
    assert ms.cell(r, header_index(ms, "OPD Penanggung Jawab")).value == "Diskominfo"


def test_numbers_are_real_numbers_with_formats_and_the_sheet_is_easy_to_use(exported):
    ws = openpyxl.load_workbook(exported.xlsx)["Program"]
    row = row_of(ws, "Kode", "ECO-02")
    budget = ws.cell(row, header_index(ws, "Anggaran 2026"))
    assert isinstance(budget.value, int) and budget.number_format == "#,##0"  # 1.250.000.000 in Excel
    year = ws.cell(row, header_index(ws, "Tahun Mulai"))
    assert year.number_format == "0"  # 2026, never 2.026
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert ws[1][0].font.b
    assert ws.column_dimensions["B"].width >= 30  # the programme's name is readable


def test_headers_and_sheet_names_follow_the_language(exported):
    wb = openpyxl.load_workbook(exported.en)
    assert wb.sheetnames == SHEETS_EN
    headers = [c.value for c in wb["Programmes"][1]]
    assert {"Programme name", "Pillar", "Responsible agency", "Budget 2025", "Id (do not edit)"} <= set(headers)
    row = row_of(wb["Programmes"], "Code", "ECO-02")
    assert wb["Programmes"].cell(row, header_index(wb["Programmes"], "Quick win")).value in ("Yes", "No")


def test_the_workbook_names_the_plan_it_came_from(exported):
    wb = openpyxl.load_workbook(exported.xlsx)
    with PlanStore.open(exported.plan, readonly=True) as store:
        assert wb.properties.identifier == store.plan_id
    assert "Wonosari Raya" in wb.properties.subject


def test_csv_files_are_utf8_with_bom_semicolons_and_decimal_commas(exported):
    names = sorted(p.name for p in exported.csv.iterdir())
    assert names == sorted(f"{n}.csv" for n in SHEETS_ID)
    raw = (exported.csv / "Indikator.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    header = rows[0]
    assert header[:4] == ["Kode Program", "Nama Program", "Dimensi", "Indikator"]
    with PlanStore.open(exported.plan, readonly=True) as store:
        fractional = next(i for i in store.plan().indicators
                          if any(isinstance(v, float) and not v.is_integer() for v in i.targets.values()))
    row = next(r for r in rows if r[-1] == fractional.id)
    year, value = next((y, v) for y, v in fractional.targets.items() if not float(v).is_integer())
    assert row[header.index(f"Target {year}")] == repr(value).replace(".", ",")


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    plan = sample_copy(tmp_path)
    with PlanStore.open(plan) as store:
        prog = store.plan().programmes[0]
        store.update(prog.id, description="=HYPERLINK(\"http://x\")\x07 bel", name="Nama\x00 aneh")
        export_sheets(store.plan(), tmp_path / "out.xlsx")
        export_sheets(store.plan(), tmp_path / "csv")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx")["Program"]
    row = row_of(ws, "Id (jangan diubah)", prog.id)
    cell = ws.cell(row, header_index(ws, "Uraian"))
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\") bel"  # control character dropped
    assert ws.cell(row, header_index(ws, "Nama Program")).value == "Nama aneh"
    text = (tmp_path / "csv" / "Program.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text  # Excel shows it, never runs it


def test_export_never_changes_the_plan_and_works_from_the_command_line(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    before = plan.read_bytes()
    code, out, err = run(capsys, "sheet", "export", plan, tmp_path / "out.xlsx")
    assert (code, err) == (0, "") and "out.xlsx" in out and "Program: 26" in out
    code, out, err = run(capsys, "--lang", "en", "sheet", "export", plan, str(tmp_path / "tables") + "/")
    assert code == 0 and (tmp_path / "tables" / "Programmes.csv").is_file()
    assert plan.read_bytes() == before


@pytest.mark.parametrize("target, word", [("nowhere/out.xlsx", "nowhere"), ("out.ods", ".xlsx")])
def test_a_bad_target_is_one_line(tmp_path, capsys, target, word):
    plan = sample_copy(tmp_path)
    code, out, err = run(capsys, "sheet", "export", plan, tmp_path / target)
    assert code == 2 and word in err and err.count("\n") == 1 and "Traceback" not in err


def test_an_export_that_cannot_be_written_leaves_no_half_file(tmp_path, monkeypatch):
    plan = sample_copy(tmp_path)
    import smartcity_tui.sheets.export as export_mod

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_mod, "replace_with_retry", full_disk)
    with PlanStore.open(plan, readonly=True) as store, pytest.raises(SheetError) as e:
        export_sheets(store.plan(), tmp_path / "out.xlsx")
    assert "out.xlsx" in e.value.message("en") and "disk" in e.value.message("en").lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_every_programme_field_has_a_column():
    """A field added to Programme later needs its entry in sheets/columns.py (one line)."""
    from smartcity_tui.sheets.columns import INDICATOR, PROGRAMME

    written = {c.field for c in PROGRAMME.columns if c.field} | {"strategy_ids"}
    assert set(Programme.field_types()) <= written
    from smartcity_tui.model.records import Indicator, Milestone, PlanTarget
    from smartcity_tui.sheets.columns import MILESTONE, TARGET
    assert set(Indicator.field_types()) - {"order"} <= {c.field for c in INDICATOR.columns if c.field}
    assert set(Milestone.field_types()) <= {c.field for c in MILESTONE.columns if c.field}
    assert set(PlanTarget.field_types()) - {"order"} <= {c.field for c in TARGET.columns if c.field}


def test_a_drive_that_refuses_the_workbook_gets_one_message_and_no_traceback(tmp_path, capsys, monkeypatch):
    """A read-only or full flash drive: one line saying so, exit 2, nothing left behind, and
    none of openpyxl's half-written sheets printing a traceback when they are collected."""
    import gc
    import os
    import sys

    plan = sample_copy(tmp_path)
    drive = tmp_path / "flashdisk"
    drive.mkdir()
    target = drive / "rencana.xlsx"
    in_the_way = drive / f".{target.name}.{os.getpid()}.tmp"
    in_the_way.mkdir()  # where the workbook is written first: the drive refuses the file
    collected_with_errors: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", collected_with_errors.append)
    code, out, err = run(capsys, "sheet", "export", plan, target)
    gc.collect()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "tidak dapat ditulis" in err, err
    assert collected_with_errors == [], "openpyxl's writers failed when collected (a traceback on stderr)"
    assert list(drive.iterdir()) == [in_the_way]
