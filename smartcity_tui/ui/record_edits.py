"""The add / edit / delete glue every list of records shares (SWOT quadrants, strategies,
programmes, the timeline's milestones, the readiness table, the plan's missions and targets):
open the form, turn what it returns into a PlanWrite, put the cursor on the record once the
screen has redrawn, and let a delete say that ctrl+z brings it back. One implementation, so
the views cannot drift apart; tests/ui/test_record_edits.py runs it on a bare host.

A form opened here stays open until its write is on disk (screens/form.py, `SavingForm`): a
failed save leaves it open with what was typed. On a read-only plan no form opens at all: the
officer is told why, and what to do, instead of filling in a form that cannot be saved.

A view keeps one RecordEdits and asks it for `take_selection()` when it draws the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message_pump import MessagePump
from textual.screen import Screen

from ..model.records import Record
from .plan_writes import PlanWrite, refuse_when_read_only

if TYPE_CHECKING:
    from .screens.form import SavingForm

R = TypeVar("R")
Rec = TypeVar("Rec", bound=Record)
Label = str | Callable[[Any], str]  # fixed, or made from the record the form returned


def _said(label: Label, record: object) -> str:
    return label(record) if callable(label) else label


class RecordEdits:
    def __init__(self, owner: MessagePump) -> None:
        self.owner = owner  # the view: writes are posted from it and bubble up to the app
        self.select_after: str | None = None  # a record to put the cursor on at the next redraw

    def take_selection(self) -> str | None:
        """The record to select in this redraw (once), if a write asked for one."""
        selected, self.select_after = self.select_after, None
        return selected

    def ask(self, form: Screen[R | None], then: Callable[[R], object]) -> None:
        """Open `form` (a picker: it writes nothing); `then(result)` once it is chosen,
        nothing when it is cancelled."""

        def closed(result: R | None) -> None:
            if result is not None:
                then(result)

        self.owner.app.push_screen(form, closed)

    def open(self, form: SavingForm[R], write: Callable[[R], PlanWrite[Any] | None]) -> None:
        """Open a form that edits the plan: `write(result)` is the write its save asks for
        (None: nothing to write), and the form closes once that write is on disk. On a
        read-only plan the form does not open, and the officer is told why."""
        if refuse_when_read_only(self.owner.app):
            return
        form.saver = write
        self.owner.app.push_screen(form)

    def post(self, write: PlanWrite[Any]) -> None:
        self.owner.post_message(write)

    def select(self, record: Record) -> None:
        self.select_after = record.id

    # --- the three edits ---------------------------------------------------------------------

    def add(self, form: SavingForm[Rec], label: Label) -> None:
        """A new record from `form`; added, the cursor goes to it."""
        self.open(form, lambda record: PlanWrite.add(record, _said(label, record), then=self.select))

    def edit(self, form: SavingForm[Rec], label: Label) -> None:
        """The record `form` returns is saved (only the fields that changed are written); the
        cursor stays on it."""

        def save(record: Rec) -> PlanWrite[Any]:
            return PlanWrite.save(record, _said(label, record), then=lambda _saved: self.select(record))

        self.open(form, save)

    def delete(self, record_id: str | None, label: str) -> None:
        """Deleted at once, no question asked: ctrl+z brings it back, and the officer is told."""
        if record_id is not None:
            self.post(PlanWrite.delete(record_id, label))
