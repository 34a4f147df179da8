"""A copied plan file takes a fresh replica id on its first write (two copies writing as one
replica would lose edits in a merge); the same file reopened where it lives keeps its own.
Schema-1 files open, and are upgraded on their first write."""

from __future__ import annotations

import json
import platform
import shutil

from smartcity_tui.model.revision import merge_states
from smartcity_tui.store import PlanStore


def _meta(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["_meta"]["1"]


def test_reopened_at_the_same_path_keeps_its_replica(tmp_plan):
    first = _meta(tmp_plan)["replica"]["id"]
    for text in ("a", "b"):
        with PlanStore.open(tmp_plan) as store:
            store.update(store.plan().swot[0].id, text=text)
            assert store.replica_id == first
    assert _meta(tmp_plan)["replica"]["id"] == first


def test_a_copy_takes_a_fresh_replica_on_first_write_and_keeps_history(tmp_plan, tmp_path):
    copy = tmp_path / "flashdisk" / "plan.json"
    copy.parent.mkdir()
    shutil.copyfile(tmp_plan, copy)
    original = _meta(tmp_plan)["replica"]["id"]
    with PlanStore.open(copy) as store:
        assert store.replica_id == original  # reading alone changes nothing
        rid = store.plan().swot[0].id
        old_vv = dict(store.state(rid).vv)
        store.update(rid, text="diubah di salinan")
        fresh = store.replica_id
        state = store.state(rid)
    assert fresh != original
    assert state.fields["text"][0].dot == (fresh, 1)  # its own counter, from the start
    assert state.vv == {**old_vv, fresh: 1}  # the version vector keeps what it had seen
    meta = _meta(copy)
    assert meta["replica"]["id"] == fresh and meta["replica"]["path"].endswith("plan.json")
    assert _meta(tmp_plan)["replica"]["id"] == original


def test_copy_and_original_edits_merge_as_a_conflict_not_a_loss(tmp_plan, tmp_path):
    copy = tmp_path / "copy.json"
    shutil.copyfile(tmp_plan, copy)
    with PlanStore.open(tmp_plan) as a, PlanStore.open(copy) as b:
        rid = a.plan().swot[0].id
        a.update(rid, text="versi sekretariat")
        b.update(rid, text="versi pokja")
        merged = merge_states(a.state(rid), b.state(rid))
    assert sorted(s.value for s in merged.fields["text"]) == ["versi pokja", "versi sekretariat"]


def test_another_machine_takes_a_fresh_replica(tmp_plan, monkeypatch):
    original = _meta(tmp_plan)["replica"]["id"]
    monkeypatch.setattr(platform, "node", lambda: "laptop-pokja-5")
    with PlanStore.open(tmp_plan) as store:
        store.update(store.plan().swot[0].id, text="dari laptop lain")
        assert store.replica_id != original
    assert _meta(tmp_plan)["replica"]["machine"] == "laptop-pokja-5"


def _write_v1(path, plan_id: str = "plan-v1") -> bytes:
    """A schema-1 file as the first release wrote it: the replica has no home."""
    data = {
        "_meta": {"1": {"format": "smartcity-tui plan", "schema": 1, "plan_id": plan_id, "team": "Pokja Lama",
                        "replica": {"id": "old0replica0001"}, "counter": 3, "created": "2025-01-10T09:00:00+07:00",
                        "saved_at": "2025-01-10T10:00:00+07:00"}},
        "records": {
            "1": {"id": plan_id, "kind": "plan", "vv": {"old0replica0001": 1},
                  "f": {"region": [{"d": ["old0replica0001", 1], "v": "Kotim"}],
                        "start_year": [{"d": ["old0replica0001", 1], "v": 2021}],
                        "end_year": [{"d": ["old0replica0001", 1], "v": 2026}]}},
            "2": {"id": "swot-1", "kind": "swot", "vv": {"old0replica0001": 3},
                  "f": {"pillar": [{"d": ["old0replica0001", 2], "v": "economy"}],
                        "quadrant": [{"d": ["old0replica0001", 2], "v": "S"}],
                        "text": [{"d": ["old0replica0001", 3], "v": "Habaring hurung"}]}},
        },
    }
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    return raw


def test_schema_1_opens_unchanged_and_upgrades_with_a_fresh_replica_on_first_write(tmp_path):
    path = tmp_path / "kotim.json"
    raw = _write_v1(path)
    with PlanStore.open(path) as store:
        plan = store.plan()
        assert (plan.info.region, plan.info.start_year, plan.info.end_year) == ("Kotim", 2021, 2026)
        assert store.get("swot-1").text == "Habaring hurung"
        assert store.team == "Pokja Lama"
    assert path.read_bytes() == raw  # opening and reading never rewrite the file
    with PlanStore.open(path) as store:
        store.update("swot-1", text="Habaring hurung (gotong royong)")
        assert store.replica_id != "old0replica0001"
        vv = store.state("swot-1").vv
    meta = _meta(path)
    assert meta["schema"] == 2
    assert meta["replica"]["id"] not in ("", "old0replica0001") and meta["replica"]["path"] and meta["replica"]["machine"]
    assert vv["old0replica0001"] == 3 and vv[meta["replica"]["id"]] == 1
    with PlanStore.open(path) as again:
        assert again.get("swot-1").text == "Habaring hurung (gotong royong)"


def test_naming_the_team_of_a_copy_is_its_first_write(tmp_plan, tmp_path):
    """A group renaming the merged plan handed back to it: the copy takes its own replica
    there and then (the team name must not be put on the secretariat's replica), and the
    save time moves on, so the top bar says it was saved."""
    import datetime as dt

    copy = tmp_path / "pokja" / "plan.json"
    copy.parent.mkdir()
    shutil.copyfile(tmp_plan, copy)
    original = _meta(tmp_plan)["replica"]["id"]
    later = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
    seen = []
    with PlanStore.open(copy, clock=lambda: later) as store:
        store.listeners.append(lambda: seen.append(store.team))
        store.set_team("Pokja Smart Living")
        assert store.replica_id != original and seen == ["Pokja Smart Living"]
    meta = _meta(copy)
    assert (meta["team"], meta["saved_at"]) == ("Pokja Smart Living", later.isoformat())
    assert meta["replica"]["id"] != original
    assert _meta(tmp_plan)["team"] == "Pokja Governance"


def test_a_plan_written_elsewhere_is_known_as_handed_over_until_its_first_write_here(tmp_plan, tmp_path):
    with PlanStore.open(tmp_plan) as store:
        assert not store.handed_over  # where it was made
    copy = tmp_path / "flashdisk" / "plan.json"
    copy.parent.mkdir()
    shutil.copyfile(tmp_plan, copy)
    with PlanStore.open(copy, readonly=True) as store:
        assert not store.handed_over  # only looking: nothing to warn about
    with PlanStore.open(copy) as store:
        assert store.handed_over
        store.update(store.plan().swot[0].id, text="diubah di sini")
        assert not store.handed_over
    with PlanStore.open(copy) as store:
        assert not store.handed_over  # it lives here now


def test_a_homeless_file_is_not_handed_over(tmp_plan, tmp_path):
    """A backup put back or the shipped sample plan belongs to no team's place."""
    import json

    data = json.loads(tmp_plan.read_text(encoding="utf-8"))
    data["_meta"]["1"]["replica"].update(path="", machine="")
    homeless = tmp_path / "contoh" / "plan.json"
    homeless.parent.mkdir()
    homeless.write_text(json.dumps(data), encoding="utf-8")
    with PlanStore.open(homeless) as store:
        assert not store.handed_over
