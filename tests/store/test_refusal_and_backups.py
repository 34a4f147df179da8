"""A plan that cannot be read is refused and left exactly as it was, with the readable backups
named; backups rotate, five kept, newest first, taken before a session's first write."""

from __future__ import annotations

import json

import pytest

from smartcity_tui.store import PlanStore, PlanTooNew, PlanUnreadable
from smartcity_tui.store.backups import backup_path
from smartcity_tui.store.schema import SCHEMA_VERSION


def _files(folder) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _truncated(plan) -> bytes:
    data = plan.read_bytes()
    return data[: len(data) // 2]


CORRUPT = {
    "empty": lambda plan: b"",
    "garbage": lambda plan: b"\x00\xff\xfe garbage \x89PNG",
    "truncated": _truncated,
    "not a plan": lambda plan: b'{"_default": {"1": {"nama": "daftar belanja"}}}',
    "a list": lambda plan: b"[1, 2, 3]",
    "no schema": lambda plan: json.dumps({"_meta": {"1": {"format": "smartcity-tui plan"}}}).encode(),
    "bad record": lambda plan: plan.read_bytes().replace(b'"vv":{', b'"vv":{"x":-1,', 1),
    "latin-1": lambda plan: plan.read_bytes().replace(b"Contoh", "Contoh é".encode("latin-1"), 1),
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_unreadable_file_is_refused_and_left_byte_identical(tmp_plan, kind):
    bad = CORRUPT[kind](tmp_plan)
    tmp_plan.write_bytes(bad)
    files = _files(tmp_plan.parent)
    for readonly in (False, True):
        with pytest.raises(PlanUnreadable) as err:
            PlanStore.open(tmp_plan, readonly=readonly)
        assert str(tmp_plan) in err.value.message("en") and str(tmp_plan) in err.value.message("id")
    assert tmp_plan.read_bytes() == bad
    assert _files(tmp_plan.parent) == files  # no lock, no backup, no temp file left behind


def test_a_newer_schema_is_refused_naming_both_versions(tmp_plan):
    data = json.loads(tmp_plan.read_text(encoding="utf-8"))
    data["_meta"]["1"]["schema"] = 99
    raw = json.dumps(data).encode("utf-8")
    tmp_plan.write_bytes(raw)
    with pytest.raises(PlanTooNew) as err:
        PlanStore.open(tmp_plan)
    assert "schema 99" in err.value.message("en") and f"schema {SCHEMA_VERSION}" in err.value.message("en")
    assert tmp_plan.read_bytes() == raw


def _session(plan, text: str, writes: int = 1) -> None:
    with PlanStore.open(plan) as store:
        rid = store.plan().swot[0].id
        for i in range(writes):
            store.update(rid, text=f"{text}.{i}")


def _text_in(path) -> str:
    with PlanStore.open(path, readonly=True) as store:
        return store.plan().swot[0].text


def test_backups_rotate_five_kept_newest_first(tmp_plan):
    original = _text_in(tmp_plan)
    for n in range(1, 8):
        _session(tmp_plan, f"sesi{n}", writes=3)
    kept = sorted(p.name for p in tmp_plan.parent.glob("plan.backup-*.json"))
    assert kept == [f"plan.backup-{n}.json" for n in range(1, 6)]
    # backup-1 is the plan as session 7 found it (end of session 6), backup-5 as session 3 did
    assert [_text_in(backup_path(tmp_plan, n)) for n in range(1, 6)] == [f"sesi{s}.2" for s in (6, 5, 4, 3, 2)]
    assert original not in {_text_in(backup_path(tmp_plan, n)) for n in range(1, 6)}


def homeless(raw: bytes) -> dict:
    """A plan file's content with its replica's home cleared, as backups hold it."""
    data = json.loads(raw)
    data["_meta"]["1"]["replica"].update(path="", machine="")
    return data


def test_backup_is_taken_before_the_first_write_only(tmp_plan):
    before = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan) as store:
        assert not backup_path(tmp_plan, 1).exists()  # opening alone changes nothing
        rid = store.plan().swot[0].id
        store.update(rid, text="pertama")
        assert json.loads(backup_path(tmp_plan, 1).read_bytes()) == homeless(before)
        store.update(rid, text="kedua")
        store.update(rid, text="ketiga")
    assert json.loads(backup_path(tmp_plan, 1).read_bytes()) == homeless(before)
    assert not backup_path(tmp_plan, 2).exists()


def test_a_restored_backup_writes_as_a_fresh_replica(tmp_plan):
    """Edits made after the backup may have left in a bundle already: the restored file must
    not reuse their dots (same replica id, same counters) for different values."""
    with PlanStore.open(tmp_plan) as store:
        rid = store.plan().swot[0].id
        store.update(rid, text="sesudah cadangan")  # lost by the restore, maybe already exported
        lost = store.state(rid)
        old_replica = store.replica_id
    backup_path(tmp_plan, 1).replace(tmp_plan)  # put back by hand, as an officer would
    with PlanStore.open(tmp_plan) as store:
        store.update(rid, text="ditulis ulang")
        assert store.replica_id != old_replica
        redo = store.state(rid)
    assert redo.fields["text"][0].dot != lost.fields["text"][0].dot
    from smartcity_tui.model.revision import merge_states
    both = merge_states(lost, redo)
    assert sorted(s.value for s in both.fields["text"]) == ["ditulis ulang", "sesudah cadangan"]


def test_readable_backups_are_named_newest_first_when_the_plan_is_broken(tmp_plan):
    _session(tmp_plan, "a")
    _session(tmp_plan, "b")
    _session(tmp_plan, "c")
    backup_path(tmp_plan, 2).write_bytes(b"{ rusak")  # a broken backup is not offered
    tmp_plan.write_bytes(b"")
    with pytest.raises(PlanUnreadable) as err:
        PlanStore.open(tmp_plan)
    assert err.value.backups == [backup_path(tmp_plan, 1), backup_path(tmp_plan, 3)]
    assert str(backup_path(tmp_plan, 1)) in err.value.message("en")
    assert str(backup_path(tmp_plan, 1)) in err.value.message("id")
    assert _text_in(err.value.backups[0]) == "b.0"


def test_no_backup_says_where_else_to_look(tmp_plan):
    tmp_plan.write_bytes(b"garbage")
    with pytest.raises(PlanUnreadable) as err:
        PlanStore.open(tmp_plan)
    assert err.value.backups == []
    assert "flash drive" in err.value.message("en") and "flashdisk" in err.value.message("id")
