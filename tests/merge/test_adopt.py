"""Adopting a plan: the first import into an empty plan file takes the bundle's plan id; the
empty file's own plan record goes, so the plan keeps exactly one plan record (bundle readers
insist on it). A failed write leaves file and memory as they were."""

from __future__ import annotations

import errno
import os

import pytest

from merge_helpers import as_bundle
from smartcity_tui.bundle.merge import apply
from smartcity_tui.model.records import PlanInfo
from smartcity_tui.store import PlanStore, PlanWriteFailed


@pytest.fixture
def fresh(tmp_path):
    store = PlanStore.create(tmp_path / "baru.json", PlanInfo(region="Kosong"), team="Sekretariat baru",
                             durable=False)
    yield store
    store.close()


def test_adopting_keeps_one_plan_record_and_survives_reopening(laptops, fresh):
    _, (a, _, _) = laptops
    own_id = fresh.plan_id
    apply(fresh, [as_bundle(a)], adopt=True)
    kinds = [s.kind for s in fresh.states()]
    assert kinds.count("plan") == 1 and fresh.state(own_id) is None
    assert fresh.team == "Sekretariat baru"
    fresh.close()
    with PlanStore.open(fresh.path, readonly=True) as again:
        assert again.plan_id == a.plan_id and again.plan().info.region == "Contoh"
        assert [s.kind for s in again.states()].count("plan") == 1


def test_a_failed_adopt_write_leaves_file_and_plan_as_they_were(laptops, fresh, monkeypatch):
    _, (a, _, _) = laptops
    fresh.update(fresh.plan_id, vision="ditulis sebelum")  # the session's backup is taken
    before_bytes = fresh.path.read_bytes()
    before = (fresh.plan_id, [s.to_dict() for s in fresh.states()], fresh.plan().info)
    real_replace = os.replace

    def full_disk(src, dst, *args, **kw):
        if os.fspath(dst) == os.fspath(fresh.path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kw)

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(PlanWriteFailed):
        apply(fresh, [as_bundle(a)], adopt=True)
    monkeypatch.setattr(os, "replace", real_replace)
    assert fresh.path.read_bytes() == before_bytes
    assert (fresh.plan_id, [s.to_dict() for s in fresh.states()], fresh.plan().info) == before
    apply(fresh, [as_bundle(a)], adopt=True)  # and the next try works
    assert fresh.plan_id == a.plan_id
