"""Small helpers the command modules share."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..i18n import t

# What each command's add_parser is handed (argparse's own name for it is private)
Subcommands = argparse._SubParsersAction


class CommandError(Exception):
    """A bad input found by a command; cli prints it as one line and exits 2."""


def plan_path(value: str) -> Path:
    return Path(value)


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
