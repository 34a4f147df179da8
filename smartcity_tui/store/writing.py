"""How a write reaches the disk: the part of PlanStore that stamps dots, commits record states
in one durable file write, and on failure puts the in-memory plan back exactly as it was.

A mixin of PlanStore (it uses the store's attributes); kept apart so that plan_store.py says
what the store offers and this file says how a write is made safe.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.table import Table

from ..i18n import os_reason
from ..model.plan import Plan
from ..model.records import Record
from ..model.revision import DELETED, RecordState, Sibling, disagree
from . import backups
from .errors import PlanChangedOnDisk, PlanReadOnly, PlanWriteFailed, StoreError
from .journal import TOMBSTONE, Change, Edit, Journal, Siblings
from .loading import META, RECORDS, Clock, home_of, load_plan_data, new_replica_id
from .machine import host_name, machine_id
from .storage import DurableJSONStorage
from .teams import TEAMS


class StoreWriter:
    # PlanStore's (set in its __init__), declared so that every use here is checked
    path: Path
    readonly: bool
    _meta: dict[str, Any]
    _meta_doc_id: int
    _storage: DurableJSONStorage
    _meta_table: Table
    _records_table: Table
    _clock: Clock
    _states: dict[str, RecordState]
    _doc_ids: dict[str, int]
    _live: dict[str, Record]
    _conflicts: set[str]
    _plan: Plan | None
    _backed_up: bool
    _replica_checked: bool
    _backup_prepared: int | None  # set by _take_backup, absent before (read with getattr)
    _on_disk: tuple[int, int, int] | None
    _disk_meta: tuple[Any, ...]
    journal: Journal
    listeners: list[Callable[[], None]]

    if TYPE_CHECKING:  # provided by PlanStore
        @property
        def replica_id(self) -> str: ...
        def _refresh(self, state: RecordState) -> None: ...

    def _ensure_writable(self) -> None:
        if self.readonly:
            raise PlanReadOnly(self.path, getattr(self, "readonly_reason", None))
        if not self._backed_up:
            self._take_backup()  # first: the backup is the file as it is on disk
        if not self._replica_checked:
            self._take_fresh_replica()

    def _take_fresh_replica(self) -> None:
        """Every writing session writes under a replica id of its own, random and never used
        before. A file copied to another laptop, restored from a backup, rolled back in place
        (a `git checkout`, an old copy dragged over it, on any machine), two branches of one
        clone, laptops cloned from one disk image: none of them can hand out a dot that some
        other write already carries, whatever this machine remembers. A spare replica id costs
        one entry in the version vectors of the records the session edits; a shared one loses
        data (docs/design-notes.md, "Identity")."""
        rep = self._meta["replica"]
        old_id, team = rep.get("id", ""), self._meta.get("team", "")
        if old_id and team and self._meta.get("counter", 0) > 0:
            # the writes made so far under the old id stay in that team's name
            table = self._meta.get(TEAMS)
            table = dict(table) if isinstance(table, dict) else {}
            table.setdefault(old_id, team)
            self._meta[TEAMS] = dict(sorted(table.items()))
        self._meta["replica"] = {"id": new_replica_id(), **home_of(self.path)}
        self._meta["counter"] = 0
        self._replica_checked = True

    def _written_elsewhere(self) -> bool:
        """The file was last written on another machine (its replica's home names another
        machine id). Another folder or drive letter on this machine is still this laptop's
        file. Files written before machine ids existed name the host instead."""
        machine = self._meta["replica"].get("machine", "")
        return machine not in (machine_id(), host_name())

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

    def _effective(self, changes: list[Change]) -> list[Change]:
        """The changes that change something, each with what undo must bring back. A write of
        the value already stored is no write (no dot, no conflict with anyone), so opening and
        saving a form, an import of unchanged rows or a repeated command cannot make noise.
        Overwriting a field whose values disagree (a decision) remembers all of them."""
        out = []
        for c in changes:
            state = self._states.get(c.record_id)
            if state is None:
                out.append(c)
                continue
            sibs = state.fields.get(c.field, [])
            racing = c.field == DELETED and state.delete_conflict()
            if c.after is TOMBSTONE:
                if state.deleted:
                    continue  # deleted already, and no edit races the delete
            elif not isinstance(c.after, Siblings) and not racing:
                if c.field == DELETED and not sibs and c.after is False:
                    continue  # never deleted: nothing to restore
                if sibs and all(s.value == c.after for s in sibs):
                    continue
                if not sibs and c.after is None:
                    continue
            before = c.before
            if racing or disagree(c.field, sibs):
                before = Siblings(tuple(s.value for s in sibs))
            out.append(Change(c.record_id, c.field, before, c.after))
        return out

    def _write(self, changes: list[Change], *, new_record: tuple[str, str] | None = None,
               new_records: dict[str, str] | None = None, step: int = 1,
               label: str = "", journal: bool = True,
               undo_changes: list[Change] | None = None) -> None:
        """One durable write of `changes` under one new dot. `undo_changes`, when given, is
        what the journal keeps instead of `changes` (an add is undone by a tombstone).
        Changes that would store what is stored already are dropped; if none is left,
        nothing is written and nothing is recorded for undo."""
        new_kinds = dict(new_records or {})
        if new_record:
            new_kinds[new_record[0]] = new_record[1]
        if self.readonly:
            raise PlanReadOnly(self.path, getattr(self, "readonly_reason", None))
        changes = self._effective(changes)
        if not changes:
            return
        # a failed write leaves the in-memory meta as it was (a fresh replica id included)
        saved_meta, checked = copy.deepcopy(self._meta), self._replica_checked
        self._ensure_writable()
        base = self._meta.get("counter", 0)
        counter = base + step
        dot = (self.replica_id, counter)
        top = counter  # a reopened conflict takes one more counter per extra value
        touched: dict[str, RecordState] = {}
        for c in changes:
            state = touched.get(c.record_id)
            if state is None:
                if c.record_id in new_kinds and c.record_id not in self._states:
                    state = RecordState(c.record_id, new_kinds[c.record_id])
                else:
                    state = self._states[c.record_id].copy()
                touched[c.record_id] = state
            if isinstance(c.after, Siblings):
                sibs = []
                for i, value in enumerate(c.after.values):
                    if i:
                        top += 1
                    sibs.append(Sibling(dot if not i else (dot[0], top), value))
                state.vv = {**state.vv, dot[0]: max(state.vv.get(dot[0], 0), sibs[-1].dot[1])}
                state.fields[c.field] = sibs
                continue
            value = state.tombstone_value(dot) if c.after is TOMBSTONE else c.after
            state.vv = {**state.vv, dot[0]: max(state.vv.get(dot[0], 0), dot[1])}
            state.fields[c.field] = [Sibling(dot, value)]
        self._meta["counter"] = top
        try:
            self._commit(touched)
        except BaseException:
            self._meta.clear()
            self._meta.update(saved_meta)
            self._replica_checked = checked
            raise
        if journal:
            self.journal.record(Edit(label, tuple(changes if undo_changes is None else undo_changes)))

    # --- the file on disk is still the one this store wrote ------------------------------------

    def _disk_signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns, st.st_ino)

    def _mark_disk(self) -> None:
        """Remember what the file on disk is now: read at open, written by this store."""
        self._on_disk = self._disk_signature()
        self._disk_meta = self._meta_identity(self._meta)

    @staticmethod
    def _meta_identity(meta: dict[str, Any]) -> tuple[Any, ...]:
        return (meta.get("replica", {}).get("id"), meta.get("counter"), meta.get("saved_at"))

    def _check_disk_unchanged(self) -> None:
        """Refuse to write over a file another program put in place since this store last
        read or wrote it. A stat is cheap; only when it differs is the file's meta read, so a
        sync client that merely touched the file (same content) does not stop anyone. A file
        that is gone is written again (all it held is in memory here)."""
        if self._on_disk is None:
            return
        now = self._disk_signature()
        if now is None or now == self._on_disk:
            return
        try:
            data = load_plan_data(self.path)
            meta = next(iter(data[META].values()))
        except StoreError:
            meta = {}
        if self._meta_identity(meta) != self._disk_meta:
            raise PlanChangedOnDisk(self.path)
        self._on_disk = now

    def _commit(self, states: dict[str, RecordState], drop: tuple[str, ...] = ()) -> None:
        """Make `states` the stored states, durably, in one file write; on failure put the
        in-memory plan back exactly as it was and raise PlanWriteFailed. `drop` names records
        to remove outright in the same write (only store/adopt.py: an empty plan's own record
        when it adopts another plan; everything else is deleted with a tombstone)."""
        self._check_disk_unchanged()
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
                    for (rid, _), doc_id in zip(inserts, doc_ids, strict=True):
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
        self._mark_disk()
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
        self._records_table._next_id = None

    def _flush_meta(self) -> None:
        self._check_disk_unchanged()
        with self._storage.batch():
            self._storage.mark_dirty(META, self._meta_doc_id)
            self._meta_table.update(self._meta, doc_ids=[self._meta_doc_id])
        self._mark_disk()

