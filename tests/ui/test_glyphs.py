"""The plain glyph set (ui/glyphs.py): in Windows' console host, whose fonts (Consolas, Lucida
Console) hold only the WGL4 characters and which has no font fallback, nothing the app draws
is an empty box, and a quick win, a milestone and a done milestone still look different.
Chosen on win32 outside Windows Terminal, or by `glyphs = "ascii"` in settings.toml; Linux and
macOS keep the full set (their snapshots are unchanged), and the plain set has its own."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from exchange_support import copy_sample_plan, merge_samples
from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from timeline_support import build_timeline_plan, open_app
from ui_support import fixed_clock, until

from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui import glyphs
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.conflicts import ConflictsScreen
from smartcity_tui.ui.screens.roadmap import RoadmapScreen

# Windows Glyph List 4, the set every Windows console font holds (beyond ASCII and Latin-1):
# what a character outside it looks like in conhost is an empty box.
WGL4 = set(map(chr, range(0x20, 0x7F))) | set(map(chr, range(0xA0, 0x180))) | set(
    "ƒǺǻǼǽǾǿˆˇˉ˘˙˚˛˜˝ΆΈΉΊΌΎΏΐ–—―‗‘’‚‛“”„†‡•…‰′″‹›‼‾⁄ⁿ₣₤₧€℅ℓ№™Ω℮⅛⅜⅝⅞←↑→↓↔↕↨∂∆∏∑−∕∙√∞∟∩∫≈≠≡≤≥"
    "⌂⌐⌠⌡─│┌┐└┘├┤┬┴┼═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬▀▄█▌▐░▒▓■□▪▫▬▲►▼◄◊○●◘◙◦☺☻☼♀♂♠♣♥♦♪♫") | set(
    map(chr, range(0x384, 0x3CF))) | set(map(chr, range(0x400, 0x460)))
MARKS = "★◆✓"


def screen_text(app) -> str:
    """Every character on the screen, from the SVG picture of it (what a snapshot stores)."""
    svg = app.export_screenshot()
    return "".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def boxes(text: str) -> set[str]:
    return {c for c in text if c not in WGL4 and not c.isspace()}


# --- choosing --------------------------------------------------------------------------------


def test_conhost_gets_the_plain_set_and_windows_terminal_the_full_one():
    assert glyphs.choose("", platform="win32", environ={}) == glyphs.ASCII
    assert glyphs.choose("", platform="win32", environ={"WT_SESSION": "1f2e"}) == glyphs.UNICODE
    assert glyphs.choose("", platform="win32", environ={"TERM_PROGRAM": "vscode"}) == glyphs.UNICODE
    assert glyphs.choose("", platform="linux", environ={}) == glyphs.UNICODE
    assert glyphs.choose("", platform="darwin", environ={"NO_COLOR": "1"}) == glyphs.UNICODE


def test_the_setting_overrides_the_guess_both_ways():
    assert glyphs.choose("unicode", platform="win32", environ={}) == glyphs.UNICODE
    assert glyphs.choose("ascii", platform="linux", environ={"WT_SESSION": "x"}) == glyphs.ASCII


def test_the_setting_round_trips_and_a_wrong_value_is_ignored(tmp_path):
    path = tmp_path / "settings.toml"
    Settings(glyphs="ascii", path=path).save()
    assert 'glyphs = "ascii"' in path.read_text(encoding="utf-8")
    assert Settings.load(path).glyphs == "ascii"
    path.write_text('glyphs = "emoji"\n', encoding="utf-8")
    assert Settings.load(path).glyphs == ""


def test_the_app_on_conhost_draws_plain(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.delenv("WT_SESSION", raising=False)
    monkeypatch.delenv("TERM_PROGRAM", raising=False)
    app = create_app(None, Settings(), plan_path=tmp_path / "x.json")
    assert glyphs.PLAIN_GLYPHS in app.first_filters
    monkeypatch.setenv("WT_SESSION", "1")
    assert glyphs.PLAIN_GLYPHS not in create_app(None, Settings(), plan_path=tmp_path / "x.json").first_filters


# --- the plain set ---------------------------------------------------------------------------


def test_every_replacement_takes_the_same_cells_and_the_console_font_has_it():
    for original, plain in glyphs._PLAIN.items():
        assert cell_len(plain) == cell_len(original), original
        assert not boxes(plain), f"{original} -> {plain!r}"


def test_marks_stay_distinct_in_the_plain_set():
    quick_win, milestone, done = (glyphs.plain(m) for m in MARKS)
    assert len({quick_win, milestone, done, glyphs.plain("█"), glyphs.plain("·")}) == 5
    assert glyphs.plain("★ Program percepatan") == "* Program percepatan"


def test_the_filter_keeps_styles_and_ascii_text_as_it_is():
    segments = [Segment("★ ", None), Segment("Mal Pelayanan", None), Segment("╭─╮", None)]
    out = glyphs.PLAIN_GLYPHS.apply(segments, Color(0, 0, 0))
    assert [s.text for s in out] == ["* ", "Mal Pelayanan", "┌─┐"]
    assert out[1] is segments[1]


# --- every screen, as conhost would show it ---------------------------------------------------


async def _screens_seen(app) -> dict[str, str]:
    """The text of the dashboard, a pillar's timeline and programmes, the roadmap and help."""
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen["dashboard"] = screen_text(app)
        await pilot.press("1", "l")
        await pilot.pause()
        seen["timeline"] = screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        seen["programmes"] = screen_text(app)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "the roadmap")
        await pilot.pause()
        seen["roadmap"] = screen_text(app)
        await pilot.press("f1")
        await pilot.pause()
        seen["help"] = screen_text(app)
    return seen


