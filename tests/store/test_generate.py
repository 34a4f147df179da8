"""benchmarks/generate.py: the large plan the benchmark uses is a believable, valid plan with
the documented mix, written in one durable write; also runnable as a script."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from smartcity_tui.model import errors, validate
from smartcity_tui.model.vocab import PILLAR_KEYS
from smartcity_tui.store import PlanStore

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_large_plan_has_the_mix_over_six_pillars_and_no_error(generate, tmp_path):
    path = generate.build_large_plan(tmp_path / "big.json", n_records=600, seed=3)
    with PlanStore.open(path, readonly=True) as store:
        plan = store.plan()
        kinds = Counter(r.KIND for r in plan.records.values())
        assert sum(kinds.values()) == 600
        assert kinds == {"swot": 240, "strategy": 60, "programme": 90, "indicator": 120, "milestone": 90}
        for key in PILLAR_KEYS:
            counts = plan.pillar_counts(key)
            assert min(counts["swot"].values()) > 0 and counts["strategies"] and counts["quick_wins"]
        assert errors(validate(plan)) == []
        assert store.file_writes == 0
        assert any(" di Kecamatan " in s.text for s in plan.swot)


def test_same_seed_same_plan_other_seed_another(generate):
    (ia, a), (ib, b) = generate.plan_records(200, seed=7), generate.plan_records(200, seed=7)
    assert ia == ib and a == b
    assert generate.plan_records(200, seed=8)[1] != a


def test_script_writes_a_plan_and_refuses_to_overwrite(generate, tmp_path, capsys):
    out = tmp_path / "p.json"
    assert generate.main([str(out), "--records", "50"]) == 0
    with PlanStore.open(out, readonly=True) as store:
        assert len(store.plan().records) == 50
    before = out.read_bytes()
    assert generate.main([str(out), "--records", "50"]) == 2
    assert str(out) in capsys.readouterr().err
    assert out.read_bytes() == before
