"""F1 and F4 work inside every form, and F4 on the help screen (QA report, TUI bug 5): the
README and docs/keys.md list them under "Everywhere". In a form, F1 shows the form's keys and
F4 builds the form again in the other language with everything typed still in it, the cursor
in the same field, and escape still asking before the typing is thrown away."""

from __future__ import annotations

import pytest
from form_openers import OPENERS, Opener, append, open_form, typed
from plan_screens_support import build_full_plan, open_app
from textual.widgets import Input
from ui_support import screen_text, until

from smartcity_tui.ui.screens.help import HelpScreen
from smartcity_tui.ui.screens.leave_form import LeaveForm
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.widgets.ticks import SelectionList

TYPED = " (diketik sebelum F1 dan F4)"
# the line under each form that says its keys, in English
ENGLISH_HINTS = ("F2: save · esc: cancel", "Ctrl+S or F2 save · Esc cancel")


@pytest.fixture
def app(tmp_path):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    yield app
    store.close()


@pytest.mark.parametrize("opener", OPENERS, ids=lambda o: o.name)
async def test_f1_and_f4_in_a_form_keep_what_was_typed(app, opener: Opener):
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, opener)
        field = append(form, opener.field, TYPED)
        was_typed = typed(form, opener.field)

        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen), f"{opener.name}: F1 opened no help"
        shown = {label: keys for keys, label in app.screen.rows}
        assert shown.get("Simpan", "").startswith("Ctrl+S"), shown  # the form's keys, not the screen's under it
        assert "Bantuan" in shown and "Ganti bahasa: English" in shown
        await pilot.press("escape")
        assert app.screen is form and typed(form, opener.field) == was_typed

        field.focus()
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is form, f"{opener.name}: F4 closed the form"
        assert app.language == "en"
        await until(pilot, lambda: any(h in screen_text(app) for h in ENGLISH_HINTS), "the form in English")
        assert typed(form, opener.field) == was_typed, f"{opener.name}: F4 lost what was typed"
        assert app.focused is form.query_one(f"#{opener.field}"), "the cursor stays in its field"

        await pilot.press("f4")
        await pilot.pause()
        assert app.language == "id" and typed(form, opener.field) == was_typed
        await pilot.press("escape")  # changed since it opened: it still asks
        assert isinstance(app.screen, LeaveForm)


async def test_f4_in_the_programme_form_keeps_its_rows(app):
    """The rows the officer added (an indicator, a funding source's amounts) come back too."""
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, OPENERS[2])
        assert isinstance(form, ProgrammeForm)
        form.query_one("#add-indicator").focus()
        await pilot.press("enter")
        await pilot.pause()
        form.query(".ind-name").last().value = "Indikator baru dari QA"
        funding = form.query_one("#funding", SelectionList)
        unticked = next(funding.get_option_at_index(i).value for i in range(funding.option_count)
                        if funding.get_option_at_index(i).value not in funding.selected)
        funding.select(unticked)
        await pilot.pause()
        form.query_one(f"#budget-line-{unticked}").query(Input).first().value = "1.000.000"
        await pilot.pause()
        before = form.gather()
        await pilot.press("f4")
        await pilot.pause()
        assert app.language == "en" and app.screen is form
        assert form.gather() == before
        assert "Indikator baru dari QA" in [e.draft().name for e in form.query("IndicatorEditor")]


async def test_f4_on_the_help_screen_switches_it(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "f1")
        assert isinstance(app.screen, HelpScreen)
        help_screen = app.screen
        await pilot.press("f4")
        await pilot.pause()
        assert app.language == "en" and app.screen is help_screen
        await until(pilot, lambda: "Help: the keys of this screen" in screen_text(app), "the help in English")
        labels = [label for _keys, label in help_screen.rows]
        assert "Move the item to another quadrant" in labels and "Switch language: Bahasa Indonesia" in labels
