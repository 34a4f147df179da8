"""smartcity-tui demo: try the app on the sample plan (Kabupaten Wonosari Raya).

The sample is copied to the user's data folder and the copy is opened, never the original:
the shipped file stays pristine, and the copy takes its own replica id on its first edit. A
second `demo` reopens the same copy with its edits; `--fresh` starts again from the sample.
Not to Documents, where the officers' plans go (settings.default_plan): the copy is the
fictional sample, no one's work, and there it would sit beside the real plans and travel with
them in OneDrive; losing it costs a `demo --fresh`.

Where the sample lives: a wheel (and the one-file build) carries it as package data
(smartcity_tui/data/sample_plan.json, mapped from sample_data/plan.json by pyproject's
force-include, so there is one source); a checkout or editable install reads
sample_data/plan.json in the repository.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import os_reason, t
from ..resources import read_beside
from ..settings import Settings, data_dir
from ..store import PlanStore
from ..store.atomic import atomic_write_bytes
from .common import CommandError, Subcommands

NAME = "demo"
DEMO_FILE = "contoh-rencana-induk.json"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("ui.cli.demo_help"), description=t("ui.cli.demo_help"))
    p.add_argument("--fresh", action="store_true", help=t("ui.cli.demo_fresh_help"))
    return p


def sample_plan_bytes() -> bytes:
    """The sample plan as shipped: package data in a wheel or the one-file build (read through
    the loader, since the one-file build is a zip), else the checkout's sample_data/plan.json."""
    try:
        return read_beside(globals(), "../data/sample_plan.json")
    except OSError:
        pass
    checkout = Path(__file__).resolve().parent.parent.parent / "sample_data" / "plan.json"
    try:
        return checkout.read_bytes()
    except OSError:
        raise CommandError(t("ui.cli.demo_missing", path=checkout)) from None


def demo_copy_path() -> Path:
    return data_dir() / "demo" / DEMO_FILE


def prepare_demo(fresh: bool = False) -> Path:
    """The demo copy, made from the sample when missing (or when `fresh`)."""
    dst = demo_copy_path()
    if dst.exists() and not fresh:
        return dst
    if dst.exists():
        # take the lock first: never replace a copy another window is editing
        PlanStore.open(dst).close()
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(dst, sample_plan_bytes())
    except OSError as e:
        raise CommandError(t("ui.cli.demo_copy_failed", path=dst, reason=os_reason(e))) from None
    return dst


def run(args: argparse.Namespace) -> int:
    path = prepare_demo(args.fresh)
    settings = Settings.load()
    settings.apply_language(getattr(args, "lang", None))  # before the app's key labels are made

    from ..ui.launch import launch

    return launch(path, settings)
