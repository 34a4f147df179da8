"""A plan's temp files after a crash: debris, or the only copy of the newest save.

Every save writes `.plan.json.<pid>-<token>.tmp`, fsyncs it and renames it over the plan. Normally a
leftover temp file is a save cut off mid-write (torn, useless) and the next writer deletes it.
But NTFS commits a rename lazily, and on FAT32/exFAT flash drives the replace is a delete and
a rename: after a power cut or a pulled drive, the newest save may exist only as the temp file,
beside an older plan or none at all. So a temp file that parses as a plan is never deleted when
it is newer than the plan (or the plan is gone): it is kept as `plan.recovered-N.json`, and the
store says so (errors.PlanNewerCopyKept, errors.PlanMissingRecovered). Putting it in place is a
person's decision: `smartcity-tui restore PLAN --from plan.recovered-N.json`.

"Newer" needs no clock where it can: within one replica of one plan, the higher counter (a
merge writes no dot, so the same counter with a later save time counts too); across replicas
(a per-session replica id, an adopted plan), the later save time. A tie that differs in its
bytes is kept too: keeping costs a file, deleting may cost the work.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from .atomic import remove_stale_temps, replace_with_retry, stale_temps
from .windows_files import reveal

FORMAT = "smartcity-tui plan"


def recovered_path(plan: Path, n: int) -> Path:
    return plan.with_name(f"{plan.stem}.recovered-{n}{plan.suffix}")


def recovered_copies(plan: Path) -> list[Path]:
    """The `plan.recovered-N.json` files beside the plan, newest rescue first."""
    pattern = re.compile(rf"{re.escape(plan.stem)}\.recovered-(\d+){re.escape(plan.suffix)}$")
    found = []
    try:
        for p in plan.parent.iterdir():
            m = pattern.match(p.name)
            if m:
                found.append((int(m.group(1)), p))
    except OSError:
        return []
    return [p for _, p in sorted(found, reverse=True)]


def meta_of(path: Path) -> dict[str, Any] | None:
    """The meta of a file that parses as a whole plan, else None."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    table = data.get("_meta") if isinstance(data, dict) else None
    meta = next(iter(table.values()), None) if isinstance(table, dict) and table else None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT or not isinstance(data.get("records"), dict):
        return None
    return meta


def _saved(meta: dict[str, Any]) -> _dt.datetime | None:
    try:
        when = _dt.datetime.fromisoformat(str(meta.get("saved_at", "")))
    except ValueError:
        return None
    return when if when.tzinfo else when.astimezone()


def _counter(meta: dict[str, Any]) -> int:
    c = meta.get("counter", 0)
    return c if isinstance(c, int) and not isinstance(c, bool) else 0


def _replica(meta: dict[str, Any]) -> str:
    rep = meta.get("replica")
    return str(rep.get("id", "")) if isinstance(rep, dict) else ""


def newer(candidate: dict[str, Any], plan: dict[str, Any]) -> bool | None:
    """Whether `candidate`'s save came after `plan`'s; None when they cannot be told apart."""
    c_saved, p_saved = _saved(candidate), _saved(plan)
    same_replica = candidate.get("plan_id") == plan.get("plan_id") and _replica(candidate) == _replica(plan)
    if same_replica and _counter(candidate) != _counter(plan):
        return _counter(candidate) > _counter(plan)
    if c_saved is None or p_saved is None:
        return None
    if c_saved != p_saved:
        return c_saved > p_saved
    return None


def keep_aside(plan: Path, tmp: Path) -> Path:
    n = 1
    while (dst := recovered_path(plan, n)).exists():
        n += 1
    if sys.platform == "win32":
        reveal(tmp)  # a rename keeps the hidden mark: the officer must see the copy in Explorer
    replace_with_retry(tmp, dst)
    return dst


def plan_id_of(paths: list[Path]) -> str | None:
    """The plan id the first of `paths` that reads names (a good backup of a damaged plan)."""
    for p in paths:
        meta = meta_of(p)
        if meta is not None and isinstance(meta.get("plan_id"), str):
            return str(meta["plan_id"])
    return None


def whole_temps(plan: Path, plan_id: str | None) -> list[Path]:
    """The plan's temp files that parse as a whole plan (of `plan_id`, when it is known): a
    save cut short after its temp file was complete. Only looked at, never touched."""
    found = []
    for tmp in stale_temps(plan):
        meta = meta_of(tmp)
        if meta is not None and (plan_id is None or meta.get("plan_id") == plan_id):
            found.append(tmp)
    return found


def keep_whole_temps(plan: Path, plan_id: str | None) -> list[Path]:
    """For a plan that is damaged (0 bytes after a pulled FAT32 drive) or gone: each whole
    temp file of it kept as `plan.recovered-N.json`, by a rename to a free name (nothing is
    deleted or written over; a torn temp file stays where it is). Call holding the lock."""
    kept = []
    for tmp in whole_temps(plan, plan_id):
        try:
            kept.append(keep_aside(plan, tmp))
        except OSError:
            pass  # left where it is: offered again next time, never deleted
    return kept


def sweep(plan: Path, plan_meta: dict[str, Any] | None) -> list[Path]:
    """Remove the plan's stale temp files, keeping (as `plan.recovered-N.json`) every one
    that is a whole plan newer than `plan_meta` (None: the plan is gone). Returns the files
    kept. Call only while holding the plan's lock."""
    kept: list[Path] = []
    plan_bytes: bytes | None = None

    def rescue(tmp: Path) -> bool:
        nonlocal plan_bytes
        meta = meta_of(tmp)
        if meta is None:
            return False  # torn mid-write: a save that never completed
        if plan_meta is not None:
            verdict = newer(meta, plan_meta)
            if verdict is False:
                return False
            if verdict is None:
                if plan_bytes is None:
                    try:
                        plan_bytes = plan.read_bytes()
                    except OSError:
                        plan_bytes = b""
                try:
                    if tmp.read_bytes() == plan_bytes:
                        return False  # the very save that is in place
                except OSError:
                    return True  # cannot look: leave it where it is
        try:
            kept.append(keep_aside(plan, tmp))
        except OSError:
            pass  # left where it is: the next sweep tries again, it is never deleted
        return True

    remove_stale_temps(plan, rescue)
    return kept


def newest_first(paths: list[Path]) -> list[Path]:
    """Kept copies ordered by their save, newest first (unreadable ones last)."""
    far_past = _dt.datetime.min.replace(tzinfo=_dt.UTC)

    def key(p: Path) -> tuple[_dt.datetime, int]:
        meta = meta_of(p)
        if meta is None:
            return far_past, 0
        return _saved(meta) or far_past, _counter(meta)

    return sorted(paths, key=key, reverse=True)


def offered(plan: Path, copies: list[Path], good_backups: list[Path]) -> list[Path]:
    """Of the whole copies of a damaged or missing plan's last save (`copies`), those to offer
    before its newest good backup, newest first: of the backups' plan (when one reads) and not
    older than that backup (a copy kept at an old crash may be)."""
    plan_id = plan_id_of(good_backups)
    backup = meta_of(good_backups[0]) if good_backups else None
    keep = []
    for copy in copies:
        meta = meta_of(copy)
        if meta is None or (plan_id is not None and meta.get("plan_id") != plan_id):
            continue
        if backup is None or newer(meta, backup) is not False:
            keep.append(copy)
    return newest_first(keep)
