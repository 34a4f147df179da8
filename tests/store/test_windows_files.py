"""The plan's files as Windows has them (store/windows_files.py): the lock and temp files are
hidden in Explorer (so they are not copied along with the plan) and the plan never becomes
hidden through a rename; temp names differ between two laptops whose processes share an id;
a lock copied to the same path on another laptop is no lock there; a plan whose backups and
temp files would pass MAX_PATH says "too long", not "flash drive removed". Windows' calls are
faked here (sys.platform win32, a fake kernel32 and winreg); docs/windows.md lists the manual
checks on a real machine."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from smartcity_tui import cli
from smartcity_tui.i18n import set_language, t
from smartcity_tui.model.records import PlanInfo, SwotItem
from smartcity_tui.store import PlanLocked, PlanReadOnly, PlanStore, PlanWriteFailed, access, atomic, windows_files
from smartcity_tui.store import lock as lock_module
from smartcity_tui.store.lock import FORMAT, plan_key

HIDDEN = windows_files.FILE_ATTRIBUTE_HIDDEN
ARCHIVE = 0x20


class FakeFiles:
    """kernel32's attribute and drive calls over the real files of the test: attributes are
    kept per path, and a rename carries the renamed file's attributes, as MoveFileEx does."""

    def __init__(self, monkeypatch) -> None:
        self.attributes: dict[str, int] = {}
        self.refuse_reveal = False
        self.drive_types: dict[str, int] = {}
        self.dll = types.SimpleNamespace(
            GetFileAttributesW=lambda p: self._get(p), SetFileAttributesW=lambda p, a: self._set(p, a),
            GetDriveTypeW=lambda root: self.drive_types.get(root, 3))
        monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: self.dll, raising=False)
        monkeypatch.setattr(ctypes, "get_last_error", lambda: 5, raising=False)  # access denied
        real_replace = os.replace

        def replace(src, dst):
            real_replace(src, dst)
            self.attributes[str(dst)] = self.attributes.pop(str(src), ARCHIVE)

        monkeypatch.setattr(os, "replace", replace)

    def _get(self, path: str) -> int:
        if not os.path.exists(path):
            return windows_files.INVALID_FILE_ATTRIBUTES
        return self.attributes.setdefault(path, ARCHIVE)

    def _set(self, path: str, attributes: int) -> int:
        if self.refuse_reveal and not attributes & HIDDEN:
            return 0
        self.attributes[path] = attributes
        return 1

    def hidden(self, path: Path) -> bool:
        return bool(self.attributes.get(str(path), ARCHIVE) & HIDDEN)


@pytest.fixture
def windows(monkeypatch):
    """sys.platform win32 with faked attribute calls; the lock's byte lock stays POSIX's (the
    Windows one has its own tests in test_lock_os.py)."""
    fake = FakeFiles(monkeypatch)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(lock_module, "_locker", lambda: lock_module._PosixLocker())
    monkeypatch.setattr(windows_files, "long_paths_enabled", lambda: False)
    atomic_retry = atomic.retry_seconds()
    atomic.set_retry_seconds(0.05)
    yield fake
    atomic.set_retry_seconds(atomic_retry)


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")


# --- hidden files ------------------------------------------------------------------------------


def test_a_temp_file_is_hidden_while_written_and_the_plan_never_becomes_hidden(tmp_path, windows, monkeypatch):
    target = tmp_path / "plan.json"
    renamed, written_hidden = [], []
    fake_replace = os.replace  # the fake's: it carries the attributes

    def replace(src, dst):
        renamed.append((Path(src).name, windows.hidden(Path(src))))
        fake_replace(src, dst)

    real_hide = windows_files.hide

    def hide(path):
        done = real_hide(path)
        written_hidden.append(windows.hidden(path))
        return done

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(windows_files, "hide", hide)
    atomic.atomic_write_bytes(target, b"{}")
    assert written_hidden == [True]
    assert renamed == [(atomic.temp_path_for(target).name, False)]  # shown again before the rename
    assert target.read_bytes() == b"{}" and not windows.hidden(target)


def test_when_windows_will_not_show_the_temp_file_again_the_plan_is_left_as_it_was(tmp_path, windows):
    target = tmp_path / "plan.json"
    target.write_bytes(b"lama")
    windows.refuse_reveal = True
    with pytest.raises(OSError):
        atomic.atomic_write_bytes(target, b"baru")
    assert target.read_bytes() == b"lama" and not windows.hidden(target)
    assert not list(tmp_path.glob(".plan.json.*.tmp"))


def test_the_lock_file_is_hidden_while_the_plan_is_open(tmp_plan, windows):
    lock_path = tmp_plan.with_name(tmp_plan.name + ".lock")
    with PlanStore.open(tmp_plan) as store:
        assert windows.hidden(lock_path)
        store.add(SwotItem(pillar="economy", quadrant="S", text="Pasar desa ramai"))
        assert not windows.hidden(tmp_plan)  # saved through a hidden temp file, shown itself
        assert not any(windows.hidden(p) for p in tmp_plan.parent.glob("plan.backup-*.json"))
    assert not lock_path.exists()


