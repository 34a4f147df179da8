"""What opening a plan for writing does around reading it: take the lock first (so what is read
is what this session writes on), fall back to reading only where the plan cannot be written,
and, holding the lock, put a crashed session's leftovers in order.

Called by PlanStore.open; kept apart so that plan_store.py says what the store offers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..i18n import Reason, os_reason, t
from . import backups, rescue
from .access import lock_error_reason, write_block
from .atomic import remove_stale_temps
from .errors import PlanLockFailed, PlanMissingRecovered, PlanNotFound, PlanUnreadable
from .lock import LockHolder, PlanLock

# Where the store tells a person what it put right by itself at open: a session that ended
# without closing, a newer copy kept from a save cut short. The command line prints it; the
# app reads PlanStore.recovered_stale_lock and PlanStore.recovered_copies instead.
notice_sink: Callable[[str], None] | None = None


def take_lock(path: Path, break_lock: bool) -> tuple[PlanLock | None, Reason | None]:
    """The plan's lock, held; or no lock and the reason the plan can only be read here.
    Raises PlanLocked (another session has it), PlanNotFound, PlanLockFailed."""
    reason = write_block(path)
    if reason is not None:
        return None, reason
    lock = PlanLock(path)
    try:
        lock.acquire("", break_lock=break_lock)
    except FileNotFoundError as e:
        if not path.exists():
            raise PlanNotFound(path) from None  # its folder is gone: say that, as a reader would
        raise PlanLockFailed(path, reason=os_reason(e)) from None
    except OSError as e:
        reason = lock_error_reason(e)
        if reason is None:
            raise PlanLockFailed(path, reason=os_reason(e)) from None
        return None, reason
    return lock, None


def settle(path: Path, lock: PlanLock, meta: dict[str, Any], team: str) -> list[Path]:
    """Holding the lock, the plan read: name the team in the lock, settle a backup a crash
    left half-rotated, clear temp files. Returns the copies newer than the plan found among
    them and kept (rescue.py): the plan opens as it is, and the person is told."""
    lock.set_team(team)
    backups.settle(path)
    kept = rescue.newest_first(rescue.sweep(path, meta))
    for target in (lock.path, *backups.existing(path), backups.backup_path(path, 1), backups.next_path(path)):
        remove_stale_temps(target)
    if notice_sink is not None:
        if kept:
            notice_sink(newer_copy_notice(path, kept))
        elif lock.recovered is not None:
            notice_sink(stale_lock_notice(path, lock.recovered))
    return kept


def missing(path: Path, lock: PlanLock | None) -> None:
    """The plan file is gone: raise PlanMissingRecovered when a complete copy of it survives
    (a temp file of a save cut short, kept now, or one kept before), else return."""
    if lock is None:
        return
    try:
        rescue.sweep(path, None)
        copies = rescue.recovered_copies(path)
    finally:
        lock.release()
    if copies:
        raise PlanMissingRecovered(path, rescue.newest_first(copies))


def unreadable(path: Path, lock: PlanLock | None, error: PlanUnreadable) -> None:
    """The plan is there but damaged (0 bytes after a pulled FAT32 drive): a whole copy of
    its last save left as a temp file beside it is kept as `plan.recovered-N.json` (holding
    the lock; a reader only names the temp file) and offered by `error`, as for a missing
    plan. Nothing is deleted or written over."""
    try:
        if error.io_error or error.not_a_plan:
            return
        plan_id = rescue.plan_id_of(error.backups)
        if lock is not None:
            rescue.keep_whole_temps(path, plan_id)
        copies = rescue.recovered_copies(path) + ([] if lock is not None else rescue.whole_temps(path, plan_id))
        error.offer(rescue.offered(path, copies, error.backups))
    finally:
        if lock is not None:
            lock.release()


def stale_lock_notice(path: Path, holder: LockHolder) -> str:
    return t("store.stale_lock_recovered", path=path, holder=holder.describe())


def newer_copy_notice(path: Path, kept: list[Path]) -> str:
    return t("store.newer_copy_kept", path=path, copy=kept[0])
