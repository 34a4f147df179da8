"""The temp-file sweep never deletes the only copy of the newest save (Windows review A6): a
temp file that is a whole plan newer than the plan in place (or with no plan in place) is kept
as plan.recovered-N.json and the person is told; torn or older ones go as before."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from smartcity_tui.store import PlanMissingRecovered, PlanNotFound, PlanStore, PlanUnreadable, opening
from smartcity_tui.store.rescue import recovered_path


def _temp(plan: Path, pid: int = 99999) -> Path:
    return plan.with_name(f".{plan.name}.{pid}.tmp")


def _variant(plan: Path, *, counter: int = 0, saved: str | None = None, replica: str | None = None,
             text: str = "tersimpan sebelum listrik padam") -> bytes:
    """The plan as another save would have written it."""
    data = json.loads(plan.read_bytes())
    meta = data["_meta"]["1"]
    meta["counter"] += counter
    if saved is not None:
        meta["saved_at"] = saved
    if replica is not None:
        meta["replica"]["id"] = replica
    first = next(d for d in data["records"].values() if d["kind"] == "swot")
    first["f"]["text"][0]["v"] = text
    return json.dumps(data).encode("utf-8")


def _saved_at(plan: Path, seconds: int) -> str:
    when = _dt.datetime.fromisoformat(json.loads(plan.read_bytes())["_meta"]["1"]["saved_at"])
    return (when + _dt.timedelta(seconds=seconds)).isoformat()


@pytest.fixture
def told(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(opening, "notice_sink", said.append)
    return said


def test_a_newer_save_left_as_a_temp_file_is_kept_and_said(tmp_plan, told):
    newer = _variant(tmp_plan, counter=1)
    _temp(tmp_plan).write_bytes(newer)
    plan_before = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan) as store:
        assert store.recovered_copies == (recovered_path(tmp_plan, 1),)
    assert recovered_path(tmp_plan, 1).read_bytes() == newer
    assert tmp_plan.read_bytes() == plan_before and not _temp(tmp_plan).exists()
    assert len(told) == 1 and str(recovered_path(tmp_plan, 1)) in told[0] and "restore" in told[0]


@pytest.mark.parametrize("how", ["merge write (same counter, later)", "another replica, later"])
def test_newer_is_judged_by_save_time_where_counters_cannot_tell(tmp_plan, how):
    later = _saved_at(tmp_plan, 60)
    replica = "a" * 16 if how.startswith("another") else None
    _temp(tmp_plan).write_bytes(_variant(tmp_plan, saved=later, replica=replica))
    with PlanStore.open(tmp_plan) as store:
        assert store.recovered_copies == (recovered_path(tmp_plan, 1),)


@pytest.mark.parametrize("content", [
    lambda plan: _variant(plan, counter=-1),  # an older save of this replica
    lambda plan: _variant(plan, saved=_saved_at(plan, -60), replica="a" * 16),  # older, another replica
    lambda plan: plan.read_bytes()[:200],  # torn mid-write: never acknowledged
    lambda plan: plan.read_bytes(),  # the very save that is in place
], ids=["older counter", "older time", "torn", "same"])
def test_older_torn_or_identical_temp_files_are_removed(tmp_plan, told, content):
    _temp(tmp_plan).write_bytes(content(tmp_plan))
    with PlanStore.open(tmp_plan) as store:
        assert store.recovered_copies == ()
    assert not _temp(tmp_plan).exists() and not recovered_path(tmp_plan, 1).exists()
    assert told == []


def test_a_missing_plan_with_a_surviving_temp_offers_it_instead_of_a_new_plan(tmp_plan):
    # a FAT flash drive pulled between the delete and the rename of a save
    _temp(tmp_plan).write_bytes(_variant(tmp_plan, counter=1))
    tmp_plan.unlink()
    for _ in range(2):  # the copy stays offered until someone acts
        with pytest.raises(PlanMissingRecovered) as err:
            PlanStore.open(tmp_plan)
        assert err.value.recovered == [recovered_path(tmp_plan, 1)]
        msg = err.value.message("en")
        assert str(recovered_path(tmp_plan, 1)) in msg and f"restore {tmp_plan} --from" in msg
    assert not tmp_plan.with_name(tmp_plan.name + ".lock").exists()


def test_a_missing_plan_without_any_copy_is_simply_not_found(tmp_plan):
    _temp(tmp_plan).write_bytes(b"{torn")
    tmp_plan.unlink()
    with pytest.raises(PlanNotFound):
        PlanStore.open(tmp_plan)
    assert not _temp(tmp_plan).exists()


def test_a_reader_never_touches_temp_files(tmp_plan):
    _temp(tmp_plan).write_bytes(_variant(tmp_plan, counter=1))
    PlanStore.open(tmp_plan, readonly=True).close()
    assert _temp(tmp_plan).exists() and not recovered_path(tmp_plan, 1).exists()


def test_an_empty_plan_beside_a_whole_temp_file_offers_that_save_and_deletes_nothing(tmp_plan):
    # a pulled FAT32 drive: the plan left at 0 bytes, the last save whole in its temp file
    last_save = _variant(tmp_plan, counter=1)
    _temp(tmp_plan).write_bytes(last_save)
    torn = _temp(tmp_plan, pid=88888)
    torn.write_bytes(b'{"_meta": {"1"')
    tmp_plan.write_bytes(b"")
    with pytest.raises(PlanUnreadable) as err:
        PlanStore.open(tmp_plan)
    assert err.value.recovered == [recovered_path(tmp_plan, 1)]
    msg = err.value.message("en")
    assert str(recovered_path(tmp_plan, 1)) in msg and "no good backup" not in msg, msg
    assert recovered_path(tmp_plan, 1).read_bytes() == last_save
    assert tmp_plan.read_bytes() == b"" and torn.exists(), "nothing deleted or written over"
    assert not tmp_plan.with_name(tmp_plan.name + ".lock").exists()


def test_a_damaged_plan_does_not_offer_a_temp_file_of_another_plan(tmp_plan):
    other = json.loads(_variant(tmp_plan, counter=1))
    other["_meta"]["1"]["plan_id"] = "00000000-0000-4000-8000-000000000000"
    tmp_plan.with_name(tmp_plan.stem + ".backup-1.json").write_bytes(tmp_plan.read_bytes())  # names the plan's id
    _temp(tmp_plan).write_bytes(json.dumps(other).encode("utf-8"))
    tmp_plan.write_bytes(b"")
    with pytest.raises(PlanUnreadable) as err:
        PlanStore.open(tmp_plan)
    assert err.value.recovered == [] and "backup-1" in err.value.message("en")
    assert _temp(tmp_plan).exists() and not recovered_path(tmp_plan, 1).exists()
