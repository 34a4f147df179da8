"""Which machine this is: a random id kept in the user's state folder, not the host name.

Government laptops are often imaged without sysprep, so several share one host name (and one
user name and default plan path). Anything that asks "is this the same machine?" (a lock left
by a crashed process here, a plan last written here) must not rest on `platform.node()`. The
id is made once, at random, and kept in the state folder; the host name is kept for people to
read only.

If the state folder cannot be written (a locked-down profile), the id falls back to one
derived from the host name: no worse than before, and it is the same for every process of this
machine, which is what a lock needs.
"""

from __future__ import annotations

import hashlib
import os
import platform
import uuid
from functools import cache
from pathlib import Path

ENV_DIR = "SMARTCITY_TUI_STATE_DIR"  # tests and portable installs point it elsewhere
FILE_NAME = "machine-id"


def state_dir() -> Path:
    """The user's state folder for smartcity-tui (not for documents: nothing here is the
    officers' work, losing it costs nothing but a fresh id)."""
    folder = os.environ.get(ENV_DIR)
    if folder:
        return Path(folder)
    from platformdirs import user_state_dir

    return Path(user_state_dir("smartcity-tui", appauthor=False))


def host_name() -> str:
    """The host name, for people to read ("budi@LAPTOP-3"), never for identity."""
    return platform.node() or "?"


def _valid(text: str) -> bool:
    return len(text) == 32 and all(c in "0123456789abcdef" for c in text)


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return None
    return text if _valid(text) else None


def _create(path: Path) -> str | None:
    """Make the id file with exclusive create, so two processes starting at once agree on
    one id (the loser reads the winner's)."""
    new = uuid.uuid4().hex
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return _read(path)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(new + "\n")
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        return None
    return new


@cache
def _machine_id_for(folder: str) -> str:
    path = Path(folder) / FILE_NAME
    found = _read(path)
    if found is None:
        if path.exists():
            # damaged (a half-written file from a power cut): replace it; the old id is lost,
            # which costs a spare replica id and a one-time "locked elsewhere" at worst
            try:
                path.unlink()
            except OSError:
                pass
        found = _create(path)
    if found is None:
        return hashlib.sha256(("smartcity-tui " + host_name()).encode("utf-8")).hexdigest()[:32]
    return found


def machine_id() -> str:
    """This machine's id: 32 hex characters, the same for every process of this user here."""
    return _machine_id_for(str(state_dir()))
