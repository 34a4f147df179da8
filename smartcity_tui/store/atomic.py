"""Crash-safe file replacement: after a crash at any instant the target holds either the old
bytes or the new ones, never a torn mix (DESIGN.md, "Durability")."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from . import windows_files

_T = TypeVar("_T")

# On Windows an antivirus scanner, the OneDrive client or the search indexer holds a freshly
# written file open for a moment; replacing or deleting it then fails with a sharing violation
# (winerror 32, 33) or, for a file being deleted, access denied (5). Those are waited out,
# backing off, for up to RETRY_SECONDS (a slow scanner on a USB 2.0 flash drive takes seconds).
# The app lowers the wait (`set_retry_seconds`): its writes run on the screen's thread, and a
# frozen screen is worse than a quick "file in use, try again".
TRANSIENT_WINERRORS = (5, 32, 33)
RETRY_SECONDS = 10.0
_retry_seconds = RETRY_SECONDS


def set_retry_seconds(seconds: float) -> None:
    global _retry_seconds
    _retry_seconds = seconds


def retry_seconds() -> float:
    return _retry_seconds


class FileInUse(PermissionError):
    """Still held by another program when the retries ran out: said as "in use", not as "no
    permission" (Windows reports a file held for deletion as access denied)."""

    reason_key = "reason.in_use"


def transient(error: OSError) -> bool:
    """A Windows hold that goes away by itself. A PermissionError elsewhere is a real one."""
    if getattr(error, "winerror", None) in TRANSIENT_WINERRORS:
        return True
    return sys.platform == "win32" and isinstance(error, PermissionError)


def with_retry(action: Callable[[], _T], seconds: float | None = None) -> _T:
    """Run `action()`, retrying while it fails with a transient Windows hold."""
    deadline = time.monotonic() + (retry_seconds() if seconds is None else seconds)
    delay = 0.01
    while True:
        try:
            return action()
        except OSError as e:
            if not transient(e):
                raise
            if time.monotonic() >= deadline:
                raise FileInUse(e.errno, e.strerror, e.filename) from e
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows has no directory handles to fsync (and NTFS journals
    the rename itself); some filesystems refuse it. Both are fine to skip."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_with_retry(src: Path, dst: Path, retry_seconds: float | None = None) -> None:
    with_retry(lambda: os.replace(src, dst), retry_seconds)


def unlink_with_retry(path: Path, retry_seconds: float | None = None) -> bool:
    """Delete `path`; False when it could not be (held, gone read-only): never raises."""
    try:
        with_retry(lambda: path.unlink(missing_ok=True), retry_seconds)
    except OSError:
        return False
    return True


# Unique to this process on any machine: two laptops writing in one shared folder can have the
# same process id, and one would write into the other's temp file.
_PROCESS_TOKEN = os.urandom(3).hex()


def temp_path_for(target: Path) -> Path:
    # Same folder (a rename across filesystems is not atomic), hidden (a leading dot; on
    # Windows the hidden attribute too), unique per process and machine.
    return target.with_name(f".{target.name}.{os.getpid()}-{_PROCESS_TOKEN}.tmp")


def stale_temps(target: Path) -> list[Path]:
    """Temp files of `target` left by other processes (a crash mid-write leaves one)."""
    own = temp_path_for(target).name
    return sorted(t for t in target.parent.glob(f".{glob_escape(target.name)}.*.tmp") if t.name != own)


def remove_stale_temps(target: Path, rescue: Callable[[Path], bool] | None = None) -> list[Path]:
    """Delete temp files of `target` left by killed processes, except those `rescue` keeps
    (it returns True for a temp file it moved to safety: see rescue.py, for the plan itself).
    Call only while holding the plan's lock: then no other process is writing `target`."""
    removed = []
    for tmp in stale_temps(target):
        if rescue is not None and rescue(tmp):
            continue
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass  # held open on Windows, or gone already: try again next session
    return removed


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def atomic_write_bytes(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `target` atomically: temp file, flush, fsync, replace, fsync folder.
    On any failure the temp file is removed and `target` is untouched."""
    atomic_write_parts(target, [data], durable=durable)


def atomic_write_parts(target: Path, parts: Iterable[bytes], *, durable: bool = True) -> None:
    """`atomic_write_bytes` of the concatenation of `parts`, without building it in memory."""
    tmp = temp_path_for(target)
    try:
        with open(tmp, "wb") as f:
            hidden = windows_files.hide(tmp)  # a crash's leftover is not copied along with the plan
            f.writelines(parts)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if hidden:
            # a rename keeps the file's attributes: the plan itself must not become hidden
            with_retry(lambda: windows_files.reveal(tmp))
        # the handle is closed before the replace: Windows cannot rename an open file
        replace_with_retry(tmp, target)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(target.parent)
        if sys.platform == "win32":
            _flush_renamed(target)


def _flush_renamed(target: Path) -> None:
    """NTFS commits a rename to its journal lazily: after a power cut within seconds of a save
    the old plan can be back. Flushing the renamed file (FlushFileBuffers, which Python's
    fsync is) forces the journal out with it. Best effort: a file held by a scanner is left
    to the lazy commit (and the next session's sweep keeps a newer temp file, rescue.py)."""
    try:
        with open(target, "r+b") as f:
            os.fsync(f.fileno())
    except OSError:
        pass


def atomic_copy(src: Path, dst: Path) -> None:
    atomic_write_bytes(dst, src.read_bytes())
