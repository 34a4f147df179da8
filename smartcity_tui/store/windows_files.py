"""What the store asks Windows about files and drives, in one place; each answer is the
harmless one elsewhere (and when Windows will not say).

- Hidden files: a leading dot hides nothing in Explorer, so `plan.json.lock` and a temp file
  left by a crash were shown, selected with the plan and copied along with it. They are
  marked FILE_ATTRIBUTE_HIDDEN. A hidden temp file must be made visible again before it is
  renamed over the plan: a rename keeps the renamed file's attributes, and the plan would
  vanish from Explorer.
- Long paths: unless an administrator set LongPathsEnabled, Windows refuses paths of 260
  characters or more (MAX_PATH, with its terminating NUL), and says so as "path not found".
- Network drives: on this machine's own disk Windows enforces every byte lock, also one taken
  over the network, so only a plan on a network drive can have a holder the lock cannot see.
"""

from __future__ import annotations

import ntpath
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

FILE_ATTRIBUTE_HIDDEN = 0x2
INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF
DRIVE_REMOTE = 4
# The longest path Windows takes without long-path support: MAX_PATH less the NUL.
MAX_PATH_CHARS = 259
# one name (a file's or a folder's) on NTFS, FAT32 and exFAT, in UTF-16 units; ext4 and APFS
# allow 255 bytes of UTF-8
MAX_NAME_UNITS = 255


def windows_length(text: str) -> int:
    """`text`'s length as Windows counts it against MAX_PATH: in UTF-16 units, so an emoji
    or another character outside the BMP counts 2 (Python's len counts it 1)."""
    return len(text.encode("utf-16-le")) // 2


def _kernel32() -> Any:
    import ctypes
    from ctypes import wintypes

    # Windows only: typeshed declares it for win32, and mypy checks as on Linux
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # WinDLL exists on Windows only; typeshed declares it for win32
    kernel32.GetFileAttributesW.argtypes = (wintypes.LPCWSTR,)
    kernel32.GetFileAttributesW.restype = wintypes.DWORD
    kernel32.SetFileAttributesW.argtypes = (wintypes.LPCWSTR, wintypes.DWORD)
    kernel32.SetFileAttributesW.restype = wintypes.BOOL
    kernel32.GetDriveTypeW.argtypes = (wintypes.LPCWSTR,)
    kernel32.GetDriveTypeW.restype = wintypes.UINT
    return kernel32


def hide(path: Path) -> bool:
    """Mark `path` hidden; True when it was marked. Best effort: a file that stays visible is
    only clutter."""
    if sys.platform != "win32":
        return False
    try:
        kernel32 = _kernel32()
        attributes = kernel32.GetFileAttributesW(str(path))
        if attributes == INVALID_FILE_ATTRIBUTES:
            return False
        return bool(attributes & FILE_ATTRIBUTE_HIDDEN) or bool(
            kernel32.SetFileAttributesW(str(path), attributes | FILE_ATTRIBUTE_HIDDEN))
    except (OSError, AttributeError, ValueError):
        return False


def reveal(path: Path) -> None:
    """Take the hidden mark off `path` (a temp file about to become the plan). Raises OSError
    when Windows refuses: the caller must not rename a hidden file over the plan."""
    import ctypes

    kernel32 = _kernel32()
    attributes = kernel32.GetFileAttributesW(str(path))
    if attributes == INVALID_FILE_ATTRIBUTES or not kernel32.SetFileAttributesW(
            str(path), attributes & ~FILE_ATTRIBUTE_HIDDEN):
        # Windows only: typeshed declares it for win32, and mypy checks as on Linux
        code = ctypes.get_last_error()  # type: ignore[attr-defined]  # get_last_error is Windows-only in typeshed
        raise OSError(13, f"cannot show {path} again (Windows error {code})", str(path), code)


@lru_cache(maxsize=1)
def long_paths_enabled() -> bool:
    """Windows takes paths past MAX_PATH (LongPathsEnabled = 1, set by an administrator;
    python.org's Python declares itself long-path aware)."""
    if sys.platform != "win32":
        return True
    try:
        import winreg

        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                            r"SYSTEM\CurrentControlSet\Control\FileSystem") as key:
            value, _kind = winreg.QueryValueEx(key, "LongPathsEnabled")
    except (OSError, ImportError):
        return False
    return value == 1


def on_network_drive(path: str) -> bool:
    """`path` (absolute, Windows) is on a network share or a mapped network drive. Unknown
    drives count as network ones: the cautious answer for a lock."""
    if path.startswith(("\\\\?\\", "\\\\.\\")):
        path = path[4:]  # the long-path prefix: what follows decides
        if path.upper().startswith("UNC\\"):
            return True
    if path.startswith(("\\\\", "//")):
        return True  # \\server\share
    drive = ntpath.splitdrive(path)[0]
    if not drive:
        return True
    try:
        kind = _kernel32().GetDriveTypeW(drive + "\\")
    except (OSError, AttributeError, ValueError):
        return True
    return kind == DRIVE_REMOTE or kind in (0, 1)  # 0 unknown, 1 no such root
