"""A long text pasted into a field arrives whole (issue 13 #10): Windows Terminal and tmux
send a paste as one bracketed event; a one-line field gets every line of it, joined by
spaces (Textual's Input alone kept the first line), a narrative section gets it as it is, and
the key guard that drops keys typed while a form closed never drops a paste into the next
form."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea
from ui_support import type_text, until

from smartcity_tui.ui.screens.book_forms import SectionForm
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.swot_form import SwotForm

# a paragraph from an email, Windows line ends, ~1,900 characters
EMAIL = "\r\n".join(
    f"Baris {n}: jaringan serat optik kabupaten menjangkau kantor kecamatan ke-{n} dan puskesmasnya."
    for n in range(1, 21))


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))  # as the terminal's driver delivers it
    await pilot.pause()


async def test_a_long_paste_into_a_one_line_field_keeps_every_line(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "n")
        await until(pilot, lambda: isinstance(app.screen, SwotForm), "the SWOT form")
        field = app.screen.query_one("#text", Input)
        assert app.focused is field
        await paste(pilot, EMAIL)
        await until(pilot, lambda: "Baris 20" in field.value, "the last line in the field")
        assert field.value == " ".join(line for line in EMAIL.split("\r\n"))
        assert len(field.value) > 1800


async def test_a_paste_into_a_narrative_section_keeps_its_lines(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "enter")
        await until(pilot, lambda: isinstance(app.screen, SectionForm), "the section form")
        area = app.screen.query_one("#text", TextArea)
        await paste(pilot, EMAIL)
        await until(pilot, lambda: "Baris 20" in area.text, "the last line in the section")
        assert area.text.splitlines() == EMAIL.split("\r\n")


async def test_a_paste_right_after_a_form_closed_is_not_dropped(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "n")
        await until(pilot, lambda: isinstance(app.screen, SwotForm), "the SWOT form")
        await type_text(pilot, "Kekuatan pertama")
        await pilot.press("ctrl+s")  # the form closes: keys typed until now are dropped
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "the pillar screen")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, SwotForm), "the next form")
        await paste(pilot, EMAIL)
        field = app.screen.query_one("#text", Input)
        await until(pilot, lambda: "Baris 20" in field.value, "the paste in the new form")
