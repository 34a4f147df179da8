"""What the computed columns of the sheets show (a programme's code and name beside its
indicators, totals, the texts of linked records) and the order of each sheet's rows (by the
plan's dimensions, children under their programme, orphans last). columns.py names them in
its tables; budget_sheets.py uses them too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..model.plan import Plan
from ..model.records import Programme, Record
from .dimension_kinds import PillarKind


def programme(record: Record, plan: Plan) -> Programme | None:
    p = plan.get(getattr(record, "programme_id", ""))
    return p if isinstance(p, Programme) else None


def programme_code(record: Record, plan: Plan, lang: str) -> Any:
    p = programme(record, plan)
    return p.code if p and p.code else None


def programme_name(record: Record, plan: Plan, lang: str) -> Any:
    p = programme(record, plan)
    return p.name if p else None


def programme_pillar(record: Record, plan: Plan, lang: str) -> Any:
    p = programme(record, plan)
    return PillarKind().to_cell(p.pillar, lang) if p else None


def total(record: Record, plan: Plan, lang: str) -> Any:
    if isinstance(record, Programme):
        return record.total_budget
    budget = getattr(record, "budget", None)  # a BudgetLine of the Anggaran sheet
    return sum(budget.values()) if isinstance(budget, dict) else None


def target_texts(record: Record, plan: Plan, lang: str) -> Any:
    ids = set(getattr(record, "target_ids", []))
    texts = [f"{n}. {x.text}" for n, x in enumerate(plan.targets, 1) if x.id in ids]
    return "; ".join(texts) or None


def texts_of(ids: list[str], plan: Plan, attr: str) -> Any:
    texts = [getattr(plan.get(i), attr, "") for i in ids if plan.get(i) is not None]
    return "; ".join(t for t in texts if t) or None


def strategy_texts(record: Record, plan: Plan, lang: str) -> Any:
    return texts_of(getattr(record, "strategy_ids", []), plan, "text")


def swot_texts(record: Record, plan: Plan, lang: str) -> Any:
    return texts_of(getattr(record, "swot_ids", []), plan, "text")


def pillar_rank(plan: Plan) -> dict[str, int]:
    return {key: i for i, key in enumerate(plan.framework.keys)}


def programme_rows(plan: Plan) -> list[Programme]:
    rank = pillar_rank(plan)
    return sorted(plan.programmes, key=lambda p: rank.get(p.pillar, 99))


def child_rows(children: Callable[[Plan], Callable[[str], Sequence[Record]]]) -> Callable[[Plan], list[Record]]:
    def rows(plan: Plan) -> list[Record]:
        return [c for p in programme_rows(plan) for c in children(plan)(p.id)]
    return rows


def orphans_last(kind_rows: Callable[[Plan], list[Record]], kind: str) -> Callable[[Plan], list[Record]]:
    """Indicators and milestones of every programme, then any whose programme is gone, so
    that an export holds every record."""
    def rows(plan: Plan) -> list[Record]:
        listed = kind_rows(plan)
        seen = {r.id for r in listed}
        return listed + [r for r in getattr(plan, kind) if r.id not in seen]
    return rows


def by_pillar(attr: str, order: Callable[[Any], Any]) -> Callable[[Plan], list[Record]]:
    def rows(plan: Plan) -> list[Record]:
        rank = pillar_rank(plan)
        return sorted(getattr(plan, attr), key=lambda r: (rank.get(r.pillar, 99), order(r)))
    return rows
