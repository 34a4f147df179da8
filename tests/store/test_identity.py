"""Every writing session of a plan file writes under a replica id of its own, so no two
writes can ever carry the same dot: not a copy on another laptop, not a file rolled back in
place, not laptops cloned from one image. Reading never changes the file. Schema-1 files open,
and are upgraded on their first write."""

from __future__ import annotations

import json
import platform
import shutil

from smartcity_tui.model.revision import merge_states
from smartcity_tui.store import PlanStore, machine


def _meta(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["_meta"]["1"]


def _dots(store: PlanStore) -> set[tuple[str, int]]:
    return {s.dot for st in store.states() for sibs in st.fields.values() for s in sibs}


def test_each_writing_session_takes_a_replica_id_never_used_before(tmp_plan):
    seen = {_meta(tmp_plan)["replica"]["id"]}
    before = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan) as store:
        store.plan()
    assert tmp_plan.read_bytes() == before  # reading alone changes nothing
    for text in ("a", "b", "c"):
        with PlanStore.open(tmp_plan) as store:
            store.update(store.plan().swot[0].id, text=text)
            store.update(store.plan().swot[1].id, text=text + "2")  # one session, one replica
            assert store.replica_id not in seen
            seen.add(store.replica_id)
            assert store.state(store.plan().swot[1].id).fields["text"][0].dot == (store.replica_id, 2)
    assert len(seen) == 4


def test_a_copy_keeps_what_its_records_had_seen(tmp_plan, tmp_path):
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


def test_a_plan_rolled_back_in_place_on_a_machine_that_remembers_nothing_loses_no_edit(tmp_plan, tmp_path, monkeypatch):
    """A backup copied back over the plan by hand, on another account (a fresh state folder,
    so no memory of earlier writes): the edit that already left in a bundle and the edit made
    after the roll-back both survive the merge, as a conflict, never one silently dropped."""
    old_bytes = tmp_plan.read_bytes()
    with PlanStore.open(tmp_plan) as store:
        sid, pid = store.plan().swot[0].id, store.plan().programmes[0].id
        store.update(sid, text="dikirim lewat bundel")
        store.update(pid, lead_agency="Diskominfo")
        travelled = {r: store.state(r) for r in (sid, pid)}
        travelled_dots = _dots(store)
    tmp_plan.write_bytes(old_bytes)
    monkeypatch.setenv("SMARTCITY_TUI_STATE_DIR", str(tmp_path / "another-account"))
    machine._machine_id_for.cache_clear()
    with PlanStore.open(tmp_plan) as store:
        store.update(sid, text="diubah setelah dikembalikan")
        store.update(store.plan().programmes[0].id, budget_by_source={"apbd": {2025: 1}})
        mine = {r: store.state(r) for r in (sid, pid)}
        assert not ((_dots(store) - travelled_dots) & travelled_dots)
    text = merge_states(travelled[sid], mine[sid]).fields["text"]
    assert sorted(s.value for s in text) == ["dikirim lewat bundel", "diubah setelah dikembalikan"]
    prog = merge_states(travelled[pid], mine[pid])
    assert prog.value("lead_agency") == "Diskominfo" and prog.value("budget_apbd_2025") == 1


