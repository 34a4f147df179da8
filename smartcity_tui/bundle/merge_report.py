"""What a merge changes, counted for the officer: the report's rows (plan-wide records, then
the pillars), which records are open conflicts after it, and the decisions that may follow.
`bundle/merge.py` merges; this says what the merge did or would do."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model.revision import Dot, RecordState
from ..model.vocab import PILLAR_KEYS

# Report rows: plan-wide records (the plan's facts, readiness) first, then the six pillars.
PLAN_WIDE = "plan"
AREAS = (PLAN_WIDE, *PILLAR_KEYS)


# --- what changed -------------------------------------------------------------------------------

def area_of(state: RecordState, find: Callable[[str], RecordState | None],
            keys: Collection[str] = PILLAR_KEYS) -> str:
    """The pillar a record belongs to (one of `keys`, the plan framework's, or a key outside it
    that the record has: a record of a dimension a reframe did not place is that dimension's,
    not the plan's in general), or PLAN_WIDE. Indicators and milestones belong to their
    programme's pillar (`find` looks it up)."""
    pillar = state.value("pillar")
    if pillar is None and state.kind in ("indicator", "milestone"):
        prog = find(state.value("programme_id") or "")
        pillar = prog.value("pillar") if prog is not None else None
    return pillar if pillar in keys or (isinstance(pillar, str) and pillar) else PLAN_WIDE


CHILD_KINDS = ("indicator", "milestone")


def deleted_parent(state: RecordState, find: Callable[[str], RecordState | None]) -> RecordState | None:
    """The deleted programme of a shown indicator or milestone (a group added or edited it
    while another deleted the programme): an open conflict, see PlanStore.orphans."""
    if state.kind not in CHILD_KINDS or state.deleted:
        return None
    parent = find(state.value("programme_id") or "")
    return parent if parent is not None and parent.deleted else None


def dependents(state: RecordState, find: Callable[[str], RecordState | None],
               children_of: Callable[[str], Iterable[str]]) -> list[RecordState]:
    """A programme one group deleted while another edited it (still shown until decided): its
    shown indicators and milestones in no conflict of their own, which no delete took (a
    group added them meanwhile). Deleting the programme makes each an open conflict of its
    own (`deleted_parent`): a decision more than the records now in conflict."""
    if state.kind != "programme" or not state.delete_conflict():
        return []
    out = []
    for cid in sorted(children_of(state.id)):
        child = find(cid)
        if (child is not None and child.value("programme_id") == state.id and not child.deleted
                and not child.has_conflict()):
            out.append(child)
    return out


def is_open(state: RecordState, find: Callable[[str], RecordState | None]) -> bool:
    return state.has_conflict() or deleted_parent(state, find) is not None


def conflict_marks(state: RecordState | None,
                   find: Callable[[str], RecordState | None] = lambda rid: None
                   ) -> frozenset[tuple[str, frozenset[Dot]]]:
    """What a record's conflicts consist of, to tell a new conflict from one already open."""
    if state is None:
        return frozenset()
    marks = {(name, frozenset(s.dot for s in sibs)) for name, sibs in state.field_conflicts().items()}
    if state.delete_conflict():
        marks.add(("_deleted_vs_edit", frozenset(s.dot for s in state.tombstones())))
    parent = deleted_parent(state, find)
    if parent is not None:
        marks.add(("_programme_deleted", frozenset(s.dot for s in parent.tombstones())))
    return frozenset(marks)


@dataclass
class AreaCounts:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts_new: int = 0
    conflicts_total: int = 0

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class BundleInfo:
    path: str
    team: str
    replica_id: str
    records: int


@dataclass
class MergeReport:
    areas: dict[str, AreaCounts] = field(default_factory=lambda: {a: AreaCounts() for a in AREAS})
    unchanged: int = 0  # records the bundles hold that this plan already had, as they are
    written: int = 0  # records whose stored state changes (hidden tombstones included)
    # of those, the ones deleted before and after (a record that arrives already deleted, a
    # delete that travels again): in no column, so `written` = the columns' total + this
    hidden: int = 0
    # records that deleting a programme in conflict would put up for a decision of their own
    # (`dependents`): not yet in conflict, so in no column, but a decision the officer may face
    dependents: int = 0
    bundles: list[BundleInfo] = field(default_factory=list)
    adopted: str = ""  # the plan id taken over with adopt, else ""
    applied: bool = False

    @classmethod
    def for_keys(cls, keys: Iterable[str]) -> MergeReport:
        """A report with an area per dimension of the plan's framework (in its order)."""
        return cls(areas={a: AreaCounts() for a in (PLAN_WIDE, *keys)})

    def area(self, key: str) -> AreaCounts:
        """The counts of an area; one outside the framework is added after the framework's."""
        return self.areas.setdefault(key, AreaCounts())

    def total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.areas.values())

    @property
    def changes_anything(self) -> bool:
        return self.written > 0

    def to_json(self) -> dict[str, Any]:
        totals = AreaCounts(**{k: self.total(k) for k in AreaCounts().__dict__})
        return {
            "applied": self.applied,
            "adopted": self.adopted or None,
            "bundles": [b.__dict__ for b in self.bundles],
            "areas": {a: c.to_json() for a, c in self.areas.items()},
            "totals": totals.to_json(),
            "unchanged": self.unchanged,
            "written": self.written,
            "hidden": self.hidden,
            "dependents": self.dependents,
        }


def build_report(find_before: Callable[[str], RecordState | None],
                 changed: Mapping[str, RecordState], incoming_ids: Iterable[str],
                 open_conflicts: Iterable[str],
                 children_of: Callable[[str], Iterable[str]] = lambda rid: (),
                 keys: Collection[str] = PILLAR_KEYS) -> MergeReport:
    """Count what `changed` ({id: merged state}) does to a plan; `find_before` gives a
    record's state before the merge, `open_conflicts` the ids in conflict before it,
    `children_of` the indicators and milestones of a programme (a programme deleted by the
    merge may leave a child another group added in conflict, and one in a delete-versus-edit
    conflict may leave it on its delete: `MergeReport.dependents`)."""
    report = MergeReport.for_keys(keys)

    def find_after(rid: str) -> RecordState | None:
        return changed.get(rid) or find_before(rid)

    for rid in incoming_ids:
        if rid not in changed:
            report.unchanged += 1
    for rid, new in changed.items():
        report.written += 1
        old = find_before(rid)
        counts = report.area(area_of(new, find_after, keys))
        was_shown = old is not None and not old.deleted
        if new.deleted:
            if was_shown:
                counts.deleted += 1
            else:
                report.hidden += 1
        elif old is None:
            counts.added += 1
        else:
            counts.updated += 1
        if conflict_marks(new, find_after) - conflict_marks(old, find_before):
            counts.conflicts_new += 1
    # children left shown under a programme this merge deletes, though they did not change
    for rid, new in changed.items():
        if new.kind != "programme" or not new.deleted:
            continue
        for child in children_of(rid):
            state = find_after(child)
            if child in changed or state is None or deleted_parent(state, find_after) is None:
                continue
            if conflict_marks(state, find_after) - conflict_marks(state, find_before):
                report.area(area_of(state, find_after, keys)).conflicts_new += 1
    candidates = set(open_conflicts) | set(changed)
    candidates |= {c for rid, s in changed.items() if s.kind == "programme" for c in children_of(rid)}
    for rid in candidates:
        state = find_after(rid)
        if state is not None and is_open(state, find_after):
            report.area(area_of(state, find_after, keys)).conflicts_total += 1
            report.dependents += len(dependents(state, find_after, children_of))
    return report
