"""smartcity-tui stats PLAN [--json]: counts per pillar (the dimensions of the plan's framework)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..i18n import get_language, t
from ..model.framework import framework_missing
from ..model.plain_text import escaped
from ..model.vocab import QUADRANTS, REGION_KINDS
from ..store import PlanStore
from .common import Subcommands, add_out_option, plan_path, print_json, report_file

NAME = "stats"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("cli.stats_help"), description=t("cli.stats_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--json", action="store_true", help=t("cli.json_help"))
    add_out_option(p)
    return p


def plan_facts(store: PlanStore) -> dict[str, Any]:
    info = store.plan().info
    return {
        "id": info.id, "region": info.region, "kind": info.region_kind, "province": info.province,
        "start_year": info.start_year, "end_year": info.end_year, "team": store.team,
        "vision": info.vision, "missions": len(info.missions), "targets": len(store.plan().targets),
        "readiness": len(store.plan().readiness), "conflicts": len(store.plan().conflict_ids),
    }


@report_file
def run(args: argparse.Namespace) -> int:
    with PlanStore.open(args.plan, readonly=True) as store:
        plan = store.plan()
        counts = plan.counts()
        facts = plan_facts(store)
        fw = plan.framework
    # records whose dimension the framework lacks (a reframe did not place them): counted too,
    # in their own rows, never left out of the totals an officer compares with the book
    outside = {key: plan.pillar_counts(key) for key in sorted({r.pillar for r in plan.outside_framework()})}
    if args.json:
        # "pillars": one entry per dimension of the plan's framework, keyed by its key
        data = {"plan": facts, "framework": {"id": fw.id, "version": fw.version}, "pillars": counts}
        if outside:
            data["outside_framework"] = outside
        print_json(data)
        return 0
    if not fw.known:
        print(framework_missing(fw), file=sys.stderr)
    lang = get_language()
    # the kind in the reader's words: "Kabupaten Wonosari Raya", "Wonosari Raya Regency"
    kind = REGION_KINDS.label(facts["kind"], lang) if facts["kind"] in REGION_KINDS else facts["kind"].capitalize()
    # (names printed escaped: a control character typed into a plan must not drive the terminal)
    print(t("cli.stats_title", region=escaped(facts["region"]), kind=kind,
            start=facts["start_year"], end=facts["end_year"], team=escaped(facts["team"])))
    header = [t("cli.col_pillar")] + list(QUADRANTS.keys) + [
        t("cli.col_strategies"), t("cli.col_programmes"), t("cli.col_quick_wins"),
        t("cli.col_indicators"), t("cli.col_milestones")]
    rows = []
    named = [(p.label(lang), counts[p.key]) for p in fw.dimensions]
    named += [(t("frame.screen.outside", value=key), c) for key, c in outside.items()]
    for label, c in named:
        rows.append([label] + [str(c["swot"][q]) for q in QUADRANTS.keys] + [
            str(c["strategies"]), str(c["programmes"]), str(c["quick_wins"]),
            str(c["indicators"]), str(c["milestones"])])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(r, widths, strict=True))))
    if facts["conflicts"]:
        print(t("cli.stats_conflicts", n=facts["conflicts"]))
    return 0
