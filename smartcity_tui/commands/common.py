"""Small helpers the command modules share."""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import t

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
def report_to(out: Path | None) -> Iterator[None]:
    """What the command prints goes into `out` (UTF-8, written whole, atomically) when given.
    A missing folder is said before the command runs (a merge must not be done first)."""
    if out is None:
        yield
        return
    if not out.parent.is_dir():
        raise CommandError(t("win.out_folder_missing", folder=out.parent))
    from ..store.atomic import atomic_write_bytes

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield
    atomic_write_bytes(out, buffer.getvalue().encode("utf-8"))


def report_file(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command's `run` whose report goes into `--out FILE` when given (add_out_option)."""

    @functools.wraps(run)
    def wrapped(args: argparse.Namespace) -> int:
        with report_to(getattr(args, "out", None)):
            return run(args)

    return wrapped
