"""Deleting, restoring and settling conflicts: the part of PlanStore that knows a programme
and its indicators and milestones belong together (a delete takes them with it, a restore
brings them back, a child is never kept without its programme) and how a person's decision
on a conflict becomes a write.

A mixin of PlanStore (it uses the store's attributes and `_write`), kept apart so that
plan_store.py stays the store's plain read/write surface.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model.records import Record
from ..model.revision import DELETED, RecordState
from .journal import TOMBSTONE, Change

CHILD_KINDS = ("indicator", "milestone")


class Settling:
    if TYPE_CHECKING:  # provided by PlanStore and StoreWriter
        def _require(self, record_id: str) -> Record: ...
        def _write(self, changes: list[Change], *, label: str = "") -> None: ...

    _states: dict[str, RecordState]
    _live: dict[str, Record]
    _orphans: set[str]
    _children: dict[str, set[str]]  # programme id -> its indicators and milestones
    _parent_of: dict[str, str]

    # --- the family index, kept by PlanStore._refresh ---------------------------------------

    def _note_family(self, state: RecordState) -> None:
        if state.kind in CHILD_KINDS:
            parent = state.value("programme_id") or ""
            old = self._parent_of.get(state.id)
            if old is not None and old != parent:
                self._children.get(old, set()).discard(state.id)
            self._parent_of[state.id] = parent
            self._children.setdefault(parent, set()).add(state.id)
            self._check_orphan(state.id)
        elif state.kind == "programme":
            for child in self._children.get(state.id, ()):
                self._check_orphan(child)

    def _check_orphan(self, child_id: str) -> None:
        """A shown child whose programme exists but is deleted is an orphan (a conflict)."""
        parent = self._parent_of.get(child_id, "")
        orphan = (child_id in self._live and parent in self._states and parent not in self._live
                  and self._states[parent].deleted)
        if orphan:
            self._orphans.add(child_id)
        else:
            self._orphans.discard(child_id)

    def children_of(self, programme_id: str) -> set[str]:
        """Ids of the indicators and milestones naming this programme (deleted ones too)."""
        return set(self._children.get(programme_id, ()))

    def orphans(self) -> set[str]:
        """Indicators and milestones shown although their programme is deleted: a group added
        or edited one while another deleted the programme. Each is an open conflict (bring
        the programme back, or let the child go), never an error left for `validate`."""
        return set(self._orphans)

    def delete(self, record_id: str, *, label: str = "") -> None:
        """Delete a record (a tombstone, undoable). A programme takes its indicators and
        milestones with it, in the same undo step."""
        record = self._require(record_id)
        ids = [record_id]
        if record.KIND == "programme":
            ids += sorted(c for c in self._children.get(record_id, ()) if c in self._live)
        changes = [Change(i, DELETED, self._states[i].value(DELETED, False), TOMBSTONE) for i in ids]
        self._write(changes, label=label or f"delete {record.KIND}")

    def restore(self, record_id: str) -> None:
        """Bring back a deleted record (also settles a delete-versus-edit conflict). A
        programme brings back the indicators and milestones its delete took with it: those
        carry a tombstone with the very dot of the programme's own. An indicator or milestone
        of a deleted programme brings its programme back (and so the programme's other
        children its delete took): a child is never kept without its programme."""
        state = self._states[record_id]
        ids = [record_id]
        parent = self._deleted_parent(state)
        if parent is not None:
            ids.append(parent.id)
            state = parent
        if state.kind == "programme":
            ids += [c for c in self._cascaded_children(state) if c not in ids]
        changes = [Change(i, DELETED, self._states[i].value(DELETED, False), False) for i in ids]
        self._write(changes, label="restore")

    def _deleted_parent(self, state: RecordState) -> RecordState | None:
        if state.kind not in CHILD_KINDS:
            return None
        parent = self._states.get(state.value("programme_id") or "")
        if parent is None or parent.id in self._live:
            return None
        return parent

    def _cascaded_children(self, programme: RecordState) -> list[str]:
        """The children the programme's delete took with it: their tombstone has its dot."""
        dots = {t.dot for t in programme.tombstones()}
        if not dots:
            return []
        return sorted(c for c in self._children.get(programme.id, ())
                      if any(t.dot in dots for t in self._states[c].tombstones()))

    def settle_delete(self, record_id: str) -> None:
        """Settle a delete-versus-edit conflict by deleting, covering the concurrent edit."""
        state = self._states[record_id]
        self._write([Change(record_id, DELETED, state.value(DELETED, False), TOMBSTONE)], label="delete")

    def resolve(self, record_id: str, field: str, value: Any) -> None:
        """Settle a field conflict with `value` (one of the siblings, or a new one)."""
        state = self._states[record_id]
        self._write([Change(record_id, field, state.value(field), value)], label="resolve")
