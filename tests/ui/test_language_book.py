"""The language switch on the document, import and export screens: after F4 every word they
say is in the chosen language (the same check as test_language.py), and a screen switched
while on show keeps its part, cursor, file, mapping and preview."""

from __future__ import annotations

import pytest
from import_support import HEADER, ROWS, rpjmd_csv
from test_language import foreign, plan_texts, readable_texts
from textual.widgets import Select
from timeline_support import build_timeline_plan, open_app
from ui_support import type_path, until

from smartcity_tui.i18n import set_language
from smartcity_tui.settings import Settings
from smartcity_tui.ui.screens.document import DocumentScreen
from smartcity_tui.ui.screens.export import ExportScreen
from smartcity_tui.ui.screens.import_sheet import ImportScreen

SIZE = (120, 40)
# what the file says: its own words, in whatever language it was written
FILE_TEXTS = [cell for line in [HEADER, *ROWS] for cell in line.split(";") if len(cell) > 2] + ["program-rpjmd"]


def check(screen, lang: str, where: str, extra: list[str] = (), at_least: int = 8) -> None:
    texts = readable_texts(screen)
    assert len(texts) >= at_least, f"{where}: nothing gathered"
    bad = foreign(texts, lang, [*plan_texts(screen.app.store.plan()), *extra])
    assert bad == [], f"{where} ({lang}) shows the other language: {bad}"


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    set_language("id")


async def test_the_document_screen_in_both_languages(tmp_path):
    app, store = open_app(build_timeline_plan(tmp_path / "rencana.json"), Settings(path=tmp_path / "s.toml"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b", "down", "down")
            check(app.screen, "id", "document, narrative")
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, DocumentScreen)
            assert app.screen.query_one("#sections").highlighted == 2, "the cursor stays"
            for part in ("narrative", "regulations", "members"):
                assert app.screen.view == part
                check(app.screen, "en", f"document, {part}")
                await pilot.press("right_square_bracket")
            await pilot.press("enter")  # the section form, in English
            check(app.screen, "en", "section form", at_least=5)
    finally:
        store.close()


async def test_the_import_screen_switched_while_showing_a_preview(tmp_path):
    csv = rpjmd_csv(tmp_path / "flashdisk")
    app, store = open_app(build_timeline_plan(tmp_path / "rencana.json"), Settings(path=tmp_path / "s.toml"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+o")
            check(app.screen, "id", "import, choosing the file")
            await type_path(pilot, csv)
            await pilot.press("enter")
            await until(pilot, lambda: app.screen.step == "check" and not app.screen.working, "the preview")
            check(app.screen, "id", "import preview", FILE_TEXTS)
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, ImportScreen) and app.screen.step == "check"
            check(app.screen, "en", "import preview", FILE_TEXTS)
            await pilot.press("escape")
            check(app.screen, "en", "import, choosing the file", FILE_TEXTS)  # (the preview is kept, hidden)
    finally:
        store.close()


async def test_the_export_choices_in_english(tmp_path):
    app, store = open_app(build_timeline_plan(tmp_path / "rencana.json"), Settings(path=tmp_path / "s.toml"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4", "x")
            assert isinstance(app.screen, ExportScreen)
            app.screen.query_one("#export-kind", Select).value = "xlsx"
            await pilot.pause()
            check(app.screen, "en", "export screen")
            await pilot.press("f4")
            await pilot.pause()
            assert app.screen.query_one("#export-kind", Select).value == "xlsx", "the choice stays"
            check(app.screen, "id", "export screen")
    finally:
        store.close()
