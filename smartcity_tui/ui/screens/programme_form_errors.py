"""What the programme form says about what was typed: the message under each field to fix
(red), the question under each budget amount and each indicator target for a year the
programme does not run (a warning: a second save keeps it), and the summary line at the
bottom. `assess` is what a save finds; the form asks, saves or says again (after F4) from it.

Messages are said when the officer saves. Each one goes again as soon as what it is about is
put right (`FormMessages.recheck`, on every change while a message is shown), so the officer
sees the fix taken; one that still applies keeps the words it was given at the save, rather
than changing with every key of a year half typed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Static

from ...i18n import t
from ...model.validation import Finding
from ..widgets.programme_detail import years_text
from .programme_form_budget import BudgetLine
from .programme_form_fields import FieldError, FieldRow, IndicatorEditor
from .programme_form_values import (
    ProgrammeDraft,
    ProgrammeFormResult,
    budget_outside_years,
    build,
    check,
    model_errors,
    model_findings,
)

if TYPE_CHECKING:
    from .programme_form import ProgrammeForm


@dataclass
class Assessment:
    """What a save of the form as it stands finds: the fields to fix (`errs`), what the plan's
    own checks reject (`general`), the cells outside the programme's years with the question
    to ask about each (`outside`), and the records, when the fields are clean (`result`)."""

    errs: dict[str, str]
    general: list[str]
    outside: dict[str, str]
    result: ProgrammeFormResult | None


def assess(form: ProgrammeForm, new_ids: dict[str, str]) -> Assessment:
    draft = form.gather()
    errs = check(draft, form.years)
    if errs:
        return Assessment(errs, [], {}, None)
    result = build(draft, form.pillar, form.programme, form.indicators, new_ids)
    findings = model_findings(form.plan, result)
    return Assessment({}, model_errors(findings), outside_years(findings, draft, result), result)


def outside_years(findings: list[Finding], draft: ProgrammeDraft, result: ProgrammeFormResult) -> dict[str, str]:
    """The budget cells and indicator targets for a year the programme does not run, each
    with its question. Validation's own warnings decide which (so the form asks about exactly
    what `validate` would report, and the rule lives there alone)."""
    years = years_text(result.programme)
    asked = {key: t("prog.warn.budget_outside_years", years=years) for key in budget_outside_years(findings, result)}
    # build() keeps the draft's rows in order, less the added rows left empty: a saved
    # indicator's id leads back to the row (and so to the cells) it was typed in
    rows = [ind for ind in draft.indicators if not (ind.id is None and ind.is_blank())]
    row_keys = {saved.id: row.key for row, saved in zip(rows, result.indicators, strict=True)}
    for f in findings:
        if f.code == "indicator.target_outside_programme" and f.record_id in row_keys:
            for year in sorted(int(y) for y in str(f.param("years", "id")).split(",")):
                asked[f"target-{row_keys[f.record_id]}-{year}"] = t(
                    "prog.warn.target_outside_years", year=year, years=years)
    return asked


def _cell(holder: Widget, said: set[str]) -> Widget | None:
    """The control a message under `holder` is about: a target (its cells have no ids), or the
    field whose id is the message's key; else the holder's first."""
    fields = [w for w in holder.query("*") if w.focusable]
    if isinstance(holder, IndicatorEditor):
        years = sorted(int(k.rsplit("-", 1)[1]) for k in said if k.startswith("target-"))
        if years and years[0] in holder.targets:
            return holder.targets[years[0]]
    return next((w for w in fields if w.id in said), fields[0] if fields else None)


class FormMessages:
    """The messages of one ProgrammeForm (`form`), and the general ones kept for its summary."""

    def __init__(self, form: ProgrammeForm) -> None:
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
                keyed.update({f"target-{h.row_key}-{y}": h for y in h.years})
        return holders, keyed

    def shown(self) -> bool:
        return bool(self.general or self.form.query(FieldError))

    async def show(self, errs: dict[str, str], general: list[str], warnings: dict[str, str],
                   *, focus: bool = True) -> None:
        """Put each message under its field (a warning in the warning colour), say in the
        summary what is to do, and (`focus`) take the cursor to the first field to look at."""
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
        if not focus:
            return
        # The first field to look at gets the cursor (holders are in the order the form shows
        # them: the indicators come last); in a line of amounts, the amount itself, not its
        # line's first year; in an indicator, the target asked about.
        marked = [h for h in holders if h.has_class("-invalid") or h.has_class("-warned")]
        if marked:
            first = marked[0]
            target = _cell(first, {key for key, _, _ in messages if keyed.get(key) is first})
            if target is not None:
                target.focus(scroll_visible=False)  # its own scroll would animate
            # After the refresh: the messages just mounted have moved everything below them. To
            # the top, not the centre: the centre moves with the body's height, which the
            # summary line under it changes, and a busy laptop may lay that line out after the
            # scroll (the line to fix then came up a row off, now and then).
            self.form.call_after_refresh(self.form.query_one("#form-body").scroll_to_widget, first,
                                         animate=False, top=True)

    def said(self) -> tuple[set[str], bool]:
        """What is said now: the keys of the messages under fields, and whether the summary
        carries messages of the plan's own checks."""
        return {f.field_key for f in self.form.query(FieldError)}, bool(self.general)

    async def say_again(self, said: tuple[set[str], bool]) -> None:
        """After the form was composed again in another language (F4, form_rebuild.py): the
        messages that were said, said again in it. Found afresh, so each is in the new
        language; only those said before, so nothing is said that the officer has not saved
        for. The cursor stays where the officer had it."""
        keys, general = said
        if not keys and not general:
            return
        found = assess(self.form, dict(self.form.new_ids))
        await self.show({k: m for k, m in found.errs.items() if k in keys}, found.general if general else [],
                        {k: m for k, m in found.outside.items() if k in keys}, focus=False)

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
        warned = {f.field_key for f in said if f.is_warning}
        amounts = len({k for k in warned if k.startswith("budget-")})
        targets = len(warned) - amounts
        lines = []
        if errors:
            lines = [t("prog.form.errors", count=errors)]
        else:  # amounts and targets counted apart: each line names what to look at
            lines += [t("prog.form.warned", count=amounts)] if amounts else []
            lines += [t("prog.form.warned_targets", count=targets)] if targets else []
        summary = self.form.query_one("#form-errors", Static)
        if summary.has_class("-saving-error"):
            return  # why the last save failed stays in view until the next save
        summary.update("\n".join(lines + self.general))
        summary.set_class(bool(lines or self.general), "-shown")
        summary.set_class(bool(warned) and not errors and not self.general, "-warning")
