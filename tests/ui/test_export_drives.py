"""The flash disks the export and merge screens offer: what the desktop mounts on Linux, the
volumes on macOS, the removable drive letters on Windows; the home folder always after them."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

from smartcity_tui.ui import drives


def test_linux_lists_the_desktops_mounts_of_the_user(tmp_path, monkeypatch):
    (tmp_path / "media" / "wati" / "FLASHDISK").mkdir(parents=True)
    (tmp_path / "run" / "media" / "wati" / "KINGSTON").mkdir(parents=True)
    (tmp_path / "media" / "wati" / ".hidden").mkdir(parents=True)
    (tmp_path / "mnt" / "not-mounted").mkdir(parents=True)
    (tmp_path / "mnt" / "usb").mkdir(parents=True)
    real_ismount = os.path.ismount
    monkeypatch.setattr(drives.os.path, "ismount",
                        lambda p: Path(p).name == "usb" or real_ismount(p))
    found = drives.removable_drives("linux", root=tmp_path, user="wati")
    assert [p.name for p in found] == ["FLASHDISK", "KINGSTON", "usb"]


def test_no_media_folder_means_no_drive(tmp_path):
    assert drives.removable_drives("linux", root=tmp_path, user="wati") == []


def test_macos_lists_volumes_but_not_the_start_up_disk(tmp_path):
    (tmp_path / "Volumes" / "USB DISK").mkdir(parents=True)
    (tmp_path / "Volumes" / "Macintosh HD").symlink_to("/")
    found = drives.removable_drives("darwin", root=tmp_path)
    assert [p.name for p in found] == ["USB DISK"]


def test_windows_lists_only_removable_drive_letters(monkeypatch):
    class Kernel32:
        def GetLogicalDrives(self) -> int:
            return 0b1_0000_0110  # bits 1, 2 and 8: B:, C:, I:

        def GetDriveTypeW(self, root) -> int:
            return {"B:\\": 2, "C:\\": 3, "I:\\": 2}[root.value]  # 2 removable, 3 fixed

    class WinDLL:
        kernel32 = Kernel32()

    monkeypatch.setattr(ctypes, "windll", WinDLL(), raising=False)
    assert [str(p) for p in drives.removable_drives("win32")] == ["B:\\", "I:\\"]


def test_a_failing_query_lists_nothing_rather_than_stopping_the_export(monkeypatch):
    monkeypatch.setattr(ctypes, "windll", None, raising=False)
    assert drives.removable_drives("win32") == []


def test_places_put_the_drives_first_then_home(tmp_path):
    home = tmp_path / "home"
    usb = tmp_path / "usb"
    places = drives.places(home, [usb])
    assert [(p.path, p.removable) for p in places] == [(usb, True), (home, False)]
