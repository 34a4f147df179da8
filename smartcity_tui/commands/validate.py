"""smartcity-tui validate PLAN [--json]: every finding; exit 1 when there is an error."""

from __future__ import annotations

import argparse

from ..i18n import get_language, t
from ..model import ERROR, errors, validate
from ..store import PlanStore
from .common import Subcommands, add_out_option, plan_path, print_json, report_file

NAME = "validate"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("cli.validate_help"), description=t("cli.validate_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--json", action="store_true", help=t("cli.json_help"))
    add_out_option(p)
    return p


@report_file
def run(args: argparse.Namespace) -> int:
    with PlanStore.open(args.plan, readonly=True) as store:
        plan = store.plan()
        findings = validate(plan)
    n_err = len(errors(findings))
    if args.json:
        print_json({"errors": n_err, "warnings": len(findings) - n_err,
                    "findings": [f.to_json() for f in findings]})
        return 1 if n_err else 0
    lang = get_language()
    for f in sorted(findings, key=lambda f: (f.severity != ERROR, f.pillar, f.code)):
        where = plan.framework.name_of(f.pillar, lang) if f.pillar else t("cli.whole_plan")
        print(f"{t('severity.' + f.severity).upper():10} {where}: {f.message()}")
    print(t("cli.validate_summary", errors=t("cli.n_errors", n=n_err),
            warnings=t("cli.n_warnings", n=len(findings) - n_err)))  # "1 error, 2 warnings"
    return 1 if n_err else 0
