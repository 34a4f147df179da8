"""smartcity-tui PLAN / smartcity-tui: open the workshop app.

With PLAN, open it (a PLAN that does not exist yet is created by the first-run form). Alone,
reopen the plan opened last; with none remembered, a plan at the former default place (the
app's data folder: settings.former_default_plan) is opened where it is, never moved, and the
app says to copy it to Documents; else offer to create one. The app is imported only here, so the
headless commands never pay for Textual.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import t
from ..store.access import path_too_long
from .common import CommandError, Subcommands, plan_path

NAME = "open"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("ui.cli.open_help"), description=t("ui.cli.open_help"))
    p.add_argument("plan", type=plan_path, nargs="?", metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--break-lock", action="store_true", help=t("ui.cli.break_lock_help"))
    return p


def run(args: argparse.Namespace) -> int:
    from ..settings import Settings, former_default_plan

    settings = Settings.load()
    settings.apply_language(getattr(args, "lang", None))  # before the app's key labels are made
    path: Path | None = args.plan
    note = ""
    if path is None and settings.last_plan:
        last = Path(settings.last_plan)
        if last.exists():
            path = last
        else:
            note = t("ui.first.last_missing", path=last)
    if path is None and not note and former_default_plan().exists():
        path = former_default_plan()
    if path is not None and not path.exists():
        too_long = path_too_long(path)  # Windows says "not found" for a path past MAX_PATH
        if too_long is not None:
            raise CommandError(t("cli.os_error", path=path, reason=too_long))
        if not path.parent.is_dir():
            raise CommandError(t("cli.folder_missing", path=path.parent))

    from ..ui.launch import launch

    return launch(path, settings, break_lock=args.break_lock, note=note)
