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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from ..i18n import t
from ..model import framework as frameworks
from ..model.revision import RecordState, merge_states
from ..store import PlanStore
from ..store.adopt import adopt_plan
from ..store.pauses import no_gc_pauses
from ..store.teams import note_teams
from .merge_report import CHILD_KINDS, BundleInfo, MergeReport, build_report


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
