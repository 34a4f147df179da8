"""Fixtures for merge tests: copies of one plan on several "laptops" (files in tmp)."""

from __future__ import annotations

from pathlib import Path

import pytest

from merge_helpers import copy_plan
from smartcity_tui.model.records import PlanInfo, Programme
from smartcity_tui.store import PlanStore


@pytest.fixture
def base_plan(tmp_path: Path) -> tuple[Path, str]:
    """A plan with one programme (in Smart Economy); returns (path, programme id)."""
    path = tmp_path / "secretariat.json"
    info = PlanInfo(region="Contoh", start_year=2025, end_year=2029, vision="Contoh cerdas")
    with PlanStore.create(path, info, team="Sekretariat", durable=False) as store:
        prog = store.add(Programme(code="3.001", name="Pasar Rakyat Digital", pillar="economy",
                                   element="industry", lead_agency="Dinas Koperasi",
                                   start_year=2025, end_year=2026, budget_by_source={"apbd": {2025: 100}}))
    return path, prog.id


@pytest.fixture
def laptops(tmp_path: Path, base_plan):
    """The secretariat's plan open, and copies for three groups (A, B, C), all open."""
    path, _ = base_plan
    sec = PlanStore.open(path, durable=False)
    groups = [copy_plan(path, tmp_path / f"group_{g}.json", f"Pokja {g}") for g in "ABC"]
    yield sec, groups
    for s in [sec, *groups]:
        s.close()
