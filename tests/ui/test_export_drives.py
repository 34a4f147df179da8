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


class FakeKernel32:
    """The calls drives.py makes, answering as a laptop with these drives would: `drives`
    maps a letter to (GetDriveTypeW's answer, a volume in it?, the storage bus)."""

    def __init__(self, drives: dict[str, tuple[int, bool, int]]) -> None:
        self.drives = drives
        self.error_modes: list[int] = []
        self.open_handles: set[int] = set()

    def SetErrorMode(self, mode: int) -> int:
        self.error_modes.append(mode)
        return 0

    def GetLogicalDrives(self) -> int:
        return sum(1 << (ord(letter) - ord("A")) for letter in self.drives)

    def GetDriveTypeW(self, root) -> int:
        return self.drives[root.value[0]][0]

    def GetVolumeInformationW(self, root, *_rest) -> int:
        return int(self.drives[root.value[0]][1])

    def CreateFileW(self, name, *_rest) -> int:
        assert name.value.startswith("\\\\.\\")  # the device, not the root folder
        handle = 100 + ord(name.value[4])
        self.open_handles.add(handle)
        return handle

    def DeviceIoControl(self, handle, code, _query, _size, out, out_size, returned, _overlapped) -> int:
        assert code == drives.IOCTL_STORAGE_QUERY_PROPERTY and out_size >= 32
        bus = self.drives[chr(handle.value - 100)][2]
        out[28:32] = bus.to_bytes(4, "little")
        returned._obj.value = 40
        return 1

    def CloseHandle(self, handle) -> int:
        self.open_handles.discard(handle.value)
        return 1


def fake_windows(monkeypatch, kernel32: FakeKernel32) -> None:
    class WinDLL:
        pass

    dll = WinDLL()
    dll.kernel32 = kernel32
    monkeypatch.setattr(ctypes, "windll", dll, raising=False)
    monkeypatch.setattr(drives, "_quiet_errors_done", False)
    monkeypatch.setenv("SYSTEMDRIVE", "C:")


USB, SD, SATA, NVME = 7, 0x0C, 0x0B, 0x11
REMOVABLE, FIXED, CDROM = 2, 3, 5


def test_windows_lists_the_drives_that_travel_and_nothing_else(monkeypatch):
    kernel32 = FakeKernel32({
        "B": (REMOVABLE, False, SD),  # an empty card-reader slot
        "C": (FIXED, True, NVME),  # Windows itself
        "D": (FIXED, True, SATA),  # the laptop's data partition
        "E": (REMOVABLE, True, USB),  # a flash disk
        "F": (FIXED, True, USB),  # a USB-3 stick (or hard disk) that says it is fixed
        "G": (CDROM, True, SATA),
        "H": (REMOVABLE, True, SD),  # a card in the reader
    })
    fake_windows(monkeypatch, kernel32)
    assert [str(p) for p in drives.removable_drives("win32")] == ["E:\\", "F:\\", "H:\\"]
    assert not kernel32.open_handles, "every device handle opened is closed"
    # the "no disk in the drive" box is switched off once, however often drives are listed
    drives.removable_drives("win32")
    assert kernel32.error_modes == [drives.SEM_FAILCRITICALERRORS | drives.SEM_NOOPENFILEERRORBOX]


def test_an_empty_card_slot_is_not_the_start_folder(monkeypatch, tmp_path):
    from smartcity_tui.ui.widgets.folder_picker import FolderPicker

    home = tmp_path / "home"
    home.mkdir()
    # a drive listed a moment ago and gone (or a slot that slipped through): home is where to start
    picker = FolderPicker(home=home, drives=[tmp_path / "E-empty-slot"])
    assert picker.start == home


def test_a_failing_query_lists_nothing_rather_than_stopping_the_export(monkeypatch):
    monkeypatch.setattr(ctypes, "windll", None, raising=False)
    assert drives.removable_drives("win32") == []


def test_places_put_the_drives_first_then_home(tmp_path):
    home = tmp_path / "home"
    usb = tmp_path / "usb"
    places = drives.places(home, [usb])
    assert [(p.path, p.removable) for p in places] == [(usb, True), (home, False)]
