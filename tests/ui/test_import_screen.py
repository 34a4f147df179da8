"""The import screen (ctrl+o): an RPJMD list typed in as a path, read and previewed in a worker
(new rows per pillar, the plan untouched), imported with ctrl+s as one undo step; a bad row
refuses the whole file with its sheet, row and column; a column the app did not recognise is
mapped by the officer; an exported workbook with one cell changed writes that field only."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from exchange_support import fixed_places, shown_text
from import_support import rpjmd_csv
from textual.widgets import Input, OptionList
from ui_support import type_path, until

from smartcity_tui.model.records import Programme
from smartcity_tui.sheets import export_sheets
from smartcity_tui.ui.screens.import_sheet import ImportScreen
from smartcity_tui.ui.screens.picker import ChoicePicker
from smartcity_tui.ui.widgets.import_view import MappingList

SIZES = [(80, 24), (120, 40)]


def programmes(app) -> dict[str, Programme]:
    return {p.code: p for p in app.plan.records.values() if isinstance(p, Programme)}


async def read(pilot, path: Path | str) -> None:
    """Type the file's place where the screen starts (the folder tree), enter, and wait."""
    app = pilot.app
    await type_path(pilot, path)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ImportScreen) and app.screen.step == "check"
                and not app.screen.working, "the file read and checked")


async def test_an_rpjmd_list_is_previewed_then_imported_as_one_undo_step(ui_app, workshop_plan, tmp_path):
    app = ui_app
    csv = rpjmd_csv(tmp_path / "flashdisk")
    async with app.run_test(size=(80, 24)) as pilot:
        before = workshop_plan.read_bytes()
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ImportScreen)
        await read(pilot, csv)
        preview = shown_text(app, "#import-preview")
        for words in ("Smart Governance", "Smart Economy", "Smart Environment", "Baru", "Diubah", "Tetap",
                      "Ctrl+S mengimpor: 3 baru, 0 diubah"):
            assert words in preview
        assert "A (No)" in preview, "the row number column is said to be left out"
        mapping = shown_text(app, "#import-mapping")
        assert "Pagu 2025 → Anggaran 2025" in mapping and "Keterangan → Uraian" in mapping
        assert workshop_plan.read_bytes() == before, "a preview changes nothing"

        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.step == "done", "the import")
        found = programmes(app)
        gov = found["GOV-11"]
        assert (gov.name, gov.pillar, gov.lead_agency) == ("Aplikasi Perizinan Terpadu", "governance", "DPMPTSP")
        assert gov.budget == {2025: 500_000_000} and gov.description == "Prioritas RPJMD"
        assert found["ENV-05"].pillar == "environment" and found["ECO-07"].start_year == 2026
        assert "3 baru" in shown_text(app, "#import-status")

        await pilot.press("ctrl+z")  # the whole import, one step
        await until(pilot, lambda: "GOV-11" not in programmes(app), "the undo")
        assert not {"ECO-07", "ENV-05"} & set(programmes(app))


async def test_a_bad_row_refuses_the_whole_file_with_its_place(ui_app, workshop_plan, tmp_path):
    app = ui_app
    csv = rpjmd_csv(tmp_path / "flashdisk", bad_year=True)
    async with app.run_test(size=(80, 24)) as pilot:
        before = workshop_plan.read_bytes()
        await pilot.press("ctrl+o")
        await read(pilot, csv)
        preview = shown_text(app, "#import-preview")
        assert "Impor ditolak: 1 masalah" in preview
        assert "Lembar program-rpjmd, baris 4, kolom F (Tahun Mulai)" in preview and "2025/2026" in preview
        await pilot.press("ctrl+s")  # refused: nothing to import
        await pilot.pause()
        assert app.screen.step == "check"
        assert "GOV-11" not in programmes(app)
        assert workshop_plan.read_bytes() == before


async def test_the_officer_maps_a_column_the_app_did_not_know(ui_app, tmp_path):
    app = ui_app
    csv = rpjmd_csv(tmp_path / "flashdisk")
    csv.write_bytes(csv.read_bytes().replace("OPD Penanggung Jawab".encode(), b"Perangkat Daerah Pengampu"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+o")
        await read(pilot, csv)
        assert "Perangkat Daerah Pengampu → (tidak diimpor)" in shown_text(app, "#import-mapping")
        mapping = app.screen.query_one(MappingList)
        assert app.focused is mapping
        mapping.highlighted = mapping.rows.index(("program-rpjmd", 4))  # column E
        await pilot.press("enter")
        picker = app.screen
        assert isinstance(picker, ChoicePicker)
        options = picker.query_one(OptionList)
        options.highlighted = [k for k, _ in picker.choices].index("lead_agency")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ImportScreen) and not app.screen.working, "the recheck")
        assert "Perangkat Daerah Pengampu → OPD Penanggung Jawab" in shown_text(app, "#import-mapping")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.step == "done", "the import")
        assert programmes(app)["GOV-11"].lead_agency == "DPMPTSP"


async def test_a_changed_cell_of_an_exported_workbook_writes_that_field_only(ui_app, workshop_plan, tmp_path):
    app = ui_app
    book = tmp_path / "rencana.xlsx"
    async with app.run_test(size=(120, 40)) as pilot:
        export_sheets(app.plan, book, "id")
        wb = openpyxl.load_workbook(book)
        ws = wb["Program"]
        col = next(c.column for c in ws[1] if c.value == "OPD Penanggung Jawab")
        ws.cell(row=2, column=col, value="Dinas Kominfo")
        wb.save(book)
        portal = programmes(app)["GOV-01"]
        await pilot.press("ctrl+o")
        await read(pilot, book)
        preview = shown_text(app, "#import-preview")
        assert "Lembar Program baris 2: OPD Penanggung Jawab" in preview
        assert "0 baru, 1 diubah" in preview
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.step == "done", "the import")
        after = programmes(app)["GOV-01"]
        assert after.lead_agency == "Dinas Kominfo"
        assert after.replace(lead_agency=portal.lead_agency) == portal, "nothing else of it changed"


async def test_a_file_that_is_not_a_sheet_is_said_and_the_screen_stays(ui_app, tmp_path):
    app = ui_app
    (tmp_path / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await type_path(pilot, tmp_path / "foto.png")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.error != "" and not app.screen.working, "the refusal")
        assert app.screen.step == "pick"
        assert "foto.png" in shown_text(app, "#import-status") and "bukan lembar .xlsx atau .csv" in shown_text(app, "#import-status")


async def _read_the_rpjmd_list(pilot) -> None:
    await pilot.press("ctrl+o")
    await read(pilot, "media/FLASHDISK/program-rpjmd.csv")
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_import_screen_snapshot(snap_compare, ui_app, tmp_path, monkeypatch, size):
    fixed_places(monkeypatch, tmp_path, drive=True)
    rpjmd_csv(Path("media") / "FLASHDISK")
    assert snap_compare(ui_app, terminal_size=size, run_before=_read_the_rpjmd_list)
