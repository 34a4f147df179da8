"""Plan-level merge, end to end through plan files: what the secretariat sees after merging
the groups' drafts (bundle/merge.py, bundle/merge_conflicts.py)."""

from __future__ import annotations

import pytest

from smartcity_tui.bundle.merge import MergeError, apply, canonical, merge_sets, preview
from smartcity_tui.bundle.merge_conflicts import list_conflicts
from smartcity_tui.model.records import PlanInfo, Programme, SwotItem
from smartcity_tui.store import PlanStore

from merge_helpers import as_bundle, copy_plan


def test_new_records_and_one_sided_edits_arrive_without_conflict(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    item = a.add(SwotItem(pillar="living", quadrant="W", text="Puskesmas belum terhubung"))
    b.update(prog_id, lead_agency="Diskominfo")
    report = apply(sec, [as_bundle(a), as_bundle(b)])
    assert sec.get(item.id).text == "Puskesmas belum terhubung"
    assert sec.get(prog_id).lead_agency == "Diskominfo"
    assert report.areas["living"].added == 1
    assert report.areas["economy"].updated == 1
    assert report.total("conflicts_total") == 0 and list_conflicts(sec) == []


def test_edits_to_different_fields_of_one_programme_combine(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    a.update(prog_id, name="Pasar Rakyat Daring")
    b.update(prog_id, budget_by_source={"apbd": {2025: 250}})
    apply(sec, [as_bundle(a), as_bundle(b)])
    prog = sec.get(prog_id)
    assert (prog.name, prog.budget) == ("Pasar Rakyat Daring", {2025: 250})
    assert sec.conflicts() == []


def test_same_field_edited_twice_is_a_conflict_that_keeps_both_values(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    a.update(prog_id, lead_agency="Bappeda")
    b.update(prog_id, lead_agency="Diskominfo")
    report = apply(sec, [as_bundle(a), as_bundle(b)])
    assert report.areas["economy"].conflicts_new == 1
    [conflict] = list_conflicts(sec)
    assert (conflict.kind, conflict.area, conflict.title) == ("programme", "economy", "3.001 Pasar Rakyat Digital")
    [fc] = conflict.fields
    assert fc.field == "lead_agency"
    assert {(w.value, w.team) for w in fc.values} == {("Bappeda", "Pokja A"), ("Diskominfo", "Pokja B")}
    shown = [w.value for w in fc.values if w.shown]
    assert shown == [sec.get(prog_id).lead_agency]


def test_the_shown_value_does_not_depend_on_merge_order(tmp_path, base_plan):
    path, prog_id = base_plan
    a = copy_plan(path, tmp_path / "a.json", "Pokja A")
    b = copy_plan(path, tmp_path / "b.json", "Pokja B")
    a.update(prog_id, name="Nama A")
    b.update(prog_id, name="Nama B")
    one = copy_plan(path, tmp_path / "one.json", "Sekretariat 1")
    two = copy_plan(path, tmp_path / "two.json", "Sekretariat 2")
    apply(one, [as_bundle(a), as_bundle(b)])
    apply(two, [as_bundle(b)])
    apply(two, [as_bundle(a)])
    assert one.get(prog_id).name == two.get(prog_id).name
    for s in (a, b, one, two):
        s.close()


def test_delete_versus_edit_is_a_conflict_and_the_edit_stays_visible(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    a.delete(prog_id)
    b.update(prog_id, description="Disepakati dalam FGD kedua")
    report = apply(sec, [as_bundle(a), as_bundle(b)])
    assert sec.get(prog_id).description == "Disepakati dalam FGD kedua"
    assert report.areas["economy"].conflicts_new == 1 and report.areas["economy"].deleted == 0
    [conflict] = list_conflicts(sec)
    assert conflict.delete_vs_edit
    assert [w.team for w in conflict.deleted_by] == ["Pokja A"]
    assert [(f.field, f.values[0].value, f.values[0].team) for f in conflict.edited_meanwhile] == [
        ("description", "Disepakati dalam FGD kedua", "Pokja B")]
    # settled by deleting again: the delete now covers the edit
    sec.settle_delete(prog_id)
    assert sec.get(prog_id) is None and list_conflicts(sec) == []


def test_a_delete_nobody_raced_hides_the_record(laptops, base_plan):
    sec, (a, _, _) = laptops
    _, prog_id = base_plan
    a.delete(prog_id)
    report = apply(sec, [as_bundle(a)])
    assert sec.get(prog_id) is None
    assert report.areas["economy"].deleted == 1


def test_merging_the_same_bundle_twice_changes_nothing(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    a.update(prog_id, name="Nama A")
    b.update(prog_id, name="Nama B")
    bundles = [as_bundle(a), as_bundle(b)]
    apply(sec, bundles)
    before = sec.path.read_bytes()
    writes = sec.file_writes
    again = apply(sec, bundles)
    assert again.written == 0 and again.total("conflicts_new") == 0
    assert again.total("conflicts_total") == 1
    assert sec.file_writes == writes and sec.path.read_bytes() == before


def test_preview_changes_nothing_and_predicts_apply(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    a.add(Programme(name="Bank Sampah Digital", pillar="environment"))
    a.update(prog_id, name="Nama A")
    b.update(prog_id, name="Nama B")
    bundles = [as_bundle(a), as_bundle(b)]
    before_bytes, before_states = sec.path.read_bytes(), canonical(sec.states())
    seen = preview(sec, bundles)
    assert sec.path.read_bytes() == before_bytes and canonical(sec.states()) == before_states
    done = apply(sec, bundles)
    assert seen.to_json() | {"applied": True} == done.to_json()
    assert done.areas["environment"].added == 1 and done.areas["economy"].conflicts_new == 1


def test_apply_is_the_pure_merge_of_all_states(laptops, base_plan):
    sec, groups = laptops
    _, prog_id = base_plan
    for i, g in enumerate(groups):
        g.update(prog_id, progress=10 * (i + 1))
        g.add(SwotItem(pillar="society", text=f"Butir {i}"))
    expected = merge_sets(sec.states(), *(g.states() for g in groups))
    apply(sec, [as_bundle(g) for g in groups])
    assert canonical(sec.states()) == canonical(expected)


def test_a_bundle_of_another_plan_is_refused_and_the_plan_untouched(laptops, tmp_path):
    sec, _ = laptops
    other = PlanStore.create(tmp_path / "other.json", PlanInfo(region="Lain"), team="Lain", durable=False)
    before = sec.path.read_bytes()
    with pytest.raises(MergeError) as e:
        apply(sec, [as_bundle(other)])
    assert "--adopt" in e.value.message("en") and "--adopt" in e.value.message("id")
    assert sec.path.read_bytes() == before
    with pytest.raises(MergeError) as e:
        apply(sec, [as_bundle(other)], adopt=True)  # the secretariat's plan is not empty
    assert "empty" in e.value.message("en")
    assert sec.path.read_bytes() == before
    other.close()


def test_an_empty_plan_adopts_the_first_bundle_and_then_merges_normally(laptops, base_plan, tmp_path):
    _, (a, b, _) = laptops
    _, prog_id = base_plan
    a.update(prog_id, name="Nama A")
    fresh = PlanStore.create(tmp_path / "fresh.json", PlanInfo(region="Kosong"), team="Sekretariat baru",
                             durable=False)
    report = apply(fresh, [as_bundle(a)], adopt=True)
    assert report.adopted == a.plan_id and fresh.plan_id == a.plan_id
    assert fresh.plan().info.region == "Contoh" and fresh.get(prog_id).name == "Nama A"
    b.update(prog_id, budget_by_source={"apbd": {2025: 5}})
    apply(fresh, [as_bundle(b)])
    assert fresh.get(prog_id).budget == {2025: 5}
    fresh.close()
    reopened = PlanStore.open(tmp_path / "fresh.json", readonly=True)
    assert reopened.plan_id == a.plan_id and reopened.get(prog_id).name == "Nama A"


def test_teams_are_remembered_in_the_plan_for_later_listing(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    a.update(prog_id, name="Nama A")
    b.update(prog_id, name="Nama B")
    apply(sec, [as_bundle(a), as_bundle(b)])
    sec.close()
    reopened = PlanStore.open(sec.path, readonly=True)
    [conflict] = list_conflicts(reopened)
    assert sorted(w.team for w in conflict.fields[0].values) == ["Pokja A", "Pokja B"]
