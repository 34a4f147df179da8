"""Themes: the high contrast theme is pure black, white and yellow (red only for errors); F5
turns it on and off; Textual's themes are offered by the palette in the app's language; the
theme chosen last is remembered across restarts in settings.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from timeline_support import build_timeline_plan, open_app
from ui_support import fixed_clock, palette_offers, until

from smartcity_tui.settings import Settings
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.themes import HIGH_CONTRAST, HIGH_CONTRAST_THEME, ThemePalette

PURE = {"#000000", "#FFFFFF", "#FFFF00", "#FF0000"}


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return build_timeline_plan(tmp_path / "rencana.json")


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.toml"


def test_high_contrast_has_no_greys_and_no_washed_out_shades():
    variables = {**HIGH_CONTRAST_THEME.to_color_system().generate(), **HIGH_CONTRAST_THEME.variables}
    colours = {}
    for name, value in variables.items():
        try:
            colour = Color.parse(value)
        except Exception:  # styles (bold, underline), not colours
            continue
        if colour.a > 0:
            colours[name] = colour.hex.upper()[:7]
    assert len(colours) > 100
    impure = {name: hex_ for name, hex_ in colours.items() if hex_ not in PURE}
    assert impure == {}
    assert colours["text-muted"] == "#FFFFFF" and colours["block-cursor-background"] == "#FFFF00"
    assert {name for name, hex_ in colours.items() if hex_ == "#FF0000"} >= {"error", "text-error"}
    assert all(not name.startswith(("text-muted", "foreground-muted")) or hex_ == "#FFFFFF"
               for name, hex_ in colours.items())


async def test_f5_turns_high_contrast_on_and_off_and_it_is_remembered(plan_path, settings_path):
    app, store = open_app(plan_path, Settings.load(settings_path))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            before = app.theme
            await pilot.press("f5")
            await pilot.pause()
            assert app.theme == HIGH_CONTRAST
            assert app.get_css_variables()["background"].upper() == "#000000"
    finally:
        store.close()
    assert 'theme = "kontras-tinggi"' in settings_path.read_text(encoding="utf-8")
    # the next start (a new app on the settings file) is in high contrast from its first frame
    app, store = open_app(plan_path, Settings.load(settings_path))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.theme == HIGH_CONTRAST
            await pilot.press("f5")
            await pilot.pause()
            assert app.theme == before  # back to where the officer was (Textual's default)
    finally:
        store.close()
    assert Settings.load(settings_path).theme == ""  # the default: nothing to remember


async def test_the_palette_offers_every_theme_in_the_app_language_and_remembers_the_choice(
        plan_path, settings_path):
    app, store = open_app(plan_path, Settings.load(settings_path))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+p", *"tema")
            await until(pilot, lambda: palette_offers(app, "Tema"), "the palette to offer the themes")
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ThemePalette)
                        and bool(app.screen.query_one("CommandList").option_count), "the theme palette")
            palette = app.screen
            assert isinstance(palette, ThemePalette)
            assert palette.query_one("Input").placeholder == "Cari tema…"
            shown = [str(o.prompt) for o in palette.query_one("CommandList").options]
            assert "Kontras tinggi (proyektor)" in shown and "nord" in shown and "textual-light" in shown
            await pilot.press(*"nord")
            await until(pilot, lambda: palette_offers(app, "nord"), "the theme palette to offer nord")
            await pilot.press("enter")
            await until(pilot, lambda: app.theme == "nord", "the theme to change")
            assert app.theme == "nord"
    finally:
        store.close()
    assert Settings.load(settings_path).theme == "nord"


async def test_an_unknown_remembered_theme_is_ignored(plan_path, settings_path):
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app, store = open_app(plan_path, Settings.load(settings_path))
    try:
        async with app.run_test(size=(80, 24)):
            assert app.theme == "textual-dark"
    finally:
        store.close()


def test_the_high_contrast_dashboard(snap_compare, plan_path):
    app, store = open_app(plan_path, Settings(theme=HIGH_CONTRAST))
    try:
        assert snap_compare(app, terminal_size=(80, 24))
    finally:
        store.close()


def test_the_high_contrast_timeline(snap_compare, plan_path):
    app, store = open_app(plan_path, Settings(theme=HIGH_CONTRAST))
    try:
        assert snap_compare(app, terminal_size=(80, 24), press=["1", "l", "down", "down"])
    finally:
        store.close()


def test_the_high_contrast_milestone_form(snap_compare, plan_path):
    app, store = open_app(plan_path, Settings(theme=HIGH_CONTRAST))
    try:
        assert snap_compare(app, terminal_size=(80, 24), press=["1", "l", "down", "e"])
    finally:
        store.close()


async def test_the_first_run_form_is_in_the_remembered_theme_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = create_app(None, Settings(theme=HIGH_CONTRAST), plan_path=Path("baru.json"), clock=fixed_clock)
    async with app.run_test(size=(80, 24)):
        assert app.theme == HIGH_CONTRAST


@pytest.mark.parametrize("theme", ["", HIGH_CONTRAST])
async def test_a_key_that_does_nothing_here_is_dimmed_or_struck_through_in_high_contrast(plan_path, theme):
    """On the timeline's programme line, "⏎ Ubah" (edit a milestone) does nothing: the footer
    dims it, and strikes it through in high contrast, where a dim key is hard to tell apart
    on a projector; the keys that work are drawn plain."""
    from smartcity_tui.ui.widgets.key_footer import KeyFooter

    app, store = open_app(plan_path, Settings(theme=theme))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("1", "l")
            await until(pilot, lambda: "Ubah" in str(app.screen.query_one(KeyFooter).render()), "the timeline footer")
            line = app.screen.query_one(KeyFooter).render()
            styles = {line.plain[span.start:span.end].strip(): span.style for span in line.spans}
            off, on = styles["⏎"], styles["n"]
            assert not on.dim and not on.strike
            expected = (True, False) if theme else (False, True)
            # the key and its words alike
            assert (bool(off.strike), bool(off.dim)) == expected
            assert (bool(styles["Ubah"].strike), bool(styles["Ubah"].dim)) == expected
    finally:
        store.close()
