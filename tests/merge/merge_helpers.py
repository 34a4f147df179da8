"""Helpers for merge tests: copies of one plan on several "laptops" (files in tmp), and
stand-in bundles made straight from a store's states (what a bundle carries)."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from smartcity_tui.store import PlanStore


def as_bundle(store: PlanStore, name: str = "") -> SimpleNamespace:
    return SimpleNamespace(path=name or store.path.name, plan_id=store.plan_id,
                           replica_id=store.replica_id, team=store.team, states=store.states())


def copy_plan(src: Path, dst: Path, team: str) -> PlanStore:
    """A copy of a plan file, as handed over on a flash drive: it takes a fresh replica id
    on its first write, and the team named here."""
    shutil.copyfile(src, dst)
    store = PlanStore.open(dst, durable=False)
    store.set_team(team)
    return store
