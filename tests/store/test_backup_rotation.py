"""Backups that keep their promise (issue 10 #10): one merge takes one backup slot; a save
that fails rotates nothing (no backup lost although nothing was saved); a backup is on disk
before the plan is first overwritten; a crash between the two steps is settled next time."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest

from smartcity_tui.cli import main
from smartcity_tui.store import PlanStore, PlanWriteFailed, backups, storage
from smartcity_tui.store.backups import backup_path, next_path

ROOT = Path(__file__).resolve().parents[2]
BUNDLES = sorted(str(p) for p in (ROOT / "sample_data" / "bundles").iterdir() if not p.name.startswith("."))


def _kept(plan: Path) -> list[str]:
    return sorted(p.name for p in plan.parent.glob(f"{plan.stem}.backup-*"))


def _session(plan: Path, text: str) -> None:
    with PlanStore.open(plan) as store:
        store.update(store.plan().swot[0].id, text=text)


def test_one_merge_takes_one_backup_slot(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    shutil.copyfile(ROOT / "sample_data" / "plan.json", plan)
    assert main(["merge", str(plan), *BUNDLES]) in (0, 1)
    assert _kept(plan) == ["plan.backup-1.json"]  # was two: the team names' write and the merge's


def test_each_merge_of_a_session_takes_its_own_slot_and_an_edit_none(open_store, tmp_plan):
    states = [open_store.state(open_store.plan().swot[0].id)]
    open_store.update(states[0].id, text="sebelum gabung")
    assert _kept(tmp_plan) == ["plan.backup-1.json"]
    other = states[0].copy()
    other.vv = {"r" * 16: 1}
    open_store.merge_in([other])
    assert _kept(tmp_plan) == ["plan.backup-1.json", "plan.backup-2.json"]
    open_store.update(states[0].id, text="sesudah gabung")
    assert _kept(tmp_plan) == ["plan.backup-1.json", "plan.backup-2.json"]


def _full_disk_for(plan: Path, monkeypatch) -> None:
    real = storage.atomic_write_parts

    def full(target, parts, **kw):
        if Path(target) == plan:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(target, parts, **kw)

    monkeypatch.setattr(storage, "atomic_write_parts", full)


def test_a_failed_save_rotates_no_backup(tmp_plan, monkeypatch):
    for n in range(1, 6):
        _session(tmp_plan, f"sesi{n}")
    before = {p.name: p.read_bytes() for p in tmp_plan.parent.glob("plan.backup-[0-9].json")}
    assert len(before) == 5
    plan_before = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan) as store:
        rid = store.plan().swot[0].id
        with monkeypatch.context() as m:
            _full_disk_for(tmp_plan, m)
            for _ in range(2):
                with pytest.raises(PlanWriteFailed):
                    store.update(rid, text="tidak tersimpan")
        assert {p.name: p.read_bytes() for p in tmp_plan.parent.glob("plan.backup-[0-9].json")} == before
        assert tmp_plan.read_bytes() == plan_before
        store.update(rid, text="tersimpan")  # the disk has room again: one rotation, now
    assert json.loads(backup_path(tmp_plan, 1).read_bytes())["records"] == json.loads(plan_before)["records"]
    assert backup_path(tmp_plan, 2).read_bytes() == before["plan.backup-1.json"]
    assert not next_path(tmp_plan).exists()


def test_a_backup_is_on_disk_before_the_plan_is_first_overwritten(tmp_plan, monkeypatch):
    original = json.loads(tmp_plan.read_bytes())["records"]
    seen = []
    real = storage.atomic_write_parts

    def watch(target, parts, **kw):
        if Path(target) == tmp_plan:
            guard = next_path(tmp_plan) if next_path(tmp_plan).exists() else backup_path(tmp_plan, 1)
            seen.append(json.loads(guard.read_bytes())["records"] == original)
        return real(target, parts, **kw)

    monkeypatch.setattr(storage, "atomic_write_parts", watch)
    _session(tmp_plan, "pertama")
    assert seen == [True]


def test_a_crash_between_backup_and_save_is_settled_at_the_next_open(tmp_plan):
    # the save never happened: the prepared backup is the plan as it is, and goes
    next_path(tmp_plan).write_bytes(tmp_plan.read_bytes())
    PlanStore.open(tmp_plan).close()
    assert _kept(tmp_plan) == []
    # the save happened, the rotation did not: the prepared backup joins the rotation
    _session(tmp_plan, "sesi1")
    older = backup_path(tmp_plan, 1).read_bytes()
    shutil.copyfile(backup_path(tmp_plan, 1), next_path(tmp_plan))
    backup_path(tmp_plan, 1).unlink()
    PlanStore.open(tmp_plan).close()
    assert _kept(tmp_plan) == ["plan.backup-1.json"] and backup_path(tmp_plan, 1).read_bytes() == older


def test_the_rotation_replaces_the_oldest_without_a_delete_a_scanner_could_fail(tmp_plan, monkeypatch):
    for n in range(1, 6):
        _session(tmp_plan, f"sesi{n}")

    def no_delete(self, *a, **k):
        raise PermissionError(errno.EACCES, "held by a scanner")

    monkeypatch.setattr(Path, "unlink", no_delete)
    _session(tmp_plan, "sesi6")  # no "NOT saved" for want of deleting backup-5
    assert len(_kept(tmp_plan)) == 5


def test_a_merge_that_brings_only_team_names_rolls_its_backup_in(tmp_path):
    # two groups who changed nothing: their bundles bring only who they are (the teams table)
    plans = {}
    for name, team in (("a", "Pokja Ekonomi"), ("b", "Pokja Lingkungan"), ("sek", "")):
        plans[name] = tmp_path / name / "plan.json"
        plans[name].parent.mkdir()
        shutil.copyfile(ROOT / "sample_data" / "plan.json", plans[name])
        if team:
            with PlanStore.open(plans[name]) as store:
                store.set_team(team)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a", "b"):
        assert main(["export", str(plans[name]), "--out", str(out)]) == 0
    told: list[int] = []
    with PlanStore.open(plans["sek"]) as store:
        store.listeners.append(lambda: told.append(1))
        from smartcity_tui.bundle import read_bundle
        from smartcity_tui.bundle.merge import apply

        apply(store, [read_bundle(p) for p in sorted(out.iterdir())])
        assert told, "the write of the team names was not told to the app (its save note)"
    assert _kept(plans["sek"]) == ["plan.backup-1.json"], "the backup was left half-rotated"
    assert not next_path(plans["sek"]).exists()
