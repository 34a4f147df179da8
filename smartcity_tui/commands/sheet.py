"""smartcity-tui sheet export PLAN OUT.xlsx|OUT_DIR/ and
smartcity-tui sheet import PLAN FILE.xlsx|FILE.csv [--sheet NAME] [--dry-run] [--json]:
spreadsheets out and in (docs/sheets.md).

Export opens the plan read-only. Import reads and checks the whole file before the plan is
touched and prints what would change per pillar; any problem refuses it whole (each
problem on its own line with sheet, row and column, exit 2, the plan byte-identical)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import LANGUAGES, get_language, t
from ..store import PlanStore
from .common import CommandError, Subcommands, plan_path, print_json

if TYPE_CHECKING:
    from ..sheets import ImportPreview, Problem

NAME = "sheet"


def _lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=list(LANGUAGES), default=argparse.SUPPRESS, help=t("cli.lang_help"))


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("sheets.cli.help"), description=t("sheets.cli.description"))
    actions = p.add_subparsers(dest="action", parser_class=type(p), metavar="export|import", required=True)
    e = actions.add_parser("export", help=t("sheets.cli.export_help"), description=t("sheets.cli.export_help"))
    e.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    e.add_argument("out", metavar="OUT", help=t("sheets.cli.out_arg"))
    _lang_option(e)
    i = actions.add_parser("import", help=t("sheets.cli.import_help"), description=t("sheets.cli.import_help"))
    i.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    i.add_argument("file", type=Path, metavar="FILE", help=t("sheets.cli.file_arg"))
    i.add_argument("--sheet", metavar="NAME", help=t("sheets.cli.sheet_help"))
    i.add_argument("--dry-run", action="store_true", help=t("sheets.cli.dry_run_help"))
    i.add_argument("--json", action="store_true", help=t("cli.json_help"))
    _lang_option(i)
    return p


def run(args: argparse.Namespace) -> int:
    return export(args) if args.action == "export" else import_(args)


def export(args: argparse.Namespace) -> int:
    from ..sheets import SheetError, export_sheets

    with PlanStore.open(args.plan, readonly=True) as store:
        try:
            result = export_sheets(store.plan(), Path(args.out), get_language())
        except SheetError as e:
            raise CommandError(e.message()) from None
    print(t("sheets.cli.exported", path=result.path))
    for sheet, n in result.rows.items():
        print(t("sheets.cli.exported_rows", sheet=sheet, n=n))
    return 0


def refuse(problems: Sequence[Problem], file: str, key: str = "sheets.cli.refused") -> CommandError:
    """Each problem on its own line (stderr), then the refusal that cli prints last."""
    from ..sheets.limits import MAX_SHOWN_PROBLEMS

    for p in problems[:MAX_SHOWN_PROBLEMS]:
        print(f"smartcity-tui: {p.message()}", file=sys.stderr)
    if len(problems) > MAX_SHOWN_PROBLEMS:
        print(f"smartcity-tui: {t('sheets.cli.more_problems', n=len(problems) - MAX_SHOWN_PROBLEMS)}",
              file=sys.stderr)
    return CommandError(t(key, file=file, n=len(problems)))


def import_(args: argparse.Namespace) -> int:
    from ..sheets import ImportRefused, SheetError, apply_import, preview_import, propose_mapping, read_file

    try:
        book = read_file(args.file, sheet=args.sheet)
    except SheetError as e:
        raise CommandError(e.message()) from None
    mapping = propose_mapping(book)
    with PlanStore.open(args.plan, readonly=args.dry_run) as store:
        preview = preview_import(store, book, mapping)
        if preview.problems:
            if args.json:
                print_json({"plan": str(args.plan), "dry_run": args.dry_run, **preview.to_json()})
            raise refuse(preview.problems, args.file.name)
        result = None
        if not args.dry_run:
            try:
                result = apply_import(store, preview)
            except ImportRefused as e:  # the plan moved on in between and the sheet no longer fits
                raise refuse(e.problems, args.file.name) from None
    if args.json:
        print_json({"plan": str(args.plan), "dry_run": args.dry_run, **preview.to_json()})
        return 0
    print_preview(preview)
    if args.dry_run:
        print(t("sheets.cli.dry_run_done", plan=args.plan))
    elif result is None or not (result.added or result.updated):
        print(t("sheets.cli.nothing_new", plan=args.plan))
    else:
        print(t("sheets.cli.applied", plan=args.plan, new=result.added, changed=result.updated))
    return 0


def print_preview(preview: ImportPreview) -> None:
    from ..sheets import PLAN_WIDE

    lang = get_language()
    sheets = preview.by_sheet()
    for m in preview.mapping.sheets:
        if m.kind:
            n = sheets[m.sheet].total if m.sheet in sheets else 0
            print(t("sheets.cli.sheet_line", sheet=m.sheet, kind=t(f"merge.kind.{m.kind}"), n=n))
    for note in preview.notes:
        print(t("sheets.cli.note", message=note.message()))
    counts = preview.counts()
    cols = ("new", "changed", "unchanged")
    header = [t("sheets.cli.col_area")] + [t(f"sheets.cli.col_{c}") for c in cols]
    rows = []
    framework = preview.plan.framework
    for area, c in counts.items():  # the framework's dimensions in order, then the plan-wide
        if c.total:
            label = t("sheets.cli.area_plan") if area == PLAN_WIDE else framework.name_of(area, lang)
            rows.append([label] + [str(getattr(c, k)) for k in cols])
    total = preview.total()
    rows.append([t("sheets.cli.total")] + [str(getattr(total, k)) for k in cols])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    for r in [header] + rows:
        cells = zip(r, widths, strict=True)
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(cells)))
