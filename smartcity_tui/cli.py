"""The command line. Each command is a module in commands/ with `add_parser` and `run`;
every command works headless, and every error is one line for a person, with exit code 2
(exit 1 is reserved for "ran fine, found a problem": validate errors, merge conflicts).

`smartcity-tui PLAN` (no command word) opens the app on PLAN; `smartcity-tui` alone reopens
the last plan.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from . import __version__
from .i18n import set_language, t
from .commands import argparse_text
from .commands.common import CommandError
from .startup import release_collector
from .store import StoreError

# Command modules, in the order `--help` lists them.
COMMANDS = [
    "open", "demo", "new", "stats", "validate", "restore",
    "export", "render", "merge", "conflicts", "merge_driver",
    "sheet", "codes",
]


# The commands that run the app, which lets the cycle collector resume only once its first
# screen is drawn (see startup.py).
APP_COMMANDS = {"open", "demo"}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse prints usage plus an error over several lines; officers get one line.
        raise UsageError(f"{message}. {t('cli.see_help', prog=self.prog)}")


def _available_commands(only: Sequence[str] | None = None) -> list:
    mods = []
    for name in COMMANDS if only is None else only:
        try:
            mods.append(importlib.import_module(f"{__package__}.commands.{name}"))
        except ModuleNotFoundError as e:
            if e.name != f"{__package__}.commands.{name}":
                raise
    return mods


def build_parser(only: Sequence[str] | None = None) -> tuple[_Parser, dict[str, object]]:
    """The parser with every command, or with only the modules in `only`: importing every
    command (the bundle and merge layers among them) costs ~50 ms of start-up that
    `smartcity-tui PLAN` does not need."""
    parser = _Parser(prog="smartcity-tui", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"smartcity-tui {__version__}")
    parser.add_argument("--lang", choices=["id", "en"], default=None, help=t("cli.lang_help"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    runners: dict[str, object] = {}
    for mod in _available_commands(only):
        p = mod.add_parser(sub)
        p.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=t("cli.lang_help"))
        runners[mod.NAME.replace("-", "_")] = mod.run  # "merge-driver" runs merge_driver
    return parser, runners


def _lang_from(argv: Sequence[str]) -> str | None:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return None


def _first_word(argv: Sequence[str]) -> str | None:
    """The first word that is not an option or an option's value (`--lang en stats` -> stats)."""
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a == "--lang":
            skip = True
        elif not a.startswith("-"):
            return a
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(argv)
    # Every call decides its language afresh (tests and the app call main() in one process).
    set_language(lang if lang in ("id", "en") else "id")
    argparse_text.install()
    first = _first_word(argv)
    module = first.replace("-", "_") if first else None
    if module in COMMANDS:
        only: list[str] | None = [module]
    elif first is None and {"-h", "--help", "--version"} & set(argv):
        only = None  # the overview lists every command
    else:
        argv.insert(0, "open")  # `smartcity-tui PLAN` and `smartcity-tui` alone open the app
        only = ["open"]
    parser, runners = build_parser(only)
    try:
        args = parser.parse_args(argv)
        if getattr(args, "lang", None):
            set_language(args.lang)
        if args.command is None:
            parser.print_help()
            return 0
        name = args.command.replace("-", "_")
        if name not in APP_COMMANDS:
            release_collector()  # held by startup.run; the app releases it after its first frame
        return int(runners[name](args) or 0)  # type: ignore[operator]
    except UsageError as e:
        print(f"smartcity-tui: {e}", file=sys.stderr)
        return 2
    except CommandError as e:
        print(f"smartcity-tui: {e}", file=sys.stderr)
        return 2
    except StoreError as e:
        print(f"smartcity-tui: {e.message()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # output piped into `head` and the like: not an error for the user
        try:
            sys.stdout = open(os.devnull, "w", encoding="utf-8")
        except OSError:
            pass
        return 0


def robust_streams(streams=None) -> None:
    """Output never fails on a character: redirected output (`> laporan.json`) is UTF-8,
    whatever the system's code page (Windows would write cp1252 and fail on a typed "≥" or
    an emoji, with a traceback instead of the report); a terminal keeps its own encoding and
    shows what it cannot as "?"."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        if not hasattr(stream, "reconfigure"):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            elif (stream.encoding or "").lower().replace("-", "").replace("_", "") != "utf8":
                stream.reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):  # a closed or detached stream: nothing to print to
            pass


def run() -> None:
    robust_streams()
    sys.exit(main())


if __name__ == "__main__":
    run()
