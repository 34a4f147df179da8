"""smartcity-tui merge PLAN BUNDLE... [--dry-run] [--json] [--adopt]: merge the groups'
bundles into the plan and say what changed, pillar by pillar.

Every bundle is read and checked before the plan is touched; any bad bundle stops the whole
merge with one line naming it. Exit 0 when the plan has no open conflict afterwards, 1 when
it has (list them with `conflicts`), 2 on bad input.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bundle.merge import MergeError, apply, preview
from ..bundle.merge_report import PLAN_WIDE, MergeReport
from ..i18n import get_language, t
from ..model.framework import Framework
from ..model.plain_text import escaped
from ..model.vocab import DEFAULT_FRAMEWORK
from ..store import PlanStore, StoreError
from .common import CommandError, Subcommands, add_out_option, plan_path, print_json, report_file

if TYPE_CHECKING:
    from ..bundle import Bundle

NAME = "merge"
COLUMNS = ("added", "updated", "deleted", "conflicts_new", "conflicts_total")


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("merge.cli_help"), description=t("merge.cli_description"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("bundles", nargs="+", metavar="BUNDLE", help=t("merge.bundle_arg"))
    p.add_argument("--dry-run", action="store_true", help=t("merge.dry_run_help"))
    p.add_argument("--json", action="store_true", help=t("cli.json_help"))
    add_out_option(p, "win.out_help_merge")
    p.add_argument("--adopt", action="store_true", help=t("merge.adopt_help"))
    return p


def read_all(paths: list[Path]) -> list[Bundle]:
    """Every bundle read and checked; the first bad one raises its BundleError. A folder
    that is not a bundle but holds some (the round's folder on the flash drive) stands for
    them, as on the merge screen: PowerShell and cmd pass `E:\\putaran-2\\*` on unexpanded."""
    # imported here so that the other commands keep working should the reader be broken
    from ..bundle.reader import read_bundle
    from ..bundle.source import bundles_in

    return [read_bundle(b) for p in paths for b in (bundles_in(Path(p)) or [Path(p)])]


def error_json(plan: Path, dry_run: bool, error: Exception) -> dict[str, Any]:
    """A refusal as `--json` answers it: what a script needs to tell the cases apart (the
    message key; the bundle, file and line of a bad bundle), and the message for a person."""
    from ..bundle.errors import BundleError

    out: dict[str, Any] = {"key": getattr(error, "key", ""), "message": getattr(error, "message", str)()}
    if isinstance(error, BundleError):
        out.update(key=f"bundle.{error.key}", bundle=error.bundle, file=error.file, line=error.line)
    elif isinstance(error, StoreError):
        out["path"] = str(error.path)
    return {"plan": str(plan), "dry_run": dry_run, "error": out}


def area_label(area: str, lang: str, framework: Framework = DEFAULT_FRAMEWORK) -> str:
    return t("merge.area_plan", lang) if area == PLAN_WIDE else framework.name_of(area, lang)


def print_report(report: MergeReport, plan: str | Path, dry_run: bool,
                 framework: Framework = DEFAULT_FRAMEWORK) -> None:
    lang = get_language()
    for b in report.bundles:
        # a manifest has no checksum of its own: an ESC in its team name is shown, never run
        print(t("merge.bundle_line", path=b.path, team=escaped(b.team) or "?", n=b.records))
    if report.adopted:
        print(t("merge.adopted", plan_id=report.adopted))
    header = [t("merge.col_area")] + [t(f"merge.col_{c}") for c in COLUMNS]
    rows = []
    for area, c in report.areas.items():  # the plan-wide records, then the framework's order
        values = [getattr(c, k) for k in COLUMNS]
        if any(values):
            rows.append([area_label(area, lang, framework)] + [str(v) for v in values])
    rows.append([t("merge.total")] + [str(report.total(k)) for k in COLUMNS])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(r, widths, strict=True))))
    print(t("merge.unchanged", n=report.unchanged))
    if report.hidden:  # so that the columns and this add up to the records written
        print(t("merge.hidden", n=report.hidden))
    if dry_run:
        print(t("merge.dry_run_done", plan=plan))
    elif report.written:
        print(t("merge.applied", plan=plan, n=report.written))
    else:
        print(t("merge.nothing_new", plan=plan))
    if report.total("conflicts_total"):
        print(t("merge.see_conflicts", plan=plan))
    if report.dependents:
        print(t("merge.dependents", n=report.dependents))


@report_file
def run(args: argparse.Namespace) -> int:
    from ..bundle.errors import BundleError

    try:
        bundles = read_all(args.bundles)
        with PlanStore.open(args.plan, readonly=args.dry_run) as store:
            report = (preview if args.dry_run else apply)(store, bundles, adopt=args.adopt)
            framework = store.plan().framework
    except (BundleError, MergeError, StoreError) as e:
        if args.json:  # a script asked for JSON: it gets JSON, refusals too (exit 2)
            print_json(error_json(args.plan, args.dry_run, e))
            return 2
        if isinstance(e, StoreError):
            raise
        raise CommandError(e.message()) from None
    if args.json:
        print_json({"plan": str(args.plan), "dry_run": args.dry_run, **report.to_json()})
    else:
        print_report(report, args.plan, args.dry_run, framework)
    return 1 if report.total("conflicts_total") else 0
