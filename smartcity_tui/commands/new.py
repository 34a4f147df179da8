"""smartcity-tui new PLAN --region ... [--framework ID]: create an empty plan file, on the
six pillars or on the framework named (docs/frameworks.md)."""

from __future__ import annotations

import argparse

from ..i18n import t
from ..model import PlanInfo
from ..model import framework as frameworks
from ..store import PlanReadOnly, PlanStore
from ..store.access import write_block
from .common import CommandError, Subcommands, plan_path, year

NAME = "new"


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
    if not args.plan.parent.exists():
        raise CommandError(t("cli.folder_missing", path=args.plan.parent))
    if args.plan.is_dir():  # `new outdir/`: a folder, not a file that "exists already"
        raise CommandError(t("cli.new_is_folder", path=args.plan, example=args.plan / "rencana-induk.json"))
    framework = chosen_framework(args.framework)
    blocked = write_block(args.plan)  # a write-protected drive, a read-only folder
    if blocked is not None:
        raise PlanReadOnly(args.plan, blocked)
    info = PlanInfo(region=args.region.strip(), region_kind=args.kind, province=args.province.strip(),
                    start_year=args.start, end_year=args.end)
    info.framework, info.framework_version = frameworks.stored_ref(framework)
    with PlanStore.create(args.plan, info, args.team.strip()):
        pass
    print(t("cli.created", path=args.plan, region=info.region, start=args.start, end=args.end))
    if args.framework:
        print(t("cli.framework_of_plan", name=framework.label(), id=framework.id, version=framework.version))
    return 0
