"""smartcity-tui codes import PLAN FILE [--sheet NAME] [--dry-run] and
smartcity-tui codes search PLAN QUERY [--limit N] [--json]: the region's official code list
(sheets/codelist.py), kept in the plan; the search is the one the form's picker calls."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import t
from ..store import PlanStore
from .common import CommandError, Subcommands, plan_path, print_json
from .sheet import _lang_option, refuse

NAME = "codes"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("codes.cli_help"), description=t("codes.cli_description"))
    actions = p.add_subparsers(dest="action", parser_class=type(p), metavar="import|search", required=True)
    i = actions.add_parser("import", help=t("codes.import_help"), description=t("codes.import_help"))
    i.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    i.add_argument("file", type=Path, metavar="FILE", help=t("sheets.cli.file_arg"))
    i.add_argument("--sheet", metavar="NAME", help=t("sheets.cli.sheet_help"))
    i.add_argument("--dry-run", action="store_true", help=t("sheets.cli.dry_run_help"))
    _lang_option(i)
    s = actions.add_parser("search", help=t("codes.search_help"), description=t("codes.search_help"))
    s.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    s.add_argument("query", nargs="?", default="", metavar="QUERY", help=t("codes.query_arg"))
    s.add_argument("--limit", type=int, default=20, metavar="N", help=t("codes.limit_help"))
    s.add_argument("--json", action="store_true", help=t("cli.json_help"))
    _lang_option(s)
    return p


def run(args: argparse.Namespace) -> int:
    return import_(args) if args.action == "import" else search(args)


def import_(args: argparse.Namespace) -> int:
    from ..sheets import SheetError, read_file
    from ..sheets.codelist import apply_codes, preview_codes

    try:
        book = read_file(args.file, sheet=args.sheet)
    except SheetError as e:
        raise CommandError(e.message()) from None
    with PlanStore.open(args.plan, readonly=args.dry_run) as store:
        result = preview_codes(store, book)
        if result.problems:
            raise refuse(result.problems, args.file.name, "codes.refused")
        for note in book.notes:  # read as Windows-1252, the header under a report's title
            print(t("sheets.cli.note", message=note.message()))
        print(t("codes.summary", file=args.file.name, new=result.new, changed=result.changed,
                unchanged=result.unchanged, headings=result.headings, no_code=result.no_code))
        if args.dry_run:
            print(t("codes.dry_run_done", plan=args.plan))
            return 0
        apply_codes(store, result, args.file.name)
        from ..model.codes import code_list

        print(t("codes.applied", plan=args.plan, n=len(code_list(store.plan()))))
    return 0


def search(args: argparse.Namespace) -> int:
    from ..model.codes import code_list

    with PlanStore.open(args.plan, readonly=True) as store:
        codes = code_list(store.plan())
        found = codes.search(args.query, max(args.limit, 1))
    if args.json:
        print_json([vars(m) for m in found])
        return 0
    if not len(codes):
        print(t("codes.no_list", plan=args.plan))
        return 1
    if not found:
        print(t("codes.no_match", query=args.query))
        return 1
    width = max(len(m.code) for m in found)
    for m in found:
        print(f"{m.code.ljust(width)}  {m.name}")
    return 0
