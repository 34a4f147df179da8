"""The pieces the programme form is built from: a labelled field with room for what to type,
a stakeholder row and an indicator editor with one target per plan year.

Every control is compact (one line, no border) so the whole form scrolls comfortably at
80x24; the label column and a focus tint show where the cursor is.
"""

from __future__ import annotations

from itertools import count

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from ...i18n import t
from ...model.vocab import PENTAHELIX_ROLES
from .programme_form_values import IndicatorDraft, StakeholderDraft

_row_numbers = count(1)


class FieldRow(Horizontal):
    """A label, the control(s), and under them the message saying what to type."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > .field-label { width: 22; padding-right: 1; color: $text-muted; }
    FieldRow > .field-input { width: 1fr; height: auto; }
    FieldRow.-invalid > .field-label { color: $error; text-style: bold; }
    """

    def __init__(self, label: str, *controls: Widget, key: str) -> None:
        self.field_key = key
        super().__init__(
            Label(label, classes="field-label"),
            Vertical(*controls, FieldError(key), classes="field-input"),
        )


class FieldError(Static):
    """Empty and hidden until the form finds something to say about its field."""

    DEFAULT_CSS = """
    FieldError { color: $error; height: auto; display: none; }
    FieldError.-shown { display: block; }
    """

    def __init__(self, key: str) -> None:
        super().__init__("", classes="field-error")
        self.field_key = key

    def say(self, message: str | None) -> None:
        self.update(message or "")
        self.set_class(bool(message), "-shown")


class StakeholderRow(Horizontal):
    DEFAULT_CSS = """
    StakeholderRow { height: 1; margin-bottom: 0; }
    StakeholderRow > Input { width: 1fr; margin-right: 1; }
    StakeholderRow > Select { width: 16; margin-right: 1; }
    StakeholderRow > Button { min-width: 7; width: auto; }
    """

    def __init__(self, draft: StakeholderDraft) -> None:
        roles = [(c.label(), c.key) for c in PENTAHELIX_ROLES]
        role = draft.role if draft.role in PENTAHELIX_ROLES else PENTAHELIX_ROLES.keys[0]
        super().__init__(
            Input(draft.name, placeholder=t("prog.form.stakeholder_name"), compact=True, classes="stk-name"),
            Select(roles, value=role, allow_blank=False, compact=True, classes="stk-role"),
            Button(t("prog.form.remove"), compact=True, classes="remove-row"),
        )

    def draft(self) -> StakeholderDraft:
        return StakeholderDraft(self.query_one(".stk-name", Input).value,
                                str(self.query_one(".stk-role", Select).value))


class Cell(Vertical):
    """A small caption over one compact input (indicator name, unit, a year's target)."""

    DEFAULT_CSS = """
    Cell { height: 2; width: 1fr; margin-right: 1; }
    Cell > Label { color: $text-muted; width: 1fr; }
    """

    def __init__(self, caption: str, control: Widget, **kw) -> None:
        super().__init__(Label(caption), control, **kw)


class IndicatorEditor(Vertical):
    """One indicator: name, unit, baseline, and a target for every plan year."""

    DEFAULT_CSS = """
    IndicatorEditor { height: auto; border-left: outer $primary-muted; padding-left: 1; margin-bottom: 1; }
    IndicatorEditor:focus-within { border-left: outer $accent; }
    IndicatorEditor.-invalid { border-left: outer $error; }
    IndicatorEditor > Horizontal { height: 2; }
    IndicatorEditor .ind-name-cell { width: 3fr; }
    IndicatorEditor .ind-unit-cell { width: 1fr; min-width: 8; }
    IndicatorEditor .ind-base-cell { width: 1fr; min-width: 10; }
    IndicatorEditor .remove-row { margin-top: 1; min-width: 7; width: auto; }
    IndicatorEditor > .ind-targets { margin-top: 0; }
    """

    def __init__(self, draft: IndicatorDraft, years: list[int]) -> None:
        self.indicator_id = draft.id
        self.row_key = draft.key
        self.years = years
        top = Horizontal(
            Cell(t("prog.form.indicator_name"), Input(draft.name, compact=True, classes="ind-name"),
                 classes="ind-name-cell"),
            Cell(t("prog.form.indicator_unit"), Input(draft.unit, compact=True, classes="ind-unit"),
                 classes="ind-unit-cell"),
            Cell(t("prog.form.indicator_baseline"), Input(draft.baseline, compact=True, classes="ind-base"),
                 classes="ind-base-cell"),
            Button(t("prog.form.remove"), compact=True, classes="remove-row"),
        )
        targets = Horizontal(*(
            Cell(str(y), Input(draft.targets.get(y, ""), compact=True, classes="ind-target",
                               name=str(y)))
            for y in years
        ), classes="ind-targets")
        super().__init__(top, targets, FieldError(f"indicator-{draft.key}"))

    @staticmethod
    def new_key() -> str:
        return f"new{next(_row_numbers)}"

    def draft(self) -> IndicatorDraft:
        return IndicatorDraft(
            key=self.row_key, id=self.indicator_id,
            name=self.query_one(".ind-name", Input).value,
            unit=self.query_one(".ind-unit", Input).value,
            baseline=self.query_one(".ind-base", Input).value,
            targets={int(i.name or 0): i.value for i in self.query(".ind-target").results(Input)},
        )
