"""What every form shares: labelled fields with an error line under each, enter moving on to
the next field, ctrl+s / F2 or the Simpan button to save, escape to back out. A form checks
everything before it closes and says, per field, what to type.

How a form closes (`SavingForm`, also the programme form's base):
- Saving hands what the form built to the `saver` its opener gave it (RecordEdits), which
  turns it into a PlanWrite. The form stays open until the app says the write is on disk
  (`then`): a full disk, a read-only plan or a file replaced by another program leaves the
  form open with everything typed and the error under it (`failed`), to save again or cancel.
- Enter never saves: in the last field it goes to the Simpan button. A paste in a console
  without bracketed paste (Windows 10's conhost) arrives as key presses, and its line breaks
  would otherwise save the form and run the rest of the paste as commands.
- Escape on a form with changes asks (simpan / buang / lanjut mengisi); on an untouched form
  it just closes.
- When the form closes, key presses that were typed while it was still open (the rest of a
  pasted text) are dropped (`SmartCityApp.drop_keys_typed_until_now`), not run as commands.
- F1 (help) and F4 (language) work in a form as everywhere else: a modal hides the app's own
  keys, so the form binds them to the app's actions. F4 builds the form again in the other
  language with what was typed still in it (form_rebuild.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static

from ...i18n import t
from ...store import StoreError
from .. import keys
from ..app import SmartCityApp
from ..plan_writes import PlanWrite
from .base import AppModal

R = TypeVar("R")
# What turns a form's result into a write; None: nothing to write, the form just closes.
Saver = Callable[[R], "PlanWrite[Any] | None"]


class SavingForm(AppModal[R | None], Generic[R]):
    """A form that closes only once what it returned is saved, and asks before throwing
    typed work away. Subclasses say what they hold now (`snapshot`), how to save
    (`action_save`, which calls `submit`) and where a failed save is said (`say_not_saved`)."""

    BINDINGS = keys.bindings("form.help", "form.language")

    saver: Saver[R] | None = None  # set by whoever opens the form (RecordEdits.open)
    _initial: object = None
    _saving = False

    def on_mount(self) -> None:
        # (Textual calls this besides a subclass's own on_mount, after it)
        self._initial = self.snapshot()

    def snapshot(self) -> object:
        """What the form holds now, to compare with what it held when it opened."""
        raise NotImplementedError

    def changed(self) -> bool:
        return self._initial is not None and self.snapshot() != self._initial

    async def relanguage(self) -> None:
        """F4 in the form: built again in the language just chosen, keeping what was typed."""
        from .form_rebuild import rebuild

        await rebuild(self)

    # --- saving ------------------------------------------------------------------------------

    def submit(self, result: R) -> None:
        """Save `result` through the saver, closing the form once it is written; or close at
        once with it when there is no saver or nothing to write."""
        if self._saving:
            return  # a second ctrl+s while the first write is on its way
        write = self.saver(result) if self.saver is not None else None
        if write is None:
            self.close_form(result)
            return
        asked_then, asked_failed = write.then, write.failed

        def written(value: Any) -> None:
            self._saving = False
            asked_then(value)
            self.close_form(result)

        def not_written(error: StoreError) -> None:
            self._saving = False
            asked_failed(error)
            self.say_not_saved(error)

        write.then, write.failed = written, not_written
        self._saving = True
        self.say_not_saved(None)
        self.post_message(write)

    def say_not_saved(self, error: StoreError | None) -> None:
        """Show why the save failed inside the form (None: clear it)."""
        raise NotImplementedError

    def close_form(self, result: R | None) -> None:
        if isinstance(self.app, SmartCityApp):
            self.app.drop_keys_typed_until_now()
        if self.app.screen is self:
            self.dismiss(result)

    def on_key(self, event: events.Key) -> None:
        """A list in a form (a dropdown's choices, the ticks of a SelectionList) stops at its
        ends. Textual's lists wrap around: one down too many jumped from the last choice to
        the first, and the officer chose what they never saw."""
        focused = self.focused
        if event.key not in ("down", "up") or not isinstance(focused, OptionList):
            return
        at, last = focused.highlighted, focused.option_count - 1
        if at is not None and ((event.key == "down" and at >= last) or (event.key == "up" and at <= 0)):
            event.stop()
            event.prevent_default()

    # --- backing out -------------------------------------------------------------------------

    def action_cancel(self) -> None:
        if not self.changed():
            self.close_form(None)
            return
        from .leave_form import LeaveForm

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.call_later(self.run_action, "save")
            elif answer == "discard":
                self.close_form(None)
            # "continue" / None: back to the form as it was

        self.app.push_screen(LeaveForm(), answered)


class FormScreen(SavingForm[R], Generic[R]):
    """A form of fields in a scrolling frame (`VerticalScroll(..., classes="form",
    can_focus=False)`): the frame is no stop of its own for Tab, where nothing would show the
    cursor, and does not take the first focus only to hand it to the first field."""

    BINDINGS = keys.bindings("form.save", "form.cancel")

    def field(self, label: str, widget: Widget, hint: str = "") -> ComposeResult:
        yield Label(label, classes="field-label")
        yield widget
        if hint:
            yield Static(hint, classes="hint", markup=False)
        yield Static("", id=f"{widget.id}-error", classes="field-error", markup=False)

    def buttons(self) -> ComposeResult:
        yield Static("", id="save-error", classes="field-error", markup=False)
        with Horizontal(classes="buttons"):
            yield Button(t("ui.form.save_button"), id="save", variant="primary")
            yield Button(t("ui.form.cancel_button"), id="cancel")

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            await self.run_action("save")
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field goes to the next one; from the last it goes to the Simpan button
        (it never saves: a pasted line break must not save the form)."""
        event.stop()
        self._move_on_from(event.input)

    def on_key(self, event: events.Key) -> None:
        """Enter on a list of choices (a closed dropdown) goes on to the next field too, as
        the form's hint promises; Space, Down or Up open the list, and Enter in the open list
        chooses. (Textual opens the list on Enter as well: an officer pressing Enter to move
        on opened it, chose the same item, and was back on the field, round and round.)"""
        focused = self.focused
        if event.key == "enter" and isinstance(focused, Select) and not focused.expanded:
            event.stop()
            event.prevent_default()
            self._move_on_from(focused)

    def _move_on_from(self, field: Widget) -> None:
        fields = [w for w in self.query("*") if w.focusable and not isinstance(w, Button)]
        if fields and field is fields[-1]:
            self.query_one("#save", Button).focus()
        else:
            self.focus_next()

    def snapshot(self) -> object:
        return self.collect()

    def say_not_saved(self, error: StoreError | None) -> None:
        line = self.query_one("#save-error", Static)
        line.update(f"{error.message()} {t('ui.form.kept')}" if error is not None else "")
        line.set_class(error is not None, "-shown")
        if error is not None:
            line.scroll_visible(animate=False)

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
                self.submit(result)

    # --- each form fills these in ------------------------------------------------------------

    def collect(self) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        """Field id -> what to type; empty when the form may close."""
        raise NotImplementedError

    def errors_again(self) -> dict[str, str]:
        """The messages under the fields, said again in the language just chosen (F4). A form
        that asks a question once (the milestone form's year outside the programme) forgets
        it has asked, so the question is said again, not taken as answered; asking counts again."""
        return self.check(self.collect())

    def build(self, values: dict[str, Any]) -> R | None:
        raise NotImplementedError


def text_input(value: str = "", *, id: str, placeholder: str = "", select_on_focus: bool = False,
               **kw: Any) -> Input:
    """A one-line field. The cursor lands at the end of what is there, so typing after `e`
    adds to the text instead of replacing it all (Textual selects everything by default)."""
    return Input(value, placeholder=placeholder, id=id, compact=True, select_on_focus=select_on_focus, **kw)


def year_input(value: str = "", *, id: str, placeholder: str = "", **kw: Any) -> Input:
    """A year field: four digits at most, and what is there is selected when the cursor comes
    in, so typing 2027 replaces a pre-filled 2025 (appending to a full field would do nothing)."""
    return Input(value, placeholder=placeholder, id=id, compact=True, select_on_focus=True, max_length=4,
                 restrict=r"[0-9]{0,4}", **kw)


def parse_year(text: str) -> int | None:
    text = text.strip()
    if not (text.isdigit() and len(text) == 4):
        return None
    year = int(text)
    return year if 1900 <= year <= 2200 else None
