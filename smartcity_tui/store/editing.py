"""Editing a plan: adding, saving and updating records, the plan's facts and team name, undo
and redo, and merging other copies' states in. Each is one durable write through StoreWriter
(writing.py), which stamps the dots and drops what would store what is stored already.

A mixin of PlanStore, kept apart so that plan_store.py says how a plan is opened and read.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from ..i18n import os_reason
from ..model.records import PlanInfo, Record
from ..model.revision import DELETED, RecordState, merge_states
from .errors import PlanWriteFailed
from .journal import TOMBSTONE, Change, Journal
from .loading import META

if TYPE_CHECKING:
    # every edit is a write through StoreWriter, its sibling mixin in PlanStore
    from .writing import StoreWriter as _Writer
else:
    _Writer = object


class Editing(_Writer):
    if TYPE_CHECKING:  # provided by PlanStore and StoreWriter
        _states: dict[str, RecordState]
        _live: dict[str, Record]
        _meta: dict[str, Any]
        _max_order: int
        _backed_up: bool
        _replica_checked: bool
        journal: Journal
        listeners: list[Any]

        @property
        def plan_id(self) -> str: ...
        def _require(self, record_id: str) -> Record: ...

    def add(self, record: Record, *, label: str = "") -> Record:
        if record.id in self._states:
            raise ValueError(f"record {record.id} exists already")
        if hasattr(record, "order") and not record.order:
            record = record.replace(order=self._max_order + 1)
        changes = [Change(record.id, n, None, v) for n, v in record.to_fields().items()]
        # Undoing an add deletes the record (a tombstone), rather than blanking its fields.
        self._write(changes, new_record=(record.id, record.KIND), label=label or f"add {record.KIND}",
                    undo_changes=[Change(record.id, DELETED, TOMBSTONE, False)])
        return self._live[record.id]

    def add_many(self, records: Iterable[Record], *, label: str = "") -> list[Record]:
        """Add many new records in one durable write and one undo step (imports, generators).
        The write reserves one counter value per record, and each gets its own `order` in the
        sequence given, after every record the plan holds."""
        records = list(records)
        if not records:
            return []
        ids = [r.id for r in records]
        if len(set(ids)) != len(ids):
            raise ValueError("the same record id is given twice")
        existing = [rid for rid in ids if rid in self._states]
        if existing:
            raise ValueError(f"record {existing[0]} exists already")
        base = self._max_order
        changes: list[Change] = []
        for i, record in enumerate(records):
            if hasattr(record, "order") and not record.order:
                record = record.replace(order=base + 1 + i)
            changes += [Change(record.id, n, None, v) for n, v in record.to_fields().items()]
        self._write(changes, new_records={r.id: r.KIND for r in records}, step=len(records),
                    label=label or "add records",
                    undo_changes=[Change(r.id, DELETED, TOMBSTONE, False) for r in records])
        return [self._live[rid] for rid in ids]

    def save_many(self, records: Iterable[Record], *, label: str = "") -> list[Record]:
        """Add the new records and save the changed fields of the others, in one durable write
        and one undo step (a sheet import): all of it lands or none of it does, and a hundred
        rows cost one file write, not a hundred. New records get an `order` after every
        record the plan holds, in the sequence given."""
        records = list(records)
        ids = [r.id for r in records]
        if len(set(ids)) != len(ids):
            raise ValueError("the same record id is given twice")
        adds: list[Change] = []
        undo: list[Change] = []
        new_kinds: dict[str, str] = {}
        updates: list[Change] = []
        order = self._max_order
        for record in records:
            state = self._states.get(record.id)
            if state is None:
                if hasattr(record, "order") and not record.order:
                    order += 1
                    record = record.replace(order=order)
                adds += [Change(record.id, n, None, v) for n, v in record.to_fields().items()]
                undo.append(Change(record.id, DELETED, TOMBSTONE, False))
                new_kinds[record.id] = record.KIND
            else:
                updates += self._field_changes(record, state)
        updates = self._effective(updates)
        self._write(adds + updates, new_records=new_kinds, label=label or "save records",
                    undo_changes=undo + updates)
        return [self._live.get(rid, r) for rid, r in zip(ids, records, strict=True)]

    def update(self, record_id: str, *, label: str = "", **fields: Any) -> Record:
        """Set some fields of a record (model values, e.g. budget as {2025: 100})."""
        current = self._require(record_id)
        merged = current.replace(**fields)
        return self.save(merged, label=label)

    def save(self, record: Record, *, label: str = "") -> Record:
        """Write the fields of `record` that differ from the stored ones, and only those, so a
        form save touches what the user changed and merges cleanly with other teams' edits."""
        state = self._states.get(record.id)
        if state is None:
            return self.add(record, label=label)
        changes = self._field_changes(record, state)
        if changes:
            self._write(changes, label=label or f"edit {record.KIND}")
        return self._live.get(record.id, record)

    @staticmethod
    def _field_changes(record: Record, state: RecordState) -> list[Change]:
        """The fields of `record` that differ from its stored state, and only those."""
        new = record.to_fields()
        old = state.values()
        changes = [Change(record.id, n, old.get(n), v) for n, v in new.items() if old.get(n) != v]
        changes += [Change(record.id, n, old[n], None) for n in old if n not in new]
        # a field in conflict is settled by saving it, even with the value already shown
        changes += [Change(record.id, n, old.get(n), new.get(n)) for n in state.field_conflicts()
                    if n != DELETED and n in new and old.get(n) == new.get(n)]
        return changes

    def set_info(self, **fields: Any) -> PlanInfo:
        # the plan's own record is its PlanInfo (PlanStore.plan falls back on one too)
        return cast(PlanInfo, self.update(self.plan_id, label="edit plan", **fields))

    def set_team(self, team: str) -> None:
        """The working group this file's edits and bundles are in the name of. Not a record
        and not merged: each laptop names its own group (a merged plan handed back out still
        carries the secretariat's name until the group sets its own). Not undoable.
        A new name starts a new replica id, so that a replica id names one team forever: the
        writes made so far keep the old name on every laptop, whatever the merge order."""
        if team == self._meta.get("team", ""):
            return
        saved, checked = copy.deepcopy(self._meta), self._replica_checked
        try:
            self._ensure_writable()
            if self._meta.get("counter", 0) > 0:
                self._take_fresh_replica()
            self._meta["team"] = team
            self._meta["saved_at"] = self._clock().isoformat()  # the save state shows this write
            self._flush_meta()
        except BaseException as e:
            self._meta.clear()
            self._meta.update(saved)
            self._replica_checked = checked
            self._storage.mark_dirty(META, self._meta_doc_id)
            if isinstance(e, OSError):
                raise PlanWriteFailed(self.path, reason=os_reason(e)) from None
            raise
        for listener in list(self.listeners):
            listener()

    @contextmanager
    def undo_step(self, label: str = "") -> Iterator[None]:
        """The writes made inside are undone and redone as one step. Each is still its own
        durable write; a failed one raises as usual, and the steps that did land stay one."""
        start = self.journal.recorded
        try:
            yield
        finally:
            self.journal.squash(self.journal.recorded - start, label)

    def undo(self) -> str | None:
        edit = self.journal.take_undo()
        if edit is None:
            return None
        try:
            self._write([c.reversed() for c in edit.changes], journal=False)
        except BaseException:
            self.journal.take_redo()  # not undone after all: keep it undoable
            raise
        return edit.label

    def redo(self) -> str | None:
        edit = self.journal.take_redo()
        if edit is None:
            return None
        try:
            self._write(list(edit.changes), journal=False)
        except BaseException:
            self.journal.take_undo()  # not redone after all: keep it redoable
            raise
        return edit.label

    def merge_in(self, incoming: Iterable[RecordState]) -> list[tuple[RecordState | None, RecordState]]:
        """Merge other copies' record states into this plan in one durable write (a backup is
        taken first). Returns (before, after) for every record that changed."""
        fresh_backup = not self._backed_up
        self._ensure_writable()
        changed: list[tuple[RecordState | None, RecordState]] = []
        merged: dict[str, RecordState] = {}
        for inc in incoming:
            cur = merged.get(inc.id) or self._states.get(inc.id)
            new = merge_states(cur, inc) if cur is not None else inc.copy()
            if cur is None or new.to_dict() != cur.to_dict():
                merged[new.id] = new
        if not merged:
            return []
        if not fresh_backup:
            self._take_backup()  # before every merge, not only a session's first write
        before = {rid: self._states.get(rid) for rid in merged}
        self._commit(merged)
        for rid, new in merged.items():
            changed.append((before[rid], new.copy()))
        return changed
