"""One writer per plan file: the second is told who holds it; a lock left by a crash is
recovered; a lock from another laptop waits for a person to break it."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time

import pytest

from smartcity_tui.store import PlanLocked, PlanStore


def _lock_path(plan):
    return plan.with_name(plan.name + ".lock")


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_lock(plan, **holder) -> None:
    info = {"pid": os.getpid(), "host": platform.node(), "user": "budi", "team": "Pokja Ekonomi",
            "since": "2026-11-22T09:00:00", **holder}
    _lock_path(plan).write_text(json.dumps(info), encoding="utf-8")


def test_second_open_is_refused_naming_the_holder(tmp_plan):
    with PlanStore.open(tmp_plan):
        with pytest.raises(PlanLocked) as err:
            PlanStore.open(tmp_plan)
    msg = err.value.message("en")
    assert "Pokja Governance" in msg and str(os.getpid()) in msg and platform.node() in msg
    assert "Pokja Governance" in err.value.message("id")
    # the person is told which plan is open elsewhere, not the name of a lock file
    assert f"{tmp_plan} is open" in msg and ".lock" not in msg


def test_lock_is_released_on_close(tmp_plan):
    store = PlanStore.open(tmp_plan)
    assert _lock_path(tmp_plan).exists()
    store.close()
    assert not _lock_path(tmp_plan).exists()
    PlanStore.open(tmp_plan).close()


def test_stale_lock_of_a_dead_process_is_recovered(tmp_plan):
    _write_lock(tmp_plan, pid=_dead_pid())  # as an older app wrote it: no OS lock behind it
    with PlanStore.open(tmp_plan) as store:
        holder = json.loads(_lock_path(tmp_plan).read_text(encoding="utf-8"))
        assert holder["pid"] == os.getpid()
        assert store.recovered_stale_lock is not None and store.recovered_stale_lock.team == "Pokja Ekonomi"
        store.update(store.plan().swot[0].id, text="ditulis setelah kunci basi")


def test_a_holder_killed_before_cutting_the_old_text_is_recovered_at_once(tmp_plan):
    # The lock's text is written over the old one, then the file is cut to length: an app
    # killed between the two leaves its own text followed by the tail of a longer old one
    # (the crash test met it). That is still its text: the next open recovers it at once,
    # not "open in ?" for the seconds a half-written lock is waited out.
    _write_lock(tmp_plan, pid=_dead_pid(), team="Pokja")
    text = _lock_path(tmp_plan).read_bytes()
    _lock_path(tmp_plan).write_bytes(text + b'ekonomi Kreatif", "since": "2026-11-22T09:00:00"}')
    with PlanStore.open(tmp_plan) as store:
        assert store.recovered_stale_lock is not None and store.recovered_stale_lock.team == "Pokja"


def test_lock_from_another_laptop_needs_break_lock(tmp_plan):
    _write_lock(tmp_plan, host="laptop-pokja-3", pid=4242)
    with pytest.raises(PlanLocked, match="laptop-pokja-3"):
        PlanStore.open(tmp_plan)
    assert json.loads(_lock_path(tmp_plan).read_text(encoding="utf-8"))["host"] == "laptop-pokja-3"
    with PlanStore.open(tmp_plan, break_lock=True):
        assert json.loads(_lock_path(tmp_plan).read_text(encoding="utf-8"))["pid"] == os.getpid()
    assert not _lock_path(tmp_plan).exists()


def test_a_live_process_on_this_machine_keeps_its_lock(tmp_plan):
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write_lock(tmp_plan, pid=proc.pid)
        with pytest.raises(PlanLocked, match=str(proc.pid)):
            PlanStore.open(tmp_plan)
    finally:
        proc.kill()
        proc.wait()


def test_an_empty_lock_file_is_free_and_a_garbled_one_is_waited_out_until_it_is_old(tmp_plan):
    # empty: a process died (or lost the race) between making the file and writing its name
    _lock_path(tmp_plan).write_bytes(b"")
    PlanStore.open(tmp_plan).close()
    # garbled: an older app may be writing it this instant; only an old one is debris
    _lock_path(tmp_plan).write_bytes(b'{"pid": 12')
    with pytest.raises(PlanLocked):
        PlanStore.open(tmp_plan)
    old = time.time() - 60
    os.utime(_lock_path(tmp_plan), (old, old))
    PlanStore.open(tmp_plan).close()


def test_closing_does_not_remove_someone_elses_lock(tmp_plan):
    store = PlanStore.open(tmp_plan)
    _write_lock(tmp_plan, host="laptop-lain", pid=7)  # someone broke our lock and took it
    store.close()
    assert json.loads(_lock_path(tmp_plan).read_text(encoding="utf-8"))["host"] == "laptop-lain"


def test_temp_files_of_a_killed_writer_are_cleared_by_the_next_writer_not_by_a_reader(tmp_plan):
    debris = [tmp_plan.with_name(".plan.json.99999.tmp"), tmp_plan.with_name(".plan.backup-1.json.99998.tmp"),
              tmp_plan.with_name(".plan.json.lock.99997.tmp")]
    other = tmp_plan.with_name(".other.json.99999.tmp")  # another file's: not ours to delete
    for p in (*debris, other):
        p.write_bytes(b"{half")
    PlanStore.open(tmp_plan, readonly=True).close()
    assert all(p.exists() for p in debris)
    PlanStore.open(tmp_plan).close()
    assert not any(p.exists() for p in debris)
    assert other.exists()
