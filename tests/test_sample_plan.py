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


def test_sample_warns_of_nothing_either(plan):
    """A sample a reviewer would not send back: not even a warning is left."""
    from smartcity_tui.model import WARNING

    assert [f.message("en") for f in validate(plan) if f.severity == WARNING] == []


def test_money_is_split_by_source_and_the_region_uses_its_real_sources(plan):
    for p in plan.programmes:
        assert p.budget_by_source and "unspecified" not in p.budget_by_source, p.code
        assert set(p.funding_sources) == set(p.budget_by_source), p.code
    used = {s for p in plan.programmes for s in p.budget_by_source}
    assert {"apbd", "apbd_prov", "dak", "dana_desa", "bumd", "csr", "hibah", "private", "community"} <= used
    apbd = sum(sum(p.budget_by_source.get("apbd", {}).values()) for p in plan.programmes)
    total = sum(p.total_budget for p in plan.programmes)
    assert 0.5 < apbd / total < 0.9  # the APBD burden is visible, and not the whole of it


def test_indicators_are_scored_the_way_monev_scores_them(plan):
    for ind in plan.indicators:
        assert ind.kind in ("output", "outcome") and ind.baseline_year and ind.data_source, ind.name
        assert ind.end_target is not None, ind.name
    assert [t.indicator for t in plan.targets if "stunting" in t.text.lower()] == ["Prevalensi stunting balita"]
    stunting = next(p for p in plan.programmes if p.code == "LIV-01")
    assert not any("prevalensi" in i.name.lower() for i in plan.indicators_of(stunting.id))
    assert {i.data_source for i in plan.indicators_of(stunting.id)} >= {"e-PPGBM"}


def test_programmes_name_their_missions_targets_and_what_a_verifier_asks(plan):
    n = len(plan.info.missions)
    for p in plan.programmes:
        assert p.location and p.beneficiaries, p.code
        assert all(1 <= m <= n for m in p.mission_numbers), p.code
    assert sum(1 for p in plan.programmes if p.target_ids) >= 15
    assert sum(1 for p in plan.programmes if p.regulation_needs) >= 10
    done = [m for m in plan.milestones if m.done]
    assert done and all(m.evidence for m in done)
    assert sum(1 for m in plan.milestones if m.agency) >= 10


def test_what_the_review_caught_is_fixed(plan):
    """../shared/reviews/language-and-domain.md, 3.2: each of these would be sent back."""
    by_code = {p.code: p for p in plan.programmes}
    texts = lambda p: " ".join([p.name, p.description, *(m.title for m in plan.milestones_of(p.id))])  # noqa: E731
    soc2 = by_code["SOC-02"]
    assert soc2.lead_agency == "Dinas Pendidikan"
    # towers are the operators' and BAKTI's: Diskominfo only proposes them, the schools get connected
    assert [m.agency for m in plan.milestones_of(soc2.id) if "BTS" in m.title + m.deliverable] == ["Diskominfo"]
    eco4 = by_code["ECO-04"]
    assert (eco4.lead_agency, "kpbu" in eco4.funding_sources, "dak" in eco4.funding_sources) == (
        "Dinas Perdagangan", False, True)
    assert [p.code for p in plan.programmes if "112" in texts(p) and p.lead_agency != "RSUD"] == ["SOC-04"]
    assert by_code["SOC-04"].lead_agency == "Diskominfo"
    assert not any("denda" in m.title.lower() for m in plan.milestones)
    for code, follow_on in (("SOC-01", "SOC-05"), ("GOV-01", "GOV-05")):
        assert by_code[code].quick_win and by_code[follow_on].start_year == by_code[code].end_year + 1
    assert not any(p.horizon == "long" for p in plan.programmes)  # no 10-year programme in 5 years