def test_elsewhere_nothing_is_asked_of_windows(tmp_plan, monkeypatch):
    monkeypatch.setattr(ctypes, "WinDLL", lambda *a, **k: pytest.fail("kernel32 on Linux"), raising=False)
    with PlanStore.open(tmp_plan) as store:
        store.add(SwotItem(pillar="economy", quadrant="S", text="Pasar desa ramai"))


# --- temp names ------------------------------------------------------------------------------


def test_two_laptops_with_the_same_process_id_write_different_temp_files(tmp_path, monkeypatch):
    target = tmp_path / "plan.json"
    monkeypatch.setattr(os, "getpid", lambda: 4242)
    here = atomic.temp_path_for(target).name
    there = subprocess.run(
        [sys.executable, "-c", "import os, sys; from pathlib import Path; os.getpid = lambda: 4242; "
         "from smartcity_tui.store.atomic import temp_path_for; print(temp_path_for(Path(sys.argv[1])).name)",
         str(target)], capture_output=True, text=True, encoding="utf-8", check=True).stdout.strip()
    assert here.startswith(".plan.json.4242-") and there.startswith(".plan.json.4242-")
    assert here != there


def test_another_process_temp_files_are_still_found_in_either_shape(tmp_path):
    target = tmp_path / "plan.json"
    old_shape = tmp_path / ".plan.json.4242.tmp"
    new_shape = tmp_path / ".plan.json.4242-a1b2c3.tmp"
    own = atomic.temp_path_for(target)
    for p in (old_shape, new_shape, own):
        p.write_bytes(b"x")
    assert atomic.stale_temps(target) == sorted([old_shape, new_shape])


# --- a lock copied with the plan -------------------------------------------------------------


def _copied_lock(plan: Path) -> None:
    """What another laptop's session left in the lock file, copied along with the plan to the
    same path here (Documents\\smartcity-tui on laptops imaged alike)."""
    plan.with_name(plan.name + ".lock").write_text(json.dumps({
        "pid": 4242, "host": "LAPTOP-POKJA-3", "user": "Admin", "team": "Pokja Ekonomi",
        "since": "2026-11-22T09:00:00+07:00", "machine": "f" * 32, "plan": plan_key(plan), "lock": FORMAT,
    }), encoding="utf-8")


def test_on_windows_a_lock_from_another_laptop_on_this_disk_was_copied_and_is_no_lock(tmp_plan, windows,
                                                                                      monkeypatch):
    monkeypatch.setattr(windows_files, "on_network_drive", lambda path: False)
    _copied_lock(tmp_plan)
    with PlanStore.open(tmp_plan) as store:
        assert store.recovered_stale_lock is None  # nothing to say: no session of ours ended
        store.add(SwotItem(pillar="economy", quadrant="S", text="Pasar desa ramai"))


def test_on_a_network_drive_it_still_waits_for_a_person(tmp_plan, windows, monkeypatch):
    monkeypatch.setattr(windows_files, "on_network_drive", lambda path: True)
    _copied_lock(tmp_plan)
    with pytest.raises(PlanLocked, match="LAPTOP-POKJA-3"):
        PlanStore.open(tmp_plan)


def test_elsewhere_it_still_waits_for_a_person(tmp_plan):
    _copied_lock(tmp_plan)  # Linux and macOS cannot tell a network folder from their own disk
    with pytest.raises(PlanLocked, match="LAPTOP-POKJA-3"):
        PlanStore.open(tmp_plan)


@pytest.mark.parametrize(("path", "drive_type", "network"), [
    (r"C:\Users\Admin\Documents\smartcity-tui\rencana-induk.json", 3, False),  # fixed disk
    (r"E:\rencana.json", 2, False),  # a flash drive
    (r"Z:\bersama\rencana.json", 4, True),  # a mapped network drive
    (r"\\server\share\rencana.json", 3, True),
    (r"\\?\UNC\server\share\rencana.json", 3, True),
    (r"\\?\C:\Users\Admin\rencana.json", 3, False),
    (r"Q:\rencana.json", 1, True),  # no such drive: cautious
])
def test_network_drives_are_told_from_the_machines_own(windows, path, drive_type, network):
    windows.drive_types[path[4:7] if path.startswith("\\\\?\\C") else path[:3]] = drive_type
    assert windows_files.on_network_drive(path) is network


# --- paths near MAX_PATH ---------------------------------------------------------------------


def _deep_plan(tmp_path: Path, length: int) -> Path:
    """A plan file whose absolute path is `length` characters long."""
    folder = tmp_path
    while len(str(folder)) < length - 60:
        folder = folder / ("d" * min(40, length - 60 - len(str(folder))))
    name = "r" * (length - len(str(folder)) - 1 - len(".json")) + ".json"
    plan = folder / name
    assert len(str(plan)) == length
    folder.mkdir(parents=True, exist_ok=True)
    return plan


