"""A form built again in the language just chosen (F4 inside a form), with everything typed
in it still there, the cursor in the same field and the messages under the fields said again.

Every word of a form is put in the language of the moment when it is composed (t()), so a
switch composes the form again. What the officer typed lives in the widgets, not in the
record the form was opened with, so it is read out of the widgets first, by their ids, and
put back into the new ones. The programme form composes its rows (stakeholders, indicators,
a line of amounts per source) from its `draft`: it gets what it holds now as its draft
(`gather`), and composes from that; its messages are found again once it is composed
(`FormMessages.say_again`).

What the form held when it opened (`_initial`) is kept, so escape still asks when the form
differs from what it was, not from what it was at the switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from ..widgets.ticks import Checkbox, SelectionList

if TYPE_CHECKING:
    from .form import SavingForm

Typed = dict[str, tuple[str, Any]]


def _typed(form: Widget) -> Typed:
    """What each field with an id holds (the value and where its cursor is)."""
    typed: Typed = {}
    for w in form.query("*"):
        if not w.id:
            continue
        if isinstance(w, Input):
            typed[w.id] = ("input", (w.value, w.cursor_position))
        elif isinstance(w, TextArea):
            typed[w.id] = ("text", (w.text, w.cursor_location))
        elif isinstance(w, Select):
            typed[w.id] = ("select", w.value)
        elif isinstance(w, Checkbox):
            typed[w.id] = ("toggle", w.value)
        elif isinstance(w, SelectionList):
            typed[w.id] = ("ticks", list(w.selected))
    return typed


def _put_back(form: Widget, typed: Typed) -> None:
    for widget_id, (kind, value) in typed.items():
        found = form.query(f"#{widget_id}")
        if not found:
            continue
        w = found.first()
        if kind == "input" and isinstance(w, Input):
            w.value, w.cursor_position = value
        elif kind == "text" and isinstance(w, TextArea):
            text, cursor = value
            if w.text != text:
                w.load_text(text)
            w.cursor_location = cursor
        elif kind == "select" and isinstance(w, Select):  # noqa: SIM114  (two types: mypy narrows each)
            w.value = value
        elif kind == "toggle" and isinstance(w, Checkbox):
            w.value = value
        elif kind == "ticks" and isinstance(w, SelectionList):
            w.deselect_all()
            for v in value:
                w.select(v)


def _fields(form: Widget) -> list[Widget]:
    return [w for w in form.query("*") if w.focusable]


async def rebuild(form: SavingForm[Any]) -> None:
    """Compose `form` again in the language of the moment, keeping what was typed."""
    from .programme_form import ProgrammeForm

    fields = _fields(form)
    focused = form.focused
    at = fields.index(focused) if focused in fields else -1
    focused_id = focused.id if focused is not None else None
    errors_shown = bool(form.query(".field-error.-shown"))
    initial = form._initial
    drafted = isinstance(form, ProgrammeForm)
    typed: Typed = {}
    said: tuple[set[str], bool] = (set(), False)
    if isinstance(form, ProgrammeForm):
        # its rows are composed from the draft: what it holds now becomes the draft
        form.draft = form.gather()
        said = form.messages.said()
    else:
        typed = _typed(form)
    await form.recompose()
    if not drafted:
        # what the form does as it opens (a first message, the first field focused); then
        # what was typed goes back over it
        form.on_mount()
    form._initial = initial
    _put_back(form, typed)
    if errors_shown and not drafted:
        from .form import FormScreen

        if isinstance(form, FormScreen):
            form.show_errors(form.errors_again())  # said again, in the new language
    if isinstance(form, ProgrammeForm):
        await form.messages.say_again(said)  # its messages too, in the new language
    fields = _fields(form)
    target = next((w for w in fields if focused_id and w.id == focused_id), None)
    if target is None and 0 <= at < len(fields):
        target = fields[at]  # a field without an id (an indicator's): the same place in the form
    if target is not None:
        target.focus()
