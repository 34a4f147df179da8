"""Exports as Windows laptops make them: MAX_PATH checked before anything is written, a
rename that waits while an antivirus holds the fresh files, and the leftovers of an export
killed midway removed by the next one (only those, by their exact names)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from bundle_helpers import export, make_plan
from smartcity_tui.bundle import BundleError, read_bundle
from smartcity_tui.bundle import safe_write


@pytest.fixture
def store(tmp_path):
    with make_plan(tmp_path / "plan.json") as s:
        yield s


def _on_windows(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")


# --- MAX_PATH -----------------------------------------------------------------------------

@pytest.mark.parametrize("zip_", [False, True])
def test_a_folder_too_deep_for_windows_is_refused_before_writing(store, tmp_path, monkeypatch, zip_):
    deep = tmp_path / ("OneDrive - Pemerintah Kabupaten Wonosari Raya" + "x" * 90) / "Dokumen"
    deep.mkdir(parents=True)
    with monkeypatch.context() as m:
        _on_windows(m)
        with pytest.raises(BundleError) as err:
            export(store, deep, zip=zip_)
    assert err.value.key == "path_too_long"
    assert list(deep.iterdir()) == []  # nothing written, not even the temporary tree
    for lang, words in (("id", "terlalu panjang"), ("en", "too long")):
        msg = err.value.message(lang)
        assert words in msg and str(deep) in msg and str(err.value.params["max"]) in msg
    assert err.value.params["max"] in (259, 247) and err.value.params["n"] > err.value.params["max"]


def test_the_check_counts_the_deepest_file_of_a_folder_bundle(store, tmp_path, monkeypatch):
    """Short enough for the zip's one file, too long for pillars/environment.toml inside the
    temporary folder: the folder bundle is refused, the zip is written."""
    for extra in range(60, 160):
        out = tmp_path / f"o{extra}" / ("d" * extra)
        final_zip = len(str(out)) + 1 + len("wonosari-raya_pokja-smart-economy_2026-11-22_1430.zip")
        temp_zip = final_zip + 2 + len(str(os.getpid())) + len(".partial")
        temp_env = temp_zip - len(".zip") + len("/pillars/environment.toml")
        if temp_zip <= 259 < temp_env:
            break
    else:
        raise AssertionError("no folder depth between the two limits")
    out.mkdir(parents=True)
    with monkeypatch.context() as m:
        _on_windows(m)
        with pytest.raises(BundleError):
            export(store, out)
        written = export(store, out, zip=True).path
    assert read_bundle(written).plan_id == store.plan_id


def test_linux_paths_are_not_held_to_windows_limits(store, tmp_path):
    deep = tmp_path / ("x" * 200)
    deep.mkdir()
    assert read_bundle(export(store, deep).path).plan_id == store.plan_id


# --- an antivirus holding the fresh files ---------------------------------------------------

def _held(times: int, winerror: int = 32):
    """os.replace that fails `times` times as Windows does while a file is held open."""
    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append(src)
        if len(calls) <= times:
            e = PermissionError(errno.EACCES, "The process cannot access the file because it is being used by another process")
            e.winerror = winerror
            raise e
        return real(src, dst)
    return replace, calls


class _Clock:
    """The retry loop's clock (store/atomic.py's `time`): sleeping only moves it on."""

    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def monotonic(self):
        return self.now

    def sleep(self, s):
        self.sleeps.append(s)
        self.now += s


def _patient(monkeypatch, replace):
    from smartcity_tui.store import atomic
    clock = _Clock()
    monkeypatch.setattr(safe_write.os, "replace", replace)
    monkeypatch.setattr(atomic, "time", clock)
    return clock


@pytest.mark.parametrize("winerror", [5, 32, 33])
@pytest.mark.parametrize("zip_", [False, True])
def test_the_rename_waits_while_an_antivirus_holds_the_files(store, tmp_path, monkeypatch, winerror, zip_):
    """Longer than the app's own saves wait (it lowers their retry to keep the screen live)."""
    from smartcity_tui.store import atomic
    monkeypatch.setattr(atomic, "_retry_seconds", 0.5)
    replace, calls = _held(12, winerror)
    clock = _patient(monkeypatch, replace)
    result = export(store, tmp_path / "flashdisk", zip=zip_)
    assert len(calls) == 13 and read_bundle(result.path).plan_id == store.plan_id
    assert clock.now > 0.5
    assert clock.sleeps == sorted(clock.sleeps) and clock.now < safe_write.RENAME_PATIENCE_SECONDS


