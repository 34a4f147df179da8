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