async def test_no_screen_shows_a_character_the_console_font_lacks(tmp_path):
    plan = build_timeline_plan(tmp_path / "rencana.json")
    app, store = open_app(plan, Settings(glyphs="ascii"))
    try:
        seen = await _screens_seen(app)
    finally:
        store.close()
    for name, text in seen.items():
        assert not boxes(text), f"{name}: {sorted(boxes(text))}"
    assert "*" in seen["dashboard"] and "o" in seen["roadmap"] and "v" in seen["roadmap"]


async def test_the_full_set_is_what_these_screens_draw_elsewhere(tmp_path):
    """The same screens in the full set do use the marks the console lacks (so the test above
    looks at the right things)."""
    plan = build_timeline_plan(tmp_path / "rencana.json")
    app, store = open_app(plan, Settings(glyphs="unicode"))
    try:
        seen = await _screens_seen(app)
    finally:
        store.close()
    assert set(MARKS) <= set(seen["roadmap"]) | set(seen["timeline"])
    assert boxes(seen["dashboard"])


async def test_the_conflicts_screen_in_the_plain_set(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    merge_samples(plan)
    store = PlanStore.open(plan, clock=fixed_clock)
    app = create_app(store, Settings(glyphs="ascii"), clock=fixed_clock)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("k")
            await until(pilot, lambda: isinstance(app.screen, ConflictsScreen), "the conflicts screen")
            await pilot.pause()
            text = screen_text(app)
    finally:
        store.close()
    assert not boxes(text), sorted(boxes(text))


async def test_a_form_in_the_plain_set(tmp_path):
    """Inputs, a select and buttons: Textual's tall frames and triangles."""
    app = create_app(None, Settings(glyphs="ascii"), plan_path=tmp_path / "baru.json", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
    assert not boxes(text), sorted(boxes(text))
    assert "▼" in text  # the select's own mark, which the console font has


# --- snapshots of the plain set ---------------------------------------------------------------


@pytest.fixture
def plain_app(tmp_path: Path):
    app, store = open_app(build_timeline_plan(tmp_path / "rencana.json"), Settings(glyphs="ascii"))
    yield app
    store.close()


def test_dashboard_plain_80x24(snap_compare, plain_app):
    assert snap_compare(plain_app, terminal_size=(80, 24))


def test_timeline_plain_80x24(snap_compare, plain_app):
    assert snap_compare(plain_app, terminal_size=(80, 24), press=["1", "l", "down", "down", "down"])


def test_roadmap_plain_80x24(snap_compare, plain_app):
    assert snap_compare(plain_app, terminal_size=(80, 24), press=["r", "down"])
