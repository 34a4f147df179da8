"""Crash-safe file replacement: after a crash at any instant the target holds either the old
bytes or the new ones, never a torn mix (DESIGN.md, "Durability")."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Iterable

# Antivirus and indexers on Windows hold freshly written files open for a moment; replacing
# then fails with PermissionError. Retry for a short while before giving up.
REPLACE_RETRY_SECONDS = 2.0


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


def replace_with_retry(src: Path, dst: Path, retry_seconds: float = REPLACE_RETRY_SECONDS) -> None:
    deadline = time.monotonic() + retry_seconds
    delay = 0.01
    while True:
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def temp_path_for(target: Path) -> Path:
    # Same folder (a rename across filesystems is not atomic), hidden, unique per process.
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete temp files of `target` left by killed processes (a crash mid-write leaves one).
    Call only while holding the plan's lock: then no other process is writing `target`."""
    removed = []
    own = temp_path_for(target).name
    for tmp in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        if tmp.name == own:
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
            f.writelines(parts)
            f.flush()
            if durable:
                os.fsync(f.fileno())
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


def atomic_copy(src: Path, dst: Path) -> None:
    atomic_write_bytes(dst, src.read_bytes())
