"""On Windows a save is flushed once more after its rename (Windows review A6): NTFS commits a
rename to its journal lazily, and a power cut seconds after a save could bring the old plan
back. Python's fsync is FlushFileBuffers there; checked with sys.platform faked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from smartcity_tui.store import atomic


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the flushed files")
@pytest.mark.parametrize("platform, flushed_after_rename", [("win32", True), ("linux", False)])
def test_the_renamed_file_is_flushed_on_windows(tmp_path, monkeypatch, platform, flushed_after_rename):
    target = tmp_path / "plan.json"
    flushed: list[str] = []
    real_fsync = os.fsync

    def watch(fd):
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real_fsync(fd)

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(atomic.os, "fsync", watch)
    atomic.atomic_write_bytes(target, b"{}")
    assert (str(target) in flushed) is flushed_after_rename  # the temp file is flushed either way
    assert any(".plan.json." in f for f in flushed)
