"""A plan written and read back is the same plan, and every write leaves the revision metadata
a later merge needs: per-field dots, the record's version vector, tombstones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tinydb import TinyDB

from smartcity_tui.model.records import (
    Indicator, Milestone, Programme, Readiness, Stakeholder, Strategy, SwotItem,
)
from smartcity_tui.store import PlanReadOnly, PlanStore


def _raw_record(path: Path, record_id: str) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return next(doc for doc in data["records"].values() if doc["id"] == record_id)


def _every_kind(store: PlanStore) -> list:
    swot = store.add(SwotItem(pillar="economy", quadrant="O", text="Pasar daring “Berjubel” 🛒",
                              element="financial_transactions", subtopic="UMKM", source_agency="Dinkop"))
    st = store.add(Strategy(pillar="economy", kind="SO", text="Dorong transaksi nontunai", swot_ids=[swot.id]))
    prog = store.add(Programme(
        code="3.001", name="D'Comart", description="Lima titik\nbaris kedua", pillar="economy",
        element="welfare", strategy_ids=[st.id], lead_agency="Dinas Koperasi",
        supporting_agencies=["Diskominfo"], stakeholders=[Stakeholder("Bank Jateng", "business")],
        reference="RPJMD", innovation="product", start_year=2026, end_year=2028, priority="high",
        funding_sources=["apbd", "csr"], budget_by_source={"apbd": {2026: 1_250_000_000, 2027: 0}}, status="ongoing", progress=75))
    ind = store.add(Indicator(programme_id=prog.id, name="Gerai", unit="unit", baseline=5, targets={2026: 7.5}))
    ms = store.add(Milestone(programme_id=prog.id, year=2027, quarter=4, title="Gerai ke-5", done=True))
    rd = store.add(Readiness(aspect="suprastruktur", topic="Perbup SPBE", rating="baik"))
    return [swot, st, prog, ind, ms, rd]


def test_create_then_reopen_gives_back_every_record_and_state(tmp_plan):
    with PlanStore.open(tmp_plan) as store:
        _every_kind(store)
        store.set_info(vision="Visi baru", missions=["Misi 1"])
        before_records = dict(store.plan().records)
        before_info = store.plan().info
        before_states = [s.to_dict() for s in store.states()]
        ids = (store.plan_id, store.team, store.replica_id)
    with PlanStore.open(tmp_plan) as again:
        assert dict(again.plan().records) == before_records
        assert again.plan().info == before_info
        assert [s.to_dict() for s in again.states()] == before_states
        assert (again.plan_id, again.team, again.replica_id) == ids
    assert len(before_records) == 6 + 4 + 1 + 1 + 1 + 1


def test_the_file_is_plain_tinydb_json_in_utf8(tmp_plan):
    with PlanStore.open(tmp_plan) as store:
        swot = store.add(SwotItem(pillar="branding", quadrant="S", text="Batik Bimo Lukar ✓"))
    text = tmp_plan.read_bytes().decode("utf-8")
    assert "Batik Bimo Lukar ✓" in text  # readable, not \u-escaped
    plain = TinyDB(tmp_plan)  # exactly as a curious officer would, no options
    try:
        assert {d["id"] for d in plain.table("records").all()} >= {swot.id}
    finally:
        plain.close()
    db = TinyDB(tmp_plan, encoding="utf-8")
    try:
        docs = db.table("records").all()
        assert any(d["id"] == swot.id for d in docs)
        assert db.table("_meta").all()[0]["format"] == "smartcity-tui plan"
    finally:
        db.close()


def test_each_write_stamps_dots_and_the_version_vector(open_store, tmp_plan):
    prog = open_store.plan().programmes[0]
    open_store.update(prog.id, name="Mal Pelayanan Publik", progress=40)
    rep = open_store.replica_id  # this session's own, taken at its first write
    raw = _raw_record(tmp_plan, prog.id)
    n = raw["vv"][rep]
    assert raw["f"]["name"] == [{"d": [rep, n], "v": "Mal Pelayanan Publik"}]
    assert raw["f"]["progress"] == [{"d": [rep, n], "v": 40}]
    # fields the edit did not touch keep the dot of the write that set them
    assert raw["f"]["lead_agency"][0]["d"][0] != rep
    assert all(s["d"][1] <= raw["vv"][s["d"][0]] for sibs in raw["f"].values() for s in sibs)


def test_save_writes_only_the_changed_fields(open_store, tmp_plan):
    swot = open_store.plan().swot[0]
    old = _raw_record(tmp_plan, swot.id)
    writes = open_store.file_writes
    open_store.save(swot)  # nothing changed: no write at all
    assert open_store.file_writes == writes
    open_store.save(swot.replace(text="Teks baru", subtopic="desa"))
    new = _raw_record(tmp_plan, swot.id)
    changed = {k for k in new["f"] if new["f"][k] != old["f"].get(k)}
    assert changed == {"text", "subtopic"}
    assert open_store.file_writes == writes + 1


def test_clearing_an_optional_field_writes_an_empty_sibling(open_store, tmp_plan):
    ind = open_store.plan().indicators[0]
    open_store.update(ind.id, baseline=None)
    assert open_store.get(ind.id).baseline is None
    raw = _raw_record(tmp_plan, ind.id)
    assert raw["f"]["baseline"] == [{"d": [open_store.replica_id, raw["vv"][open_store.replica_id]]}]


def test_delete_leaves_a_tombstone_holding_what_the_deleter_had_seen(open_store, tmp_plan):
    swot = open_store.plan().swot[1]
    open_store.update(swot.id, text="Diubah dulu")
    seen = dict(open_store.state(swot.id).vv)
    open_store.delete(swot.id)
    assert open_store.get(swot.id) is None
    raw = _raw_record(tmp_plan, swot.id)  # still in the file: deletes never vanish
    (stone,) = raw["f"]["_deleted"]
    rep, n = stone["d"]
    assert stone["v"] == {**seen, rep: n}
    assert raw["vv"] == stone["v"]
    assert raw["f"]["text"][0]["v"] == "Diubah dulu"


def test_dots_never_repeat_across_sessions(tmp_plan):
    dots = []
    for text in ("satu", "dua", "tiga"):
        with PlanStore.open(tmp_plan) as store:
            rid = store.plan().swot[0].id
            store.update(rid, text=text)
            dots.append(store.state(rid).fields["text"][0].dot)
    assert len(set(dots)) == 3 and len({d[0] for d in dots}) == 3  # a replica id per session


def test_add_many_is_one_write_in_the_given_order(open_store, tmp_plan):
    writes = open_store.file_writes
    items = [SwotItem(pillar="society", quadrant="W", text=f"Butir {i}") for i in range(50)]
    added = open_store.add_many(items)
    assert open_store.file_writes == writes + 1
    assert [r.text for r in added] == [f"Butir {i}" for i in range(50)]
    assert [s.text for s in open_store.plan().swot_for("society")] == [f"Butir {i}" for i in range(50)]
    with pytest.raises(ValueError, match="exists already"):
        open_store.add_many([items[0]])
    with pytest.raises(ValueError, match="twice"):
        x = SwotItem(pillar="society", text="x")
        open_store.add_many([x, x])
    assert open_store.file_writes == writes + 1
    open_store.undo()  # one undo step removes them all
    assert open_store.plan().swot_for("society") == []


def test_listeners_run_after_every_write(open_store):
    calls = []
    open_store.listeners.append(lambda: calls.append(open_store.saved_at))
    open_store.add(SwotItem(pillar="living", quadrant="S", text="Puskesmas 24 jam"))
    open_store.undo()
    assert len(calls) == 2 and all(calls)


def test_read_only_open_takes_no_lock_and_refuses_writes(tmp_plan):
    before = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan, readonly=True) as ro, PlanStore.open(tmp_plan) as rw:
        rid = ro.plan().swot[0].id
        with pytest.raises(PlanReadOnly):
            ro.update(rid, text="tidak boleh")
        assert rw.get(rid).text == ro.get(rid).text
    assert tmp_plan.read_bytes() == before


def test_a_record_added_in_a_later_session_goes_after_the_earlier_ones(tmp_plan):
    """Each session writes under a fresh replica id whose counter starts again at 1; a new
    SWOT item still lands at the end of its quadrant, never among last week's items."""
    for n in range(3):
        with PlanStore.open(tmp_plan) as store:
            store.add(SwotItem(pillar="society", quadrant="W", text=f"Sesi {n}"))
            store.add_many([SwotItem(pillar="society", quadrant="W", text=f"Sesi {n} impor")])
    with PlanStore.open(tmp_plan, readonly=True) as store:
        items = sorted((s for s in store.plan().swot if s.pillar == "society"), key=lambda s: s.order)
    assert [s.text for s in items] == ["Sesi 0", "Sesi 0 impor", "Sesi 1", "Sesi 1 impor", "Sesi 2", "Sesi 2 impor"]
