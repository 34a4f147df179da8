"""smartcity-tui restore PLAN [--backup N]: put a backup back in place of a broken plan.
The broken file is kept aside (PLAN.broken-N), never deleted. The plan's lock is held
meanwhile: an app that has the plan open would write its own copy over the restored file at
its next edit, so a plan open anywhere is refused (with who holds it), as for opening."""

from __future__ import annotations

import argparse

from ..i18n import t
from ..store import backups
from ..store.atomic import atomic_copy, replace_with_retry
from ..store.lock import PlanLock
from .common import CommandError, Subcommands, plan_path

NAME = "restore"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("cli.restore_help"), description=t("cli.restore_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--backup", type=int, metavar="N", help=t("cli.restore_backup_help"))
    p.add_argument("--list", action="store_true", help=t("cli.restore_list_help"))
    p.add_argument("--break-lock", action="store_true", help=t("ui.cli.break_lock_help"))
    return p


def run(args: argparse.Namespace) -> int:
    plan = args.plan
    good = backups.readable(plan)
    if args.list:
        for b in backups.existing(plan):
            print(f"{b}  {t('cli.backup_ok') if b in good else t('cli.backup_bad')}")
        return 0
    if args.backup is not None:
        chosen = backups.backup_path(plan, args.backup)
        if chosen not in good:
            raise CommandError(t("cli.backup_not_good", path=chosen))
    elif good:
        chosen = good[0]
    else:
        raise CommandError(t("cli.no_good_backup", path=plan))
    lock = PlanLock(plan)
    lock.acquire("restore", break_lock=args.break_lock)  # PlanLocked: exit 2, nothing changed
    try:
        if plan.exists():
            n = 1
            while (aside := plan.with_name(f"{plan.name}.broken-{n}")).exists():
                n += 1
            replace_with_retry(plan, aside)
            print(t("cli.kept_aside", path=aside))
        atomic_copy(chosen, plan)
    finally:
        lock.release()
    print(t("cli.restored", path=plan, backup=chosen))
    return 0
