"""How a write reaches the disk: the part of PlanStore that stamps dots, commits record states
in one durable file write, and on failure puts the in-memory plan back exactly as it was.

A mixin of PlanStore (it uses the store's attributes); kept apart so that plan_store.py says
what the store offers and this file says how a write is made safe.
"""

from __future__ import annotations

from typing import Any

from ..i18n import os_reason
from ..model.revision import RecordState, Sibling
from . import backups, replica_marks
from .errors import PlanReadOnly, PlanWriteFailed
from .journal import TOMBSTONE, Change, Edit
from .loading import META, RECORDS, home_of, new_replica_id


class StoreWriter:
    path: Any
    readonly: bool
    _meta: dict[str, Any]

    def _ensure_writable(self) -> None:
        if self.readonly:
            raise PlanReadOnly(self.path, getattr(self, "readonly_reason", None))
        if not self._backed_up:
            self._take_backup()  # first: the backup is the file as it is on disk
        if not self._replica_checked:
            # A copied file must not go on writing as the replica it was copied from.
            here = home_of(self.path)
            rep = self._meta["replica"]
            moved = self._written_elsewhere(here)
            # rolled back in place: this machine has already written past the file's counter
            rolled_back = replica_marks.highest(rep.get("id", "")) > self._meta.get("counter", 0)
            if moved or rolled_back:
                self._meta["replica"] = {"id": new_replica_id(), **here}
                self._meta["counter"] = 0
            self._replica_checked = True

    def _written_elsewhere(self, here: dict[str, str] | None = None) -> bool:
        """The file's replica belongs to another place than `here` (this file's home):
        another laptop, folder or drive."""
        here = here or home_of(self.path)
        rep = self._meta["replica"]
        return rep.get("path") != here["path"] or rep.get("machine") != here["machine"]

    def _take_backup(self) -> None:
        # No backup, no write: a full disk must not cost the copy that guards the session.
        # The backup is the plan as held here (the same as on disk), homeless: see backups.py.
        # It is prepared now and joins the rotation only once the write succeeds
        # (_backup_written), so a failed save rotates nothing; calling this again for the same
        # state on disk (a merge right after a session's first backup) takes no second slot.
        writes = self._storage.writes
        if getattr(self, "_backup_prepared", None) == writes:
            return
        if backups.next_path(self.path).exists():
            backups.roll_in(self.path)  # a backup whose rotation failed after its write
        homeless = {**self._meta, "replica": {**self._meta["replica"], "path": "", "machine": ""}}
        content = b"".join(self._storage.render_parts({META: {str(self._meta_doc_id): homeless}}))
        try:
            backups.prepare(self.path, content)
        except OSError as e:
            raise PlanWriteFailed(self.path, reason=os_reason(e)) from None
        self._backup_prepared = writes
        if self._backup_written not in self.listeners:
            self.listeners.insert(0, self._backup_written)

    def _backup_written(self) -> None:
        """After every successful write: a backup prepared before it joins the rotation."""
        if getattr(self, "_backup_prepared", None) is None:
            return
        self._backup_prepared = None
        backups.roll_in(self.path)  # if it cannot now, the next session settles it
        self._backed_up = True

    def _write(self, changes: list[Change], *, new_record: tuple[str, str] | None = None,
               new_records: dict[str, str] | None = None, step: int = 1,
               label: str = "", journal: bool = True,
               undo_changes: list[Change] | None = None) -> None:
        """One durable write of `changes` under one new dot. `undo_changes`, when given, is
        what the journal keeps instead of `changes` (an add is undone by a tombstone)."""
        self._ensure_writable()
        new_kinds = dict(new_records or {})
        if new_record:
            new_kinds[new_record[0]] = new_record[1]
        counter = self._meta.get("counter", 0) + step
        dot = (self.replica_id, counter)
        touched: dict[str, RecordState] = {}
        for c in changes:
            state = touched.get(c.record_id)
            if state is None:
                if c.record_id in new_kinds and c.record_id not in self._states:
                    state = RecordState(c.record_id, new_kinds[c.record_id])
                else:
                    state = self._states[c.record_id].copy()
                touched[c.record_id] = state
            value = state.tombstone_value(dot) if c.after is TOMBSTONE else c.after
            state.vv = {**state.vv, dot[0]: dot[1]}
            state.fields[c.field] = [Sibling(dot, value)]
        old_counter = self._meta.get("counter", 0)
        self._meta["counter"] = counter
        try:
            self._commit(touched)
        except BaseException:
            self._meta["counter"] = old_counter
            raise
        replica_marks.record(self.replica_id, counter)
        if journal:
            self.journal.record(Edit(label, tuple(changes if undo_changes is None else undo_changes)))

    def _commit(self, states: dict[str, RecordState], drop: tuple[str, ...] = ()) -> None:
        """Make `states` the stored states, durably, in one file write; on failure put the
        in-memory plan back exactly as it was and raise PlanWriteFailed. `drop` names records
        to remove outright in the same write (only store/adopt.py: an empty plan's own record
        when it adopts another plan; everything else is deleted with a tombstone)."""
        drop = tuple(rid for rid in drop if rid in self._doc_ids and rid not in states)
        old_states = {rid: self._states.get(rid) for rid in (*states, *drop)}
        old_saved = self._meta.get("saved_at")
        new_ids: list[str] = []
        self._meta["saved_at"] = self._clock().isoformat()
        try:
            with self._storage.batch():
                self._storage.mark_dirty(META, self._meta_doc_id)
                self._meta_table.update(self._meta, doc_ids=[self._meta_doc_id])
                if drop:
                    self._records_table.remove(doc_ids=[self._doc_ids[rid] for rid in drop])
                inserts = []
                for rid, state in states.items():
                    doc = state.to_dict()
                    if rid in self._doc_ids:
                        self._storage.mark_dirty(RECORDS, self._doc_ids[rid])
                        self._records_table.update(doc, doc_ids=[self._doc_ids[rid]])
                    else:
                        inserts.append((rid, doc))
                if inserts:
                    doc_ids = self._records_table.insert_multiple(doc for _, doc in inserts)
                    for (rid, _), doc_id in zip(inserts, doc_ids):
                        self._doc_ids[rid] = doc_id
                        new_ids.append(rid)
        except OSError as e:
            self._meta["saved_at"] = old_saved
            self._rollback(old_states, new_ids)
            raise PlanWriteFailed(self.path, reason=os_reason(e)) from None
        except BaseException:
            self._meta["saved_at"] = old_saved
            self._rollback(old_states, new_ids)
            raise
        for rid in drop:
            del self._doc_ids[rid], self._states[rid]
            self._live.pop(rid, None)
            self._conflicts.discard(rid)
        for state in states.values():
            self._states[state.id] = state
            self._refresh(state)
        self._plan = None
        for listener in list(self.listeners):
            listener()

    def _rollback(self, old_states: dict[str, RecordState | None], new_ids: list[str]) -> None:
        table = self._storage.read()
        for rid in new_ids:
            doc_id = self._doc_ids.pop(rid)
            table[RECORDS].pop(str(doc_id), None)
        for rid, old in old_states.items():
            if old is not None and rid in self._doc_ids:
                key = str(self._doc_ids[rid])
                table[RECORDS][key] = old.to_dict()
                self._storage.mark_dirty(RECORDS, key)
        table[META][str(self._meta_doc_id)] = self._meta
        self._storage.mark_dirty(META, self._meta_doc_id)
        # TinyDB keeps its own next-id counter per table; make it re-read the table
        self._records_table._next_id = None  # type: ignore[attr-defined]

    def _flush_meta(self) -> None:
        with self._storage.batch():
            self._storage.mark_dirty(META, self._meta_doc_id)
            self._meta_table.update(self._meta, doc_ids=[self._meta_doc_id])

