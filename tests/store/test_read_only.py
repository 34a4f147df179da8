"""A plan that cannot be written where it is opens to read (issue 10 #8): a write-protected
flash drive or SD card, a read-only folder or share, a file marked read-only. Every write is
refused with the reason and what to do, and the file stays byte-identical (and read-only).
Tests run as root, who may write anything: the OS answers are faked where root would pass,
and a real read-only bind mount is used where this machine allows mounting."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytest
from mounts import CAN_MOUNT, NO_MOUNT, read_only_view

from smartcity_tui.store import PlanLockFailed, PlanReadOnly, PlanStore, access
from smartcity_tui.store import lock as lock_module


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _refuses_every_write(store: PlanStore, words_id: str, words_en: str) -> None:
    assert store.readonly
    rid = store.plan().swot[0].id
    for write in (lambda: store.update(rid, text="tidak boleh"), lambda: store.set_team("Pokja Lain"),
                  lambda: store.merge_in([store.state(rid)])):
        with pytest.raises(PlanReadOnly) as err:
            write()
        assert words_id in err.value.message("id") and "salin rencana ke laptop" in err.value.message("id")
        assert words_en in err.value.message("en") and "copy the plan to the laptop" in err.value.message("en")
        assert err.value.reason is store.readonly_reason


def test_a_plan_file_marked_read_only_opens_to_read_and_stays_read_only(tmp_plan):
    tmp_plan.chmod(0o444)
    before = _files(tmp_plan.parent)
    with PlanStore.open(tmp_plan) as store:
        assert store.readonly_reason.key == access.FILE
        _refuses_every_write(store, "ditandai hanya-baca", "marked read-only")
        assert store.plan().swot  # reading works
    assert _files(tmp_plan.parent) == before  # no lock, no backup, nothing rewritten
    assert stat.S_IMODE(tmp_plan.stat().st_mode) == 0o444


def test_a_read_only_folder_opens_the_plan_to_read(tmp_plan, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == tmp_plan.parent and mode == os.W_OK
                        else real_access(p, mode, **k))
    before = _files(tmp_plan.parent)
    with PlanStore.open(tmp_plan) as store:
        assert store.readonly_reason.key == access.FOLDER
        _refuses_every_write(store, "folder ini tidak boleh ditulis", "this folder cannot be written")
    assert _files(tmp_plan.parent) == before


def _lock_create_fails(monkeypatch, error: OSError) -> None:
    real_open = os.open

    def failing(path, flags, *a, **k):
        if str(path).endswith(".lock"):
            raise error
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(lock_module.os, "open", failing)


def _windows_error(code: int, winerror: int, text: str) -> OSError:
    e = OSError(code, text)
    e.winerror = winerror
    return e


@pytest.mark.parametrize("error", [
    OSError(errno.EROFS, "Read-only file system"),
    _windows_error(errno.EACCES, 19, "The media is write protected"),  # an SD card's switch
], ids=["EROFS", "winerror-19"])
def test_a_write_protected_drive_opens_the_plan_to_read(tmp_plan, monkeypatch, error):
    _lock_create_fails(monkeypatch, error)
    before = _files(tmp_plan.parent)
    with PlanStore.open(tmp_plan) as store:
        assert store.readonly_reason.key == access.DRIVE
        _refuses_every_write(store, "dikunci", "write-protected")
    assert _files(tmp_plan.parent) == before


def test_no_right_to_write_in_the_folder_is_said_as_a_read_only_folder(tmp_plan, monkeypatch):
    _lock_create_fails(monkeypatch, PermissionError(errno.EACCES, "Permission denied"))
    with PlanStore.open(tmp_plan) as store:
        assert store.readonly_reason.key == access.FOLDER


@pytest.mark.parametrize("error, words", [
    (_windows_error(errno.ENOENT, 206, "The filename or extension is too long"), "too long"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "too long"),
    (_windows_error(errno.EACCES, 32, "The process cannot access the file"), "in use"),
], ids=["winerror-206", "ENAMETOOLONG", "winerror-32"])
def test_other_errors_taking_the_lock_are_a_store_error_not_a_traceback(tmp_plan, monkeypatch, error, words):
    monkeypatch.setattr(lock_module, "OPEN_RETRY_SECONDS", 0.05)
    _lock_create_fails(monkeypatch, error)
    before = _files(tmp_plan.parent)
    with pytest.raises(PlanLockFailed) as err:
        PlanStore.open(tmp_plan)
    assert words in err.value.message("en") and "Nothing was changed" in err.value.message("en")
    assert _files(tmp_plan.parent) == before


def test_asking_to_read_only_says_no_reason(tmp_plan):
    with PlanStore.open(tmp_plan, readonly=True) as store:
        assert store.readonly and store.readonly_reason is None
        with pytest.raises(PlanReadOnly) as err:
            store.update(store.plan().swot[0].id, text="x")
        assert err.value.reason is None and "read-only" in err.value.message("en")


# --- a real read-only mount ------------------------------------------------------------------

@pytest.fixture
def read_only_mount(tmp_plan, tmp_path):
    """tmp_plan's folder seen again, read-only, through a bind mount."""
    with read_only_view(tmp_path) as view:
        yield view / tmp_plan.name


