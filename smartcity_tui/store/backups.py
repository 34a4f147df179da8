"""Rotating backups beside the plan: plan.backup-1.json (newest) .. plan.backup-5.json.

Taken before the first write of a session and before every merge, so that a bad afternoon
(or a bad merge) can always be walked back to how the plan was when the session started.

The store writes a backup with its replica's home left empty: a backup put back in place (by
`restore` or by hand) then takes a fresh replica id on its first write, instead of reusing
counters the lost edits already used under the old id (DESIGN.md, "Identity").
"""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import atomic_copy, atomic_write_bytes, replace_with_retry

KEEP = 5


def backup_path(plan_path: Path, n: int) -> Path:
    return plan_path.with_name(f"{plan_path.stem}.backup-{n}{plan_path.suffix}")


def rotate(plan_path: Path, keep: int = KEEP, content: bytes | None = None) -> Path | None:
    """Shift the backups down one place and copy the plan in as backup 1 (or write `content`,
    the plan as the store holds it, when given)."""
    if not plan_path.exists():
        return None
    oldest = backup_path(plan_path, keep)
    if oldest.exists():
        oldest.unlink()
    for n in range(keep - 1, 0, -1):
        src = backup_path(plan_path, n)
        if src.exists():
            replace_with_retry(src, backup_path(plan_path, n + 1))
    dst = backup_path(plan_path, 1)
    if content is None:
        atomic_copy(plan_path, dst)
    else:
        atomic_write_bytes(dst, content)
    return dst


def existing(plan_path: Path, keep: int = KEEP) -> list[Path]:
    return [p for n in range(1, keep + 1) if (p := backup_path(plan_path, n)).exists()]


def readable(plan_path: Path, keep: int = KEEP) -> list[Path]:
    """Backups that parse as JSON with a plan's shape, newest first."""
    good = []
    for p in existing(plan_path, keep):
        try:
            data = json.loads(p.read_bytes().decode("utf-8-sig"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("_meta"), dict):
            good.append(p)
    return good
