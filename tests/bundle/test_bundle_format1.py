"""Bundles of format 1 (written before budgets per source) are read by this app and upgraded
as a plan file of that time is: old amounts in "belum dirinci per sumber" with their dots,
targets as records with the same ids an upgraded plan file gives them; a format-1 bundle
with a budget of the wrong type is refused as format 1 refused it; and merging an old
bundle into a plan that went on in the new app keeps both sides' work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import spec_writer
from smartcity_tui.bundle import BundleError, read_bundle
from smartcity_tui.bundle.merge import apply
from smartcity_tui.model.legacy import target_id
from smartcity_tui.store import PlanStore

OLD = "0ld0replica00001"
NEW = "5e1f0e1f0e1f0001"
PLAN_ID = "9b0b8a52-3d0e-4c5b-9a51-0d1f2e3a4b5c"
PROG_ID = "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"


def _records(budget, targets, counter: int = 5) -> list[dict]:
    d = lambda c: [OLD, c]  # noqa: E731
    return [
        {"id": PLAN_ID, "kind": "plan", "vv": {OLD: counter},
         "f": {"region": [{"d": d(1), "v": "Wonosari Raya"}], "start_year": [{"d": d(1), "v": 2025}],
               "end_year": [{"d": d(1), "v": 2029}], "missions": [{"d": d(1), "v": ["Tata kelola terbuka"]}],
               "targets": [{"d": d(counter), "v": targets}]}},
        {"id": PROG_ID, "kind": "programme", "vv": {OLD: counter},
         "f": {"name": [{"d": d(2), "v": "Wifi desa"}], "pillar": [{"d": d(2), "v": "society"}],
               "funding_sources": [{"d": d(2), "v": ["apbd", "csr"]}],
               "budget": [{"d": d(counter), "v": budget}]}},
    ]


def _old_bundle(folder: Path, records: list[dict]) -> Path:
    facts = {"format": "smartcity-tui-bundle", "format_version": 1, "app_version": "0.1.0", "plan_id": PLAN_ID,
             "replica_id": OLD, "team": "Pokja Lama", "exported_at": "2026-11-16T10:00:00+07:00",
             "language": "id", "teams": {OLD: "Pokja Lama"}}
    files = spec_writer.write_bundle(facts, records, None)
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


def _plan_file_of(path: Path, records: list[dict]) -> Path:
    data = {"_meta": {"1": {"format": "smartcity-tui plan", "schema": 2, "plan_id": PLAN_ID, "team": "Sekretariat",
                            "replica": {"id": OLD, "path": "", "machine": ""}, "counter": 5,
                            "created": "2025-01-10T09:00:00+07:00", "saved_at": "2025-01-10T10:00:00+07:00"}},
            "records": {str(i): r for i, r in enumerate(records, 1)}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_format_1_bundle_is_upgraded_as_a_plan_file_of_its_time(tmp_path):
    records = _records({"2025": 900_000_000, "2026": 450_000_000}, ["Indeks SPBE 3,5", "Kemiskinan 8,5%"])
    bundle = read_bundle(_old_bundle(tmp_path / "bundle", records))
    states = {s.id: s for s in bundle.states}
    prog = states[PROG_ID]
    assert "budget" not in prog.fields
    assert [(s.dot, s.value) for s in prog.fields["budget_unspecified_2025"]] == [((OLD, 5), 900_000_000)]
    assert "targets" not in states[PLAN_ID].fields
    assert states[target_id(PLAN_ID, 1)].value("text") == "Kemiskinan 8,5%"
    with PlanStore.open(_plan_file_of(tmp_path / "plan.json", records), readonly=True) as store:
        assert {s.id: s.to_dict() for s in store.states()} == {s.id: s.to_dict() for s in bundle.states}


def test_a_format_1_budget_of_the_wrong_type_is_refused_as_format_1_refused_it(tmp_path):
    folder = _old_bundle(tmp_path / "bundle", _records({"2025": "banyak"}, []))
    with pytest.raises(BundleError) as err:
        read_bundle(folder)
    e = err.value
    assert (e.key, e.file) == ("wrong_type", "pillars/society.toml") and e.line
    assert "budget" in e.message("id") and "bilangan bulat" in e.message("id")
    with pytest.raises(BundleError) as err:
        read_bundle(_old_bundle(tmp_path / "b2", _records({"1800": 5}, [])))
    assert err.value.key == "bad_year"


def test_an_old_bundle_merges_into_a_plan_that_went_on_in_the_new_app(tmp_path):
    """The secretariat upgraded first and split the 2025 budget; a group still on the old app
    raised the 2026 amount and added a target. The old app rewrote its whole table, so its
    2025 amount is a fresh write of that cell: a conflict with the split, kept for a person
    (never silently counted twice). 2026 takes the group's amount, and the target is added."""
    base = _records({"2025": 900_000_000, "2026": 450_000_000}, ["Indeks SPBE 3,5"])
    path = _plan_file_of(tmp_path / "plan.json", base)
    with PlanStore.open(path) as store:
        prog = store.plan().get(PROG_ID)
        store.save(prog.replace(budget_by_source={"apbd": {2025: 600_000_000}, "csr": {2025: 300_000_000},
                                                  "unspecified": {2026: 450_000_000}}))
    theirs = _records({"2025": 900_000_000, "2026": 500_000_000}, ["Indeks SPBE 3,5", "Desa terhubung 100%"],
                      counter=6)
    bundle = _old_bundle(tmp_path / "bundle", theirs)
    with PlanStore.open(path) as store:
        apply(store, [read_bundle(bundle)])
        prog = store.plan().get(PROG_ID)
        assert prog.budget_by_source["apbd"] == {2025: 600_000_000} and prog.budget_by_source["csr"] == {2025: 300_000_000}
        assert prog.budget_by_source["unspecified"][2026] == 500_000_000
        state = store.state(PROG_ID)
        assert set(state.field_conflicts()) == {"budget_unspecified_2025"}
        assert sorted(str(s.value) for s in state.fields["budget_unspecified_2025"]) == ["900000000", "None"]
        assert [t.text for t in store.plan().targets] == ["Indeks SPBE 3,5", "Desa terhubung 100%"]
