"""Removable drives (flash disks) mounted now, where the operating system lets us see them, and
the other places an officer starts from when choosing where a bundle goes or comes from.

- Windows (ctypes, no extra package): drive letters with a volume in them (GetVolumeInformationW
  succeeds, so an empty card-reader slot is left out) that are DRIVE_REMOVABLE, or fixed disks
  on a USB or SD bus (external hard disks and the many USB-3 sticks that report themselves as
  fixed). Windows' "There is no disk in the drive" box is switched off first (SetErrorMode).
- Linux: what the desktop mounts under /media/$USER, /run/media/$USER (and /media/<label> on
  some distributions), and mount points under /mnt.
- macOS: the volumes under /Volumes, except the start-up disk (a link to /).

Nothing here raises: a drive that vanishes while we look, or a folder we may not read, is
simply not listed. The screens always offer the home folder and a typed path as well.
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DRIVE_REMOVABLE = 2  # GetDriveTypeW's answer for a flash disk or card reader
DRIVE_FIXED = 3  # ... for a hard disk, and for many USB-3 sticks and every USB hard disk
SEM_FAILCRITICALERRORS = 0x0001  # no "There is no disk in the drive" box for an empty slot
SEM_NOOPENFILEERRORBOX = 0x8000
IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400
OPEN_EXISTING = 3
FILE_SHARE_READ_WRITE = 0x1 | 0x2
INVALID_HANDLE_VALUE = -1
# STORAGE_BUS_TYPE values of a drive that is carried around: USB, SD, MMC
CARRIED_BUSES = frozenset({7, 0x0C, 0x0D})
BUS_TYPE_OFFSET = 28  # in STORAGE_DEVICE_DESCRIPTOR (2 DWORDs, 4 BYTEs, 4 DWORD offsets)

@dataclass(frozen=True)
class Place:
    path: Path
    removable: bool = False


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a bare container or service account
        return os.environ.get("USER", "")


_quiet_errors_done = False


def _quiet_errors(kernel32: Any) -> None:  # (ctypes' windll is untyped)
    """Once per process: a look at an empty card slot must fail quietly, not put up Windows'
    "There is no disk in the drive" box over the workshop's screen."""
    global _quiet_errors_done
    if not _quiet_errors_done:
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX)
        _quiet_errors_done = True


def _has_volume(kernel32: Any, root: str) -> bool:
    """False for an empty card-reader slot (and a drive pulled out meanwhile)."""
    import ctypes

    return bool(kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), None, 0, None, None, None, None, 0))


def _carried(kernel32: Any, letter: str) -> bool:
    """A fixed disk on a USB or SD bus: an external hard disk, or a stick that says it is fixed.
    Asks the storage driver (IOCTL_STORAGE_QUERY_PROPERTY needs no administrator rights)."""
    import ctypes

    handle = kernel32.CreateFileW(ctypes.c_wchar_p(f"\\\\.\\{letter}:"), 0, FILE_SHARE_READ_WRITE, None,
                                  OPEN_EXISTING, 0, None)
    if handle in (INVALID_HANDLE_VALUE, 0, None):
        return False
    try:
        query = (ctypes.c_ulong * 3)(0, 0, 0)  # StorageDeviceProperty, PropertyStandardQuery
        out = ctypes.create_string_buffer(512)
        returned = ctypes.c_ulong(0)
        if not kernel32.DeviceIoControl(ctypes.c_void_p(handle), IOCTL_STORAGE_QUERY_PROPERTY, query,
                                        ctypes.sizeof(query), out, ctypes.sizeof(out), ctypes.byref(returned),
                                        None):
            return False
        if returned.value < BUS_TYPE_OFFSET + 4:
            return False
        bus = int.from_bytes(out.raw[BUS_TYPE_OFFSET:BUS_TYPE_OFFSET + 4], "little")
        return bus in CARRIED_BUSES
    finally:
        kernel32.CloseHandle(ctypes.c_void_p(handle))


def _windows_drives() -> list[Path]:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # windll exists on Windows only; typeshed declares it for win32, mypy checks as Linux
    _quiet_errors(kernel32)
    system = os.environ.get("SYSTEMDRIVE", "C:").rstrip("\\").upper()
    mask = kernel32.GetLogicalDrives()
    out = []
    for i in range(26):
        if not mask & (1 << i):
            continue
        letter = chr(ord("A") + i)
        root = f"{letter}:\\"
        kind = kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))
        if kind not in (DRIVE_REMOVABLE, DRIVE_FIXED) or f"{letter}:" == system:
            continue
        try:
            if not _has_volume(kernel32, root):
                continue
            if kind == DRIVE_FIXED and not _carried(kernel32, letter):
                continue  # an internal disk (D: data): not where bundles travel
        except Exception:  # one drive that cannot be asked is left out, the others still listed
            continue
        out.append(Path(root))
    return out


def _children(folder: Path, *, mounts_only: bool = False) -> list[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name.lower())
    except OSError:
        return []
    out = []
    for p in entries:
        try:
            if not p.is_dir() or p.name.startswith("."):
                continue
            if mounts_only and not os.path.ismount(p):
                continue
        except OSError:
            continue
        out.append(p)
    return out


def _linux_drives(root: Path, user: str) -> list[Path]:
    found: list[Path] = []
    if user:
        found += _children(root / "media" / user)
        found += _children(root / "run" / "media" / user)
    # some distributions mount straight under /media/<label>
    found += [p for p in _children(root / "media", mounts_only=True) if p.name != user]
    found += _children(root / "mnt", mounts_only=True)
    return list(dict.fromkeys(found))  # each once, in the order found


def _mac_drives(root: Path) -> list[Path]:
    out = []
    for p in _children(root / "Volumes"):
        try:
            if p.is_symlink() and p.resolve() == Path("/"):
                continue  # the start-up disk
        except OSError:
            continue
        out.append(p)
    return out


def removable_drives(platform: str | None = None, root: Path = Path("/"), user: str | None = None) -> list[Path]:
    """Mounted removable drives, in a stable order. `platform`, `root` and `user` are for
    tests (a fake /media tree); the app passes nothing."""
    platform = platform or sys.platform
    try:
        if platform.startswith("win"):
            return _windows_drives()
        if platform == "darwin":
            return _mac_drives(root)
        return _linux_drives(root, _user() if user is None else user)
    except Exception:  # a drive query that fails must never stop an export
        return []


def places(home: Path | None = None, drives: list[Path] | None = None) -> list[Place]:
    """Where a folder choice starts: every removable drive first, then the home folder."""
    drives = removable_drives() if drives is None else drives
    out = [Place(d, removable=True) for d in drives]
    home = Path.home() if home is None else home
    out.append(Place(home))
    return out
