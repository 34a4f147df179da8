"""PlanStore: the one way to read and write a plan file.

Every write is one durable file write (see storage.py) and carries revision metadata: a dot
from this file's replica counter on each field it sets, the record's version vector, and
tombstones for deletes (model/revision.py). Undo and redo are new writes of earlier values,
never a rewind, so an undone edit that already travelled in a bundle still merges right.
"""

from __future__ import annotations

import copy
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..i18n import os_reason
from ..model.plan import Plan
from ..model.records import PlanInfo, Record, record_type
from ..model.revision import DELETED, RecordState, merge_states
from . import backups
from . import opening
from .pauses import no_gc_pauses
from .errors import PlanExists, PlanNotFound, PlanUnreadable, PlanWriteFailed
from .journal import TOMBSTONE, Change, Journal
from .lock import PlanLock
from .loading import APP_FORMAT, META, RECORDS, Clock, load_plan_data, _now, home_of, new_replica_id
from .schema import SCHEMA_VERSION
from .storage import DurableJSONStorage
from .table import PlanDB
from .settling import Settling
from .writing import StoreWriter

# Re-exported: bundle/ reads plan files with the same loader and names.
__all__ = ["APP_FORMAT", "META", "RECORDS", "PlanStore", "load_plan_data", "home_of", "new_replica_id"]


