"""An in-memory replica that writes exactly as PlanStore does (one dot per write, the write's
context is the record's whole version vector, deletes as tombstones, undo as a new write),
and logs every write, so property tests can check a merge against what really happened.

Fast enough for hundreds of random histories; tests/merge/test_merge_laws.py also runs a
smaller number of histories through real plan files to keep this model honest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smartcity_tui.bundle.merge import merge_sets
from smartcity_tui.model.revision import DELETED, Dot, RecordState, Sibling, covers

TOMB = object()  # "delete" in a change, as store.journal.TOMBSTONE


@dataclass(frozen=True)
class Write:
    record: str
    field: str
    dot: Dot
    value: Any
    context: dict  # the record's version vector just before the write


class Replica:
    def __init__(self, rid: str) -> None:
        self.rid = rid
        self.counter = 0
        self.states: dict[str, RecordState] = {}
        self.log: list[Write] = []
        self._last: list[tuple[str, str, Any]] = []  # (record, field, value before): for undo

    def write(self, record: str, kind: str, changes: dict[str, Any]) -> None:
        state = self.states.get(record)
        if state is not None:
            # as the store: a write of what is stored already is no write
            changes = {n: v for n, v in changes.items() if not self._stored(state, n, v)}
            if not changes:
                return
        self.counter += 1
        dot = (self.rid, self.counter)
        state = RecordState(record, kind) if state is None else state.copy()
        context = dict(state.vv)
        undo = []
        for name, value in changes.items():
            before = state.value(name)
            undo.append((record, name, TOMB if name == DELETED and isinstance(before, dict) else before))
            stored = state.tombstone_value(dot) if value is TOMB else value
            state.vv = {**state.vv, dot[0]: dot[1]}
            state.fields[name] = [Sibling(dot, stored)]
            self.log.append(Write(record, name, dot, stored, context))
        self.states[record] = state
        self._last = undo

    @staticmethod
    def _stored(state: RecordState, name: str, value: Any) -> bool:
        sibs = state.fields.get(name, [])
        if value is TOMB:
            return state.deleted
        if name == DELETED and state.delete_conflict():
            return False
        if not sibs:
            return value is None or (name == DELETED and value is False)
        return all(s.value == value for s in sibs)

    def undo(self) -> None:
        if not self._last:
            return
        record = self._last[0][0]
        changes = {name: before for _, name, before in self._last}
        self.write(record, self.states[record].kind, changes)

    def receive(self, other: "Replica") -> None:
        self.states = merge_sets(self.states.values(), other.states.values())


def maximal_writes(log: list[Write]) -> dict[tuple[str, str], dict[Dot, Any]]:
    """Per (record, field): the writes no later write of the same field had seen. These, and
    only these, must survive a merge of every replica."""
    by_key: dict[tuple[str, str], list[Write]] = {}
    for w in log:
        by_key.setdefault((w.record, w.field), []).append(w)
    out = {}
    for key, writes in by_key.items():
        out[key] = {w.dot: w.value for w in writes
                    if not any(o is not w and covers(o.context, w.dot) for o in writes)}
    return out
