"""Why a file could not be read or written is told in the officer's language (i18n.Reason):
the operating system's own words, always English, come only as a labelled detail for the IT
person. A message says its reason in the language it is shown in, not the one of the moment
the error happened (F4 may come in between)."""

from __future__ import annotations

import errno

import pytest

from smartcity_tui.i18n import Reason, os_reason
from smartcity_tui.store.errors import PlanUnreadable, PlanWriteFailed


@pytest.mark.parametrize("code, words_id, words_en", [
    (errno.ENOSPC, "disk penuh", "the disk is full"),
    (errno.EROFS, "disk hanya bisa dibaca", "the disk is read-only"),
    (errno.EACCES, "tidak ada izin", "no permission"),
    (errno.EISDIR, "itu sebuah folder, bukan berkas", "it is a folder, not a file"),
    (errno.ENOENT, "flashdisk dicabut?", "flash drive removed?"),
    (errno.EIO, "disk gagal dibaca atau ditulis", "the disk failed"),
    (errno.EBUSY, "sedang dipakai program lain", "in use by another program"),
    (errno.EINVAL, "kesalahan disk", "a disk error"),
])
def test_a_system_error_is_said_in_words_with_its_own_words_kept(code, words_id, words_en):
    reason = os_reason(OSError(code, "System Words Here"))
    said_id, said_en = reason.text("id"), reason.text("en")
    assert words_id in said_id.split(";")[0] and said_id.endswith("; pesan sistem: System Words Here")
    assert words_en in said_en.split(";")[0] and said_en.endswith("; system message: System Words Here")


def test_a_file_held_open_on_windows_is_in_use():
    held = OSError(errno.EACCES, "The process cannot access the file")
    held.winerror = 32  # ERROR_SHARING_VIOLATION, as Windows raises it with Word holding the file
    assert os_reason(held).text("id").startswith("berkas sedang dipakai program lain")


def test_a_message_says_its_reason_in_the_language_it_is_shown_in(tmp_path):
    err = PlanWriteFailed(tmp_path / "rencana.json", reason=os_reason(OSError(errno.ENOSPC, "No space left on device")))
    assert "TIDAK tersimpan" in err.message("id") and ": disk penuh; pesan sistem:" in err.message("id")
    assert "NOT saved" in err.message("en") and ": the disk is full; system message:" in err.message("en")
    assert "the disk is full" in str(err)  # the exception's own text (logs, tracebacks) is English


def test_an_unreadable_plan_says_whether_it_is_damaged_or_no_plan_at_all(tmp_path):
    damaged = PlanUnreadable(tmp_path / "a.json", "line 1: Expecting value")
    assert "(isinya rusak atau bukan rencana smartcity-tui; pesan sistem: line 1: Expecting value)" in damaged.message("id")
    other = PlanUnreadable(tmp_path / "b.json", Reason("reason.not_plan"))
    assert "(bukan berkas rencana smartcity-tui)" in other.message("id")
    assert "(not a smartcity-tui plan file)" in other.message("en")


def _windows(code: int, winerror: int, filename: str | None = None) -> OSError:
    e = OSError(code, "Pesan Windows", filename)
    e.winerror = winerror  # as Python on Windows sets it
    return e


@pytest.mark.parametrize("winerror, code, words_en", [
    (19, errno.EACCES, "the disk is read-only"),  # an SD card's write-protect switch
    (21, errno.EACCES, "flash drive removed?"),  # ERROR_NOT_READY: an empty card reader
    (1167, errno.EIO, "flash drive removed?"),  # ERROR_DEVICE_NOT_CONNECTED
    (23, errno.EACCES, "the disk failed"),  # ERROR_CRC
    (1117, errno.EIO, "the disk failed"),  # ERROR_IO_DEVICE
    (206, errno.ENOENT, "too long"),  # ERROR_FILENAME_EXCED_RANGE: over MAX_PATH
    (33, errno.EACCES, "in use by another program"),  # ERROR_LOCK_VIOLATION
    (5, errno.EACCES, "Controlled Folder Access"),  # ERROR_ACCESS_DENIED
    (123, errno.EINVAL, "file name is not valid on Windows"),  # ERROR_INVALID_NAME: "rencana?.json"
    (87, errno.EINVAL, "file name is not valid on Windows"),  # ERROR_INVALID_PARAMETER
], ids=lambda v: str(v))
def test_windows_errors_are_named_for_what_they_are(winerror, code, words_en):
    assert words_en in os_reason(_windows(code, winerror)).text("en")


def test_a_path_not_found_near_max_path_is_said_too_long_not_removed():
    long_path = "C:\\Users\\budi\\OneDrive - Pemerintah Kabupaten Wonosari Raya\\" + "Dokumen\\" * 25 + "plan.json"
    assert "too long" in os_reason(_windows(errno.ENOENT, 3, long_path)).text("en")
    assert "flash drive removed?" in os_reason(_windows(errno.ENOENT, 3, "E:\\plan.json")).text("en")


def test_a_onedrive_online_only_plan_is_said_as_such_and_no_backup_is_offered(tmp_path, monkeypatch):
    import os
    import sys
    from types import SimpleNamespace

    plan = tmp_path / "rencana.json"
    real_stat = os.stat
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: SimpleNamespace(st_file_attributes=0x400000)
                        if str(p) == str(plan) else real_stat(p, *a, **k))
    error = _windows(errno.EINVAL, 362, str(plan))  # the cloud provider is not running
    reason = os_reason(error)
    assert "OneDrive" in reason.text("en") and "OneDrive" in reason.text("id")
    err = PlanUnreadable(plan, reason, [tmp_path / "rencana.backup-1.json"])
    assert err.io_error
    assert "smartcity-tui restore" not in err.message("en") and "Do not restore a backup over it" in err.message("en")


def test_a_file_still_held_when_the_retries_run_out_is_in_use_not_forbidden(tmp_path, monkeypatch):
    from smartcity_tui.store import atomic

    calls = []

    def held(src, dst):
        calls.append(dst)
        raise _windows(errno.EACCES, 5)  # a file being deleted by a scanner: access denied

    monkeypatch.setattr(atomic.os, "replace", held)
    with pytest.raises(OSError) as err:
        atomic.replace_with_retry(tmp_path / "a", tmp_path / "b", 0.05)
    assert len(calls) > 1  # retried, backing off
    assert os_reason(err.value).text("en").startswith("the file is in use by another program")


def test_a_brief_hold_is_waited_out(tmp_path, monkeypatch):
    from smartcity_tui.store import atomic

    real_replace = atomic.os.replace
    holds = [_windows(errno.EACCES, 32), _windows(errno.EACCES, 33)]

    def briefly(src, dst):
        if holds:
            raise holds.pop()
        return real_replace(src, dst)

    (tmp_path / "a").write_bytes(b"baru")
    monkeypatch.setattr(atomic.os, "replace", briefly)
    atomic.replace_with_retry(tmp_path / "a", tmp_path / "b", 5.0)
    assert (tmp_path / "b").read_bytes() == b"baru"


def test_a_real_permission_error_on_posix_is_not_waited_for(tmp_path, monkeypatch):
    import sys
    import time

    from smartcity_tui.store import atomic

    monkeypatch.setattr(sys, "platform", "linux")

    def denied(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", denied)
    started = time.monotonic()
    with pytest.raises(PermissionError):
        atomic.replace_with_retry(tmp_path / "a", tmp_path / "b", 5.0)
    assert time.monotonic() - started < 1.0
