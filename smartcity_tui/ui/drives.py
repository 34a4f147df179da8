"""Removable drives (flash disks) mounted now, where the operating system lets us see them, and
the other places an officer starts from when choosing where a bundle goes or comes from.

- Windows: drive letters whose GetDriveTypeW is DRIVE_REMOVABLE (ctypes, no extra package).
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

DRIVE_REMOVABLE = 2  # GetDriveTypeW's answer for a flash disk or card reader


@dataclass(frozen=True)
class Place:
    path: Path
    removable: bool = False


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a bare container or service account
        return os.environ.get("USER", "")


def _windows_drives() -> list[Path]:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel32.GetLogicalDrives()
    out = []
    for i in range(26):
        if mask & (1 << i):
            root = f"{chr(ord('A') + i)}:\\"
            if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
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
