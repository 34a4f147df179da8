"""save_many: a sheet import's new and changed rows in one durable write and one undo step,
only the changed fields stamped (so a merge with another group's edits stays clean)."""

from __future__ import annotations

from smartcity_tui.model.records import SwotItem
from smartcity_tui.model.revision import merge_states
from smartcity_tui.store import PlanStore


def test_new_and_changed_records_land_in_one_write_and_one_undo_step(open_store):
    store = open_store
    first, second = store.plan().swot[:2]
    writes, before = store.file_writes, {r.id: store.state(r.id) for r in (first, second)}
    new = SwotItem(pillar="economy", quadrant="O", text="Pasar daring")
    store.save_many([first.replace(text="Diubah dari lembar kerja"), second, new], label="impor")
    assert store.file_writes == writes + 1
    assert store.get(first.id).text == "Diubah dari lembar kerja" and store.get(new.id).text == "Pasar daring"
    assert store.state(second.id).to_dict() == before[second.id].to_dict()  # unchanged: no new dot
    changed = {n for n, sibs in store.state(first.id).fields.items()
               if sibs != before[first.id].fields.get(n)}
    assert changed == {"text"}
    assert store.get(new.id).order > max(r.order for r in store.plan().swot if r.id != new.id)
    assert store.undo() == "impor"
    assert store.get(new.id) is None and store.get(first.id).text == first.text
    store.redo()
    assert store.get(new.id) is not None and store.get(first.id).text == "Diubah dari lembar kerja"


def test_saving_nothing_new_writes_nothing(open_store):
    writes = open_store.file_writes
    open_store.save_many(list(open_store.plan().swot))
    assert open_store.file_writes == writes and not open_store.journal.can_undo


def test_an_import_and_another_groups_edit_of_other_fields_merge_without_conflict(tmp_plan, tmp_path):
    import shutil

    copy = tmp_path / "copy.json"
    shutil.copyfile(tmp_plan, copy)
    with PlanStore.open(tmp_plan) as a, PlanStore.open(copy) as b:
        prog = a.plan().programmes[0]
        a.save_many([prog.replace(lead_agency="Diskominfo")])
        b.update(prog.id, progress=50)
        merged = merge_states(a.state(prog.id), b.state(prog.id))
    assert not merged.has_conflict()
    assert merged.value("lead_agency") == "Diskominfo" and merged.value("progress") == 50
