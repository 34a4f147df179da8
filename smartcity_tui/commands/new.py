"""smartcity-tui new PLAN --region ... [--framework ID]: create an empty plan file, on the
six pillars or on the framework named (docs/frameworks.md)."""

from __future__ import annotations

import argparse
import sys

from ..bundle.safe_write import advice_for
from ..i18n import Reason, t
from ..model import PlanInfo
from ..model import framework as frameworks
from ..model.plain_text import escaped, has_control
from ..store import PlanReadOnly, PlanStore
from ..store.access import write_block
from ..store.file_names import bad_name_message
from .common import CommandError, Subcommands, plan_path, year

NAME = "new"
# Why a plan cannot be written where it is, said without the advice for a plan that exists
# ("copy the plan to the laptop and open the copy"): there is no plan yet to copy.
_NO_PLAN_YET = {"reason.readonly_drive": "reason.read_only_disk", "reason.readonly_folder": "reason.no_permission"}


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("cli.new_help"), description=t("cli.new_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--region", required=True, help=t("cli.region_help"))
    p.add_argument("--kind", required=True, choices=["kabupaten", "kota"], help=t("cli.kind_help"))
    p.add_argument("--province", required=True, help=t("cli.province_help"))
    p.add_argument("--start", required=True, type=year, metavar="YEAR", help=t("cli.start_help"))
    p.add_argument("--end", required=True, type=year, metavar="YEAR", help=t("cli.end_help"))
    p.add_argument("--team", required=True, help=t("cli.team_help"))
    p.add_argument("--framework", metavar="ID", default="", help=t("cli.framework_help"))
    return p


def chosen_framework(framework_id: str) -> frameworks.Framework:
    """The framework a new plan takes: the default, or the one named (by id; the package's or
    the region's). An unknown id is refused with the ids there are, and why a region's file
    was not taken when one was not."""
    if not framework_id:
        return frameworks.default()
    found, problems = frameworks.known()
    match = next((f for f in found if f.id == framework_id), None)
    if match is not None:
        for said in frameworks.shadowing(match, problems):
            print(said, file=sys.stderr)
        return match
    lines = [t("cli.framework_unknown", id=framework_id, known=", ".join(f.id for f in found),
               folder=frameworks.region_folder())]
    lines += [p.text() for p in problems]
    raise CommandError("\n".join(lines))


def run(args: argparse.Namespace) -> int:
    if args.end < args.start:
        raise CommandError(t("cli.end_before_start", start=args.start, end=args.end))
    if not args.region.strip():
        raise CommandError(t("cli.region_empty"))
    for option, value in (("--team", args.team), ("--region", args.region), ("--province", args.province)):
        if has_control(value):  # printed back raw, a tab or an ESC garbles every report
            raise CommandError(t("cli.name_control", option=option, value=escaped(value)))
    if not args.plan.parent.exists():
        raise CommandError(t("cli.folder_missing", path=args.plan.parent))
    if args.plan.is_dir():  # `new outdir/`: a folder, not a file that "exists already"
        raise CommandError(t("cli.new_is_folder", path=args.plan, example=args.plan / "rencana-induk.json"))
    bad_name = bad_name_message(args.plan.name)  # on every OS: the plan travels to Windows
    if bad_name is not None:
        raise CommandError(bad_name)
    framework = chosen_framework(args.framework)
    blocked = write_block(args.plan)  # a write-protected drive, a read-only folder
    if blocked is not None:
        cause = _NO_PLAN_YET.get(blocked.key)
        if cause is None:  # a location or name too long: its own advice fits a new plan too
            raise PlanReadOnly(args.plan, blocked)
        reason = Reason(cause, blocked.detail)
        raise CommandError(t("cli.new_not_here", path=args.plan, reason=reason,
                             advice=advice_for(reason, "write.advice")))
    info = PlanInfo(region=args.region.strip(), region_kind=args.kind, province=args.province.strip(),
                    start_year=args.start, end_year=args.end)
    info.framework, info.framework_version = frameworks.stored_ref(framework)
    with PlanStore.create(args.plan, info, args.team.strip()):
        pass
    print(t("cli.created", path=args.plan, region=info.region, start=args.start, end=args.end))
    if args.framework:
        print(t("cli.framework_of_plan", name=framework.label(), id=framework.id, version=framework.version))
    return 0
