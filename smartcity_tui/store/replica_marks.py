"""The highest counter this machine has written for each replica: the guard against a plan
file rolled back in place.

A file restored at the same path by another route (`git checkout` of an older commit, a copy
dragged back from a flash drive) keeps its replica id and an older counter. Writing on from
there would stamp new edits with dots that earlier edits already carried, and those may have
travelled in bundles: two different values under one dot, and a merge would drop one silently.
So each write records its counter here, outside the plan file, and a file whose counter is
below the mark takes a fresh replica id before it writes (DESIGN.md: "a spare replica id costs
nothing; a shared one loses data").

Best effort by design: the marks file lives in the user's state folder, is written without
fsync, and any failure to read or write it is ignored; it can only ever cause a fresh replica
id, never refuse or lose an edit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .atomic import atomic_write_bytes

ENV_DIR = "SMARTCITY_TUI_STATE_DIR"  # tests and portable installs point it elsewhere
KEEP = 500  # replicas remembered; the oldest are forgotten first


def marks_path() -> Path:
    folder = os.environ.get(ENV_DIR)
    if folder:
        return Path(folder) / "replica-marks.json"
    from platformdirs import user_state_dir

    return Path(user_state_dir("smartcity-tui", appauthor=False)) / "replica-marks.json"


def _read(path: Path) -> dict[str, int]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)}


def highest(replica_id: str) -> int:
    return _read(marks_path()).get(replica_id, 0)


def record(replica_id: str, counter: int) -> None:
    path = marks_path()
    marks = _read(path)
    if marks.get(replica_id, 0) >= counter:
        return
    marks.pop(replica_id, None)
    marks[replica_id] = counter  # re-inserted last: the most recently used are kept
    if len(marks) > KEEP:
        marks = dict(list(marks.items())[-KEEP:])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(marks).encode("utf-8"), durable=False)
    except OSError:
        pass
