"""The programme form's official code field: the Permendagri 90/2019 nomenclature code as
typed, the name the region's code list gives it under the field, and ctrl+o (or the button)
to open the list's searchable picker (screens/code_picker.py).

Without a list in the plan the field is a plain input whose shape the form checks on save;
the button is not there and the key says how a list gets into the plan.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from ...i18n import t
from ...model.codes import CodeList, nomenclature_level


class CodeInput(Input):
    """The code itself."""


def code_note(codes: CodeList, code: str) -> Text:
    """What the line under the field says about the code typed so far."""
    code = code.strip()
    if not code:  # without a list, nothing to say: the form stays as short as it was
        return Text(t("codepick.note.list", n=len(codes)) if len(codes) else "", style="dim")
    found = codes.get(code)
    if found is not None:
        return Text(found.name, style="italic")
    if nomenclature_level(code) is None:
        return Text(t("codepick.note.shape"), style="dim")
    if len(codes):
        return Text(t("codepick.note.not_in_list"), style="dim")
    return Text("")


class CodeField(Vertical):
    """The input, the picker's button (with a list only) and the note under them; ctrl+o in
    either asks the form for the picker."""

    BINDINGS = [Binding("ctrl+o", "pick", "codepick.key.pick", id="programme_form.pick_code",
                        tooltip="codepick.key.pick_help")]

    class PickRequested(Message):
        pass

    DEFAULT_CSS = """
    CodeField { height: auto; width: 1fr; }
    CodeField > Horizontal { height: 1; }
    CodeField #pick-code { min-width: 10; width: auto; margin-left: 1; }
    CodeField #code-note { height: auto; color: $text-muted; }
    """

    def __init__(self, value: str, codes: CodeList, **kw: Any) -> None:
        super().__init__(**kw)
        self.codes = codes
        self.value = value

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield CodeInput(self.value, id="nomenclature_code", compact=True, select_on_focus=False,
                            placeholder=t("codepick.placeholder"))
            if len(self.codes):
                yield Button(t("codepick.button"), id="pick-code", compact=True)
        note = code_note(self.codes, self.value)
        yield Static(note, id="code-note").set_styles(display="block" if note.plain else "none")

    @property
    def input(self) -> CodeInput:
        return self.query_one(CodeInput)

    def set_code(self, code: str) -> None:
        field = self.input
        field.value = code
        field.cursor_position = len(code)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "nomenclature_code":
            note = code_note(self.codes, event.value)
            line = self.query_one("#code-note", Static)
            line.update(note)
            line.display = bool(note.plain)

    def action_pick(self) -> None:
        self.post_message(self.PickRequested())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pick-code":
            event.stop()
            self.action_pick()
