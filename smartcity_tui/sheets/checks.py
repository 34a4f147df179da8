"""The plan's own validation run on the plan as the import would leave it: an error it would
bring in refuses the import, placed at the row and column it comes from. The same rules as
the form and `smartcity-tui validate` apply, so a rule added to model/validation.py applies
to sheets too; an error the plan had before, in a row the sheet leaves as it is, does not
stop an import that has nothing to do with it."""

from __future__ import annotations

import weakref

from ..model.plan import Plan
from ..model.validation import Finding, errors, validate
from .problems import Problem
from .rows import RowValues

# finding code -> the field whose column it is placed at; "@field" takes the field from the
# finding's own "field" parameter; "budget:" and "targets:" add the finding's year
FINDING_FIELDS = {
    "record.bad_pillar": "pillar", "record.bad_element": "element",
    "programme.empty_name": "name", "programme.years_missing": "start_year",
    "programme.end_before_start": "end_year", "programme.outside_period": "start_year",
    "programme.quick_win_too_long": "quick_win", "programme.negative_budget": "budget:",
    "programme.budget_outside_period": "budget:", "programme.progress_range": "progress",
    "programme.missing_strategy": "strategy_ids", "programme.bad_choice": "@field",
    "programme.bad_nomenclature_code": "nomenclature_code", "indicator.bad_choice": "@field",
    "indicator.missing_programme": "programme_id", "indicator.empty_name": "name",
    "indicator.target_outside_period": "targets:", "indicator.bad_reference_code": "reference_code",
    "swot.empty_text": "text", "swot.bad_quadrant": "quadrant",
    "strategy.empty_text": "text", "strategy.bad_kind": "kind", "strategy.missing_swot": "swot_ids",
    "milestone.missing_programme": "programme_id", "milestone.empty_title": "title",
    "milestone.outside_period": "year", "milestone.bad_quarter": "quarter",
    "readiness.bad_aspect": "aspect", "readiness.bad_rating": "rating",
}

_ERRORS: weakref.WeakKeyDictionary[Plan, set[tuple[str, str]]] = weakref.WeakKeyDictionary()


def _errors_of(plan: Plan) -> set[tuple[str, str]]:
    """(code, record id) of the plan's errors; kept per plan view (an import screen asks
    again at every change of the mapping)."""
    found = _ERRORS.get(plan)
    if found is None:
        found = _ERRORS[plan] = {(f.code, f.record_id) for f in errors(validate(plan))}
    return found


def _field_of(f: Finding, row: RowValues, after: Plan) -> str:
    spec = FINDING_FIELDS.get(f.code, "")
    if spec == "@field":
        return str(f.params.get("field_key", ""))  # the stored field, whose column it is
    if spec.endswith(":"):
        years = str(f.params.get("years", f.params.get("year", ""))).split(",")[0].strip()
        name = spec[:-1]
        return f"{name}:{years}" if f"{name}:{years}" in row.places else name
    if f.code == "programme.outside_period":
        record = after.get(f.record_id)
        if getattr(record, "start_year", None) != f.params.get("year"):
            return "end_year"
    return spec


def new_errors(before: Plan, after: Plan, rows: dict[str, RowValues]) -> list[Problem]:
    """Errors of `after` that `before` does not have, placed at the rows (by record id)."""
    known = _errors_of(before)
    out: list[Problem] = []
    for f in errors(validate(after)):
        if (f.code, f.record_id) in known:
            continue
        row = rows.get(f.record_id)
        if row is None:
            out.append(Problem("invalid", params={"finding": f}))
            continue
        letter, header = row.place(_field_of(f, row, after))
        out.append(Problem("invalid", row.sheet, row.row, letter, header, {"finding": f}))
    return out
