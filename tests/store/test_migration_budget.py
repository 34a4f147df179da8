"""Plan files of every older schema open in the app of budgets per source: each programme's
old yearly amounts land in "belum dirinci per sumber" with the dot they had, the plan's list
of targets becomes target records, nothing else moves, reading never rewrites the file, and
two laptops upgrading the same file get the same plan to the byte."""

from __future__ import annotations

import json

import pytest

from smartcity_tui.model.legacy import target_id
from smartcity_tui.store import PlanStore
from smartcity_tui.store.schema import SCHEMA_VERSION

OLD = "0ld0replica00001"
PLAN_ID = "9b0b8a52-3d0e-4c5b-9a51-0d1f2e3a4b5c"
PROG_ID = "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b"
SWOT_ID = "1e2d3c4b-5a69-4788-9aab-bccddeeff001"


def _old_file(path, schema: int) -> bytes:
    """A plan as the app wrote it before budgets per source (schema 1 without a replica home)."""
    replica = {"id": OLD} if schema == 1 else {"id": OLD, "path": "", "machine": ""}
    d = lambda c: [OLD, c]  # noqa: E731
    data = {
        "_meta": {"1": {"format": "smartcity-tui plan", "schema": schema, "plan_id": PLAN_ID, "team": "Pokja Lama",
                        "replica": replica, "counter": 6, "created": "2025-01-10T09:00:00+07:00",
                        "saved_at": "2025-01-10T10:00:00+07:00"}},
        "records": {
            "1": {"id": PLAN_ID, "kind": "plan", "vv": {OLD: 2},
                  "f": {"region": [{"d": d(1), "v": "Wonosari Raya"}], "start_year": [{"d": d(1), "v": 2025}],
                        "end_year": [{"d": d(1), "v": 2029}], "missions": [{"d": d(1), "v": ["Tata kelola terbuka"]}],
                        "targets": [{"d": d(2), "v": ["Indeks SPBE 3,5 pada 2029", "Kemiskinan 8,5% pada 2029"]}]}},
            "2": {"id": PROG_ID, "kind": "programme", "vv": {OLD: 5},
                  "f": {"name": [{"d": d(3), "v": "Wifi desa"}], "pillar": [{"d": d(3), "v": "society"}],
                        "start_year": [{"d": d(3), "v": 2025}], "end_year": [{"d": d(3), "v": 2026}],
                        "funding_sources": [{"d": d(3), "v": ["apbd", "csr"]}],
                        "budget": [{"d": d(5), "v": {"2025": 900000000, "2026": 450000000}}],
                        "progress": [{"d": d(4), "v": 35}]}},
            "3": {"id": SWOT_ID, "kind": "swot", "vv": {OLD: 6},
                  "f": {"pillar": [{"d": d(6), "v": "society"}], "quadrant": [{"d": d(6), "v": "S"}],
                        "text": [{"d": d(6), "v": "Wifi di 186 balai desa"}]}},
        },
    }
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    return raw


@pytest.mark.parametrize("schema", [1, 2])
def test_old_budgets_land_in_not_split_and_nothing_else_moves(tmp_path, schema):
    path = tmp_path / "rencana.json"
    raw = _old_file(path, schema)
    with PlanStore.open(path) as store:
        prog = store.plan().get(PROG_ID)
        assert prog.budget_by_source == {"unspecified": {2025: 900_000_000, 2026: 450_000_000}}
        assert prog.funding_sources == ["apbd", "csr"]  # listed as before; no amount put under them
        assert (prog.name, prog.progress, prog.total_budget) == ("Wifi desa", 35, 1_350_000_000)
        state = store.state(PROG_ID)
        assert "budget" not in state.fields
        assert [s.dot for s in state.fields["budget_unspecified_2025"]] == [(OLD, 5)]
        assert [s.dot for s in state.fields["progress"]] == [(OLD, 4)]
        assert state.vv == {OLD: 5}
        assert store.state(SWOT_ID).to_dict()["f"]["text"] == [{"d": [OLD, 6], "v": "Wifi di 186 balai desa"}]
    assert path.read_bytes() == raw  # opening and reading never rewrite the file


@pytest.mark.parametrize("schema", [1, 2])
def test_old_targets_become_records_in_their_order(tmp_path, schema):
    path = tmp_path / "rencana.json"
    _old_file(path, schema)
    with PlanStore.open(path, readonly=True) as store:
        plan = store.plan()
        assert [t.text for t in plan.targets] == ["Indeks SPBE 3,5 pada 2029", "Kemiskinan 8,5% pada 2029"]
        assert [t.id for t in plan.targets] == [target_id(PLAN_ID, 0), target_id(PLAN_ID, 1)]
        assert plan.info.missions == ["Tata kelola terbuka"]
        assert "targets" not in store.state(PLAN_ID).fields
        assert {s.dot for t in plan.targets for sibs in store.state(t.id).fields.values() for s in sibs} == {(OLD, 2)}


def test_the_first_write_stores_the_new_schema_and_two_laptops_upgrade_alike(tmp_path):
    copies = []
    for laptop in ("a", "b"):
        path = tmp_path / laptop / "rencana.json"
        path.parent.mkdir()
        _old_file(path, 2)
        with PlanStore.open(path) as store:
            store.update(SWOT_ID, text=f"Wifi di 186 balai desa ({laptop})")
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION
        copies.append({r["id"]: r for r in data["records"].values() if r["id"] != SWOT_ID})
    assert copies[0] == copies[1]  # the same records, to the value and the dot
    assert len(copies[0]) == 4  # the plan, the programme, two targets


def test_a_cell_edited_after_the_upgrade_writes_that_cell_only(tmp_path):
    path = tmp_path / "rencana.json"
    _old_file(path, 2)
    with PlanStore.open(path) as store:
        prog = store.plan().get(PROG_ID)
        store.save(prog)  # (the fields this old record never stored take their defaults first)
        split = {"apbd": {2025: 600_000_000}, "csr": {2025: 300_000_000}, "unspecified": {2026: 450_000_000}}
        store.save(prog.replace(budget_by_source=split))
        state = store.state(PROG_ID)
        last = max(s.dot[1] for sibs in state.fields.values() for s in sibs if s.dot[0] != OLD)
        new = {n for n, sibs in state.fields.items() if sibs[0].dot[0] != OLD and sibs[0].dot[1] == last}
        assert new == {"budget_apbd_2025", "budget_csr_2025", "budget_unspecified_2025"}
        assert state.fields["budget_unspecified_2025"][0].value is None  # cleared, with a dot of its own
        assert state.fields["budget_unspecified_2026"][0].dot == (OLD, 5)  # untouched
