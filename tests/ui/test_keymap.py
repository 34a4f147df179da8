"""Remapped keys (settings.toml [keys], posting style): the new key works, the old one does
not, and the footer, help and palette show the new key; the app's own writes to the file
(language, theme) keep the remapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from timeline_support import build_timeline_plan, chart_of, go_to, milestone, open_app
from ui_support import footer_entries

from smartcity_tui.i18n import get_language, set_language
from smartcity_tui.settings import Settings
from smartcity_tui.ui.palette import keyed_actions
from smartcity_tui.ui.screens.help import HelpScreen
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.swot_form import SwotForm

REMAP = '''
[keys]
"swot.new" = "a"
"timeline.done" = "y"
"app.language" = "f6"
'''


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    path = tmp_path / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text(REMAP, encoding="utf-8")
    return path


@pytest.fixture
def app(tmp_path, settings_path):
    app, store = open_app(build_timeline_plan(tmp_path / "rencana.json"), Settings.load(settings_path))
    yield app
    store.close()
    set_language("id")


def help_rows(app) -> dict[str, str]:
    assert isinstance(app.screen, HelpScreen)
    return {label: keys for keys, label in app.screen.rows}


async def test_a_remapped_key_works_and_the_old_one_does_not(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "n")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen), "n no longer adds a SWOT item"
        await pilot.press("insert")
        assert isinstance(app.screen, PillarScreen), "nor does Insert: the remap replaces both"
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SwotForm)
        await pilot.press("escape")
        # the timeline's "done" key
        await pilot.press("l")
        target = milestone(app, "CSIRT dibentuk")
        await go_to(pilot, app, target.id)
        await pilot.press("d", "space")
        await pilot.pause()
        assert not app.store.get(target.id).done
        await pilot.press("y")
        await pilot.pause()
        assert app.store.get(target.id).done and chart_of(app).current_id == target.id


async def test_help_footer_and_palette_show_the_new_keys(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("1", "f1")
        rows = help_rows(app)
        assert rows["Tambah"] == "a"  # not "n ins"
        assert rows["Ganti bahasa: English"] == "F6"
        await pilot.press("escape")
        footer = {entry.words: entry.keys[0] for entry in footer_entries(app)}
        assert footer["Tambah"] == "a"
        palette = {label: shown for label, shown, _node, _action in keyed_actions(app.screen)}
        assert palette["Tambah"] == "a"
        await pilot.press("l", "down", "f1")
        assert help_rows(app)["Tandai tonggak selesai / belum selesai"] == "y"


async def test_the_remapped_language_key_switches_and_the_file_keeps_the_keys(app, settings_path):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert get_language() == "id"
        await pilot.press("f6")
        await pilot.pause()
        assert get_language() == "en"
        await pilot.press("1", "f1")
        assert help_rows(app)["Add"] == "a"  # still remapped after the labels were rebuilt
    saved = Settings.load(settings_path)
    assert saved.language == "en"
    assert saved.keys == {"swot.new": "a", "timeline.done": "y", "app.language": "f6"}
