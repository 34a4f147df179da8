"""The export screen's other outputs, each written by its worker on a read-only copy of the plan:
the masterplan book alone (HTML, Word, Markdown) and the plan's sheets (.xlsx, or a folder of
CSV files). Without pandoc the Word choice says so, writes the HTML and tells the officer
how Word makes a .docx of it; it never fails. A second export never replaces the first."""

from __future__ import annotations

import zipfile

import pytest
from exchange_support import app_on, copy_sample_plan, set_place, settle, shown_text
from textual.widgets import Select

from smartcity_tui.document.docx import find_pandoc
from smartcity_tui.sheets import read_file
from smartcity_tui.ui.screens import export_jobs
from smartcity_tui.ui.screens.export import ExportScreen


async def export(pilot, out, kind: str) -> str:
    app = pilot.app
    await pilot.press("x")
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#export-kind", Select).value = kind
    await pilot.pause()
    set_place(app.screen, out)
    await pilot.press("ctrl+s")
    await settle(pilot)
    return shown_text(app, "#export-result")


@pytest.mark.parametrize("kind", ["html", "md"])
async def test_the_book_alone_lands_on_the_flash_drive(tmp_path, kind):
    plan = copy_sample_plan(tmp_path / "plan")
    before = plan.read_bytes()
    out = tmp_path / "FLASHDISK"
    out.mkdir()
    app, store = app_on(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        said = await export(pilot, out, kind)
        written = list(out.iterdir())
        assert [p.suffix for p in written] == [f".{kind}"]
        assert written[0].name.startswith("rencana-induk_wonosari-raya_")
        text = written[0].read_text(encoding="utf-8")
        assert "Pendahuluan" in text and "Latar Belakang" in text
        assert "Buku rencana induk ditulis" in said and written[0].name in said
        assert app.screen.query_one("#export-zip").display is False, "a .zip is a bundle's only"
        await pilot.press("ctrl+s")  # again: a second file beside the first
        await settle(pilot)
        assert len(list(out.iterdir())) == 2
    store.close()
    assert plan.read_bytes() == before


@pytest.mark.parametrize("kind", ["html", "xlsx"])
async def test_the_written_file_s_name_shows_whole_at_80x24(tmp_path, kind):
    """The folder, then the file's name on a line of its own, as for a bundle: the whole path
    on one line broke in the middle of the name at 80 columns."""
    from ui_support import screen_text

    plan = copy_sample_plan(tmp_path / "plan")
    out = tmp_path / "FLASHDISK" / "untuk-sekretariat" / "putaran-kedua"
    out.mkdir(parents=True)
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await export(pilot, out, kind)
        name = next(out.iterdir()).name
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert len(f"{out}/{name}") > 80 and name in lines, lines
    store.close()


async def test_word_without_pandoc_writes_the_html_and_says_what_to_do(tmp_path, monkeypatch):
    import smartcity_tui.document.docx as docx

    monkeypatch.setattr(docx, "find_pandoc", lambda: None)
    monkeypatch.setattr(export_jobs, "find_pandoc", lambda: None)
    out = tmp_path / "FLASHDISK"
    out.mkdir()
    app, store = app_on(copy_sample_plan(tmp_path / "plan"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        kinds = dict((value, label) for label, value in app.screen.query_one("#export-kind", Select)._options)
        assert "pandoc" in str(kinds["docx"]), "the choice says it needs pandoc"
        await pilot.press("escape")
        said = await export(pilot, out, "docx")
        written = list(out.iterdir())
        assert [p.suffix for p in written] == [".html"]
        assert "Simpan Sebagai" in said and "smartcity-tui[word]" in said
        assert "-failed" not in app.screen.query_one("#export-result").classes
    store.close()


@pytest.mark.skipif(find_pandoc() is None, reason="needs pandoc (the test extra brings pypandoc_binary)")
async def test_word_with_pandoc(tmp_path):
    out = tmp_path / "FLASHDISK"
    out.mkdir()
    app, store = app_on(copy_sample_plan(tmp_path / "plan"))
    async with app.run_test(size=(100, 30)) as pilot:
        said = await export(pilot, out, "docx")
        written = list(out.iterdir())
        assert [p.suffix for p in written] == [".docx"], said
        with zipfile.ZipFile(written[0]) as z:
            assert "Latar Belakang" in z.read("word/document.xml").decode("utf-8")
    store.close()


async def test_the_sheets_as_one_workbook_and_as_csv_files(tmp_path):
    out = tmp_path / "FLASHDISK"
    out.mkdir()
    app, store = app_on(copy_sample_plan(tmp_path / "plan"))
    async with app.run_test(size=(100, 30)) as pilot:
        said = await export(pilot, out, "xlsx")
        workbook = next(out.glob("*.xlsx"))
        assert workbook.name.startswith("lembar_wonosari-raya_")
        book = read_file(workbook)
        assert [s.name for s in book.sheets] == [
            "Program", "Anggaran", "Indikator", "SWOT", "Strategi", "Tonggak", "Kesiapan", "Sasaran"]
        assert "Program 26 baris" in said
        await pilot.press("escape")
        await export(pilot, out, "csv")
        folder = next(p for p in out.iterdir() if p.is_dir())
        assert len(list(folder.glob("*.csv"))) == 8
    store.close()
