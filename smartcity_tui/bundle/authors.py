"""Who wrote this: for each record, the working groups that set the values it shows now,
each with the fields it set. From each field's dot (the replica that last set it) and the
plan's teams table, named the way the conflicts screen names them (merge_conflicts.Written),
so the secretariat can ask the right table about an entry.

Per field the answer is exact: the dot of the value shown is the write that set it. Between
fields of different groups there is no "later": counters are per replica and carry no time.
So the group that set most of the record comes first (it wrote the record), then the groups
that changed a few of its fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model.revision import DELETED, RecordState, Sibling
from ..store import PlanStore
from ..store.teams import known_teams
from .merge_conflicts import Written, _written

# Fields no person types: the place in a list moves when a neighbour is added or moved.
NOT_AUTHORED = frozenset({DELETED, "order"})


@dataclass(frozen=True)
class Author:
    written: Written  # this group's newest value on the record (replica, team, counter)
    fields: tuple[str, ...]  # the fields whose shown value it set, in the record's field order

    @property
    def team(self) -> str:
        return self.written.team

    @property
    def replica(self) -> str:
        return self.written.replica


def authors_of(state: RecordState, teams: Mapping[str, str]) -> list[Author]:
    """The groups that set the shown values of `state`'s fields: the one that set most first."""
    latest: dict[str, Sibling] = {}
    fields: dict[str, list[str]] = {}
    for name, sibs in state.fields.items():
        if name in NOT_AUTHORED or not sibs:
            continue
        shown = sibs[-1]  # the value shown (with a conflict, the one every laptop shows)
        replica = shown.dot[0]
        fields.setdefault(replica, []).append(name)
        if replica not in latest or shown.sort_key() > latest[replica].sort_key():
            latest[replica] = shown
    order = sorted(latest, key=lambda r: (len(fields[r]), latest[r].sort_key()), reverse=True)
    return [Author(_written(latest[r], teams), tuple(fields[r])) for r in order]


def record_authors(store: PlanStore, record_id: str) -> list[Author]:
    """Who set what the plan shows of this record; [] for a record the plan does not have."""
    state = store.state(record_id)
    if state is None:
        return []
    return authors_of(state, known_teams(store))
