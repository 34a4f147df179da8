"""Restoring a programme brings back the indicators and milestones its delete took."""

from __future__ import annotations


def test_restoring_a_programme_brings_back_what_its_delete_took(open_store):
    from smartcity_tui.model import Indicator

    plan = open_store.plan()
    prog = plan.programmes[0]
    children = {r.id for r in plan.indicators_of(prog.id) + plan.milestones_of(prog.id)}
    gone_before = open_store.add(Indicator(programme_id=prog.id, name="Dihapus lebih dulu"))
    open_store.delete(gone_before.id)  # deleted on its own, earlier: stays deleted
    open_store.delete(prog.id)
    assert not children & set(open_store.plan().records)
    open_store.restore(prog.id)
    after = open_store.plan()
    assert prog.id in after.records
    assert {r.id for r in after.indicators_of(prog.id) + after.milestones_of(prog.id)} == children
