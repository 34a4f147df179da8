"""One good bundle (folder and zip) exported once; corpus tests copy and break it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bundle_helpers import export, make_plan, states_dicts


@pytest.fixture(scope="session")
def good(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("good")
    with make_plan(tmp / "plan.json") as store:
        folder = export(store, tmp / "dir").path
        packed = export(store, tmp / "zip", zip=True).path
        return SimpleNamespace(folder=folder, zip=packed, states=states_dicts(store.states()),
                               plan_id=store.plan_id)
