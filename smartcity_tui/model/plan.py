"""The plan as a whole: a read-only view over its live records, grouped the way screens,
exports and validation ask for them. Indexes are built on first use, so a plan of ten
thousand records costs nothing until someone looks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any, TypeVar, cast

from . import framework as frameworks
from .framework import Framework
from .records import (
    Indicator,
    Milestone,
    PlanInfo,
    PlanTarget,
    Programme,
    Readiness,
    Record,
    Stakeholder,
    Strategy,
    SwotItem,
)
from .vocab import QUADRANTS, READINESS_ASPECTS

_R = TypeVar("_R", bound=Record)


def _by_order(items: Iterable[_R]) -> list[_R]:
    return sorted(items, key=lambda r: (getattr(r, "order", 0), r.id))


class Plan:
    def __init__(
        self,
        info: PlanInfo,
        records: Mapping[str, Record],
        conflict_ids: Iterable[str] = (),
    ) -> None:
        self.info = info
        self.records = records  # id -> live record (deleted ones are not here)
        self.conflict_ids = frozenset(conflict_ids)

    @property
    def id(self) -> str:
        return self.info.id

    @cached_property
    def framework(self) -> Framework:
        """The framework the plan is drafted along: its dimensions are the plan's pillars."""
        return frameworks.for_plan(self.info.framework, self.info.framework_version, self._used_keys)

    def _used_keys(self) -> list[str]:
        keys: dict[str, None] = {}
        for r in self.records.values():
            key = getattr(r, "pillar", "")
            if key and isinstance(r, (SwotItem, Strategy, Programme)):
                keys[key] = None
        return sorted(keys)

    def outside_framework(self) -> list[SwotItem | Strategy | Programme]:
        """Records whose pillar is none of the framework's dimensions (left where they were by
        a reframe whose map did not place them): listed by validation, never dropped."""
        keys = set(self.framework.keys)
        pillared: tuple[SwotItem | Strategy | Programme, ...] = (*self.swot, *self.strategies, *self.programmes)
        return [r for r in pillared if r.pillar and r.pillar not in keys]

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    @cached_property
    def _by_kind(self) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = defaultdict(list)
        for r in self.records.values():
            out[r.KIND].append(r)
        return out

    def _kind(self, kind: type[_R]) -> list[_R]:
        # every record of a KIND is of its class (the store makes each from RECORD_TYPES)
        return cast("list[_R]", self._by_kind.get(kind.KIND, []))

    @cached_property
    def readiness(self) -> list[Readiness]:
        aspect_rank = {k: i for i, k in enumerate(READINESS_ASPECTS.keys)}
        return sorted(self._kind(Readiness), key=lambda r: (aspect_rank.get(r.aspect, 99), r.order, r.id))

    @cached_property
    def targets(self) -> list[PlanTarget]:
        """The plan's targets (sasaran), in their order."""
        return _by_order(self._kind(PlanTarget))

    def target_number(self, target_id: str) -> int:
        """The number a target is shown with (from 1), or 0 when the plan has no such target."""
        return next((n for n, x in enumerate(self.targets, 1) if x.id == target_id), 0)

    @cached_property
    def swot(self) -> list[SwotItem]:
        return _by_order(self._kind(SwotItem))

    @cached_property
    def strategies(self) -> list[Strategy]:
        return _by_order(self._kind(Strategy))

    @cached_property
    def programmes(self) -> list[Programme]:
        return sorted(self._kind(Programme), key=lambda p: (p.code, p.name, p.id))

    @cached_property
    def indicators(self) -> list[Indicator]:
        return _by_order(self._kind(Indicator))

    @cached_property
    def milestones(self) -> list[Milestone]:
        return sorted(self._kind(Milestone), key=lambda m: (m.year, m.quarter, m.title, m.id))

    # --- grouped views ---------------------------------------------------------------------

    @cached_property
    def _swot_by_pillar(self) -> dict[str, list[SwotItem]]:
        out: dict[str, list[SwotItem]] = defaultdict(list)
        for s in self.swot:
            out[s.pillar].append(s)
        return out

    def swot_for(self, pillar: str, quadrant: str | None = None) -> list[SwotItem]:
        items = self._swot_by_pillar.get(pillar, [])
        if quadrant is None:
            return list(items)
        return [s for s in items if s.quadrant == quadrant]

    @cached_property
    def _strategies_by_pillar(self) -> dict[str, list[Strategy]]:
        out: dict[str, list[Strategy]] = defaultdict(list)
        for s in self.strategies:
            out[s.pillar].append(s)
        return out

    def strategies_for(self, pillar: str) -> list[Strategy]:
        return list(self._strategies_by_pillar.get(pillar, []))

    @cached_property
    def _programmes_by_pillar(self) -> dict[str, list[Programme]]:
        out: dict[str, list[Programme]] = defaultdict(list)
        for p in self.programmes:
            out[p.pillar].append(p)
        return out

    def programmes_for(self, pillar: str) -> list[Programme]:
        return list(self._programmes_by_pillar.get(pillar, []))

    @cached_property
    def _indicators_by_programme(self) -> dict[str, list[Indicator]]:
        out: dict[str, list[Indicator]] = defaultdict(list)
        for i in self.indicators:
            out[i.programme_id].append(i)
        return out

    def indicators_of(self, programme_id: str) -> list[Indicator]:
        return list(self._indicators_by_programme.get(programme_id, []))

    @cached_property
    def _milestones_by_programme(self) -> dict[str, list[Milestone]]:
        out: dict[str, list[Milestone]] = defaultdict(list)
        for m in self.milestones:
            out[m.programme_id].append(m)
        return out

    def milestones_of(self, programme_id: str) -> list[Milestone]:
        return list(self._milestones_by_programme.get(programme_id, []))

    def quick_wins(self, pillar: str | None = None) -> list[Programme]:
        progs = self.programmes if pillar is None else self.programmes_for(pillar)
        return [p for p in progs if p.quick_win]

    def pillar_of(self, record: Record) -> str:
        """The pillar a record belongs to ("" for plan-wide records)."""
        if isinstance(record, (SwotItem, Strategy, Programme)):
            return record.pillar
        if isinstance(record, (Indicator, Milestone)):
            prog = self.records.get(record.programme_id)
            return prog.pillar if isinstance(prog, Programme) else ""
        return ""

    # --- counts (the `stats` command and the dashboard cards) -------------------------------

    def pillar_counts(self, pillar: str) -> dict[str, Any]:
        progs = self.programmes_for(pillar)
        return {
            "swot": {q: len(self.swot_for(pillar, q)) for q in QUADRANTS.keys},
            "strategies": len(self.strategies_for(pillar)),
            "programmes": len(progs),
            "quick_wins": sum(1 for p in progs if p.quick_win),
            "milestones": sum(len(self.milestones_of(p.id)) for p in progs),
            "indicators": sum(len(self.indicators_of(p.id)) for p in progs),
        }

    def counts(self) -> dict[str, dict[str, Any]]:
        return {key: self.pillar_counts(key) for key in self.framework.keys}


__all__ = ["Plan", "Stakeholder"]
