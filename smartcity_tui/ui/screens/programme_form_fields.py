"""The pieces the programme form is built from: a labelled field, the message saying what to
type in it, a stakeholder row and an indicator editor with one target per plan year.

Every control is compact (one line, no border) so the whole form scrolls comfortably at
80x24; the label column and a focus tint show where the cursor is.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any, TypeVar

from textual.containers import Grid, Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from ...i18n import get_language, t
from ...model.vocab import INDICATOR_KINDS, PENTAHELIX_ROLES
from .programme_form_values import IndicatorDraft, StakeholderDraft

W = TypeVar("W", bound=Widget)

_row_numbers = count(1)

# What an empty amount or target shows, dim, as its placeholder. A compact input has no box,
# and its tint alone vanishes in a 256-colour terminal: an unfilled row of cells looked like
# no row at all (QA #11). A dash, not 0, which would read as an amount typed; and one
# character, so nothing grows. (WGL4 holds it: Windows' console fonts draw it.)
EMPTY_CELL = "—"

def compact(widget_class: Callable[..., W], *args: Any, **kw: Any) -> W:
    """A one-line control without a border, the way every control in this form is."""
    return widget_class(*args, compact=True, **kw)


def _text(value: str, classes: str) -> Input:
    # Edited, not retyped: a first key press must not wipe what is there.
    return compact(Input, value, select_on_focus=False, classes=classes)


class FieldRow(Horizontal):
    """A label and its control(s). What to type, when there is something to say, is mounted
    under it as a FieldError only then: a form of thirty fields opens noticeably faster
    without thirty empty message widgets."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > .field-label { width: 22; padding-right: 1; color: $text-muted; }
    FieldRow.-invalid > .field-label { color: $error; text-style: bold; }
    FieldRow.-warned > .field-label { color: $warning; text-style: bold; }
    """

    def __init__(self, label: str, *controls: Widget, key: str) -> None:
        self.field_key = key
        super().__init__(Label(label, classes="field-label"), *controls)


class FieldError(Static):
    """What to type in one field (or indicator row), in the error colour, under it; or, as a
    warning (`-warning`), what a second save would keep, in the warning colour."""

    DEFAULT_CSS = """
    FieldError { color: $error; height: auto; margin-left: 22; }
    FieldError.-warning { color: $warning; }
    """

    def __init__(self, key: str, message: str, *, warning: bool = False) -> None:
        super().__init__(message, classes="field-error -warning" if warning else "field-error", markup=False)
        self.field_key = key
        self.is_warning = warning


class StakeholderRow(Horizontal):
    DEFAULT_CSS = """
    StakeholderRow { height: 1; }
    StakeholderRow > Input { width: 1fr; margin-right: 1; }
    StakeholderRow > Select { width: 16; margin-right: 1; }
    StakeholderRow > Button { min-width: 7; width: auto; }
    """

    def __init__(self, draft: StakeholderDraft) -> None:
        roles = [(c.label(get_language()), c.key) for c in PENTAHELIX_ROLES]
        role = draft.role if draft.role in PENTAHELIX_ROLES else PENTAHELIX_ROLES.keys[0]
        super().__init__(
            compact(Input, draft.name, placeholder=t("prog.form.stakeholder_name"),
                    select_on_focus=False, classes="stk-name"),
            compact(Select, roles, value=role, allow_blank=False, classes="stk-role"),
            compact(Button, t("prog.form.remove"), classes="remove-row"),
        )

    def draft(self) -> StakeholderDraft:
        return StakeholderDraft(self.query_one(".stk-name", Input).value,
                                str(self.query_one(".stk-role", Select).value))


class IndicatorEditor(Vertical):
    """One indicator: name, unit, baseline; what monev scores (type, the baseline's year, the
    target at the end of the period, the data source, the operational definition and the
    evidence of the baseline); and a target for every plan year, each input under its
    caption. Grids rather than a container per cell, for the same reason as FieldRow: fewer
    widgets, a form that opens quickly."""

    DEFAULT_CSS = """
    IndicatorEditor { height: auto; border-left: outer $primary-muted; padding-left: 1; margin-bottom: 1; }
    IndicatorEditor.-invalid { border-left: outer $error; }
    IndicatorEditor.-warned { border-left: outer $warning; }
    /* here, not in FieldError's own rules: Textual scopes those to inside a FieldError, where
       this never matched, and a message in an indicator stood 22 columns in */
    IndicatorEditor > FieldError { margin-left: 0; }
    IndicatorEditor > Grid { height: 2; grid-rows: 1 1; grid-gutter: 0 1; }
    /* baseline 1.3fr: its heading "kondisi awal" whole at 80 columns */
    IndicatorEditor > .ind-top { grid-size: 5 2; grid-columns: 3fr 1fr 1.3fr 1fr auto; }
    IndicatorEditor > .ind-monev { grid-size: 4 2; grid-columns: 3fr 2fr 2fr 3fr; }
    IndicatorEditor > .ind-notes { grid-size: 2 2; grid-columns: 1fr 1fr; }
    IndicatorEditor Label { color: $text-muted; width: 1fr; }
    IndicatorEditor .remove-row { min-width: 7; width: auto; }  /* "Remove" whole, not "Remov" */
    """

    def __init__(self, draft: IndicatorDraft, years: list[int]) -> None:
        self.indicator_id = draft.id
        self.row_key = draft.key
        self.years = years
        # The controls are kept as they are made: draft() reads them on every key while the
        # form shows a message, where a query per control cost the form tens of ms.
        self.inputs = {
            "name": _text(draft.name, "ind-name"), "unit": _text(draft.unit, "ind-unit"),
            "baseline": compact(Input, draft.baseline, classes="ind-base"),
            "reference_code": _text(draft.reference_code, "ind-ref"),
            "baseline_year": compact(Input, draft.baseline_year, classes="ind-base-year",
                                     restrict=r"[0-9]{0,4}", max_length=4),
            "end_target": compact(Input, draft.end_target, classes="ind-end"),
            "data_source": _text(draft.data_source, "ind-source"),
            "definition": _text(draft.definition, "ind-definition"),
            "evidence": _text(draft.evidence, "ind-evidence"),
        }
        i = self.inputs
        kinds = [(c.label(get_language()), c.key) for c in INDICATOR_KINDS]
        self.kind: Select[str] = compact(Select, kinds, prompt=t("prog.form.none"), classes="ind-kind",
                                         value=draft.kind if draft.kind in INDICATOR_KINDS else Select.NULL)
        self.targets = {y: compact(Input, draft.targets.get(y, ""), placeholder=EMPTY_CELL, classes="ind-target",
                                   name=str(y)) for y in years}
        top = Grid(
            Label(t("prog.form.indicator_name")), Label(t("prog.form.indicator_unit")),
            Label(t("prog.form.indicator_baseline")), Label(t("codepick.reference")), Label(""),
            i["name"], i["unit"], i["baseline"], i["reference_code"],
            compact(Button, t("prog.form.remove"), classes="remove-row"),
            classes="ind-top",
        )
        monev = Grid(
            Label(t("prog.form.indicator_kind")), Label(t("prog.form.indicator_base_year")),
            Label(t("prog.form.indicator_end")), Label(t("prog.form.indicator_source")),
            self.kind, i["baseline_year"], i["end_target"], i["data_source"],
            classes="ind-monev",
        )
        notes = Grid(
            Label(t("prog.form.indicator_definition")), Label(t("prog.form.indicator_evidence")),
            i["definition"], i["evidence"],
            classes="ind-notes",
        )
        targets = Grid(*(Label(str(y)) for y in years), *self.targets.values(), classes="ind-targets")
        targets.styles.grid_size_columns = max(len(years), 1)
        super().__init__(top, monev, notes, targets)

    @staticmethod
    def new_key() -> str:
        return f"new{next(_row_numbers)}"

    def draft(self) -> IndicatorDraft:
        return IndicatorDraft(
            key=self.row_key, id=self.indicator_id, kind=_choice(self.kind),
            targets={y: cell.value for y, cell in self.targets.items()},
            **{name: cell.value for name, cell in self.inputs.items()},
        )


def _choice(select: Select[str]) -> str:
    value = select.value
    return "" if value is Select.NULL else str(value)
