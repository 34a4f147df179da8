"""A real read-only drive for the tests: the same folder seen again through a read-only bind
mount (a write-protected flash drive as the app meets it: EROFS on every write). Needs root
and permission to mount; the tests that use it are skipped, saying so, where it is missing."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _can_mount() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    src, dst = tempfile.mkdtemp(), tempfile.mkdtemp()
    try:
        done = subprocess.run(["mount", "--bind", src, dst], capture_output=True).returncode == 0
        if done:
            subprocess.run(["umount", dst], capture_output=True)
        return done
    except OSError:
        return False
    finally:
        os.rmdir(src)
        os.rmdir(dst)


CAN_MOUNT = _can_mount()
NO_MOUNT = "needs root and permission to mount (a bind mount)"


@contextlib.contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """`folder` seen again, read-only, beside it (`<folder>-ro`)."""
    view = folder.parent / (folder.name + "-ro")
    view.mkdir()
    subprocess.run(["mount", "--bind", str(folder), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=True)
        view.rmdir()
