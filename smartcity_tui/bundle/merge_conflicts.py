"""The open conflicts of a plan, told so a person can settle them: which record (kind,
pillar, a readable title), which fields, every value kept and which team wrote it.

Two kinds of conflict come out of a merge (model/revision.py):
- a field holding several values: two teams edited it since they last exchanged drafts;
- delete versus edit: one team deleted the record while another, not knowing, edited it.
  The record stays visible until someone settles it (restore or delete again). For a
  programme, the indicators and milestones a group added meanwhile (`dependents`) are each
  asked about on their own once the programme is deleted after all.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import t
from ..model.deletes import ChildrenOf, Find, programme_deletes
from ..model.revision import DELETED, RecordState, Sibling, covers, meaning
from ..model.vocab import PILLAR_KEYS
from ..store import PlanStore
from ..store.teams import known_teams
from .merge_report import CHILD_KINDS, PLAN_WIDE, area_of, dependents

TITLE_WIDTH = 70

# The field that names a record, per kind, in the order tried.
_TITLE_FIELDS = {
    "plan": ("region",),
    "readiness": ("topic", "description"),
    "swot": ("text",),
    "strategy": ("text",),
    "programme": ("name",),
    "indicator": ("name",),
    "milestone": ("title", "deliverable"),
}


@dataclass
class Written:
    """One value kept in a conflict, and who wrote it."""

    value: Any
    replica: str
    team: str  # "" when no bundle has told this plan the replica's team
    counter: int
    shown: bool = False  # the value the plan shows until the conflict is settled

    @property
    def who(self) -> str:
        return self.team or self.replica

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "team": self.team or None, "replica": self.replica,
                "counter": self.counter, "shown": self.shown}


@dataclass
class FieldConflict:
    field: str
    values: list[Written]

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "values": [w.to_json() for w in self.values]}


@dataclass
class Dependent:
    """An indicator or milestone of a programme in a delete-versus-edit conflict that no delete
    took: deleting the programme puts it up for a decision of its own (merge.dependents)."""

    id: str
    kind: str
    title: str
    teams: list[str]  # who wrote what no delete of the programme had seen (team, else replica)
    added: bool  # none of it was known to the deletes: added meanwhile, not only edited

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "title": self.title, "teams": self.teams, "added": self.added}


@dataclass
class Conflict:
    id: str
    kind: str
    area: str  # a pillar key or "plan"
    title: str
    fields: list[FieldConflict] = field(default_factory=list)
    deleted_by: list[Written] = field(default_factory=list)  # delete versus edit: the deletes
    edited_meanwhile: list[FieldConflict] = field(default_factory=list)  # ... and the edits
    # an indicator or milestone whose programme another group deleted: that programme
    parent_id: str = ""
    parent_title: str = ""
    # a programme deleted versus edited: its children that deleting it would leave in conflict
    dependents: list[Dependent] = field(default_factory=list)

    @property
    def delete_vs_edit(self) -> bool:
        return bool(self.deleted_by)

    @property
    def parent_deleted(self) -> bool:
        """Settled by bringing the programme back (`PlanStore.restore` of this record) or by
        letting this record go (`PlanStore.settle_delete` / `delete`)."""
        return bool(self.parent_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "pillar": self.area, "title": self.title,
            "fields": [f.to_json() for f in self.fields],
            "delete_vs_edit": self.delete_vs_edit,
            "deleted_by": [w.to_json() for w in self.deleted_by],
            "edited_meanwhile": [f.to_json() for f in self.edited_meanwhile],
            "programme_deleted": ({"id": self.parent_id, "title": self.parent_title}
                                  if self.parent_id else None),
            "dependents": [d.to_json() for d in self.dependents],
        }


def title_of(state: RecordState) -> str:
    parts = []
    if state.kind == "programme" and state.value("code"):
        parts.append(str(state.value("code")))
    for name in _TITLE_FIELDS.get(state.kind, ()):
        value = state.value(name)
        if isinstance(value, str) and value.strip():
            parts.append(" ".join(value.split()))
            break
    text = " ".join(parts) or state.id[:8]
    return text if len(text) <= TITLE_WIDTH else text[: TITLE_WIDTH - 1] + "…"


def _written(sib: Sibling, teams: Mapping[str, str], shown: bool = False) -> Written:
    return Written(sib.value, sib.dot[0], teams.get(sib.dot[0], ""), sib.dot[1], shown)


def _distinct(name: str, sibs: list[Sibling], teams: Mapping[str, str]) -> list[Written]:
    """One entry per different value, in dot order (the shown one last). Groups that wrote
    the same value agree: their value appears once, naming every one of them."""
    groups: list[tuple[Any, list[Sibling]]] = []
    for s in sibs:
        key = meaning(name, s.value)
        for k, members in groups:
            if k == key:
                members.append(s)
                break
        else:
            groups.append((key, [s]))
    groups.sort(key=lambda g: g[1][-1].sort_key())
    out = []
    for i, (_, members) in enumerate(groups):
        top = members[-1]
        names = []
        for s in members:
            who = teams.get(s.dot[0], "")
            if who and who not in names:
                names.append(who)
        out.append(Written(top.value, top.dot[0], ", ".join(names), top.dot[1], i == len(groups) - 1))
    return out


def _dependent(child: RecordState, stones: list[Sibling], teams: Mapping[str, str]) -> Dependent:
    stones = stones + child.tombstones()
    sibs = [s for name, values in sorted(child.fields.items()) if name != DELETED for s in values]
    unseen = [s for s in sibs if not any(covers(st.value, s.dot) for st in stones)]
    who = dict.fromkeys(teams.get(s.dot[0], "") or s.dot[0] for s in unseen or sibs)
    return Dependent(child.id, child.kind, title_of(child), list(who), len(unseen) == len(sibs))


def describe(state: RecordState, find: Find, teams: Mapping[str, str],
             keys: Collection[str] = PILLAR_KEYS, children_of: ChildrenOf = lambda rid: ()) -> Conflict:
    """One record's conflict, ready to show (`keys`: the plan framework's dimensions;
    `children_of`: the ids of a programme's indicators and milestones)."""
    out = Conflict(state.id, state.kind, area_of(state, find, keys), title_of(state))
    if state.kind in CHILD_KINDS:
        parent = find(state.value("programme_id") or "")
        if parent is not None and parent.deleted:
            out.parent_id, out.parent_title = parent.id, title_of(parent)
            if not state.delete_conflict():
                # added or edited without a tombstone of its own: the programme's deletes
                out.deleted_by = [_written(s, teams) for s in programme_deletes(parent, find, children_of)]
    for name, sibs in sorted(state.field_conflicts().items()):
        # `_deleted` with several values: deleted on one side, restored on another.
        # Siblings are sorted so that the last is the one shown (revision.RecordState.value)
        out.fields.append(FieldConflict(name, _distinct(name, sibs, teams)))
    if state.delete_conflict():
        stones = state.tombstones()
        out.deleted_by = [_written(s, teams) for s in stones]
        for name, sibs in sorted(state.fields.items()):
            if name == DELETED:
                continue
            racing = [s for s in sibs if state.unseen_by_deleters(s)]
            if racing:
                out.edited_meanwhile.append(FieldConflict(name, [_written(s, teams) for s in racing]))
        out.dependents = [_dependent(c, stones, teams) for c in dependents(state, find, children_of)]
    return out


