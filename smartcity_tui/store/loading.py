"""Reading a plan file into memory: parse, check its shape, migrate. Nothing here writes, so
an unreadable file is refused with a reason and left exactly as it was."""

from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeGuard

from ..i18n import Reason, os_reason
from . import backups, not_a_plan
from .errors import PlanNotFound, PlanTooNew, PlanUnreadable
from .schema import SCHEMA_VERSION, TooNew, migrate

META = "_meta"
RECORDS = "records"
APP_FORMAT = "smartcity-tui plan"

Clock = Callable[[], _dt.datetime]


def _now() -> _dt.datetime:
    return _dt.datetime.now().astimezone().replace(microsecond=0)


def new_replica_id() -> str:
    # 64 random bits: collisions are out of reach for any number of laptops a region has.
    return uuid.uuid4().hex[:16]


def home_of(path: Path) -> dict[str, str]:
    """Where a replica last wrote: this file's resolved path and this machine's id (not its
    host name: cloned laptops share host names). Read only to tell a group that its plan was
    last written on another laptop (`PlanStore.handed_over`); identity does not rest on it,
    every writing session takes a fresh replica id anyway."""
    from .machine import machine_id

    return {"path": os.path.normcase(str(path.resolve())), "machine": machine_id()}


def _is_int(x: Any) -> TypeGuard[int]:
    return isinstance(x, int) and not isinstance(x, bool)


def _meta_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with a migrated file's tables, or None. Checked before any use, so a
    hand-edited or half-foreign file is refused with a reason rather than a traceback."""
    meta_table, records = data.get(META, {}), data.get(RECORDS, {})
    if len(meta_table) != 1 or not all(k.isdigit() for k in meta_table):
        return "meta table malformed"
    meta = next(iter(meta_table.values()))
    if not isinstance(meta.get("plan_id"), str) or not meta["plan_id"]:
        return "plan id missing"
    replica = meta.get("replica")
    if not isinstance(replica, dict) or not isinstance(replica.get("id"), str) or not replica["id"]:
        return "replica id missing"
    if not _is_int(meta.get("counter", 0)) or meta.get("counter", 0) < 0:
        return "replica counter malformed"
    if not isinstance(meta.get("team", ""), str):
        return "team name malformed"
    if not isinstance(records, dict):
        return "records table malformed"
    bad_key = next((k for k in records if not k.isdigit()), None)
    if bad_key is not None:
        return f"record key {bad_key!r} is not a number"
    return None


def _not_a_plan(path: Path, kind: not_a_plan.NotAPlan) -> PlanUnreadable:
    return PlanUnreadable(path, kind.reason, hint_key=kind.hint_key, hint_params=kind.params)


def load_plan_data(path: Path) -> dict[str, Any]:
    """Read and migrate a plan file's data, or raise a StoreError that names the problem.
    Public for readers that must not open a store (no lock, no backup): the git merge
    driver reads BASE and THEIRS with it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanNotFound(path) from None
    except OSError as e:
        if path.is_dir():  # (Windows says PermissionError for a folder, not IsADirectoryError)
            raise _not_a_plan(path, not_a_plan.folder(path)) from None
        raise PlanUnreadable(path, os_reason(e), backups.readable(path)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        kind = not_a_plan.file_kind(path, raw[:16])
        if kind is not None:  # a bundle, a sheet, a book: said as such, not as a damaged plan
            raise _not_a_plan(path, kind) from None
        if isinstance(e, UnicodeDecodeError):
            raise PlanUnreadable(path, Reason("reason.not_utf8", f"byte {e.start}"), backups.readable(path)) from None
        if isinstance(e, RecursionError):
            raise PlanUnreadable(path, Reason("reason.too_deep"), backups.readable(path)) from None
        reason = f"line {e.lineno}: {e.msg}" if isinstance(e, json.JSONDecodeError) else str(e)
        raise PlanUnreadable(path, reason, backups.readable(path)) from None
    meta_table = data.get(META) if isinstance(data, dict) else None
    meta = next(iter(meta_table.values()), None) if isinstance(meta_table, dict) and meta_table else None
    if not isinstance(meta, dict) or meta.get("format") != APP_FORMAT:
        raise PlanUnreadable(path, Reason("reason.not_plan"), backups.readable(path))
    version = meta.get("schema")
    if not _is_int(version) or version < 1:
        raise PlanUnreadable(path, Reason("reason.schema_missing", repr(version)[:40]), backups.readable(path))
    try:
        data = migrate(data, version)
    except TooNew:
        raise PlanTooNew(path, version=version, supported=SCHEMA_VERSION) from None
    except (AttributeError, TypeError, ValueError) as e:
        raise PlanUnreadable(path, f"cannot upgrade from schema {version}: {e}", backups.readable(path)) from None
    problem = _meta_problem(data)
    if problem:
        raise PlanUnreadable(path, problem, backups.readable(path))
    return data