def _info() -> PlanInfo:
    return PlanInfo(region="Sukamaju", province="Jawa Tengah", start_year=2025, end_year=2029)


def test_the_longest_name_beside_the_plan_is_what_the_check_counts(tmp_path):
    plan = _deep_plan(tmp_path, 150)
    from smartcity_tui.store import backups

    longest = atomic.temp_path_for(backups.next_path(plan))
    assert len(str(longest)) <= len(str(plan)) + access.LONGEST_SIBLING_EXTRA
    assert len(str(plan)) + access.LONGEST_SIBLING_EXTRA - len(str(longest)) == 10 - len(str(os.getpid()))


def test_a_plan_too_deep_for_windows_opens_to_read_and_says_too_long(tmp_path, windows, monkeypatch):
    plan = _deep_plan(tmp_path, windows_files.MAX_PATH_CHARS - access.LONGEST_SIBLING_EXTRA + 1)
    monkeypatch.setattr(windows_files, "long_paths_enabled", lambda: True)
    PlanStore.create(plan, _info(), "Pokja").close()  # made where long paths work (another laptop)
    monkeypatch.setattr(windows_files, "long_paths_enabled", lambda: False)
    before = plan.read_bytes()
    with PlanStore.open(plan) as store:
        assert store.readonly and store.readonly_reason.key == access.TOO_LONG
        with pytest.raises(PlanReadOnly) as refused:
            store.add(SwotItem(pillar="economy", quadrant="S", text="Pasar desa ramai"))
        text = refused.value.message()
    assert "terlalu panjang" in text and "flashdisk" not in text
    assert plan.read_bytes() == before and not plan.with_name(plan.name + ".lock").exists()


def test_one_character_shorter_is_written_as_usual(tmp_path, windows):
    plan = _deep_plan(tmp_path, windows_files.MAX_PATH_CHARS - access.LONGEST_SIBLING_EXTRA)
    with PlanStore.create(plan, _info(), "Pokja") as store:
        assert not store.readonly
        store.add(SwotItem(pillar="economy", quadrant="S", text="Pasar desa ramai"))


def test_a_new_plan_too_deep_is_refused_before_anything_is_made(tmp_path, windows):
    plan = _deep_plan(tmp_path, windows_files.MAX_PATH_CHARS - 10)
    with pytest.raises(PlanWriteFailed) as refused:
        PlanStore.create(plan, _info(), "Pokja")
    assert t(access.TOO_LONG) in refused.value.message()
    assert list(plan.parent.iterdir()) == []


def test_with_long_paths_switched_on_nothing_is_refused(tmp_path, windows, monkeypatch):
    monkeypatch.setattr(windows_files, "long_paths_enabled", lambda: True)
    plan = _deep_plan(tmp_path, windows_files.MAX_PATH_CHARS - 10)
    with PlanStore.create(plan, _info(), "Pokja") as store:
        assert not store.readonly


def test_opening_a_path_past_max_path_says_too_long_not_missing(tmp_path, windows, capsys):
    plan = tmp_path.joinpath(*["x" * 50] * 6, "rencana.json")  # Windows answers "path not found" for it
    assert cli.main([str(plan)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and t(access.TOO_LONG) in err


@pytest.mark.parametrize(("value", "enabled"), [(1, True), (0, False), (None, False)])
def test_long_path_support_is_read_from_the_registry(monkeypatch, value, enabled):
    class Key:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def query(key, name):
        assert name == "LongPathsEnabled"
        if value is None:
            raise FileNotFoundError(2, "no value")
        return value, 4

    fake = types.SimpleNamespace(HKEY_LOCAL_MACHINE=object(), OpenKey=lambda root, sub: Key(), QueryValueEx=query)
    monkeypatch.setitem(sys.modules, "winreg", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    windows_files.long_paths_enabled.cache_clear()
    try:
        assert windows_files.long_paths_enabled() is enabled
    finally:
        windows_files.long_paths_enabled.cache_clear()


def test_an_emoji_in_the_folder_counts_two_as_windows_counts_it(tmp_path, windows):
    # Python counts 😀 as 1, Windows (UTF-16) as 2: a path that "fits" by len() does not
    emoji = tmp_path / ("😀" * 20)
    plan = _deep_plan(emoji, windows_files.MAX_PATH_CHARS - access.LONGEST_SIBLING_EXTRA)
    assert len(str(plan)) + access.LONGEST_SIBLING_EXTRA == windows_files.MAX_PATH_CHARS
    with pytest.raises(PlanWriteFailed) as refused:
        PlanStore.create(plan, _info(), "Pokja")
    assert t(access.TOO_LONG) in refused.value.message()
    assert list(plan.parent.iterdir()) == []