def test_a_file_held_for_good_gives_up_after_about_ten_seconds(store, tmp_path, monkeypatch):
    replace, calls = _held(10_000)
    clock = _patient(monkeypatch, replace)
    out = tmp_path / "flashdisk"
    with pytest.raises(BundleError) as err:
        export(store, out)
    assert safe_write.RENAME_PATIENCE_SECONDS <= clock.now <= safe_write.RENAME_PATIENCE_SECONDS + 1
    assert list(out.iterdir()) == []
    assert "dipakai program lain" in err.value.message("id")


def test_a_real_permission_problem_is_not_waited_for(store, tmp_path, monkeypatch):
    """Without a Windows 'file in use' code (a folder without write permission), no waiting."""
    def denied(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")
    clock = _patient(monkeypatch, denied)
    with pytest.raises(BundleError):
        export(store, tmp_path / "flashdisk")
    assert clock.sleeps == []


# --- leftovers of an export killed midway ---------------------------------------------------

def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_the_next_export_removes_what_a_killed_export_left(store, tmp_path):
    out = tmp_path / "flashdisk"
    out.mkdir()
    dead = _dead_pid()
    name = "wonosari-raya_pokja-smart-economy_2026-11-20_0900"
    left_tree = out / f".{name}.{dead}.partial"
    (left_tree / "pillars").mkdir(parents=True)
    (left_tree / "pillars" / "economy.toml").write_bytes(b"x" * 1000)
    left_zip = out / f".{name}-2.zip.{dead}.partial"
    left_zip.write_bytes(b"PK")
    left_failed = out / f".{name}.{dead}.failed"
    left_failed.mkdir()
    own = out / f".{name}.{os.getpid()}.partial"
    own.mkdir()
    keep = [
        out / f".{name}.{os.getppid()}.partial",  # an export running right now elsewhere
        out / f".{name}.{dead}.partial.txt",
        out / f"{name}.{dead}.partial",  # not hidden: not ours
        out / ".catatan.123.partial",
        out / f".{name}.{dead}.tmp",
        out / "rencana.json",
        out / name,  # a finished bundle
    ]
    for k in keep:
        k.mkdir() if k.suffix in (".partial", "") else k.write_bytes(b"jangan dihapus")
    result = export(store, out)
    for gone in (left_tree, left_zip, left_failed, own):
        assert not gone.exists()
    for k in keep:
        assert k.exists(), k
    assert result.path.exists()


def test_an_unreadable_folder_entry_does_not_stop_the_export(store, tmp_path, monkeypatch):
    out = tmp_path / "flashdisk"
    out.mkdir()
    left = out / f".wonosari-raya_pokja_2026-11-20_0900.{_dead_pid()}.partial"
    left.mkdir()
    monkeypatch.setattr(safe_write.shutil, "rmtree", lambda p: (_ for _ in ()).throw(OSError(errno.EBUSY, "busy")))
    assert read_bundle(export(store, out).path).plan_id == store.plan_id
    assert left.exists()  # still there, tried again next time


def test_an_emoji_in_the_target_folder_counts_two_as_windows_counts_it(tmp_path, monkeypatch):
    from smartcity_tui.bundle.safe_write import WINDOWS_MAX_FILE_PATH, check_path_lengths

    folder = tmp_path / ("😀" * 30)
    final = folder / "b.zip"
    pad = WINDOWS_MAX_FILE_PATH - len(str(final)) - 1
    final = folder / ("b" * pad + ".zip")
    assert len(str(final)) < WINDOWS_MAX_FILE_PATH  # fits by Python's count, not by Windows'
    with monkeypatch.context() as m:
        _on_windows(m)
        with pytest.raises(BundleError) as err:
            check_path_lengths(final, final, {}, folder_bundle=False)
    assert err.value.key == "path_too_long" and err.value.params["n"] == len(str(final)) + 30
