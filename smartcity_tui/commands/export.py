"""smartcity-tui export PLAN --out DIR [--zip] [--lang id|en]: write a bundle for the flash
drive and print its path and counts. The plan is opened read-only: exporting never changes
it and works while the app has it open. `export PLAN DIR` does the same, as `sheet export
PLAN DIR` does: what an officer types after seeing the one, for the other."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path

from ..bundle import BundleError, ExportOptions, export_bundle
from ..i18n import get_language, t
from ..store import PlanStore
from .common import CommandError, Subcommands, plan_path, target_of

NAME = "export"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("bundle.cli.export_help"), description=t("bundle.cli.export_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("dest", nargs="?", type=Path, metavar="DIR", help=t("bundle.cli.export_dest_help"))
    p.add_argument("--out", type=Path, metavar="DIR", help=t("bundle.cli.export_out_help"))
    p.add_argument("--zip", action="store_true", help=t("bundle.cli.export_zip_help"))
    return p


# The parts of the counts line, in the order an officer reads a plan; the first six are said
# even when there are none ("0 program" is news), the rest only when the plan holds some.
COUNTED_KINDS = ("swot", "strategy", "programme", "indicator", "milestone", "readiness",
                 "target", "narrative", "regulation", "member", "nomenclature", "plan")
ALWAYS_SAID = COUNTED_KINDS[:6]
TOTALS = ("records", "deleted", "conflicts")


def counts_line(counts: Mapping[str, int], lang: str | None = None, deleted: Mapping[str, int] | None = None) -> str:
    """"258 entri: 59 butir SWOT, ..., 1 entri data rencana; 0 terhapus, 0 konflik": one part per
    kind the bundle holds, so the parts add up to the total (a kind this version does not
    know, from a newer app, is counted as "of other kinds"). With `deleted` (per kind), the
    total and the parts count the records the plan shows, as `stats` and the screens do,
    and "N terhapus" is said on top of them (a deleted programme counted as one of "26
    program" looked like one too many to an officer checking against the screen)."""
    if deleted:
        counts = {k: n - deleted.get(k, 0) for k, n in counts.items()}
        counts["records"] -= sum(deleted.values())
        counts["deleted"] = sum(deleted.values())
    parts = [t(f"exchange.count.{kind}", lang, n=counts.get(kind, 0))
             for kind in COUNTED_KINDS if counts.get(kind, 0) or kind in ALWAYS_SAID]
    other = sum(n for kind, n in counts.items() if kind not in COUNTED_KINDS and kind not in TOTALS)
    if other:
        parts.append(t("exchange.count.other", lang, n=other))
    total = {kind: t(f"exchange.count.{kind}", lang, n=counts.get(kind, 0)) for kind in TOTALS}
    return t("exchange.count.line", lang, parts=", ".join(parts), **total)


def _no_folder(out: Path) -> str:
    """Why --out cannot take a bundle, said for what was typed: a file, a name of a .zip
    (the app names its bundles; --zip asks for one), or a folder that is not there."""
    if out.exists():
        return t("bundle.out_not_folder", path=out)
    if out.suffix.lower() == ".zip" and out.parent.is_dir():
        return t("bundle.out_zip_name", path=out, folder=out.parent)
    return t("bundle.out_missing", path=out)


def target_folder(args: argparse.Namespace) -> Path:
    """The folder from --out or the word after PLAN."""
    out = target_of(args.out, args.dest)
    if out is None:
        raise CommandError(t("bundle.cli.no_target", plan=args.plan))
    if not out.is_dir():
        raise CommandError(_no_folder(out))
    return out


def run(args: argparse.Namespace) -> int:
    lang = get_language()
    out = target_folder(args)
    with PlanStore.open(args.plan, readonly=True) as store:
        try:
            result = export_bundle(store, ExportOptions(out, zip=args.zip, lang=lang))
        except BundleError as e:
            raise CommandError(e.message()) from None
    print(t("bundle.cli.exported", path=result.path))
    print(counts_line(result.counts, deleted=result.deleted))
    return 0
