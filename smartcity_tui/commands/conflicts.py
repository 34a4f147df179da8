"""smartcity-tui conflicts PLAN [--json]: the open merge conflicts, with every value kept
and the team that wrote it. Exit 0 when there is none, 1 when there are some."""

from __future__ import annotations

import argparse
from typing import Any

from ..bundle.merge_conflicts import Conflict, Written, list_conflicts, say_dependents
from ..i18n import get_language, t
from ..model import labels
from ..model.framework import Framework
from ..model.revision import DELETED
from ..model.vocab import DEFAULT_FRAMEWORK
from ..store import PlanStore
from ..ui.widgets.conflict_values import value_text  # no textual: model and i18n only
from .common import Subcommands, add_out_option, plan_path, print_json, report_file
from .merge import area_label

NAME = "conflicts"


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("conflicts.cli_help"), description=t("conflicts.cli_help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--json", action="store_true", help=t("cli.json_help"))
    add_out_option(p)
    return p


def show_value(field: str, value: Any, kind: str = "") -> str:
    """A stored value as the app's conflict screen shows it (value_text: amounts in rupiah,
    numbers the plan's way, choices and funding sources by their labels), whole: a value cut
    short (the 2029 target of a long row) could not be read at all (QA round 2, #10)."""
    if field == DELETED:
        return t("conflicts.deleted") if isinstance(value, dict) else t("conflicts.kept")
    if isinstance(value, bool):
        return t("conflicts.yes") if value else t("conflicts.no")
    if value is None or value == "" or value == [] or value == {}:
        return t("conflicts.empty")
    return value_text(field, value, kind)


def field_label(field: str) -> str:
    # the officer's word only ("Nama", not "Nama (name)"): the stored key is English and
    # means nothing to a secretariat (a budget cell is named by its source and year)
    return labels.field_label(field)


def _value_line(field: str, w: Written, kind: str = "") -> str:
    mark = "*" if w.shown else " "
    shown = f"  [{t('conflicts.shown')}]" if w.shown else ""
    return f"    {mark} {show_value(field, w.value, kind)}  ({w.who}){shown}"


def print_conflict(c: Conflict, lang: str, framework: Framework = DEFAULT_FRAMEWORK) -> None:
    kind = t(f"merge.kind.{c.kind}")
    print(f"{area_label(c.area, lang, framework)} / {kind}: {c.title}  [{c.id[:8]}]")
    for f in c.fields:
        print(f"  {field_label(f.field)}:")
        for w in f.values:
            print(_value_line(f.field, w, c.kind))
    who = ", ".join(sorted({w.who for w in c.deleted_by}))
    if c.parent_deleted:
        print("  " + t("conflicts.programme_deleted", programme=c.parent_title, who=who))
    elif c.delete_vs_edit:
        print("  " + t("conflicts.deleted_by", who=who))
    for f in c.edited_meanwhile:
        for w in f.values:
            print(f"    {field_label(f.field)}: {show_value(f.field, w.value, c.kind)}  ({w.who})")
    if c.dependents:
        print("  " + say_dependents("conflicts.dependents", c.dependents))


@report_file
def run(args: argparse.Namespace) -> int:
    with PlanStore.open(args.plan, readonly=True) as store:
        found = list_conflicts(store)
        framework = store.plan().framework
    if args.json:
        print_json({"plan": str(args.plan), "conflicts": [c.to_json() for c in found]})
        return 1 if found else 0
    if not found:
        print(t("conflicts.none", plan=args.plan))
        return 0
    lang = get_language()
    for i, c in enumerate(found):
        if i:
            print()
        print_conflict(c, lang, framework)
    print()
    print(t("conflicts.summary", n=len(found)))
    return 1
