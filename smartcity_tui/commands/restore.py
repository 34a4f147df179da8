"""smartcity-tui restore PLAN [--backup N | --from FILE]: put a backup (or a copy kept after a
save cut short, `PLAN.recovered-N.json`) back in place of the plan. The old file is kept aside
(PLAN.broken-N when it would not read, PLAN.previous-N when it did), never deleted.

Atomic: the old file is linked (or copied) aside first and the new content then replaces it in
one rename, so a restore killed at any instant leaves a plan in place. The plan's lock is held
meanwhile: an app that has the plan open would write its own copy over the restored file at
its next edit, so a plan open anywhere is refused (with who holds it), as for opening. A plan
the disk would not hand over (a pulled drive, OneDrive online-only) may be intact and is not
replaced."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..i18n import os_reason, t
from ..store import PlanLockFailed, PlanReadOnly, PlanUnreadable, PlanWriteFailed, StoreError, backups, rescue
from ..store.access import lock_error_reason, write_block
from ..store.atomic import atomic_write_bytes
from ..store.loading import META, load_plan_data
from ..store.lock import PlanLock
from ..store.opening import stale_lock_notice
from ..store.storage import DurableJSONStorage
from .common import CommandError, Subcommands, plan_path

NAME = "restore"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("cli.restore_help"), description=t("cli.restore_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    source = p.add_mutually_exclusive_group()
    source.add_argument("--backup", type=backup_number, metavar="N", help=t("cli.restore_backup_help"))
    source.add_argument("--from", dest="source", type=Path, metavar="FILE", help=t("cli.restore_from_help"))
    p.add_argument("--list", action="store_true", help=t("cli.restore_list_help"))
    p.add_argument("--break-lock", action="store_true", help=t("ui.cli.break_lock_help"))
    return p


def run(args: argparse.Namespace) -> int:
    plan = args.plan
    good = backups.readable(plan)
    if args.list:
        return _list(plan, good)
    if not plan.exists() and not good and not _survivors(plan, good) and args.source is None:
        raise CommandError(t("cli.restore_no_plan", path=plan))  # (before a lock file is made there)
    current_readable = _check_current(plan)
    # the lock first: a plan open in the app is said as such, even when it has no backup
    lock = _lock(plan, args.break_lock)  # PlanLocked: exit 2, nothing changed
    try:
        copies: list[Path] = []
        if not current_readable:  # its last save may survive whole beside it (rescue.py)
            rescue.keep_whole_temps(plan, rescue.plan_id_of(good))
            copies = _survivors(plan, good)
        chosen, content = _chosen(args, plan, good, copies)
        if lock.recovered is not None:
            print(f"smartcity-tui: {stale_lock_notice(plan, lock.recovered)}", file=sys.stderr)
        try:
            if plan.exists():
                aside = backups.keep_aside(plan, "previous" if current_readable else "broken")
                print(t("cli.kept_aside", path=aside))
            atomic_write_bytes(plan, content)
        except OSError as e:
            raise PlanWriteFailed(plan, reason=os_reason(e)) from None
    finally:
        lock.release()
    print(t("cli.restored", path=plan, backup=chosen))
    return 0


def _survivors(plan: Path, good: list[Path]) -> list[Path]:
    """Whole copies of the plan's last save beside it, kept (PLAN.recovered-N.json) or still
    a temp file, newest first, when newer than the newest good backup."""
    copies = rescue.recovered_copies(plan) + rescue.whole_temps(plan, rescue.plan_id_of(good))
    return rescue.offered(plan, copies, good)


def _list(plan: Path, good: list[Path]) -> int:
    """Every copy `restore` could put back, newest first: a surviving last save, then the
    backups; one line saying there is none rather than nothing at all."""
    survivors = _survivors(plan, good)
    listed = [*survivors, *backups.candidates(plan)]
    for b in listed:
        state = "cli.backup_last_save" if b in survivors else "cli.backup_ok" if b in good else "cli.backup_bad"
        print(f"{b}  {t(state)}")
    if not listed:
        print(t("cli.no_backups", path=plan))
    return 0


def _chosen(args: argparse.Namespace, plan: Path, good: list[Path], copies: list[Path]) -> tuple[Path, bytes]:
    """The file to put in place and its bytes: --from FILE, backup N, or else the surviving
    last save of a plan that does not read (`copies`), or the newest good backup."""
    if args.source is not None:
        if plan.exists() and args.source.exists() and os.path.samefile(plan, args.source):
            raise CommandError(t("cli.restore_from_itself", path=plan))
        return args.source, _copy_content(plan, args.source)
    if args.backup is not None:
        chosen = backups.backup_path(plan, args.backup)
        if chosen not in good:
            raise CommandError(t("cli.backup_not_good", path=chosen))
    elif copies:
        return copies[0], _copy_content(plan, copies[0])
    elif good:
        chosen = good[0]
    elif not plan.exists():
        raise CommandError(t("cli.restore_no_plan", path=plan))
    else:
        raise CommandError(t("cli.no_good_backup", path=plan))
    try:
        return chosen, chosen.read_bytes()  # backups are written homeless already
    except OSError as e:
        raise CommandError(t("cli.os_error", path=chosen, reason=os_reason(e))) from None


def backup_number(value: str) -> int:
    """--backup N: 1 (the newest) to the number kept, said as such rather than as a file
    `plan.backup--1.json` that does not exist."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not 1 <= n <= backups.KEEP:
        raise argparse.ArgumentTypeError(t("cli.bad_backup_number", value=value, keep=backups.KEEP))
    return n


def _check_current(plan: Path) -> bool:
    """Whether the plan in place reads; refuses (exit 2) when the disk would not hand it over,
    since then it may be intact and a restore would put an older copy over it."""
    if not plan.exists():
        return False
    try:
        load_plan_data(plan)
    except PlanUnreadable as e:
        if e.io_error:
            raise CommandError(t("cli.restore_io", path=plan, reason=e.params["reason"])) from None
        if e.not_a_plan:  # a bundle, a sheet, a folder named by mistake: nothing goes over it
            raise
        return False
    except StoreError:
        return False
    return True


def _copy_content(plan: Path, source: Path) -> bytes:
    """`source` as the plan's new bytes: it must read as a plan, the same plan, and goes in
    homeless (as backups are), so it takes a fresh replica id at its first write and never
    reuses a dot the plan in place already used."""
    data = load_plan_data(source)  # a StoreError naming `source` when it is no plan
    meta = next(iter(data[META].values()))
    try:
        own = next(iter(load_plan_data(plan)[META].values())).get("plan_id")
    except StoreError:
        own = None
    if own is not None and own != meta.get("plan_id"):
        raise CommandError(t("cli.restore_other_plan", source=source, path=plan))
    meta["replica"] = {**meta["replica"], "path": "", "machine": ""}
    return DurableJSONStorage(plan, data).render()


def _lock(plan: Path, break_lock: bool) -> PlanLock:
    reason = write_block(plan)
    if reason is not None:
        raise PlanReadOnly(plan, reason)
    lock = PlanLock(plan)
    try:
        lock.acquire("restore", break_lock=break_lock)
    except OSError as e:
        why = lock_error_reason(e)
        if why is not None:
            raise PlanReadOnly(plan, why) from None
        raise PlanLockFailed(plan, reason=os_reason(e)) from None
    return lock
