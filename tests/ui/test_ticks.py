"""Not only colour (issue 13 #7): a ticked box reads [x] and an unticked one [ ], in every
form of the app, so they differ without colour: under NO_COLOR (which Textual honours and
nothing of ours undoes), in the high-contrast theme, on a washed-out projector."""

from __future__ import annotations

import re
from pathlib import Path

from textual.color import Color
from textual.widgets import Checkbox
from ui_support import fixed_clock, screen_text, until

from smartcity_tui.settings import Settings
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.export import ExportScreen
from smartcity_tui.ui.screens.strategy_form import StrategyForm

UI = Path(__file__).resolve().parents[2] / "smartcity_tui" / "ui"


def tick_lines(app) -> list[str]:
    """The lines with a box, without the form's frame around them."""
    return [line.strip(" █▐▌│┃") for line in screen_text(app).splitlines() if "[x]" in line or "[ ]" in line]


async def test_the_strategy_forms_swot_items_are_marked_without_colour(ui_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(ui_app.store, Settings(), clock=fixed_clock)  # reads NO_COLOR as it starts
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.no_color
        await pilot.press("1", "t", "e")
        await until(pilot, lambda: isinstance(app.screen, StrategyForm) and tick_lines(app), "the ticks")
        lines = tick_lines(app)
        # the strategy draws on one strength and one opportunity; the other items are not ticked
        assert any(line.startswith("[x] S") and "Aplikasi layanan izin" in line for line in lines), lines
        assert any(line.startswith("[x] O") for line in lines), lines
        assert any(line.startswith("[ ] S") and "Pusat data" in line for line in lines), lines
        assert sum(line.startswith("[x]") for line in lines) == 2
        # what reaches the terminal has no colour but grey: Textual's NO_COLOR filter runs,
        # after our own filters, over everything drawn
        for strip in app.screen._compositor.render_strips():
            for f in app.get_line_filters():
                strip = strip.apply_filter(f, Color(0, 0, 0))
            for seg in strip:
                for color in (seg.style.color, seg.style.bgcolor) if seg.style else ():
                    if color is not None and color.triplet is not None:
                        r, g, b = color.triplet
                        assert r == g == b, f"{seg.text!r} in colour {color}"


async def test_the_export_zip_box_reads_empty_then_ticked(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export screen")
        box = app.screen.query_one("#export-zip", Checkbox)
        await until(pilot, lambda: any(".zip" in line and "[ ]" in line for line in tick_lines(app)), "[ ] .zip")
        box.value = True
        await until(pilot, lambda: any(".zip" in line and "[x]" in line for line in tick_lines(app)), "[x] .zip")


async def test_the_high_contrast_theme_keeps_the_marks(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5", "1", "t", "e")
        await until(pilot, lambda: isinstance(app.screen, StrategyForm) and tick_lines(app), "the ticks")
        assert sum(line.startswith("[x]") for line in tick_lines(app)) == 2


def test_every_form_uses_the_marked_toggles():
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "ticks.py":
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"from textual\.widgets import ([^\n]+)", text):
            names = {n.strip() for n in m.group(1).strip("()").split(",")}
            if names & {"Checkbox", "SelectionList", "Switch", "RadioButton", "RadioSet"}:
                found.append(f"{path.name}: {m.group(0)}")
    assert not found, "toggles told apart by colour alone: " + "; ".join(found)
