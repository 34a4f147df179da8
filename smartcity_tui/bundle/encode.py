"""Record states -> the bundle's TOML files. Deterministic: records sorted by id, kinds in a
fixed order, and tomli-w's output depends on nothing else, so one plan gives the same bytes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..model.revision import RecordState
from ..model.vocab import PILLAR_KEYS
from . import toml_out
from .layout import (
    HEADER_KEYS,
    KIND_ORDER,
    PILLAR_KINDS,
    PLAN_FILE,
    PROGRAMME_CHILD_KINDS,
    key_of_file,
    pillar_files,
)


def file_of(state: RecordState, programme_pillar: dict[str, str], files: dict[str, str]) -> str:
    """The file a record travels in (`files`: the framework's pillar files by key). A record
    whose pillar is none of them (an orphan indicator, an unknown kind from a newer app, a
    record a reframe did not place) goes to plan.toml, so nothing is ever dropped."""
    if state.kind in PILLAR_KINDS:
        pillar = state.value("pillar")
    elif state.kind in PROGRAMME_CHILD_KINDS:
        pillar = programme_pillar.get(state.value("programme_id"))
    else:
        pillar = None
    return files.get(pillar, PLAN_FILE) if isinstance(pillar, str) else PLAN_FILE


def route(states: Iterable[RecordState], keys: tuple[str, ...] = PILLAR_KEYS) -> dict[str, list[RecordState]]:
    """The records of each record file of a bundle whose framework has these dimension keys."""
    states = list(states)
    files = pillar_files(keys)
    programme_pillar = {s.id: s.value("pillar") for s in states if s.kind == "programme"}
    out: dict[str, list[RecordState]] = {PLAN_FILE: [], **{f: [] for f in files.values()}}
    for s in states:
        out[file_of(s, programme_pillar, files)].append(s)
    return out


def _kind_rank(kind: str) -> tuple[int, str]:
    return (KIND_ORDER.index(kind), "") if kind in KIND_ORDER else (len(KIND_ORDER), kind)


def file_document(plan_id: str, file: str, states: list[RecordState],
                  wire: dict[str, dict[str, Any]] | None = None,
                  framework: tuple[str, str] | None = None) -> dict[str, Any]:
    """The TOML document of one record file; `wire` holds the records' to_dict() when the
    caller has them already; `framework` the (id, version) plan.toml names (format 2)."""
    doc: dict[str, Any] = {"plan_id": plan_id}
    if file == PLAN_FILE and framework is not None:
        doc["framework"], doc["framework_version"] = framework
    pillar = key_of_file(file)
    if pillar:
        doc["pillar"] = pillar
    by_kind: dict[str, list[RecordState]] = defaultdict(list)
    for s in states:
        by_kind[s.kind].append(s)
    for kind in sorted(by_kind, key=_kind_rank):
        ordered = sorted(by_kind[kind], key=lambda s: s.id)
        doc[kind] = [wire[s.id] if wire else s.to_dict() for s in ordered]
    return doc


def encode_file(plan_id: str, file: str, states: list[RecordState],
                wire: dict[str, dict[str, Any]] | None = None, framework: tuple[str, str] | None = None) -> bytes:
    doc = file_document(plan_id, file, states, wire, framework)
    parts = [f"{k} = {toml_out.string(doc[k])}\n" for k in HEADER_KEYS if k in doc]
    for kind, records in doc.items():
        if kind in HEADER_KEYS:
            continue
        for rec in records:
            parts.append("\n" + toml_out.record(kind, rec))
    return "".join(parts).encode("utf-8")


def count(states: Iterable[RecordState]) -> dict[str, int]:
    """Counts for the manifest and the command line: records of each kind (deleted ones
    included, as they travel too), and how many are deleted or in conflict."""
    kinds: dict[str, int] = {}
    total = deleted = conflicts = 0
    for s in states:
        total += 1
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
        deleted += s.deleted
        conflicts += s.has_conflict()
    ordered = {k: kinds[k] for k in sorted(kinds, key=_kind_rank)}
    return {"records": total, **ordered, "deleted": deleted, "conflicts": conflicts}
