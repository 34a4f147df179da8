"""Can the plan be written where it is? A plan on a write-protected flash drive or SD card, in a
read-only folder or network share, or a file marked read-only, is opened to read: every edit
is refused with the reason and what to do, rather than the app failing at open (or, for a
read-only file, rewriting it writable behind the officer's back).

Each check says which reason applies, as an i18n Reason the app and the command line put in
the officer's language; each advises copying the plan to the laptop (to a shorter folder, for
a plan whose location is too long for Windows).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from ..i18n import Reason
from . import windows_files

DRIVE = "reason.readonly_drive"
FOLDER = "reason.readonly_folder"
FILE = "reason.readonly_file"

# ERROR_WRITE_PROTECT: an SD card's switch, a locked USB stick (Python says EACCES for it)
_WINDOWS_WRITE_PROTECT = 19


TOO_LONG = "reason.path_too_long_windows"
NAME_TOO_LONG = "reason.plan_name_too_long"
# What the longest name the store writes beside a plan adds to its path: the temp file of the
# waiting backup, `.plan.backup-next.json.<pid>-<token>.tmp` (the pid taken at 10 digits).
LONGEST_SIBLING_EXTRA = len(".") + len(".backup-next") + len(".") + 10 + len("-abcdef") + len(".tmp")


def path_too_long(plan: Path) -> Reason | None:
    """On Windows without long-path support, a plan whose backups and temp files would pass
    MAX_PATH: it reads, but every save would fail as "path not found" (said as such instead)."""
    if sys.platform != "win32" or windows_files.long_paths_enabled():
        return None
    try:
        full = str(plan.absolute())
    except OSError:
        full = str(plan)
    if windows_files.windows_length(full) + LONGEST_SIBLING_EXTRA > windows_files.MAX_PATH_CHARS:
        return Reason(TOO_LONG)
    return None


def name_too_long(plan: Path) -> Reason | None:
    """On every OS (the plan travels), a plan whose own name is so long that the names of its
    backups and temp files would pass what one name may hold (255 UTF-16 units on Windows'
    disks, 255 bytes on Linux): it reads, but no save could be made."""
    longest = plan.name + "x" * LONGEST_SIBLING_EXTRA
    if max(windows_files.windows_length(longest), len(longest.encode("utf-8"))) > windows_files.MAX_NAME_UNITS:
        return Reason(NAME_TOO_LONG)
    return None


def write_block(plan: Path) -> Reason | None:
    """Why `plan` cannot be written, judged before trying, or None. The file's own mode bits
    are read, not os.access: the superuser may write anything, but a plan someone marked
    read-only (0444, or Windows' Read-only box) is meant to stay as it is."""
    too_long = path_too_long(plan) or name_too_long(plan)
    if too_long is not None:
        return too_long
    try:
        mode = plan.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        return Reason(FILE)
    folder = plan.parent
    if _read_only_mount(folder):
        return Reason(DRIVE)
    # Windows keeps a Read-only flag on folders (Documents has it) that it never enforces,
    # and os.access there reads only that flag: the lock's creation tells instead.
    if sys.platform != "win32" and folder.is_dir() and not os.access(folder, os.W_OK):
        return Reason(FOLDER)
    return None


def _read_only_mount(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def lock_error_reason(error: OSError) -> Reason | None:
    """The read-only reason an error from creating the lock file means, or None when it means
    something else (a path too long, a file in use), which is not a reason to read only."""
    winerror = getattr(error, "winerror", None)
    if error.errno == errno.EROFS or winerror == _WINDOWS_WRITE_PROTECT:
        return Reason(DRIVE, error.strerror or "")
    if winerror in (32, 33) or getattr(error, "reason_key", None):
        return None  # held by another program: not read-only
    if error.errno in (errno.EACCES, errno.EPERM):
        return Reason(FOLDER, error.strerror or "")
    return None