def say_dependents(key: str, deps: list[Dependent]) -> str:
    """The message `key` about a programme's dependents (the screen's delete choice, the
    conflicts command), given what ("1 indikator dan 2 tonggak"), who, done (added, or added
    or edited) and count, which chooses the plural form."""
    counts = [(kind, sum(d.kind == kind for d in deps)) for kind in CHILD_KINDS]
    parts = [t(f"exchange.count.{kind}", n=n) for kind, n in counts if n]
    what = t("finding.and", first=parts[0], second=parts[1]) if len(parts) > 1 else "".join(parts)
    who = ", ".join(sorted({w for d in deps for w in d.teams}))
    done = t("exchange.conflict.added" if all(d.added for d in deps) else "exchange.conflict.added_or_edited")
    return t(key, what=what, who=who, done=done, count=len(deps))


def conflicts_of(states: Iterable[RecordState], find: Find, teams: Mapping[str, str],
                 keys: Collection[str] = PILLAR_KEYS, children_of: ChildrenOf = lambda rid: ()) -> list[Conflict]:
    rank = {a: i for i, a in enumerate((PLAN_WIDE, *keys))}
    found = [c for c in (describe(s, find, teams, keys, children_of) for s in states)
             if c.fields or c.deleted_by or c.parent_id]
    return sorted(found, key=lambda c: (rank.get(c.area, 99), c.kind, c.title, c.id))


def list_conflicts(store: PlanStore) -> list[Conflict]:
    """Every open conflict of the plan, pillar by pillar."""
    return conflicts_of(store.conflicts(), store.state, known_teams(store), store.plan().framework.keys,
                        store.children_of)
