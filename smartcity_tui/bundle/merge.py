"""Plan-level merge: many drafts' record states become one plan, with nothing lost.

The record-level rules live in model/revision.py (`merge_states`: field by field, version
vectors and dots, conflicts kept as siblings, delete versus edit). This module lifts them to
whole plans and to bundles:

- `merge_sets(*sets)`: the pure merge of record-state sets, usable without a store. Being a
  per-record `merge_states`, it is commutative, associative and idempotent (property-tested).
- `preview(store, bundles)`: what a merge would change, as a `MergeReport`; writes nothing.
- `apply(store, bundles)`: the same merge, written in one durable write (`store.merge_in`,
  which takes a backup first). Merging a bundle a second time finds nothing new and writes
  nothing.

A bundle of another plan (another plan id) is refused with a `MergeError`, unless the caller
says `adopt=True`: the first import into a plan file that is still empty (made with `new`),
which then takes the bundle's plan id and so becomes a copy of that plan.

A bundle here is anything with `path`, `plan_id`, `replica_id`, `team` and `states` (the
reader's `Bundle`, or a stand-in in tests).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..i18n import t
from ..model import framework as frameworks
from ..model.revision import Dot, RecordState, merge_states
from ..model.vocab import PILLAR_KEYS
from ..store import PlanStore
from ..store.adopt import adopt_plan
from ..store.pauses import no_gc_pauses
from ..store.teams import note_teams

# Report rows: plan-wide records (the plan's facts, readiness) first, then the six pillars.
PLAN_WIDE = "plan"
AREAS = (PLAN_WIDE, *PILLAR_KEYS)


class BundleLike(Protocol):
    # read-only: a merge only reads them (so a Bundle, whose states are a list, is one)
    @property
    def path(self) -> Any: ...
    @property
    def plan_id(self) -> str: ...
    @property
    def replica_id(self) -> str: ...
    @property
    def team(self) -> str: ...
    @property
    def states(self) -> Sequence[RecordState]: ...


class MergeError(Exception):
    """A merge refused before anything changed; `message(lang)` says why and what to do."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


# --- the pure merge ---------------------------------------------------------------------------

def merge_sets(*sets: Iterable[RecordState]) -> dict[str, RecordState]:
    """Merge record-state sets into one {id: state}. Inputs are never modified."""
    out: dict[str, RecordState] = {}
    for states in sets:
        for s in states:
            cur = out.get(s.id)
            out[s.id] = s.copy() if cur is None else merge_states(cur, s)
    return out


def canonical(states: Iterable[RecordState] | Mapping[str, RecordState]) -> list[dict[str, Any]]:
    """A comparable form of a state set: wire dicts sorted by id."""
    if isinstance(states, Mapping):
        states = states.values()
    return sorted((s.to_dict() for s in states), key=lambda d: d["id"])


def merge_into(current: Mapping[str, RecordState], incoming: Mapping[str, RecordState]
               ) -> dict[str, RecordState]:
    """The records of `incoming` that would change `current`, merged: {id: new state}."""
    changed: dict[str, RecordState] = {}
    for rid, inc in incoming.items():
        cur = current.get(rid)
        new = inc.copy() if cur is None else merge_states(cur, inc)
        if cur is None or new != cur:
            changed[rid] = new
    return changed


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


# --- against a store ----------------------------------------------------------------------------

def _check(store: PlanStore, bundles: Sequence[BundleLike], adopt: bool) -> str:
    """Refuse what must not be merged; return the plan id the merged plan will carry."""
    if not bundles:
        raise MergeError("merge.no_bundles")
    first = bundles[0]
    for b in bundles[1:]:
        if b.plan_id != first.plan_id:
            raise MergeError("merge.bundles_differ", first=first.path, other=b.path)
    if first.plan_id == store.plan_id:
        _check_framework(store, bundles)
        return store.plan_id
    if not adopt:
        raise MergeError("merge.other_plan", bundle=first.path, theirs=first.plan_id,
                         ours=store.plan_id)
    others = [s for s in store.states() if s.id != store.plan_id]
    if others:
        raise MergeError("merge.adopt_not_empty", plan=store.path, n=len(others))
    if not any(s.id == first.plan_id for b in bundles for s in b.states):
        raise MergeError("merge.adopt_no_plan_record", bundle=first.path)
    return first.plan_id


FRAMEWORK_FIELDS = ("framework", "framework_version")


