"""The sample plan, exported once per session; tests copy the plan and the workbook."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest

from sheet_helpers import sample_copy

from smartcity_tui.sheets import export_sheets
from smartcity_tui.store import PlanStore


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("exported")
    plan = sample_copy(tmp)
    with PlanStore.open(plan, readonly=True) as store:
        export_sheets(store.plan(), tmp / "rencana.xlsx", "id")
        export_sheets(store.plan(), tmp / "csv", "id")
        export_sheets(store.plan(), tmp / "plan-en.xlsx", "en")
    return SimpleNamespace(plan=plan, xlsx=tmp / "rencana.xlsx", csv=tmp / "csv", en=tmp / "plan-en.xlsx")


@pytest.fixture
def work(tmp_path, exported):
    """A fresh copy of the sample plan and of its exported workbook."""
    plan = sample_copy(tmp_path)
    xlsx = tmp_path / "rencana.xlsx"
    shutil.copyfile(exported.xlsx, xlsx)
    return SimpleNamespace(plan=plan, xlsx=xlsx, tmp=tmp_path, exported=exported)
