"""Writing commands on a plan that cannot be written where it is (issue 10 #8) answer one line,
exit 2, nothing changed; exporting (a read) still works. The app's launcher opens such a plan
to read instead of crashing."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.store import PlanStore
from smartcity_tui.store import lock as lock_module
from smartcity_tui.store.access import DRIVE, FILE
from smartcity_tui.ui.launch import open_plan

ROOT = Path(__file__).resolve().parents[2]
BUNDLES = sorted(str(p) for p in (ROOT / "sample_data" / "bundles").iterdir() if not p.name.startswith("."))
NEW_ARGS = ["--region", "Wonosari", "--kind", "kabupaten", "--province", "Jawa Tengah",
            "--start", "2025", "--end", "2029", "--team", "Pokja 1"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    shutil.copyfile(SAMPLE, path)
    with PlanStore.open(path) as store:  # one session, so that there is a backup to restore
        store.update(store.plan().swot[0].id, text="diubah sekali")
    return path


@pytest.fixture
def read_only_plan(plan) -> Path:
    plan.chmod(0o444)
    return plan


def _one_line(err: str, *words: str) -> None:
    assert err.count("\n") == 1 and err.startswith("smartcity-tui: ") and "Traceback" not in err
    for w in words:
        assert w in err


def test_merge_into_a_read_only_plan_is_one_line_exit_2_and_changes_nothing(read_only_plan, capsys):
    before = _files(read_only_plan.parent)
    code, _, err = run(capsys, "merge", read_only_plan, *BUNDLES)
    assert code == 2
    _one_line(err, "hanya-baca", "salin rencana ke laptop", "Tidak ada yang diubah")
    assert _files(read_only_plan.parent) == before
    assert stat.S_IMODE(read_only_plan.stat().st_mode) == 0o444


def test_restore_over_a_read_only_plan_is_one_line_exit_2_and_changes_nothing(read_only_plan, capsys):
    before = _files(read_only_plan.parent)
    code, _, err = run(capsys, "restore", read_only_plan, "--lang", "en")
    assert code == 2
    _one_line(err, "marked read-only", "copy the plan to the laptop")
    assert _files(read_only_plan.parent) == before


def test_export_of_a_read_only_plan_works(read_only_plan, tmp_path, capsys):
    out_dir = tmp_path / "flashdisk"
    out_dir.mkdir()
    code, out, err = run(capsys, "export", read_only_plan, "--out", out_dir)
    assert code == 0 and err == "" and any(out_dir.iterdir())


def test_new_in_a_read_only_folder_is_one_line_exit_2(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == folder and mode == os.W_OK
                        else real_access(p, mode, **k))
    code, _, err = run(capsys, "new", folder / "plan.json", *NEW_ARGS)
    assert code == 2
    _one_line(err, "Rencana baru tidak dapat dibuat")
    assert "tidak ada izin" in err and "Pilih folder lain yang boleh ditulisi" in err, err
    assert "salin rencana ke laptop" not in err, "there is no plan yet to copy"
    assert not any(folder.iterdir())


def test_new_on_a_write_protected_drive_says_to_unlock_it_not_to_copy_a_plan(tmp_path, capsys, monkeypatch):
    from smartcity_tui.store import access

    monkeypatch.setattr(access, "_read_only_mount", lambda folder: folder == tmp_path)
    code, _, err = run(capsys, "--lang", "en", "new", tmp_path / "plan.json", *NEW_ARGS)
    assert code == 2
    _one_line(err, "A new plan cannot be made")
    assert "read-only" in err and "unlock this one" in err and "copy the plan" not in err, err
    assert not any(tmp_path.iterdir())


def test_merge_on_a_write_protected_drive_is_one_line_exit_2(plan, capsys, monkeypatch):
    real_open = os.open

    def protected(path, flags, *a, **k):
        if str(path).endswith(".lock"):
            e = OSError(errno.EACCES, "The media is write protected")
            e.winerror = 19
            raise e
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(lock_module.os, "open", protected)
    before = _files(plan.parent)
    code, _, err = run(capsys, "merge", plan, *BUNDLES)
    assert code == 2
    _one_line(err, "dikunci")
    assert _files(plan.parent) == before


def test_the_app_opens_a_read_only_plan_to_read(read_only_plan):
    store, problem = open_plan(read_only_plan)
    try:
        assert problem is None and store.readonly and store.readonly_reason.key == FILE
    finally:
        store.close()


def test_the_app_opens_a_plan_on_a_write_protected_drive_to_read(plan, monkeypatch):
    real_open = os.open
    monkeypatch.setattr(lock_module.os, "open", lambda path, flags, *a, **k: (_ for _ in ()).throw(
        OSError(errno.EROFS, "Read-only file system")) if str(path).endswith(".lock") else real_open(path, flags, *a, **k))
    store, problem = open_plan(plan)
    try:
        assert problem is None and store.readonly_reason.key == DRIVE
    finally:
        store.close()
