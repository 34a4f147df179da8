"""The machine id: random, kept in the state folder, the same for every process here; two
laptops imaged from one disk (same host name) get different ids."""

from __future__ import annotations

import subprocess
import sys

from smartcity_tui.store import machine


def _fresh(monkeypatch, folder):
    monkeypatch.setenv(machine.ENV_DIR, str(folder))
    machine._machine_id_for.cache_clear()
    return machine.machine_id()


def test_the_id_is_made_once_and_kept(tmp_path, monkeypatch):
    first = _fresh(monkeypatch, tmp_path / "state")
    assert len(first) == 32 and (tmp_path / "state" / machine.FILE_NAME).read_text(encoding="utf-8").strip() == first
    assert _fresh(monkeypatch, tmp_path / "state") == first
    # another process of the same user reads the same id
    out = subprocess.run([sys.executable, "-c", "from smartcity_tui.store.machine import machine_id; print(machine_id())"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == first


def test_cloned_laptops_with_one_host_name_get_different_ids(tmp_path, monkeypatch):
    monkeypatch.setattr(machine.platform, "node", lambda: "LAPTOP-BAPPEDA")
    a = _fresh(monkeypatch, tmp_path / "laptop-a")
    b = _fresh(monkeypatch, tmp_path / "laptop-b")
    assert a != b


def test_a_damaged_id_file_is_replaced(tmp_path, monkeypatch):
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / machine.FILE_NAME).write_text("\x00\x00half", encoding="utf-8")
    new = _fresh(monkeypatch, folder)
    assert len(new) == 32 and new != "\x00\x00half"
    assert _fresh(monkeypatch, folder) == new


def test_an_unwritable_state_folder_still_gives_one_stable_id(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    a = _fresh(monkeypatch, blocker / "state")
    b = _fresh(monkeypatch, blocker / "state")
    assert a == b and len(a) == 32