class PlanStore(StoreWriter, Settling):
    """Open with `PlanStore.open(path)` or `PlanStore.create(...)`; close when done (or use
    it as a context manager) so the lock is released."""

    # Set by open (store/opening.py): why the plan opened read-only where it is (an i18n Reason);
    # the holder of a lock left by a session that ended without closing; copies newer than the
    # plan kept from a save cut short (store/rescue.py), newest first.
    readonly_reason = None
    recovered_stale_lock = None
    recovered_copies: tuple = ()

    def __init__(self, path: Path, data: dict[str, Any], *, readonly: bool, clock: Clock | None,
                 durable: bool = True) -> None:
        self.path = path
        self.readonly = readonly
        self._clock = clock or _now
        self._lock = PlanLock(path)
        self._storage = DurableJSONStorage(path, data, durable=durable)
        self._db = PlanDB(storage=lambda: self._storage)
        self._meta_table = self._db.table(META)
        self._records_table = self._db.table(RECORDS)
        self._meta: dict[str, Any] = next(iter(data[META].values()))
        self._meta_doc_id = int(next(iter(data[META])))
        self._states: dict[str, RecordState] = {}
        self._doc_ids: dict[str, int] = {}
        self._live: dict[str, Record] = {}
        self._conflicts: set[str] = set()
        self._orphans: set[str] = set()
        self._children: dict[str, set[str]] = {}  # programme id -> its indicators and milestones
        self._parent_of: dict[str, str] = {}
        self._max_order = 0  # the highest `order` of any record (see _refresh)
        for doc_id, doc in data.get(RECORDS, {}).items():
            try:
                state = RecordState.from_dict(doc)
            except ValueError as e:
                raise PlanUnreadable(path, f"record {doc_id}: {e}", backups.readable(path)) from None
            if state.id in self._states:
                raise PlanUnreadable(path, f"record {state.id} appears twice", backups.readable(path))
            self._states[state.id] = state
            self._doc_ids[state.id] = int(doc_id)
            self._refresh(state)
        self._plan: Plan | None = None
        self._replica_checked = False
        self._backed_up = False
        self._on_disk: tuple[int, int, int] | None = None  # the file as last read or written
        self._disk_meta: tuple[Any, ...] = ()
        self.journal = Journal()
        self.listeners: list[Callable[[], None]] = []

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, break_lock: bool = False,
             clock: Clock | None = None, durable: bool = True) -> "PlanStore":
        """Locked before it is read (what this session writes on is what is on disk); read-only,
        with `readonly_reason`, where the plan cannot be written (store/opening.py)."""
        path = Path(path)
        lock, why_readonly = (None, None) if readonly else opening.take_lock(path, break_lock)
        try:
            with no_gc_pauses():
                data = load_plan_data(path)
                store = cls(path, data, readonly=readonly or why_readonly is not None, clock=clock,
                            durable=durable)
            if store.plan_id not in store._states:
                raise PlanUnreadable(path, "the plan's own record is missing", backups.readable(path))
        except PlanNotFound:
            opening.missing(path, lock)  # a surviving copy of a save cut short is offered
            raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store.readonly_reason = why_readonly
        if lock is not None:
            store._lock = lock
            store.recovered_stale_lock = lock.recovered
            store.recovered_copies = tuple(opening.settle(path, lock, store._meta, store.team))
        store._mark_disk()
        return store

    @classmethod
    def create(cls, path: Path | str, info: PlanInfo, team: str, *, clock: Clock | None = None,
               replica_id: str | None = None, bind_home: bool = True,
               durable: bool = True) -> "PlanStore":
        """A new plan file. `bind_home=False` leaves the replica homeless, so that every copy
        of the file (the shipped sample plan) takes a fresh replica id on its first write."""
        path = Path(path)
        if path.exists():
            raise PlanExists(path)
        clock = clock or _now
        home = home_of(path) if bind_home else {"path": "", "machine": ""}
        meta = {
            "format": APP_FORMAT, "schema": SCHEMA_VERSION, "plan_id": info.id, "team": team,
            "replica": {"id": replica_id or new_replica_id(), **home}, "counter": 0,
            "created": clock().isoformat(), "saved_at": clock().isoformat(),
        }
        data = {META: {"1": meta}, RECORDS: {}}
        store = cls(path, data, readonly=False, clock=clock, durable=durable)
        try:
            store._lock.acquire(team)
        except OSError as e:  # no such folder, no right to write there
            raise PlanWriteFailed(path, reason=os_reason(e)) from None
        store._replica_checked = True
        store._backed_up = True
        try:
            store._write([Change(info.id, name, None, value) for name, value in info.to_fields().items()],
                         new_record=(info.id, PlanInfo.KIND), journal=False)
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._lock.release()

    def __enter__(self) -> "PlanStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- identity ----------------------------------------------------------------------------

    @property
    def plan_id(self) -> str:
        return self._meta["plan_id"]

    @property
    def team(self) -> str:
        return self._meta.get("team", "")

    @property
    def handed_over(self) -> bool:
        """Last written on another laptop (a merged plan handed back out, a copy brought on a
        flash drive) and not yet here: its team name is still that laptop's. Another folder or
        drive letter on this laptop is not another place. A homeless file (a backup put back,
        the shipped sample) came from no team's place."""
        rep = self._meta["replica"]
        if self._replica_checked or self.readonly or not (rep.get("path") or rep.get("machine")):
            return False
        return self._written_elsewhere()

    @property
    def replica_id(self) -> str:
        return self._meta["replica"]["id"]

    @property
    def saved_at(self) -> str:
        return self._meta.get("saved_at", "")

    @property
    def file_writes(self) -> int:
        return self._storage.writes

    # --- reading -----------------------------------------------------------------------------

    def plan(self) -> Plan:
        if self._plan is None:
            info = self._live.get(self.plan_id)
            if not isinstance(info, PlanInfo):
                info = PlanInfo(id=self.plan_id)
            records = {k: v for k, v in self._live.items() if k != self.plan_id}
            self._plan = Plan(info, records, self._conflicts | self._orphans)
        return self._plan

    def get(self, record_id: str) -> Record | None:
        return self._live.get(record_id)

    def state(self, record_id: str) -> RecordState | None:
        s = self._states.get(record_id)
        return s.copy() if s else None

    def states(self) -> list[RecordState]:
        """Every record's full state, tombstones included, sorted by id (for bundles)."""
        return [self._states[k].copy() for k in sorted(self._states)]

    def conflicts(self) -> list[RecordState]:
        """Every record with an open conflict (orphans included, see `orphans`)."""
        return [self._states[k].copy() for k in sorted(self._conflicts | self._orphans)]

    def _refresh(self, state: RecordState) -> None:
        """Bring the live model object and conflict set in line with one record's state."""
        order = state.value("order")
        if type(order) is int and order > self._max_order:
            # a new record's default place: after every record seen, whichever session or
            # laptop wrote it (a session's counter restarts with its replica id)
            self._max_order = order
        if state.has_conflict():
            self._conflicts.add(state.id)
        else:
            self._conflicts.discard(state.id)
        try:
            cls = record_type(state.kind)
        except KeyError:
            # a record kind from a newer app: kept and passed on in bundles, not shown
            self._live.pop(state.id, None)
            return
        if state.deleted:
            self._live.pop(state.id, None)
        else:
            self._live[state.id] = cls.from_fields(state.id, state.values())
        self._note_family(state)

    # --- writing -----------------------------------------------------------------------------

    def add(self, record: Record, *, label: str = "") -> Record:
        if record.id in self._states:
            raise ValueError(f"record {record.id} exists already")
        if hasattr(record, "order") and not getattr(record, "order"):
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
            if hasattr(record, "order") and not getattr(record, "order"):
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
                if hasattr(record, "order") and not getattr(record, "order"):
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
        return self.update(self.plan_id, label="edit plan", **fields)  # type: ignore[return-value]

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

    # --- internals ---------------------------------------------------------------------------

    def _require(self, record_id: str) -> Record:
        rec = self._live.get(record_id)
        if rec is None:
            raise KeyError(f"no record {record_id}")
        return rec
