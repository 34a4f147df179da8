"""The language switch (F4, or "Bahasa" in the palette): every word on the dashboard and on a
pillar screen's four views is in the chosen language afterwards, the footer and help too; the
screen keeps its view and cursor; the choice is remembered in settings.toml.

The check walks the widgets and gathers every text a person could read (statics, labels, tab
titles, border titles, table headings and cells, list options, chart lines, footer keys and
help rows), then looks for the other language: a message of the other catalog (whole, with
its {fields} as wildcards) or one of the words an interface says most (Save, Hapus...).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from language_support import foreign, plan_texts
from textual.widgets import DataTable, Input, OptionList, Static, Tab
from timeline_support import build_timeline_plan, milestone, open_app
from ui_support import footer_entries, palette_offers, palette_open, prompt_text, until

from smartcity_tui.i18n import get_language, set_language
from smartcity_tui.settings import Settings
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.help import HelpScreen
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.widgets.timeline_chart import TimelineChart

SIZE = (120, 40)
VIEWS = ("s", "t", "p", "l")
def readable_texts(screen) -> list[str]:
    texts: list[str] = []
    for node in screen.walk_children(with_self=True):
        for title in (getattr(node, "border_title", None), getattr(node, "border_subtitle", None)):
            if title:
                texts.append(str(title))
        if isinstance(node, Tab):
            texts.append(node.label_text)
        elif isinstance(node, Static):
            texts.append(str(node.render()))
        if isinstance(node, DataTable):
            texts += [str(c.label) for c in node.columns.values()]
            texts += [str(cell) for row in range(node.row_count) for cell in node.get_row_at(row)]
        if isinstance(node, OptionList):
            texts += [prompt_text(node.get_option_at_index(i).prompt) for i in range(node.option_count)]
        if isinstance(node, Input) and node.placeholder:
            texts.append(node.placeholder)
        if isinstance(node, TimelineChart):
            texts += [node.line_text(i) for i in range(len(node.lines))] + [node.header_text().plain]
        for attr in ("description", "tooltip"):  # footer keys
            value = getattr(node, attr, None)
            if isinstance(value, str) and value:
                texts.append(value)
        if type(node).__name__ in ("TimelineDetail", "RoadmapDetail"):
            texts.append(str(node.render()))
        if isinstance(node, HelpScreen):  # its table is one Rich renderable: read its rows
            texts += [label for _keys, label in node.rows]
    return texts


def assert_all_in(screen, lang: str, where: str, at_least: int = 10) -> None:
    texts = readable_texts(screen)
    assert len(texts) >= at_least, f"{where}: nothing gathered"
    bad = foreign(texts, lang, plan_texts(screen.app.store.plan()))
    assert bad == [], f"{where} ({lang}) shows the other language: {bad}"


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    set_language("id")


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return build_timeline_plan(tmp_path / "rencana.json")


async def walk_pillar(pilot, lang: str) -> None:
    for key in VIEWS:
        await pilot.press(key)
        await pilot.pause()
        assert_all_in(pilot.app.screen, lang, f"pillar view {key}")


@pytest.mark.long(18)
async def test_no_word_of_the_other_language_after_a_switch(plan_path, tmp_path):
    settings = Settings(path=tmp_path / "cfg" / "settings.toml")
    app, store = open_app(plan_path, settings)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert_all_in(app.screen, "id", "dashboard")
            await pilot.press("f4")
            await pilot.pause()
            assert get_language() == "en"
            assert isinstance(app.screen, DashboardScreen)
            assert_all_in(app.screen, "en", "dashboard")
            await pilot.press("1")
            await walk_pillar(pilot, "en")
            await pilot.press("f4")  # on the timeline view: it stays there, in Indonesian
            await pilot.pause()
            assert app.screen.view == "timeline"
            await walk_pillar(pilot, "id")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            assert_all_in(app.screen, "id", "dashboard under the pillar screen")
            await pilot.press("f4", "3")  # a pillar screen made after the switch
            await walk_pillar(pilot, "en")
    finally:
        store.close()
    assert Settings.load(settings.path).language == "en"


async def test_the_footer_and_help_follow_the_switch(plan_path):
    app, store = open_app(plan_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("1", "l", "f1")
            shown = [label for _keys, label in app.screen.rows]
            assert "Tandai tonggak selesai / belum selesai" in shown
            await pilot.press("escape", "f4", "f1")
            assert isinstance(app.screen, HelpScreen)
            shown = [label for _keys, label in app.screen.rows]
            assert "Mark the milestone done / not done" in shown and "Switch language: Bahasa Indonesia" in shown
            assert ("d space", "Mark the milestone done / not done") in app.screen.rows
            assert_all_in(app.screen, "en", "help")
            await pilot.press("escape")
            footer = [entry.words for entry in footer_entries(app)]
            assert "Done" in footer and "Undo" in footer and "Selesai" not in footer
    finally:
        store.close()


async def test_the_switch_keeps_the_view_and_the_cursor(plan_path):
    app, store = open_app(plan_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("1", "l")
            target = milestone(app, "Portal data diluncurkan")
            app.screen.select_record(target.id)
            await pilot.press("f4")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PillarScreen) and screen.view == "timeline"
            chart = screen.query_one(TimelineChart)
            assert chart.current_id == target.id and app.focused is chart
            assert str(screen.query_one("#timeline-detail").render()).startswith("2026 Q3 · ○ not done")
            await pilot.press("d")  # the keys work on the rebuilt screen
            await pilot.pause()
            assert app.store.get(target.id).done
            assert "Saved 14:03" in str(screen.query_one("#save-state").render())
    finally:
        store.close()


async def test_the_palette_switches_the_language(plan_path):
    app, store = open_app(plan_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.press(*"bahasa")
            await until(pilot, lambda: palette_offers(app, "Ganti bahasa"), "the palette to offer the switch")
            await pilot.press("enter")
            await until(pilot, lambda: get_language() == "en" and not palette_open(app), "the switch")
            await pilot.pause()
            assert get_language() == "en"
            assert_all_in(app.screen, "en", "dashboard after the palette")
    finally:
        store.close()


async def test_the_remembered_language_is_used_unless_the_command_line_says_otherwise(plan_path, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('language = "en"\n', encoding="utf-8")
    settings = Settings.load(path)
    settings.apply_language(None)  # what `smartcity-tui PLAN` and `demo` do before the app starts
    app, store = open_app(plan_path, settings)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert_all_in(app.screen, "en", "dashboard started in English")
            await until(pilot, lambda: any(entry.words == "Language" for entry in footer_entries(app)),
                        "the footer's language key, in English")
    finally:
        store.close()
    set_language("id")
    Settings.load(path).apply_language("id")  # `--lang id` wins over the settings
    assert get_language() == "id"


@pytest.mark.long(18)
async def test_forms_opened_after_the_switch_are_in_the_new_language(plan_path):
    app, store = open_app(plan_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4", "1")
            for keys in (("s", "n"), ("s", "f"), ("t", "n"), ("p", "n"), ("p", "e"), ("l", "n")):
                await pilot.press(*keys)
                await pilot.pause()
                assert app.screen.is_modal, keys
                assert_all_in(app.screen, "en", f"form after {keys}", at_least=4)
                await pilot.press("escape")
                await pilot.pause()
    finally:
        store.close()


async def test_f4_on_the_first_run_form_keeps_what_was_typed(tmp_path):
    from ui_support import fixed_clock, type_text

    from smartcity_tui.ui.factory import create_app
    from smartcity_tui.ui.screens.first_run import FirstRunScreen

    settings = Settings(path=tmp_path / "settings.toml")
    app = create_app(None, settings, plan_path=tmp_path / "rencana.json", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Sukamaju")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Jawa Tengah")
        await pilot.press("ctrl+s")  # the team is missing: said under its field
        await pilot.pause()
        assert "Tulis nama tim" in " ".join(readable_texts(app.screen))
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FirstRunScreen) and get_language() == "en"
        texts = readable_texts(screen)
        assert foreign(texts, "en", ["Sukamaju", "Jawa Tengah", str(tmp_path)]) == []
        assert "Type the team name, for example Pokja Smart Economy." in texts
        assert screen.query_one("#region", Input).value == "Sukamaju"
        assert screen.query_one("#province", Input).value == "Jawa Tengah"
        assert app.focused.id == "team"
        await type_text(pilot, "Pokja Governance")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    assert Settings.load(settings.path).language == "en"