@pytest.mark.skipif(not CAN_MOUNT, reason=NO_MOUNT)
def test_a_plan_on_a_read_only_mount_opens_to_read(read_only_mount):
    before = _files(read_only_mount.parent)
    with PlanStore.open(read_only_mount) as store:
        assert store.readonly_reason.key == access.DRIVE
        _refuses_every_write(store, "dikunci", "write-protected")
    assert _files(read_only_mount.parent) == before


@pytest.mark.skipif(not CAN_MOUNT, reason=NO_MOUNT)
def test_writing_commands_on_a_read_only_mount_say_so_in_one_line(tmp_plan, read_only_mount, capsys):
    from smartcity_tui.cli import main

    root = Path(__file__).resolve().parents[2] / "sample_data"
    shutil.copyfile(root / "plan.json", tmp_plan)  # the sample, whose groups' bundles are shipped
    shutil.copyfile(root / "plan.json", tmp_plan.with_name("plan.backup-1.json"))  # one to restore
    bundles = sorted(p for p in (root / "bundles").iterdir() if not p.name.startswith("."))
    before = _files(read_only_mount.parent)
    for argv in (["merge", read_only_mount, *bundles],
                 ["restore", read_only_mount],
                 ["new", read_only_mount.with_name("baru.json"), "--region", "X", "--kind", "kota",
                  "--province", "Y", "--start", "2025", "--end", "2029", "--team", "T"]):
        code = main([str(a) for a in argv])
        err = capsys.readouterr().err
        assert code == 2, argv
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert "dikunci" in err, err
        # a plan there is to be copied to the laptop; a new one has nothing to copy yet
        fits = "buka kuncinya" if argv[0] == "new" else "salin rencana ke laptop"
        assert fits in err, err
    assert _files(read_only_mount.parent) == before


@pytest.mark.skipif(not CAN_MOUNT, reason=NO_MOUNT)
@pytest.mark.parametrize(("lang", "advice", "not_said"), [
    ("id", "Pakai flashdisk lain, atau buka kuncinya", "ruang kosong"),
    ("en", "Use another flash drive, or unlock this one", "free space"),
])
def test_an_export_to_a_write_protected_drive_advises_another_drive(tmp_path, capsys, lang, advice, not_said):
    """The advice follows the cause: "check the free space" was said of a locked drive too."""
    from smartcity_tui.cli import main

    plan = Path(shutil.copyfile(Path(__file__).resolve().parents[2] / "sample_data" / "plan.json", tmp_path / "p.json"))
    drive = tmp_path / "flashdisk"
    drive.mkdir()
    with read_only_view(drive) as view:
        code = main(["--lang", lang, "export", str(plan), str(view)])
        assert list(view.iterdir()) == []
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and advice in err and not_said not in err, err
