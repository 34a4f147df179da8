"""The command line. Each command is a module in commands/ with `add_parser` and `run`;
every command works headless, and every error is one line for a person, with exit code 2
(exit 1 is reserved for "ran fine, found a problem": validate errors, merge conflicts).

`smartcity-tui PLAN` (no command word) opens the app on PLAN; `smartcity-tui` alone reopens
the last plan.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn, TextIO

from . import __version__
from .commands import argparse_text
from .commands.common import CommandError
from .i18n import LANGUAGES, os_reason, set_language, t
from .startup import release_collector
from .store import StoreError, opening

# Command modules, in the order `--help` lists them.
COMMANDS = [
    "open", "demo", "new", "stats", "validate", "restore",
    "export", "render", "merge", "conflicts", "merge_driver",
    "sheet", "codes", "reframe",
]


# The commands that run the app, which lets the cycle collector resume only once its first
# screen is drawn (see startup.py).
APP_COMMANDS = {"open", "demo"}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints usage plus an error over several lines; officers get one line.
        raise UsageError(f"{message}. {t('cli.see_help', prog=self.prog)}")


def _available_commands(only: Sequence[str] | None = None) -> list[ModuleType]:
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
    parser.add_argument("--version", action="version", version=f"smartcity-tui {__version__}",
                        help=t("cli.version_help"))
    parser.add_argument("--lang", choices=list(LANGUAGES), default=None, help=t("cli.lang_help"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    runners: dict[str, object] = {}
    for mod in _available_commands(only):
        p = mod.add_parser(sub)
        p.add_argument("--lang", choices=list(LANGUAGES), default=argparse.SUPPRESS, help=t("cli.lang_help"))
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
    for i, a in enumerate(argv):
        if skip:
            skip = False
        elif a == "--lang":
            # `--lang merge ...` (the language forgotten): "merge" is the command, and the
            # refusal of --lang names the app's help, not `open`'s
            skip = i + 1 < len(argv) and argv[i + 1] in LANGUAGES
        elif not a.startswith("-"):
            return a
    return None


def _place_target(args: argparse.Namespace, extra: list[str]) -> list[str]:
    """`export PLAN --zip E:\\`: argparse fills an optional word after PLAN (`dest`) only
    right after it, so one typed after an option is left over. It is the target all the
    same, where the command takes one and none is given yet; what is left after it is not."""
    if not extra or getattr(args, "dest", False) is not None or extra[0].startswith("-"):
        return extra
    args.dest = Path(extra[0])
    return extra[1:]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(argv)
    # Every call decides its language afresh (tests and the app call main() in one process).
    set_language(lang if lang in LANGUAGES else "id")
    argparse_text.install()
    first = _first_word(argv)
    module = first.replace("-", "_") if first else None
    if module in COMMANDS:
        only: list[str] | None = [module]
    elif first is None and {"-h", "--help", "--version"} & set(argv):
        only = None  # the overview lists every command
    else:
        if first is not None and _mistyped_command(first):
            print(f"smartcity-tui: {_unknown_word(first)}", file=sys.stderr)
            return 2
        argv.insert(0, "open")  # `smartcity-tui PLAN` and `smartcity-tui` alone open the app
        only = ["open"]
    parser, runners = build_parser(only)
    try:
        args, extra = parser.parse_known_args(argv)
        extra = _place_target(args, extra)
        if extra:  # as argparse says it, for what is left, with the command's own help named
            said = argparse_text.said("unrecognized arguments: %s") % " ".join(extra)
            prog = f"{parser.prog} {args.command}" if args.command else parser.prog
            raise UsageError(f"{said}. {t('cli.see_help', prog=prog)}")
        if getattr(args, "lang", None):
            set_language(args.lang)
        if args.command is None:
            parser.print_help()
            return 0
        name = args.command.replace("-", "_")
        if name not in APP_COMMANDS:
            release_collector()  # held by startup.run; the app releases it after its first frame
        # what the store put right by itself (a session that ended without closing) is said on
        # stderr by a headless command; the app shows it on its own screen instead
        opening.notice_sink = None if name in APP_COMMANDS else _notice
        return int(runners[name](args) or 0)  # type: ignore[operator]  # each runner returns int or None; the table's value type is wider
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
    except OSError as e:
        if pipe_closed(e):
            # output piped into `head`, `more` and the like, which stopped reading: not an
            # error for the user
            _silence_stdout()
            return 0
        # a file or folder the command could not read or write that no check caught: still
        # one line, in words, never a traceback
        print(f"smartcity-tui: {os_error_line(e)}", file=sys.stderr)
        return 2
    finally:
        opening.notice_sink = None


def _mistyped_command(word: str) -> bool:
    """`smartcity-tui exprot`: a bare word, no file of that name, no ending, no folder in
    it, is a command mistyped rather than a plan to create (the first-run form would
    otherwise offer to make a plan file called 'exprot')."""
    return "." not in word and "/" not in word and "\\" not in word and not os.path.lexists(word)


def _unknown_word(word: str) -> str:
    import difflib

    names = [c.replace("_", "-") for c in COMMANDS]
    close = difflib.get_close_matches(word.lower(), names, n=1, cutoff=0.6)
    return t("cli.unknown_word", word=word, close=t("cli.did_you_mean", command=close[0]) if close else "")


def _notice(text: str) -> None:
    print(f"smartcity-tui: {text}", file=sys.stderr)


def pipe_closed(error: OSError) -> bool:
    """The reader of our piped output went away. Windows says so with EINVAL (`| more` ended
    with q or Ctrl+C) where POSIX raises BrokenPipeError; a bad file name's EINVAL has a name."""
    if isinstance(error, BrokenPipeError):
        return True
    return sys.platform == "win32" and error.errno == errno.EINVAL and error.filename is None


def os_error_line(error: OSError) -> str:
    reason = os_reason(error)
    if error.filename:
        return t("cli.os_error", path=error.filename, reason=reason)
    return t("cli.os_error_nopath", reason=reason)


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush at exit does not
    fail again on the closed pipe (with an "Exception ignored" line and exit code 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        try:
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for good, as stdout
        except OSError:
            pass


def robust_streams(streams: Iterable[TextIO] | None = None) -> None:
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
    code = main()
    try:
        sys.stdout.flush()  # what is still buffered meets a closed pipe here, not at exit
    except OSError as e:
        if not pipe_closed(e):
            raise
        _silence_stdout()
    sys.exit(code)


if __name__ == "__main__":
    run()
