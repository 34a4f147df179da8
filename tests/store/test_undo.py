"""Undo and redo of adds, edits and deletes, written as new writes (new dots, never a rewind)
so that an undone edit that already travelled in a bundle still merges right."""

from __future__ import annotations

from smartcity_tui.model.records import Milestone, SwotItem
from smartcity_tui.store import PlanStore


def test_nothing_to_undo_at_the_start_of_a_session(open_store):
    assert not open_store.journal.can_undo
    assert open_store.undo() is None and open_store.redo() is None


def test_undo_add_removes_the_record_and_redo_brings_it_back(open_store, tmp_plan):
    rec = open_store.add(SwotItem(pillar="living", quadrant="O", text="Telemedisin desa"))
    assert open_store.undo() == "add swot"
    assert open_store.get(rec.id) is None
    assert rec.id not in {s.id for s in open_store.plan().swot}
    open_store.redo()
    assert open_store.get(rec.id) == rec
    open_store.close()
    with PlanStore.open(tmp_plan) as again:
        assert again.get(rec.id) == rec


def test_undo_and_redo_an_edit_with_new_dots(open_store):
    prog = open_store.plan().programmes[0]
    open_store.update(prog.id, name="Nama baru", budget_by_source={"apbd": {2025: 900_000_000}})
    edit_dot = open_store.state(prog.id).fields["name"][0].dot
    open_store.undo()
    back = open_store.get(prog.id)
    assert (back.name, back.budget) == (prog.name, prog.budget)
    undo_dot = open_store.state(prog.id).fields["name"][0].dot
    assert undo_dot[1] > edit_dot[1]  # a new write, not a rewind
    open_store.redo()
    again = open_store.get(prog.id)
    assert (again.name, again.budget_by_source) == ("Nama baru", {"apbd": {2025: 900_000_000}})
    assert open_store.state(prog.id).fields["name"][0].dot[1] > undo_dot[1]


def test_undo_steps_back_one_action_at_a_time(open_store):
    rid = open_store.plan().swot[0].id
    original = open_store.get(rid).text
    for text in ("satu", "dua", "tiga"):
        open_store.update(rid, text=text)
    open_store.undo()
    assert open_store.get(rid).text == "dua"
    open_store.undo()
    open_store.undo()
    assert open_store.get(rid).text == original
    assert not open_store.journal.can_undo
    open_store.redo()
    assert open_store.get(rid).text == "satu"
    open_store.update(rid, text="cabang baru")  # a new edit drops the redo branch
    assert not open_store.journal.can_redo


def test_undo_delete_restores_the_record(open_store):
    swot = open_store.plan().swot[2]
    open_store.delete(swot.id)
    assert open_store.get(swot.id) is None
    open_store.undo()
    assert open_store.get(swot.id) == swot
    assert not open_store.state(swot.id).deleted
    open_store.redo()
    assert open_store.get(swot.id) is None


def test_programme_delete_takes_its_indicators_and_milestones_in_one_undo_step(open_store):
    plan = open_store.plan()
    prog = plan.programmes[0]
    extra = open_store.add(Milestone(programme_id=prog.id, year=2025, quarter=4, title="Evaluasi"))
    children = {r.id for r in plan.indicators_of(prog.id)} | {r.id for r in plan.milestones_of(prog.id)} | {extra.id}
    assert len(children) == 3
    open_store.delete(prog.id)
    plan = open_store.plan()
    assert plan.programmes == [] and plan.indicators == [] and plan.milestones == []
    assert all(open_store.state(i).deleted for i in children)
    open_store.undo()
    plan = open_store.plan()
    assert [p.id for p in plan.programmes] == [prog.id]
    assert {r.id for r in plan.indicators_of(prog.id)} | {r.id for r in plan.milestones_of(prog.id)} == children


def test_restore_and_undo_of_restore(open_store):
    swot = open_store.plan().swot[3]
    open_store.delete(swot.id)
    open_store.restore(swot.id)
    assert open_store.get(swot.id) == swot
    open_store.undo()  # undoing the restore deletes again, with a fresh tombstone
    assert open_store.get(swot.id) is None
    stone = open_store.state(swot.id).fields["_deleted"][0]
    assert stone.value == open_store.state(swot.id).vv
