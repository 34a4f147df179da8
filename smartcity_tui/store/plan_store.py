"""PlanStore: the one way to read and write a plan file.

Every write is one durable file write (see storage.py) and carries revision metadata: a dot
from this file's replica counter on each field it sets, the record's version vector, and
tombstones for deletes (model/revision.py). Undo and redo are new writes of earlier values,
never a rewind, so an undone edit that already travelled in a bundle still merges right.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from ..i18n import Reason, os_reason
from ..model.deletes import DeletedProgramme, programme_deletes
from ..model.plan import Plan
from ..model.records import PlanInfo, Record, record_type
from ..model.revision import RecordState
from . import backups, opening
from .access import name_too_long, path_too_long
from .editing import Editing
from .errors import PlanExists, PlanNotFound, PlanUnreadable, PlanWriteFailed
from .journal import Change, Journal
from .loading import APP_FORMAT, META, RECORDS, Clock, _now, home_of, load_plan_data, new_replica_id
from .lock import LockHolder, PlanLock
from .pauses import no_gc_pauses
from .schema import SCHEMA_VERSION
from .settling import Settling
from .storage import DurableJSONStorage
from .table import PlanDB
from .writing import StoreWriter

# Re-exported: bundle/ reads plan files with the same loader and names.
__all__ = ["APP_FORMAT", "META", "RECORDS", "PlanStore", "home_of", "load_plan_data", "new_replica_id"]


class PlanStore(Editing, StoreWriter, Settling):
    """Open with `PlanStore.open(path)` or `PlanStore.create(...)`; close when done (or use
    it as a context manager) so the lock is released."""

    # Set by open (store/opening.py): why the plan opened read-only where it is (an i18n Reason);
    # the holder of a lock left by a session that ended without closing; copies newer than the
    # plan kept from a save cut short (store/rescue.py), newest first.
    readonly_reason: Reason | None = None
    recovered_stale_lock: LockHolder | None = None
    recovered_copies: tuple[Path, ...] = ()

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
                raise PlanUnreadable(path, Reason("reason.record_twice", state.id), backups.readable(path))
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
             clock: Clock | None = None, durable: bool = True) -> PlanStore:
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
                raise PlanUnreadable(path, Reason("reason.plan_record_missing"), backups.readable(path))
        except PlanNotFound:
            opening.missing(path, lock)  # a surviving copy of a save cut short is offered
            raise
        except PlanUnreadable as e:
            opening.unreadable(path, lock, e)  # the same, beside a damaged plan (releases the lock)
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
               durable: bool = True) -> PlanStore:
        """A new plan file. `bind_home=False` leaves the replica homeless, so that every copy
        of the file (the shipped sample plan) takes a fresh replica id on its first write."""
        path = Path(path)
        if path.exists():
            raise PlanExists(path)
        too_long = path_too_long(path) or name_too_long(path)  # it could be made, but no save after it could
        if too_long is not None:
            raise PlanWriteFailed(path, reason=too_long)
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

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- identity ----------------------------------------------------------------------------

    @property
    def plan_id(self) -> str:
        return cast(str, self._meta["plan_id"])  # a str: checked at open (loading._meta_problem)

    @property
    def team(self) -> str:
        return cast(str, self._meta.get("team", ""))  # a str: checked at open

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
        return cast(str, self._meta["replica"]["id"])  # a str: checked at open

    @property
    def saved_at(self) -> str:
        saved = self._meta.get("saved_at", "")  # not checked at open: another tool may leave anything
        return saved if isinstance(saved, str) else ""

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

    def orphan_parents(self) -> dict[str, DeletedProgramme]:
        """The deleted programmes of the orphans (`orphans`), by id: what a conflict of an
        orphan says besides its own fields (its programme's name, and who deleted it: the
        group, not the secretariat that chose to delete it after all; model/deletes.py)."""
        parents = {self._parent_of.get(k, "") for k in self._orphans}
        return {k: DeletedProgramme(self._states[k].copy(),
                                    programme_deletes(self._states[k], self.state, self.children_of))
                for k in sorted(parents) if k in self._states}

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

    # --- internals ---------------------------------------------------------------------------

    def _require(self, record_id: str) -> Record:
        rec = self._live.get(record_id)
        if rec is None:
            raise KeyError(f"no record {record_id}")
        return rec
