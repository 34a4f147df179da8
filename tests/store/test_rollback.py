"""A plan file rolled back in place (git checkout, a copy dragged back) must not reuse dots."""

from __future__ import annotations

from smartcity_tui.model import SwotItem
from smartcity_tui.store import PlanStore


def _dots(store: PlanStore) -> set[tuple[str, int]]:
    return {s.dot for st in store.states() for sibs in st.fields.values() for s in sibs}


def test_rolled_back_file_takes_a_fresh_replica(tmp_plan):
    old_bytes = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan) as store:
        store.add(SwotItem(pillar="economy", quadrant="S", text="Edit yang sudah dikirim"))
        travelled = _dots(store)
        replica = store.replica_id
    tmp_plan.write_bytes(old_bytes)  # `git checkout` of the older commit
    with PlanStore.open(tmp_plan) as store:
        assert store.replica_id == replica  # reading changes nothing
        store.add(SwotItem(pillar="economy", quadrant="W", text="Edit baru"))
        assert store.replica_id != replica
        new_dots = _dots(store) - {d for d in _dots(store) if d[0] != store.replica_id}
        assert new_dots and not (new_dots & travelled)


def test_reopening_in_place_keeps_the_replica(tmp_plan):
    with PlanStore.open(tmp_plan) as store:
        store.add(SwotItem(pillar="economy", quadrant="S", text="Satu"))
        replica = store.replica_id
    with PlanStore.open(tmp_plan) as store:
        store.add(SwotItem(pillar="economy", quadrant="S", text="Dua"))
        assert store.replica_id == replica


def test_unwritable_marks_never_block_an_edit(tmp_plan, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SMARTCITY_TUI_STATE_DIR", str(blocker / "sub"))
    with PlanStore.open(tmp_plan) as store:
        item = store.add(SwotItem(pillar="economy", quadrant="S", text="Tetap tersimpan"))
    with PlanStore.open(tmp_plan, readonly=True) as store:
        assert store.get(item.id).text == "Tetap tersimpan"