def framework_after(store: PlanStore, bundles: Sequence[BundleLike]) -> tuple[str, str]:
    """The framework (id, version) the plan is on once these bundles are merged, as the plan
    record's merged fields say. MergeError when it cannot be said: two copies moved to other
    frameworks independently (their framework fields disagree), or one moved to a framework
    this laptop lacks. (docs/frameworks.md, "Merging"; docs/design-notes.md, "Frameworks")"""
    here = store.plan().framework.ref
    own = store.state(store.plan_id)
    theirs = [s for b in bundles for s in b.states if s.id == store.plan_id]
    if own is None or not theirs:
        return here
    merged = own
    for s in theirs:
        merged = merge_states(merged, s)
    conflicts = merged.field_conflicts()
    if any(name in conflicts for name in FRAMEWORK_FIELDS):
        names = sorted({" ".join(frameworks.plan_ref(*_framework_fields(s))) for s in (own, *theirs)})
        raise MergeError("merge.framework_conflict", plan=store.path, frameworks=", ".join(names))
    after = frameworks.plan_ref(*_framework_fields(merged))
    if after != here and frameworks.find(*after) is None:
        raise MergeError("merge.framework_unknown", framework=" ".join(after), folder=frameworks.region_folder())
    return after


def _framework_fields(state: RecordState) -> tuple[str, str]:
    return (str(state.value("framework", "")), str(state.value("framework_version", "")))


def _check_framework(store: PlanStore, bundles: Sequence[BundleLike]) -> None:
    """Bundles on another framework than the plan merge only when the difference is a move one
    side already made and the other has not seen yet (`framework_after`); never by mapping one
    framework's records onto another's."""
    here = store.plan().framework.ref
    if all(getattr(b, "framework_ref", here) == here for b in bundles):
        return
    framework_after(store, bundles)


def _keys_after(store: PlanStore, bundles: Sequence[BundleLike], adopting: bool) -> tuple[str, ...]:
    """The dimension keys the report counts by: those of the framework the plan is on once
    merged (a bundle that brings a move, or the adopted plan's, moves the areas with it)."""
    current = store.plan().framework
    after = getattr(bundles[0], "framework_ref", current.ref) if adopting else framework_after(store, bundles)
    if after == current.ref:
        return current.keys
    found = frameworks.find(*after)
    return found.keys if found is not None else current.keys


def _incoming(bundles: Sequence[BundleLike]) -> tuple[dict[str, RecordState], list[BundleInfo]]:
    merged = merge_sets(*(b.states for b in bundles))
    infos = [BundleInfo(str(b.path), b.team, b.replica_id, len(b.states)) for b in bundles]
    return merged, infos


def _plan(store: PlanStore, bundles: Sequence[BundleLike], adopt: bool
          ) -> tuple[str, dict[str, RecordState], MergeReport]:
    plan_id = _check(store, bundles, adopt)
    incoming, infos = _incoming(bundles)
    adopting = plan_id != store.plan_id
    # adopting: the empty plan's own record is set aside, so nothing of it counts
    find_before = (lambda rid: None) if adopting else store.state
    current = {rid: s for rid in incoming if (s := find_before(rid)) is not None}
    changed = merge_into(current, incoming)
    from .merge_erased import check_nothing_erased  # (it imports this module)

    check_nothing_erased(bundles, current, incoming, changed)
    open_conflicts = [] if adopting else [s.id for s in store.conflicts()]
    children: dict[str, set[str]] = {}
    for s in incoming.values():
        if s.kind in CHILD_KINDS:
            children.setdefault(s.value("programme_id") or "", set()).add(s.id)

    def children_of(rid: str) -> set[str]:
        return children.get(rid, set()) | (set() if adopting else store.children_of(rid))

    keys_after = _keys_after(store, bundles, adopting)
    report = build_report(find_before, changed, incoming, open_conflicts, children_of, keys_after)
    report.bundles = infos
    report.adopted = plan_id if adopting else ""
    return plan_id, changed, report


def preview(store: PlanStore, bundles: Sequence[BundleLike], *, adopt: bool = False) -> MergeReport:
    """What `apply` would do; changes nothing, not even the store's memory."""
    with no_gc_pauses():
        return _plan(store, bundles, adopt)[2]


def apply(store: PlanStore, bundles: Sequence[BundleLike], *, adopt: bool = False) -> MergeReport:
    """Merge the bundles into the plan in one durable write (a backup is taken first).
    Also remembers which team writes as which replica, so conflicts can name teams."""
    with no_gc_pauses():
        plan_id, changed, report = _plan(store, bundles, adopt)
        # what each bundle's writer knew of teams (a merged plan passes on every group's
        # name), then each bundle's own replica and team, which are authoritative
        teams: dict[str, str] = {}
        for b in bundles:
            teams.update(getattr(b, "teams", None) or {})
        teams.update({b.replica_id: b.team for b in bundles if b.replica_id and b.team})
        if report.adopted:
            note_teams(store, teams, write=False)
            adopt_plan(store, plan_id, changed.values())
        elif changed:
            note_teams(store, teams, write=False)
            store.merge_in(changed.values())
        else:
            note_teams(store, teams, write=True)
    report.applied = True
    return report
