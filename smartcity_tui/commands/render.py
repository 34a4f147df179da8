"""smartcity-tui render PLAN [--format md|html|docx] [--lang id|en] [--out FILE]: the
masterplan book (`render PLAN FILE` is `--out FILE`). Markdown goes to the screen without
--out (`> rencana-induk.md` works, in UTF-8 whatever the console's code page); HTML and Word
need --out. Without --format, the name given to --out says the format (rencana.html is
HTML); a --format the name contradicts is refused, since a Word file named .md opens in no
program that expects one. The file is written atomically: a failed or interrupted render
never leaves half a document under the name."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..document import build_document, document_bytes
from ..document.errors import DocumentError
from ..i18n import get_language, t
from ..model.framework import framework_missing
from ..store import PlanStore
from ..store.atomic import atomic_write_bytes
from ..store.teams import known_teams
from .common import CommandError, Output, Subcommands, check_out_target, not_writable, plan_path, target_of

NAME = "render"
FORMATS = ("md", "html", "docx")
# What a file name's ending says about its format (lower-cased); other endings say nothing.
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
# the book is written over an earlier book, never over a plan, a backup, a bundle or a sheet
# (`render rencana.json rencana.json` replaced the plan with the book)
BOOK = Output("doc.cli.out_is_plan", "doc.cli.out_is_file_kind", "doc.cli.out_not_writable", replaces=("document",))


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("doc.cli.render_help"), description=t("doc.cli.render_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--format", choices=FORMATS, help=t("doc.cli.format_help"))
    p.add_argument("dest", nargs="?", type=Path, metavar="FILE", help=t("doc.cli.dest_help"))
    p.add_argument("--out", type=Path, metavar="FILE", help=t("doc.cli.out_help"))
    return p


def format_of(asked: str | None, out: Path | None) -> str:
    """The format to write: the one asked for, else the one --out's name ends in, else
    Markdown. Asked for one and named for another is refused."""
    named = SUFFIX_FORMATS.get(out.suffix.lower()) if out is not None else None
    if asked is not None and named is not None and asked != named:
        assert out is not None
        raise CommandError(t("doc.cli.format_vs_name", path=out, format=asked, named=named,
                             example=out.with_suffix(f".{asked}")))
    return asked or named or "md"


def _check_out(out: Path | None, fmt: str, plan: Path) -> None:
    """Every problem with --out is said before the plan is even read."""
    if out is None:
        if fmt != "md":
            raise CommandError(t("doc.cli.out_required", format=fmt))
        return
    if out.is_dir():
        raise CommandError(t("doc.cli.out_is_dir", path=out, example=out / f"rencana-induk.{fmt}"))
    if not out.parent.is_dir():
        raise CommandError(t("doc.cli.out_dir_missing", path=out.parent))
    check_out_target(out, plan, BOOK, out.with_name(t("doc.cli.book_name", format=fmt)))


def run(args: argparse.Namespace) -> int:
    args.out = target_of(args.out, args.dest)
    fmt = format_of(args.format, args.out)
    _check_out(args.out, fmt, args.plan)
    with PlanStore.open(args.plan, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan, lang=get_language(), conflicts=store.conflicts(), teams=known_teams(store),
                             parents=store.orphan_parents())
    if not plan.framework.known:  # its chapters would be named by raw keys, without a word why
        print(framework_missing(plan.framework), file=sys.stderr)
    try:
        data = document_bytes(doc, fmt)
    except DocumentError as e:
        raise CommandError(e.message()) from None
    if args.out is None:
        _to_stdout(data)
        return 0
    try:
        atomic_write_bytes(args.out, data)
    except OSError as e:
        raise not_writable("doc.write_failed", args.out, e) from None
    print(t("doc.cli.written", path=args.out))
    return 0


def _to_stdout(data: bytes) -> None:
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        # bytes, not the console encoding: a Windows cp1252 console would garble or fail on
        # Indonesian text and emoji, and pandoc expects UTF-8 from a redirected file
        sys.stdout.flush()
        out.write(data)
        out.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))
