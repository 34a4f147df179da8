"""smartcity-tui export PLAN --out DIR [--zip] [--lang id|en]: write a bundle for the flash
drive and print its path and counts. The plan is opened read-only: exporting never changes
it and works while the app has it open."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..bundle import BundleError, ExportOptions, export_bundle
from ..i18n import get_language, t
from ..store import PlanStore
from .common import CommandError, Subcommands, plan_path

NAME = "export"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("bundle.cli.export_help"), description=t("bundle.cli.export_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help=t("bundle.cli.export_out_help"))
    p.add_argument("--zip", action="store_true", help=t("bundle.cli.export_zip_help"))
    return p


def counts_line(counts: dict) -> str:
    keys = ("records", "swot", "strategy", "programme", "indicator", "milestone", "readiness",
            "deleted", "conflicts")
    return t("bundle.cli.export_counts", **{k: counts.get(k, 0) for k in keys})


def run(args: argparse.Namespace) -> int:
    lang = get_language()
    if not args.out.is_dir():
        raise CommandError(t("bundle.out_missing", path=args.out))
    with PlanStore.open(args.plan, readonly=True) as store:
        try:
            result = export_bundle(store, ExportOptions(args.out, zip=args.zip, lang=lang))
        except BundleError as e:
            raise CommandError(e.message()) from None
    print(t("bundle.cli.exported", path=result.path))
    print(counts_line(result.counts))
    return 0
