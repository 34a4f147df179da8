"""A plan file replaced by another program while the app has it open (a `git pull`, OneDrive
putting another laptop's version in place, a backup copied over it) is never overwritten with
the app's older picture of it: the write is refused, the file keeps what the other program put
there, and the app's plan is as it was."""

from __future__ import annotations

import os
import shutil

import pytest

from smartcity_tui.store import PlanChangedOnDisk, PlanStore


def test_a_file_replaced_underneath_is_not_overwritten(tmp_plan, tmp_path):
    other = tmp_path / "from-git.json"
    shutil.copyfile(tmp_plan, other)
    with PlanStore.open(other) as elsewhere:
        elsewhere.update(elsewhere.plan().swot[0].id, text="ditulis di cabang lain")
    with PlanStore.open(tmp_plan) as store:
        sid = store.plan().swot[1].id
        os.replace(other, tmp_plan)  # what `git checkout` or a sync client does
        replaced = tmp_plan.read_bytes()
        with pytest.raises(PlanChangedOnDisk) as e:
            store.update(sid, text="diubah di aplikasi")
        assert "diganti program lain" in e.value.message("id") and "buka lagi" in e.value.message("id")
        assert tmp_plan.read_bytes() == replaced
        assert store.get(sid).text != "diubah di aplikasi" and not store.journal.can_undo
        with pytest.raises(PlanChangedOnDisk):
            store.set_team("Pokja Lain")
    with PlanStore.open(tmp_plan) as again:
        assert again.plan().swot[0].text == "ditulis di cabang lain"


def test_a_file_only_touched_or_rewritten_by_this_store_is_written_as_usual(tmp_plan):
    with PlanStore.open(tmp_plan) as store:
        sid = store.plan().swot[0].id
        store.update(sid, text="satu")
        st = tmp_plan.stat()
        os.utime(tmp_plan, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # a sync client touching it
        store.update(sid, text="dua")
        store.update(sid, text="tiga")
    with PlanStore.open(tmp_plan, readonly=True) as store:
        assert store.get(sid).text == "tiga"


def test_a_file_deleted_underneath_is_written_again_whole(tmp_plan):
    with PlanStore.open(tmp_plan) as store:
        sid = store.plan().swot[0].id
        count = len(store.states())
        tmp_plan.unlink()
        store.update(sid, text="masih ada")
    with PlanStore.open(tmp_plan, readonly=True) as store:
        assert store.get(sid).text == "masih ada" and len(store.states()) == count