def test_laptops_cloned_from_one_image_never_share_a_replica(tmp_plan, tmp_path, monkeypatch):
    """Same host name, same user, same plan path: each laptop's session is its own replica."""
    monkeypatch.setattr(platform, "node", lambda: "LAPTOP-DISKOMINFO")
    handed_out = tmp_plan.read_bytes()
    states = []
    for laptop, agency in (("laptop-1", "Bappeda"), ("laptop-2", "Dinkes")):
        tmp_plan.write_bytes(handed_out)
        monkeypatch.setenv("SMARTCITY_TUI_STATE_DIR", str(tmp_path / laptop))
        machine._machine_id_for.cache_clear()
        with PlanStore.open(tmp_plan) as store:
            pid = store.plan().programmes[0].id
            store.update(pid, lead_agency=agency)
            states.append(store.state(pid))
    merged = merge_states(*states)
    assert sorted(s.value for s in merged.fields["lead_agency"]) == ["Bappeda", "Dinkes"]


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
    assert meta["schema"] >= 2
    assert meta["replica"]["id"] not in ("", "old0replica0001") and meta["replica"]["path"] and meta["replica"]["machine"]
    assert vv["old0replica0001"] == 3 and vv[meta["replica"]["id"]] == 1
    assert meta["teams"]["old0replica0001"] == "Pokja Lama"  # its writes keep their team's name
    with PlanStore.open(path) as again:
        assert again.get("swot-1").text == "Habaring hurung (gotong royong)"


def test_a_new_team_name_keeps_the_old_name_on_the_writes_made_under_it(tmp_plan, tmp_path):
    """A group renaming the merged plan handed back to it: the secretariat's writes keep the
    secretariat's name (a replica id names one team forever), the save time moves on, so the
    top bar says it was saved."""
    import datetime as dt

    copy = tmp_path / "pokja" / "plan.json"
    copy.parent.mkdir()
    shutil.copyfile(tmp_plan, copy)
    original = _meta(tmp_plan)["replica"]["id"]
    later = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
    seen = []
    with PlanStore.open(copy, clock=lambda: later) as store:
        store.listeners.append(lambda: seen.append(store.team))
        store.update(store.plan().swot[0].id, text="sebelum ganti nama")
        before_rename = store.replica_id
        store.set_team("Pokja Smart Living")
        assert store.replica_id not in (original, before_rename) and seen[-1] == "Pokja Smart Living"
        store.update(store.plan().swot[0].id, text="sesudah ganti nama")
    meta = _meta(copy)
    assert (meta["team"], meta["saved_at"]) == ("Pokja Smart Living", later.isoformat())
    assert meta["teams"][original] == "Pokja Governance"
    assert meta["teams"][before_rename] == "Pokja Governance"  # written before the new name
    assert _meta(tmp_plan)["team"] == "Pokja Governance"


def test_a_plan_last_written_on_another_laptop_is_handed_over_until_its_first_write_here(tmp_plan, tmp_path, monkeypatch):
    with PlanStore.open(tmp_plan) as store:
        assert not store.handed_over  # where it was made
    monkeypatch.setenv("SMARTCITY_TUI_STATE_DIR", str(tmp_path / "laptop-pokja"))
    machine._machine_id_for.cache_clear()
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


def test_another_folder_or_drive_letter_on_the_same_laptop_is_not_another_team(tmp_plan, tmp_path):
    """A flash drive that comes back as F: instead of E:: the group's own plan."""
    moved = tmp_path / "F" / "plan.json"
    moved.parent.mkdir()
    shutil.move(tmp_plan, moved)
    with PlanStore.open(moved) as store:
        assert not store.handed_over


def test_a_file_from_before_machine_ids_written_on_this_host_is_not_handed_over(tmp_plan):
    data = json.loads(tmp_plan.read_text(encoding="utf-8"))
    data["_meta"]["1"]["replica"]["machine"] = platform.node()
    tmp_plan.write_text(json.dumps(data), encoding="utf-8")
    with PlanStore.open(tmp_plan) as store:
        assert not store.handed_over


def test_a_homeless_file_is_not_handed_over(tmp_plan, tmp_path):
    """A backup put back or the shipped sample plan belongs to no team's place."""
    data = json.loads(tmp_plan.read_text(encoding="utf-8"))
    data["_meta"]["1"]["replica"].update(path="", machine="")
    homeless = tmp_path / "contoh" / "plan.json"
    homeless.parent.mkdir()
    homeless.write_text(json.dumps(data), encoding="utf-8")
    with PlanStore.open(homeless) as store:
        assert not store.handed_over
