"""Budgets and targets written before they were held per source and as records, brought to
today's shape: old amounts land in "belum dirinci per sumber" with the dot they had, targets
become records with ids every laptop derives alike, nothing else moves, and upgrading
commutes with merging (so an old bundle read by the new app and an old merge upgraded meet
in the same plan)."""

from __future__ import annotations

import copy

from hypothesis import given, settings, strategies as st
from tiers import examples

from smartcity_tui.model.legacy import target_id, upgrade_records
from smartcity_tui.model.records import PlanTarget, Programme
from smartcity_tui.model.revision import RecordState, merge_states

R1, R2 = "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"
PLAN_ID = "13712e8b-a37d-430e-846f-76170880e728"


def programme(budget_siblings, vv=None, **others):
    f = {"name": [{"d": [R1, 1], "v": "Wifi desa"}], "budget": budget_siblings,
         "funding_sources": [{"d": [R1, 1], "v": ["apbd", "csr"]}]}
    f.update(others)
    return {"id": "p1", "kind": "programme", "vv": vv or {R1: 5}, "f": f}


def plan(target_siblings, vv=None):
    return {"id": PLAN_ID, "kind": "plan", "vv": vv or {R1: 4},
            "f": {"region": [{"d": [R1, 1], "v": "Wonosari Raya"}], "targets": target_siblings,
                  "missions": [{"d": [R1, 1], "v": ["Misi satu"]}]}}


def test_an_old_budget_lands_in_not_split_with_its_dot_and_nothing_else_moves():
    old = programme([{"d": [R1, 3], "v": {"2025": 350_000_000, "2026": 90_000_000}}])
    [new] = upgrade_records([old])
    assert "budget" not in new["f"]
    assert new["f"]["budget_unspecified_2025"] == [{"d": [R1, 3], "v": 350_000_000}]
    assert new["f"]["budget_unspecified_2026"] == [{"d": [R1, 3], "v": 90_000_000}]
    assert new["vv"] == old["vv"]
    others = {k: v for k, v in new["f"].items() if not k.startswith("budget")}
    assert others == {k: v for k, v in old["f"].items() if k != "budget"}
    p = Programme.from_fields("p1", RecordState.from_dict(new).values())
    assert p.budget_by_source == {"unspecified": {2025: 350_000_000, 2026: 90_000_000}}
    assert p.funding_sources == ["apbd", "csr"]  # listed, but no amount is put under any of them


def test_an_empty_or_cleared_budget_gives_no_cell():
    for sibs in ([{"d": [R1, 3], "v": {}}], [{"d": [R1, 3]}]):
        [new] = upgrade_records([programme(sibs)])
        assert not [k for k in new["f"] if k.startswith("budget")]


def test_a_budget_conflict_stays_a_conflict_where_both_named_a_year():
    old = programme([{"d": [R1, 3], "v": {"2025": 100, "2026": 200}}, {"d": [R2, 2], "v": {"2025": 150}}],
                    vv={R1: 5, R2: 2})
    [new] = upgrade_records([old])
    state = RecordState.from_dict(new)
    assert set(state.field_conflicts()) == {"budget_unspecified_2025"}
    assert [s.value for s in state.fields["budget_unspecified_2026"]] == [200]


def test_old_targets_become_records_with_derived_ids_and_the_old_dot():
    old = plan([{"d": [R1, 2], "v": ["Indeks SPBE 3,5 pada 2029", "Kemiskinan 8,5%"]}])
    new_plan, *targets = upgrade_records([old])
    assert "targets" not in new_plan["f"] and new_plan["f"]["missions"] == old["f"]["missions"]
    assert [t["id"] for t in targets] == [target_id(PLAN_ID, 0), target_id(PLAN_ID, 1)]
    assert target_id(PLAN_ID.upper(), 0) == targets[0]["id"]  # the same id whatever the case of the plan id
    first = PlanTarget.from_fields(targets[0]["id"], RecordState.from_dict(targets[0]).values())
    assert (first.text, first.order) == ("Indeks SPBE 3,5 pada 2029", 1)
    assert targets[1]["f"]["text"] == [{"d": [R1, 2], "v": "Kemiskinan 8,5%"}]
    assert all(t["vv"] == {R1: 4} for t in targets)


def test_upgrading_twice_changes_nothing_more():
    once = upgrade_records([programme([{"d": [R1, 3], "v": {"2025": 1}}]), plan([{"d": [R1, 2], "v": ["a"]}])])
    assert upgrade_records(copy.deepcopy(once)) == once


# --- upgrading commutes with merging -----------------------------------------------------

YEAR_TABLES = st.dictionaries(st.sampled_from(["2025", "2026", "2027"]), st.integers(0, 5), max_size=3)
LISTS = st.lists(st.sampled_from(["a", "b", "c"]), max_size=3)


def _states(records):
    return {r["id"]: RecordState.from_dict(r) for r in records}


def _merged(a: dict, b: dict) -> dict:
    out = dict(a)
    for rid, s in b.items():
        out[rid] = merge_states(out[rid], s) if rid in out else s
    return {rid: s.to_dict() for rid, s in sorted(out.items())}


@settings(max_examples=examples(200), deadline=None)
@given(base=YEAR_TABLES, a=YEAR_TABLES | st.none(), b=YEAR_TABLES | st.none(),
       base_list=LISTS, la=LISTS | st.none(), lb=LISTS | st.none())
def test_upgrade_then_merge_is_merge_then_upgrade(base, a, b, base_list, la, lb):
    """Two laptops start from one old plan (R1 wrote budget and targets) and each may write
    them again (R1 again, R2) before anyone upgrades."""
    def laptop(replica, counter, table, lst):
        prog = programme([{"d": [R1, 3], "v": base}], vv={R1: 5})
        pl = plan([{"d": [R1, 2], "v": base_list}], vv={R1: 4})
        if table is not None:
            prog["f"]["budget"] = [{"d": [replica, counter], "v": table}]
            prog["vv"] = {**prog["vv"], replica: counter}
        if lst is not None:
            pl["f"]["targets"] = [{"d": [replica, counter], "v": lst}]
            pl["vv"] = {**pl["vv"], replica: counter}
        return [prog, pl]

    one, two = laptop(R1, 9, a, la), laptop(R2, 7, b, lb)
    merge_then_upgrade = {r["id"]: r for r in upgrade_records(_merged(_states(one), _states(two)).values())}
    upgrade_then_merge = _merged(_states(upgrade_records(one)), _states(upgrade_records(two)))
    norm = {rid: RecordState.from_dict(r).to_dict() for rid, r in merge_then_upgrade.items()}
    # Version vectors aside, every field of every record is the same; except that a list an
    # old app shortened cannot delete the records a longer list became on another laptop
    # (nobody can know how long another copy's list was): those lines come back, none is lost.
    extra = set(upgrade_then_merge) - set(norm)
    assert set(norm) <= set(upgrade_then_merge)
    assert {rid: r["f"] for rid, r in norm.items()} == {rid: upgrade_then_merge[rid]["f"] for rid in norm}
    assert all(upgrade_then_merge[rid]["kind"] == "target" for rid in extra)
    if len(base_list if la is None else la) == len(base_list if lb is None else lb):
        assert not extra  # no list was shortened against the other: exactly the same plan
