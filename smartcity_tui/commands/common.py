"""Small helpers the command modules share."""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import os_reason, t

# What each command's add_parser is handed (argparse's own name for it is private; typeshed
# makes it generic in the parsers it adds, at run time it is a plain class)
if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subcommands = argparse._SubParsersAction


class CommandError(Exception):
    """A bad input found by a command; cli prints it as one line and exits 2."""


def plan_path(value: str) -> Path:
    return Path(value)


def target_of(out: Path | None, dest: Path | None) -> Path | None:
    """Where the command writes: --out, or the word after PLAN that stands for it (`export
    PLAN DIR`, `render PLAN FILE`, as `sheet export PLAN OUT` is typed); two different ones
    are refused rather than one of them chosen."""
    if out is not None and dest is not None and out != dest:
        raise CommandError(t("cli.two_targets", out=out, dest=dest))
    return out if out is not None else dest


def year(value: str) -> int:
    try:
        y = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_year", value=value)) from None
    if not 1900 <= y <= 2200:
        raise argparse.ArgumentTypeError(t("cli.bad_year", value=value))
    return y


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def add_out_option(p: argparse.ArgumentParser, help_key: str = "win.out_help") -> None:
    """`--out FILE`: the report into a file instead of on the screen. PowerShell 5.1's `>`
    decodes a program's output in the console's code page and writes it as UTF-16, which
    garbles the JSON and the words of a report; `--out` writes the bytes as they are, UTF-8."""
    p.add_argument("--out", type=Path, metavar="FILE", help=t(help_key))


@contextlib.contextmanager
def report_to(out: Path | None, plan: Path | None = None) -> Iterator[None]:
    """What the command prints goes into `out` (UTF-8, written whole, atomically) when given.
    Whatever would make the report fail is said before the command runs (a merge must not be
    done and then called failed): a missing folder, a folder as `out`, a drive that takes no
    file. A plan (this one or another, open in the app or not), a bundle or a sheet is never
    written over with a report: `stats rencana.json --out rencana.json` cost a plan."""
    if out is None:
        yield
        return
    _check_report_target(out, plan)
    from ..store.atomic import atomic_write_bytes

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield
    try:
        atomic_write_bytes(out, buffer.getvalue().encode("utf-8"))
    except OSError as e:
        raise CommandError(t("win.out_failed", out=out, reason=os_reason(e))) from None


@dataclass(frozen=True)
class Output:
    """What a command writes to --out, for the words of a refusal (message keys, with `out`,
    `example` and `reason`), and the kinds of file (`not_a_plan.kind_of`) it may write over:
    `render` writes the book over the last book, a report writes over no such file."""

    is_plan: str
    is_file_kind: str
    not_writable: str
    replaces: tuple[str, ...] = ()


REPORT = Output("win.out_is_plan", "win.out_is_file_kind", "win.out_not_writable")


def _check_report_target(out: Path, plan: Path | None) -> None:
    name = t("win.report_name")  # laporan.txt, report.txt: the example in the user's language
    example = out.with_name(name) if not out.is_dir() else out / name
    if out.is_dir():
        raise CommandError(t("win.out_is_folder", out=out, example=example))
    if not out.parent.is_dir():
        raise CommandError(t("win.out_folder_missing", folder=out.parent))
    check_out_target(out, plan, REPORT, example)


def check_out_target(out: Path, plan: Path | None, output: Output, example: Path) -> None:
    """`out` (a file in an existing folder) may be written: it is not a plan (this one, in
    any spelling, or another, or a backup), nor a bundle, sheet or document the command does
    not make, and its folder takes a file. Said before the command does anything."""
    if out.exists():
        from ..store.not_a_plan import OLE_MAGIC, kind_of

        try:
            with open(out, "rb") as f:
                head = f.read(64)
        except OSError as e:
            raise not_writable(output.not_writable, out, e) from None
        same = plan is not None and plan.exists() and _same_file(out, plan)
        kind = kind_of(out, head)
        if same or kind == "plan":
            raise CommandError(t(output.is_plan, out=out, example=example))
        if head.startswith((b"PK", OLE_MAGIC)) and kind not in output.replaces:
            # by content: a zip bundle, a workbook, a .docx
            raise CommandError(t(output.is_file_kind, out=out, example=example))
    try:  # a read-only drive says so now, not after the merge is written
        with tempfile.TemporaryFile(dir=out.parent):
            pass
    except OSError as e:
        raise not_writable(output.not_writable, out, e) from None


def not_writable(key: str, out: Path, error: OSError) -> CommandError:
    """`out` could not be written: the cause, and what to do about that cause (unlock a
    write-protected drive, free space), not one advice for all."""
    from ..bundle.safe_write import advice_for

    reason = os_reason(error)
    return CommandError(t(key, out=out, path=out, reason=reason, advice=advice_for(reason, "write.advice")))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def report_file(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command's `run` whose report goes into `--out FILE` when given (add_out_option)."""

    @functools.wraps(run)
    def wrapped(args: argparse.Namespace) -> int:
        with report_to(getattr(args, "out", None), getattr(args, "plan", None)):
            return run(args)

    return wrapped
