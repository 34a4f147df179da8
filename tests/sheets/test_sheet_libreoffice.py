"""The round trip through another spreadsheet program: LibreOffice (headless) opens the
export and saves it again as .xlsx and as one CSV per sheet, with its own writer's
choices of types, styles and quoting. Skipped where no `soffice` is installed (.ci/run
installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from sheet_helpers import changed_fields, header_index, row_of, run, states

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
# ";" between cells, '"' around text, UTF-8, from row 1; then every sheet, each to its own file
CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1"


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("lo-profile")


def convert(src: Path, to: str, out: Path, profile: Path) -> list[Path]:
    out.mkdir(exist_ok=True)
    done = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", to, "--outdir", str(out), str(src)],
        capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    made = sorted(p for p in out.iterdir() if p.suffix in (".xlsx", ".csv"))
    assert made, done.stdout + done.stderr
    return made


def _edit(xlsx: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    wa = wb["Anggaran"]
    r = next(r for r in range(2, wa.max_row + 1) if wa.cell(r, 1).value == "SOC-02"
             and wa.cell(r, header_index(wa, "Sumber Dana")).value == "DAK")
    wa.cell(r, header_index(wa, "Anggaran 2028")).value = 2_750_000_000
    ws = wb["Program"]
    r = row_of(ws, "Kode", "SOC-02")
    ws.cell(r, header_index(ws, "Program Percepatan")).value = "Tidak"
    wt = wb["Tonggak"]
    wt.cell(2, header_index(wt, "Keluaran")).value = "Laporan akhir (revisi)"
    wb.save(xlsx)


def _expected(plan: Path, xlsx: Path) -> dict[str, set[str]]:
    wb = openpyxl.load_workbook(xlsx)
    ws, wt = wb["Program"], wb["Tonggak"]
    soc = ws.cell(row_of(ws, "Kode", "SOC-02"), header_index(ws, "Id (jangan diubah)")).value
    milestone = wt.cell(2, header_index(wt, "Id (jangan diubah)")).value
    return {soc: {"budget_dak_2028"}, milestone: {"deliverable"}}


def test_xlsx_saved_again_by_libreoffice_imports_unchanged(work, profile, capsys):
    (saved,) = convert(work.xlsx, "xlsx", work.tmp / "lo", profile)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, saved)
    assert (code, err) == (0, ""), err
    assert "Jumlah                0       0    226" in out  # (records, not rows)
    assert work.plan.read_bytes() == before


def test_cells_changed_then_saved_by_libreoffice_change_exactly_those_fields(work, profile, capsys):
    _edit(work.xlsx)
    (saved,) = convert(work.xlsx, "xlsx", work.tmp / "lo", profile)
    before = states(work.plan)
    code, out, err = run(capsys, "sheet", "import", work.plan, saved)
    assert (code, err) == (0, ""), err
    diff = changed_fields(before, states(work.plan))
    # SOC-02 was not a quick win already: "Tidak" again is no change
    assert diff == _expected(work.plan, work.xlsx)


def test_libreoffice_csv_of_every_sheet_imports_with_exactly_the_changes(work, profile, capsys):
    _edit(work.xlsx)
    made = convert(work.xlsx, CSV_FILTER, work.tmp / "csv", profile)
    assert len(made) == 8
    before = states(work.plan)
    for path in made:
        code, out, err = run(capsys, "sheet", "import", work.plan, path)
        assert (code, err) == (0, ""), (path.name, err)
    diff = changed_fields(before, states(work.plan))
    assert diff == _expected(work.plan, work.xlsx)
