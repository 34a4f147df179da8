"""A secretariat round on the sample plan, for the merge-trust tests: laptops (copies of the
sample, each with its working group's name), bundles exported from them, merged into the
secretariat's copy, as the export and merge commands do."""

from __future__ import annotations

import shutil
from pathlib import Path

from exchange_support import SAMPLE_PLAN
from ui_support import fixed_clock

from smartcity_tui.bundle import ExportOptions, export_bundle, read_bundle
from smartcity_tui.bundle.merge import apply
from smartcity_tui.store import PlanStore


def laptop(folder: Path, team: str = "") -> Path:
    """A copy of the sample plan on a laptop; `team`: the group names itself (i, enter)."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "rencana.json"
    shutil.copyfile(SAMPLE_PLAN, plan)
    if team:
        with PlanStore.open(plan, clock=fixed_clock) as store:
            store.set_team(team)
    return plan


def export(plan: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with PlanStore.open(plan, clock=fixed_clock) as store:
        return export_bundle(store, ExportOptions(out_dir=out), clock=fixed_clock).path


def merge(plan: Path, bundles: list[Path]) -> None:
    with PlanStore.open(plan, clock=fixed_clock) as store:
        apply(store, [read_bundle(b) for b in bundles])


def programme(store: PlanStore, code: str):
    return next(p for p in store.plan().programmes if p.code == code)
