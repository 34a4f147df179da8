"""smartcity-tui render PLAN [--lang id|en]: print the masterplan draft as Markdown, e.g.
`smartcity-tui render plan.json > rencana-induk.md`, then `pandoc rencana-induk.md -o
rencana-induk.docx`. Always UTF-8, whatever the console's code page."""

from __future__ import annotations

import argparse
import sys

from ..bundle import render_markdown
from ..i18n import get_language, t
from ..store import PlanStore
from .common import Subcommands, plan_path

NAME = "render"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("bundle.cli.render_help"), description=t("bundle.cli.render_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    return p


def run(args: argparse.Namespace) -> int:
    with PlanStore.open(args.plan, readonly=True) as store:
        text = render_markdown(store.plan(), lang=get_language(), conflicts=store.conflicts())
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        # bytes, not the console encoding: a Windows cp1252 console would garble or fail on
        # Indonesian text and emoji, and pandoc expects UTF-8 from a redirected file
        sys.stdout.flush()
        out.write(text.encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(text)
    return 0
