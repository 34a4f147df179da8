"""The programme form writes only what the officer changed, as the plan holds the rest.

The form shows stored values in its own way (pick lists in the vocabulary's order, agencies
joined by commas, numbers grouped), and reading them back gave the same meaning in another
shape: funding sources stored as `["dak", "apbd"]` came back `["apbd", "dak"]`, an indicator
target stored as 300 came back 300.0. Each such rewrite took a new dot, and another group's
edit of the same field became a false conflict (QA round 2, #2 and #3). So a field whose
input reads as it did when the form opened keeps the stored value as it is, and a pick list
that did change keeps the stored order of what stays ticked, with the newly ticked after it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ...model.records import Indicator, Programme

if TYPE_CHECKING:
    from .programme_form_values import IndicatorDraft, ProgrammeDraft, ProgrammeFormResult

T = TypeVar("T", bound=Hashable)

# draft field -> the programme field it is read into
_PROGRAMME = {
    "code": "code", "nomenclature_code": "nomenclature_code", "name": "name", "description": "description",
    "element": "element", "subtopic": "subtopic", "strategy_ids": "strategy_ids", "lead_agency": "lead_agency",
    "supporting": "supporting_agencies", "stakeholders": "stakeholders", "reference": "reference",
    "innovation": "innovation", "horizon": "horizon", "start_year": "start_year", "end_year": "end_year",
    "quick_win": "quick_win", "priority": "priority", "funding_sources": "funding_sources",
    "budget": "budget_by_source", "status": "status", "progress": "progress", "location": "location",
    "beneficiaries": "beneficiaries", "regulation_needs": "regulation_needs",
    "mission_numbers": "mission_numbers", "target_ids": "target_ids",
}
# the pick lists: ticks, no order of their own
_PICKED = frozenset({"strategy_ids", "funding_sources", "mission_numbers", "target_ids"})
_INDICATOR = ("name", "unit", "baseline", "reference_code", "kind", "baseline_year", "end_target",
              "data_source", "definition", "evidence")


def kept_order(stored: Sequence[T], ticked: Sequence[T]) -> list[T]:
    """What is ticked, in the order the plan holds it: the stored items still ticked where
    they stood, then the newly ticked in the order the list shows them. A pick list cannot
    reorder, so the order the user left is the stored one."""
    if set(stored) == set(ticked):
        return list(stored)
    still = set(ticked)
    out = [x for x in stored if x in still]
    return out + [x for x in ticked if x not in out]


def keep_stored(draft: ProgrammeDraft, original: ProgrammeDraft | None, programme: Programme | None,
                indicators: list[Indicator], result: ProgrammeFormResult) -> ProgrammeFormResult:
    """`result` (what `build` read from `draft`) with every field the officer left as the
    form showed it (`original`, the draft of the stored records) holding its stored value."""
    if programme is None or original is None:
        return result
    changes: dict[str, Any] = {}
    for typed, name in _PROGRAMME.items():
        if getattr(draft, typed) == getattr(original, typed):
            changes[name] = getattr(programme, name)
        elif name in _PICKED:
            changes[name] = kept_order(getattr(programme, name), getattr(result.programme, name))
    olds = {i.id: i for i in indicators}
    rows = {row.id: row for row in draft.indicators if row.id}
    shown = {row.id: row for row in original.indicators if row.id}
    kept = [_indicator(new, olds[new.id], rows[new.id], shown[new.id])
            if new.id in olds and new.id in rows and new.id in shown else new for new in result.indicators]
    result.programme = result.programme.replace(**changes)
    result.indicators = kept
    return result


def _indicator(new: Indicator, old: Indicator, row: IndicatorDraft, shown: IndicatorDraft) -> Indicator:
    changes: dict[str, Any] = {name: getattr(old, name) for name in _INDICATOR
                               if getattr(row, name) == getattr(shown, name)}
    # per year: a target typed over keeps the value as typed, the others stay as stored
    targets = dict(new.targets)
    for year, value in old.targets.items():
        if row.targets.get(year, "").strip() == shown.targets.get(year, "").strip():
            targets[year] = value
    changes["targets"] = old.targets if targets == old.targets else dict(sorted(targets.items()))
    return new.replace(**changes)
