"""smartcity-tui reframe PLAN --to ID --map MAP.toml [--yes]: move a plan to another framework.

A preview first: every record the map moves (from which dimension and element to which) and
every record it does not place. Then the question; `--yes` applies without asking (CI has no
terminal), and without a terminal and without `--yes` the preview is all: nothing changes and
the last line says how to apply. The moves, and the plan's framework, are saved as one write
(one undo step) of ordinary field changes, so the groups' copies merge with the moved plan.
Records the map does not place keep their dimension and are listed, here and by validation.
(model/reframe.py has the rules; docs/frameworks.md the map's form.)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import get_language, t
from ..model import framework as frameworks
from ..model.framework import Framework
from ..model.records import NarrativeSection, Record
from ..model.reframe import FrameMap, MapError, Reframe, plan_moves, read_map
from ..store import PlanStore
from .common import CommandError, Subcommands, plan_path

NAME = "reframe"
SHOWN_TEXT = 50  # characters of a record's text in the preview


def add_parser(sub: Subcommands) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help=t("reframe.help"), description=t("reframe.help"))
    p.add_argument("plan", type=plan_path, metavar="PLAN", help=t("cli.plan_arg"))
    p.add_argument("--to", required=True, metavar="ID", help=t("reframe.to_help"))
    p.add_argument("--map", required=True, type=Path, metavar="MAP.toml", help=t("reframe.map_help"))
    p.add_argument("--yes", action="store_true", help=t("reframe.yes_help"))
    return p


def _target(framework_id: str) -> Framework:
    found, problems = frameworks.known()
    match = next((f for f in found if f.id == framework_id), None)
    if match is None:
        lines = [t("cli.framework_unknown", id=framework_id, known=", ".join(f.id for f in found),
                   folder=frameworks.region_folder())]
        raise CommandError("\n".join(lines + [p.text() for p in problems]))
    for said in frameworks.shadowing(match, problems):
        print(said, file=sys.stderr)
    return match


def _read_map(path: Path, target: Framework) -> FrameMap:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CommandError(t("reframe.map_unreadable", path=path, reason=e.strerror or str(e))) from None
    try:
        return read_map(data, str(path), target)
    except MapError as e:
        raise CommandError(e.text()) from None


def _title(record: Record) -> str:
    text = getattr(record, "name", "") or getattr(record, "text", "") or record.id[:8]
    text = " ".join(str(text).split())
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"


def _where(fw: Framework, dimension: str, element: str, lang: str) -> str:
    dim = fw.get(dimension)
    name = dim.label(lang) if dim else dimension
    el = dim.element(element) if dim and element else None
    return f"{name} / {el.label(lang)}" if el else f"{name} / {element}" if element else name


def _kind(record: Record) -> str:
    if isinstance(record, NarrativeSection):
        return t("reframe.kind_narrative")
    return t(f"merge.kind.{record.KIND}")


def print_preview(r: Reframe, plan: Path) -> None:
    lang = get_language()
    print(t("reframe.preview", plan=plan, source=f"{r.source.id} {r.source.version}",
            target=f"{r.target.id} {r.target.version}", moves=len(r.moves), unplaced=len(r.unplaced),
            count=len(r.moves)))
    for m in r.moves:
        print(f"  {_kind(m.record)}: {_title(m.record)}  {_where(r.source, *m.before, lang)} -> "
              f"{_where(r.target, *m.after, lang)}")
    if r.unplaced:
        print(t("reframe.unplaced_head", n=len(r.unplaced)))
        for rec in r.unplaced:
            print(f"  {_kind(rec)}: {_title(rec)}  ({getattr(rec, 'pillar', '')})")


def _ask() -> bool:
    try:
        answer = input(t("reframe.ask") + " ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "ya", "yes")


def run(args: argparse.Namespace) -> int:
    target = _target(args.to)
    fmap = _read_map(args.map, target)
    asking = not args.yes and sys.stdin.isatty()
    with PlanStore.open(args.plan, readonly=not (args.yes or asking)) as store:
        plan = store.plan()
        if fmap.source and fmap.source not in (plan.framework.id, target.id):
            raise CommandError(t("reframe.map_for_other", map=args.map, source=fmap.source,
                                 framework=plan.framework.id))
        result = plan_moves(plan, target, fmap)
        same_framework = plan.framework.ref == target.ref
        print_preview(result, args.plan)
        if not result.moves and same_framework:
            print(t("reframe.nothing", plan=args.plan))
            return 0
        # saving a record settles its open conflicts with the value shown (store/editing.py):
        # a move must not decide for a person, so conflicts are settled first
        in_conflict = [m.record for m in result.moves if m.record.id in plan.conflict_ids]
        if plan.id in plan.conflict_ids or in_conflict:
            raise CommandError(t("reframe.conflicts", n=len(in_conflict) + (plan.id in plan.conflict_ids),
                                 plan=args.plan))
        if not args.yes and not asking:
            print(t("reframe.preview_only", plan=args.plan, to=args.to, map=args.map))
            return 0
        if asking and not _ask():
            print(t("reframe.not_applied", plan=args.plan))
            return 0
        fid, version = frameworks.stored_ref(target)
        info = plan.info.replace(framework=fid, framework_version=version)
        store.save_many([*result.records(), info], label="reframe")
        print(t("reframe.applied", plan=args.plan, n=len(result.moves), target=target.label()))
        if result.unplaced:
            print(t("reframe.unplaced_after", n=len(result.unplaced)))
    return 0
