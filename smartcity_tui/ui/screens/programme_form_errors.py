"""What the programme form says about what was typed: the message under each field to fix
(red), the question under each budget amount for a year the programme does not run (a
warning: a second save keeps it), and the summary line at the bottom.

Messages are said when the officer saves. Each one goes again as soon as what it is about is
put right (`FormMessages.recheck`, on every change while a message is shown), so the officer
sees the fix taken; one that still applies keeps the words it was given at the save, rather
than changing with every key of a year half typed.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from ...i18n import t
from .programme_form_budget import BudgetLine
from .programme_form_fields import FieldError, FieldRow, IndicatorEditor


class FormMessages:
    """The messages of one ProgrammeForm (`form`), and the general ones kept for its summary."""

    def __init__(self, form: Screen[Any]) -> None:
        self.form = form
        self.general: list[str] = []  # not about one field: the plan's own checks

    def holders(self) -> tuple[list[Widget], dict[str, Widget]]:
        """The widgets a message can stand under, in the order the form shows them, and the
        holder of each message key."""
        q = self.form.query
        holders: list[Widget] = [*q(FieldRow), *q(BudgetLine), *q(IndicatorEditor)]
        keyed: dict[str, Widget] = {}
        for h in holders:
            if isinstance(h, FieldRow):
                keyed[h.field_key] = h
            elif isinstance(h, BudgetLine):
                keyed.update({f"budget-{h.source}-{y}": h for y in h.years})
            elif isinstance(h, IndicatorEditor):
                keyed[f"indicator-{h.row_key}"] = h
        return holders, keyed

    def shown(self) -> bool:
        return bool(self.general or self.form.query(FieldError))

    async def show(self, errs: dict[str, str], general: list[str], warnings: dict[str, str]) -> None:
        """Put each message under its field (a warning in the warning colour), say in the
        summary what is to do, and take the cursor to the first field to look at."""
        await self.form.query(FieldError).remove()
        holders, keyed = self.holders()
        self.general = list(general)
        messages = [(k, m, False) for k, m in errs.items()] + [(k, m, True) for k, m in warnings.items()]
        for key, message, warning in messages:
            holder = keyed.get(key)
            if holder is None:
                self.general.append(message)
                continue
            if isinstance(holder, BudgetLine):
                await holder.mount(FieldError(key, f"{key.rsplit('-', 1)[1]}: {message}", warning=warning))
            elif isinstance(holder, IndicatorEditor):
                await holder.mount(FieldError(key, message, warning=warning))
            elif isinstance(holder.parent, Widget):
                await holder.parent.mount(FieldError(key, message, warning=warning), after=holder)
        self._mark(holders, keyed)
        # a save's own failure (say_not_saved) is old news once the officer saves again
        self.form.query_one("#form-errors", Static).remove_class("-saving-error")
        self._summarise()
        # The first field to look at gets the cursor (holders are in the order the form shows
        # them: the indicators come last); in a line of amounts, the amount itself, not its
        # line's first year.
        marked = [h for h in holders if h.has_class("-invalid") or h.has_class("-warned")]
        if marked:
            first = marked[0]
            said = {key for key, _, _ in messages if keyed.get(key) is first}
            fields = [w for w in first.query("*") if w.focusable]
            target = next((w for w in fields if w.id in said), fields[0] if fields else None)
            if target is not None:
                target.focus(scroll_visible=False)  # its own scroll would animate
            # After the refresh: the messages just mounted have moved everything below them. To
            # the top, not the centre: the centre moves with the body's height, which the
            # summary line under it changes, and a busy laptop may lay that line out after the
            # scroll (the line to fix then came up a row off, now and then).
            self.form.call_after_refresh(self.form.query_one("#form-body").scroll_to_widget, first,
                                         animate=False, top=True)

    async def recheck(self, errs: Collection[str], warned: Collection[str] | None) -> None:
        """Take away the messages no longer true: an error whose key `check` no longer gives
        (`errs`), a warning whose cell is no longer outside the programme's years (`warned`;
        None when that cannot be known yet, as while another field is wrong)."""
        def settled(line: FieldError) -> bool:
            if line.is_warning:
                return warned is not None and line.field_key not in warned
            return line.field_key not in errs

        gone = [f for f in self.form.query(FieldError) if settled(f)]
        if not gone:
            return
        for line in gone:
            await line.remove()
        holders, keyed = self.holders()
        self._mark(holders, keyed)
        self._summarise()

    def _mark(self, holders: list[Widget], keyed: dict[str, Widget]) -> None:
        said = list(self.form.query(FieldError))
        for h in holders:
            h.set_class(any(keyed.get(f.field_key) is h and not f.is_warning for f in said), "-invalid")
            h.set_class(any(keyed.get(f.field_key) is h and f.is_warning for f in said), "-warned")

    def _summarise(self) -> None:
        said = list(self.form.query(FieldError))
        errors = len({f.field_key for f in said if not f.is_warning})
        warnings = len({f.field_key for f in said if f.is_warning})
        if errors:
            lines = [t("prog.form.errors", count=errors)]
        elif warnings:
            lines = [t("prog.form.warned", count=warnings)]
        else:
            lines = []
        summary = self.form.query_one("#form-errors", Static)
        if summary.has_class("-saving-error"):
            return  # why the last save failed stays in view until the next save
        summary.update("\n".join(lines + self.general))
        summary.set_class(bool(lines or self.general), "-shown")
        summary.set_class(bool(warnings) and not errors and not self.general, "-warning")
