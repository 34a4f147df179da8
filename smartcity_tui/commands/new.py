"""smartcity-tui new PLAN --region ... : create an empty plan file."""

from __future__ import annotations

from ..i18n import t
from ..model import PlanInfo
from ..store import PlanReadOnly, PlanStore
from ..store.access import write_block
from .common import CommandError, plan_path, year

NAME = "new"


def add_parser(sub):
    p = sub.add_parser(NAME, help=t("cli.new_help"), description=t("cli.new_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--region", required=True, help=t("cli.region_help"))
    p.add_argument("--kind", required=True, choices=["kabupaten", "kota"], help=t("cli.kind_help"))
    p.add_argument("--province", required=True, help=t("cli.province_help"))
    p.add_argument("--start", required=True, type=year, metavar="YEAR", help=t("cli.start_help"))
    p.add_argument("--end", required=True, type=year, metavar="YEAR", help=t("cli.end_help"))
    p.add_argument("--team", required=True, help=t("cli.team_help"))
    return p


def run(args) -> int:
    if args.end < args.start:
        raise CommandError(t("cli.end_before_start", start=args.start, end=args.end))
    if not args.region.strip():
        raise CommandError(t("cli.region_empty"))
    if not args.plan.parent.exists():
        raise CommandError(t("cli.folder_missing", path=args.plan.parent))
    blocked = write_block(args.plan)  # a write-protected drive, a read-only folder
    if blocked is not None:
        raise PlanReadOnly(args.plan, blocked)
    info = PlanInfo(region=args.region.strip(), region_kind=args.kind, province=args.province.strip(),
                    start_year=args.start, end_year=args.end)
    with PlanStore.create(args.plan, info, args.team.strip()):
        pass
    print(t("cli.created", path=args.plan, region=info.region, start=args.start, end=args.end))
    return 0
