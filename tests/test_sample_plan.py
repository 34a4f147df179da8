"""The shipped sample plan: what the script makes, complete, and valid."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from smartcity_tui.model import errors, validate
from smartcity_tui.model.vocab import PILLAR_KEYS, QUADRANTS, READINESS_ASPECTS
from smartcity_tui.store import PlanStore

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "plan.json"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_sample_plan", ROOT / "scripts" / "make_sample_plan.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_sample_is_what_the_script_makes(tmp_path):
    out = _load_script().build_sample_plan(tmp_path / "plan.json")
    assert out.read_bytes() == SAMPLE.read_bytes(), (
        "sample_data/plan.json differs from scripts/make_sample_plan.py output; "
        "run `python scripts/make_sample_plan.py` and commit the result"
    )


@pytest.fixture(scope="module")
def plan():
    with PlanStore.open(SAMPLE, readonly=True) as store:
        yield store.plan()


def test_sample_has_no_validation_error(plan):
    assert [f.message("en") for f in errors(validate(plan))] == []


@pytest.mark.parametrize("pillar", PILLAR_KEYS)
def test_every_pillar_is_complete(plan, pillar):
    swot = plan.swot_for(pillar)
    assert len(swot) >= 8
    assert {s.quadrant for s in swot} == set(QUADRANTS.keys)
    assert len(plan.strategies_for(pillar)) >= 3
    progs = plan.programmes_for(pillar)
    assert len(progs) >= 4
    assert any(p.quick_win for p in progs)
    for p in progs:
        assert plan.indicators_of(p.id), p.name
        assert plan.milestones_of(p.id), p.name
    years = {m.year for p in progs for m in plan.milestones_of(p.id)}
    assert len(years) >= 3, f"{pillar} milestones are not spread over the period: {sorted(years)}"


def test_milestones_cover_the_whole_period(plan):
    assert {m.year for m in plan.milestones} == set(plan.info.years)


def test_readiness_covers_every_aspect(plan):
    assert {r.aspect for r in plan.readiness} == set(READINESS_ASPECTS.keys)
    assert all(r.description and r.gap for r in plan.readiness)


def test_sample_copies_take_their_own_replica(tmp_path):
    # Two groups opening copies of the sample must never write as the same replica.
    ids = []
    for name in ("a", "b"):
        copy = tmp_path / name / "plan.json"
        copy.parent.mkdir()
        copy.write_bytes(SAMPLE.read_bytes())
        with PlanStore.open(copy) as store:
            store.set_info(vision="Visi baru")
            ids.append(store.replica_id)
    assert ids[0] != ids[1]
    with PlanStore.open(SAMPLE, readonly=True) as original:
        assert original.replica_id not in ids
