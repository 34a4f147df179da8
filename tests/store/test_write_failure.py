"""A write that fails (full flash drive, antivirus, pulled USB) says the change was NOT saved,
leaves the file byte-identical and the screen's plan as it was; the next write works."""

from __future__ import annotations

import errno
import json
import os

import pytest

from smartcity_tui.model.records import Milestone, SwotItem
from smartcity_tui.store import PlanStore, PlanWriteFailed


class Disk:
    """Makes writes to one file fail while `full` is set, the way a full disk does."""

    def __init__(self, monkeypatch, plan, how: str) -> None:
        self.full = False
        self.plan = plan
        real_replace, real_fsync = os.replace, os.fsync

        def replace(src, dst, *a, **kw):
            if self.full and how == "replace" and os.fspath(dst) == os.fspath(plan):
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_replace(src, dst, *a, **kw)

        def fsync(fd):
            if self.full and how == "fsync":
                raise OSError(errno.EIO, "Input/output error")
            return real_fsync(fd)

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "fsync", fsync)


def _snapshot(store: PlanStore) -> tuple:
    return (dict(store.plan().records), store.plan().info, [s.to_dict() for s in store.states()],
            store.journal.can_undo, store.journal.can_redo, store.journal.next_undo_label(),
            store.replica_id, store.team, store.saved_at, store._meta["counter"])


def _swot_id(store):
    return store.plan().swot[0].id


def _foreign_edit(store):
    """The first SWOT item as another pokja's laptop edited it."""
    state = store.state(_swot_id(store))
    state.write("text", "dari pokja lain", ("f0f0f0f0f0f0f0f0", 1))
    return state


ACTIONS = {
    "update": lambda s: s.update(_swot_id(s), text="tidak tersimpan"),
    "add": lambda s: s.add(SwotItem(pillar="economy", quadrant="S", text="tidak tersimpan")),
    "add_many": lambda s: s.add_many([SwotItem(pillar="economy", text=f"x{i}") for i in range(3)]),
    "delete programme": lambda s: s.delete(s.plan().programmes[0].id),
    "undo": lambda s: s.undo(),
    "set_info": lambda s: s.set_info(vision="tidak tersimpan"),
    "set_team": lambda s: s.set_team("Pokja Baru"),
    "merge_in": lambda s: s.merge_in([_foreign_edit(s)]),
    "save_many": lambda s: s.save_many([s.plan().swot[1].replace(text="tidak tersimpan"),
                                        SwotItem(pillar="economy", text="baru, tidak tersimpan")]),
}


@pytest.mark.parametrize("how", ["replace", "fsync"])
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_failed_write_changes_nothing_and_the_next_write_works(tmp_plan, monkeypatch, how, action):
    disk = Disk(monkeypatch, tmp_plan, how)
    with PlanStore.open(tmp_plan) as store:
        store.update(_swot_id(store), text="tersimpan")  # the session's backup is taken here
        before_bytes = tmp_plan.read_bytes()
        before = _snapshot(store)
        disk.full = True
        with pytest.raises(PlanWriteFailed) as err:
            ACTIONS[action](store)
        assert "NOT saved" in err.value.message("en") and "TIDAK tersimpan" in err.value.message("id")
        # why, in the officer's words; the system's English only as a labelled detail
        said = {"replace": "disk penuh; pesan sistem: No space left on device",
                "fsync": "disk gagal dibaca atau ditulis (flashdisk dicabut atau rusak?); pesan sistem"}[how]
        assert said in err.value.message("id")
        assert tmp_plan.read_bytes() == before_bytes
        assert _snapshot(store) == before
        assert not [p.name for p in tmp_plan.parent.iterdir() if p.name.endswith(".tmp")]
        disk.full = False
        ACTIONS[action](store)  # the same action now succeeds
        after = _snapshot(store)
        store.add(Milestone(programme_id="", year=2026, title="tulisan berikutnya"))
        shown = dict(store.plan().records)
        states = [s.to_dict() for s in store.states()]
    assert after != before
    with PlanStore.open(tmp_plan) as again:  # what the screen showed is what is on disk
        assert dict(again.plan().records) == shown
        assert [s.to_dict() for s in again.states()] == states


def test_a_failed_backup_stops_the_first_write(tmp_plan, monkeypatch):
    real = os.replace

    def replace(src, dst, *a, **kw):
        if "backup" in os.fspath(dst):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", replace)
    before = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan) as store:
        with pytest.raises(PlanWriteFailed):
            store.update(_swot_id(store), text="tanpa cadangan")
        assert tmp_plan.read_bytes() == before
        monkeypatch.setattr(os, "replace", real)
        store.update(_swot_id(store), text="dengan cadangan")
    backup = json.loads(tmp_plan.with_name("plan.backup-1.json").read_bytes())
    expected = json.loads(before)
    expected["_meta"]["1"]["replica"].update(path="", machine="")
    assert backup == expected


def test_create_in_a_missing_folder_is_a_clear_error(tmp_path):
    from smartcity_tui.model.records import PlanInfo

    with pytest.raises(PlanWriteFailed) as err:
        PlanStore.create(tmp_path / "tidak-ada" / "plan.json", PlanInfo(region="X"), team="T")
    assert "tidak-ada" in err.value.message("en")
