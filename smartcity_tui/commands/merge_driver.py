"""smartcity-tui merge-driver BASE OURS THEIRS: git's merge driver for plan files.

Registered with `*.json merge=smartcity` in .gitattributes and
`git config merge.smartcity.driver "smartcity-tui merge-driver %O %A %B %P"` (docs/merge.md;
%P, the plan's path in the work tree, is optional: it names the file in the message).
Writes the merged plan into OURS. Exit 0: merged cleanly; 1: merged, with conflicts kept
in the plan for a person to settle (git then marks the file as conflicted); 2: bad input,
one line, nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..bundle.merge_files import PlanFileError, merge_plan_files
from ..i18n import t
from .common import CommandError, Subcommands

NAME = "merge-driver"


def _help(key: str) -> str:
    # argparse %-formats help strings; git's placeholders (%O, %A, %B, %P) are literal text
    return t(key).replace("%", "%%")


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=_help("driver.cli_help"), description=_help("driver.cli_help"))
    p.add_argument("base", type=Path, metavar="BASE", help=_help("driver.base_arg"))
    p.add_argument("ours", type=Path, metavar="OURS", help=_help("driver.ours_arg"))
    p.add_argument("theirs", type=Path, metavar="THEIRS", help=_help("driver.theirs_arg"))
    p.add_argument("path", nargs="?", default=None, metavar="PATH", help=_help("driver.path_arg"))
    return p


def run(args: argparse.Namespace) -> int:
    # git hands an empty BASE when the two sides added the file independently
    base = args.base if args.base.exists() and args.base.stat().st_size > 0 else None
    try:
        n = merge_plan_files(base, args.ours, args.theirs)
    except PlanFileError as e:
        raise CommandError(str(e)) from None
    if n:
        # OURS is git's temp file (.merge_file_XXXX), a name that means nothing to the user;
        # the plan's own path comes as %P, when the driver is configured with it
        if args.path:
            print(t("driver.conflicts_at", path=args.path, n=n), file=sys.stderr)
        else:
            print(t("driver.conflicts", n=n), file=sys.stderr)
        return 1
    return 0
