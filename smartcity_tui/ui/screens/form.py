"""What every form shares: labelled fields with an error line under each, enter moving on to
the next field (and saving on the last), ctrl+s / F2 or the Simpan button to save, escape to
back out. A form checks everything before it closes and says, per field, what to type."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ...i18n import t
from .. import keys
from .base import AppModal

R = TypeVar("R")


class FormScreen(AppModal[R | None], Generic[R]):
    BINDINGS = keys.bindings("form.save", "form.cancel")

    def field(self, label: str, widget: Widget, hint: str = "") -> ComposeResult:
        yield Label(label, classes="field-label")
        yield widget
        if hint:
            yield Static(hint, classes="hint", markup=False)
        yield Static("", id=f"{widget.id}-error", classes="field-error", markup=False)

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button(t("ui.form.save_button"), id="save", variant="primary")
            yield Button(t("ui.form.cancel_button"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field goes to the next one; in the last field it saves."""
        event.stop()
        fields = [w for w in self.query("*") if w.focusable and not isinstance(w, Button)]
        if fields and event.input is fields[-1]:
            self.action_save()
        else:
            self.focus_next()

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Put each message under its field, focus the first bad one; True when all is well."""
        for line in self.query(".field-error").results(Static):
            line.update("")
            line.remove_class("-shown")
        first: Widget | None = None
        for field_id, message in errors.items():
            try:
                line = self.query_one(f"#{field_id}-error", Static)
                line.update(message)
                line.add_class("-shown")
            except Exception:
                self.notify(message, severity="error")
                continue
            if first is None:
                try:
                    first = self.query_one(f"#{field_id}")
                except Exception:
                    first = None
        if first is not None:
            first.focus()
        return not errors

    def action_save(self) -> None:
        values = self.collect()
        if self.show_errors(self.check(values)):
            result = self.build(values)
            if result is not None:
                self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    # --- each form fills these in ------------------------------------------------------------

    def collect(self) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        """Field id -> what to type; empty when the form may close."""
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> R | None:
        raise NotImplementedError


def text_input(value: str = "", *, id: str, placeholder: str = "", select_on_focus: bool = False,
               **kw: Any) -> Input:
    """A one-line field. The cursor lands at the end of what is there, so typing after `e`
    adds to the text instead of replacing it all (Textual selects everything by default)."""
    return Input(value, placeholder=placeholder, id=id, compact=True, select_on_focus=select_on_focus, **kw)


def parse_year(text: str) -> int | None:
    text = text.strip()
    if not (text.isdigit() and len(text) == 4):
        return None
    year = int(text)
    return year if 1900 <= year <= 2200 else None
