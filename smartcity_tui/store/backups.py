"""Rotating backups beside the plan: plan.backup-1.json (newest) .. plan.backup-5.json.

Taken before the first write of a session and before every merge, so that a bad afternoon
(or a bad merge) can always be walked back to how the plan was when the session started.

The store writes a backup with its replica's home left empty: a backup put back in place (by
`restore` or by hand) then takes a fresh replica id on its first write, instead of reusing
counters the lost edits already used under the old id (DESIGN.md, "Identity").

A backup goes in two steps, so that a save that fails costs no backup: the copy is written
first, whole and durable, as `plan.backup-next.json` (before the plan is touched); only once
the plan's write has succeeded does it take its place as backup 1, the others moving down
one (`roll_in`). A save that fails leaves backups 1-5 as they were. A crash between the two
steps leaves `backup-next`; the next session settles it (`settle`): rolled in when the plan
was written after it, dropped when the plan is still what it holds.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .atomic import atomic_copy, atomic_write_bytes, replace_with_retry, unlink_with_retry

KEEP = 5


def backup_path(plan_path: Path, n: int) -> Path:
    return plan_path.with_name(f"{plan_path.stem}.backup-{n}{plan_path.suffix}")


def next_path(plan_path: Path) -> Path:
    """The backup written before a save, waiting for the save to succeed."""
    return plan_path.with_name(f"{plan_path.stem}.backup-next{plan_path.suffix}")


def prepare(plan_path: Path, content: bytes) -> Path:
    """Step one: the backup's bytes, durable on disk, not yet in the rotation."""
    dst = next_path(plan_path)
    atomic_write_bytes(dst, content)
    return dst


def roll_in(plan_path: Path, keep: int = KEEP) -> bool:
    """Step two, once the plan's write succeeded: the prepared backup becomes backup 1, the
    others move down one, the oldest drops out. Each move replaces its target (no separate
    delete that a scanner's hold could fail). False when it could not be done now; the
    prepared file then stays and the next session settles it."""
    pending = next_path(plan_path)
    if not pending.exists():
        return False
    try:
        for n in range(keep - 1, 0, -1):
            src = backup_path(plan_path, n)
            if src.exists():
                replace_with_retry(src, backup_path(plan_path, n + 1))
        replace_with_retry(pending, backup_path(plan_path, 1))
    except OSError:
        return False
    return True


def _comparable(raw: bytes) -> Any:
    """A plan's content without its replica (a backup is homeless, the plan is not)."""
    data = json.loads(raw.decode("utf-8-sig"))
    for meta in data.get("_meta", {}).values():
        if isinstance(meta, dict):
            meta.pop("replica", None)
    return data


def settle(plan_path: Path) -> None:
    """A `backup-next` left by a crash: roll it in if the plan was saved after it was made,
    drop it if the plan is still what it holds (the save never happened). Call while holding
    the plan's lock."""
    pending = next_path(plan_path)
    if not pending.exists():
        return
    try:
        same = _comparable(pending.read_bytes()) == _comparable(plan_path.read_bytes())
    except (OSError, ValueError, RecursionError, AttributeError):
        same = False  # when in doubt keep it: a backup too many costs nothing
    if same:
        unlink_with_retry(pending)
    else:
        roll_in(plan_path)


def existing(plan_path: Path, keep: int = KEEP) -> list[Path]:
    return [p for n in range(1, keep + 1) if (p := backup_path(plan_path, n)).exists()]


def candidates(plan_path: Path, keep: int = KEEP) -> list[Path]:
    """Every backup on disk, newest first: a `backup-next` a session left (a save refused or
    cut short: it holds the plan as it was just before, and may be the only good copy left
    when the plan was then replaced), then backups 1-5."""
    pending = next_path(plan_path)
    return ([pending] if pending.exists() else []) + existing(plan_path, keep)


def readable(plan_path: Path, keep: int = KEEP) -> list[Path]:
    """Backups that parse as JSON with a plan's shape, newest first (`candidates`)."""
    good = []
    for p in candidates(plan_path, keep):
        try:
            data = json.loads(p.read_bytes().decode("utf-8-sig"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("_meta"), dict):
            good.append(p)
    return good


def keep_aside(plan: Path, kind: str) -> Path:
    """The plan in place, kept as PLAN.<kind>-N: a second name for the same file where the
    file system has links (nothing copied, nothing ever missing), else a copy."""
    n = 1
    while (aside := plan.with_name(f"{plan.name}.{kind}-{n}")).exists():
        n += 1
    try:
        os.link(plan, aside)
    except (OSError, NotImplementedError):
        atomic_copy(plan, aside)
    return aside
