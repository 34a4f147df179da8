"""read_bundle: a bundle folder or .zip -> its records, after checking everything.

Order: the manifest (format name and version), every file's sha256, then each record file
(TOML, plan id, types, ids, revision metadata), then ids across files, the plan's own record
and references. The first problem found raises one BundleError naming the file (and the
line where known); nothing is returned half-checked, so a caller changes its plan only
with a bundle that passed every check."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.revision import RecordState
from .checks import REPLICA, UUID, check_record
from .errors import BundleError
from .layout import (
    DATA_FILES, FORMAT_NAME, FORMAT_VERSION, MANIFEST, PILLAR_FILES, PLAN_FILE,
)
from .references import dangling
from .safe_write import sha256
from .source import Source, open_source, safe_relative

KIND_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
SHA256 = re.compile(r"[0-9a-f]{64}")
_BOM = b"\xef\xbb\xbf"
_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$")


@dataclass
class Bundle:
    path: Path
    format_version: int
    app_version: str
    plan_id: str
    replica_id: str
    team: str
    exported_at: str
    states: list[RecordState]  # every record, the plan's own and tombstones included, by id
    counts: dict = field(default_factory=dict)
    language: str = ""
    teams: dict[str, str] = field(default_factory=dict)  # replica id -> team, as the writer knew them


def normalized(data: bytes) -> bytes:
    """The bytes a checksum covers: a leading UTF-8 BOM and CRLF line ends, which an editor
    or a `git autocrlf` on the way may add, are harmless and undone first."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    return data.replace(b"\r\n", b"\n")


def _text(source: Source, rel: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BundleError("not_utf8", rel, data.count(b"\n", 0, e.start) + 1, bundle=source.label) from None


def _toml(source: Source, rel: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = _TOML_AT.search(msg)
        line = int(m.group(1)) if m and m.group(1) else None
        reason = msg[:m.start()] if m else msg
        raise BundleError("toml_error", rel, line, bundle=source.label, reason=reason) from None
    except RecursionError:
        raise BundleError("toml_too_deep", rel, bundle=source.label) from None


def read_bundle(path: Path | str) -> Bundle:
    path = Path(path)
    source = open_source(path)
    try:
        return _read(path, source)
    finally:
        source.close()


def _read(path: Path, source: Source) -> Bundle:
    label = source.label
    man_text = _text(source, MANIFEST, normalized(source.read(MANIFEST)))
    man = _manifest(source, _toml(source, MANIFEST, man_text))
    plan_id = man["plan_id"]

    texts: dict[str, str] = {}
    for rel, entry in man["files"].items():
        raw = source.read(rel)
        data = normalized(raw)
        if sha256(data) != entry["sha256"] and sha256(raw) != entry["sha256"]:
            raise BundleError("checksum", rel, bundle=label)
        if rel in DATA_FILES:
            texts[rel] = _text(source, rel, data)

    states: list[RecordState] = []
    where: dict[str, tuple[str, str, int]] = {}  # id -> (file, array, index)
    for rel in DATA_FILES:
        text = texts[rel]
        doc = _toml(source, rel, text)
        _check_header(source, rel, text, doc, plan_id)
        for array, items in doc.items():
            if array in ("plan_id", "pillar"):
                continue
            if not KIND_NAME.fullmatch(array) or type(items) is not list:
                raise BundleError("bad_array", rel, _line_of_key(text, array), bundle=label, name=array)
            for i, raw in enumerate(items):
                try:
                    state = check_record(raw, array)
                except BundleError as e:
                    raise e.placed(label, rel, _line_of_record(text, array, i)) from None
                if state.id in where:
                    first = where[state.id][0]
                    raise BundleError("duplicate_id", rel, _line_of_record(text, array, i), bundle=label,
                                      id=state.id, other=first)
                where[state.id] = (rel, array, i)
                states.append(state)

    own = next((s for s in states if s.id == plan_id), None)
    if own is None or own.kind != "plan":
        raise BundleError("plan_record_missing", PLAN_FILE, bundle=label, id=plan_id)
    extra = next((s for s in states if s.kind == "plan" and s.id != plan_id), None)
    if extra is not None:
        rel, array, i = where[extra.id]
        raise BundleError("extra_plan_record", rel, _line_of_record(texts[rel], array, i), bundle=label, id=extra.id)

    bad = dangling(states)
    if bad:
        d = bad[0]
        rel, array, i = where[d.record.id]
        raise BundleError("dangling", rel, _line_of_record(texts[rel], array, i), bundle=label,
                          id=d.record.id, field=d.field, target=d.target, target_kind=d.target_kind)

    counts = man.get("counts", {})
    if "records" in counts and counts["records"] != len(states):
        raise BundleError("count_mismatch", MANIFEST, bundle=label, declared=counts["records"], found=len(states))

    states.sort(key=lambda s: s.id)
    return Bundle(path, man["format_version"], man["app_version"], plan_id, man["replica_id"],
                  man["team"], man["exported_at"], states, dict(counts), man.get("language", ""),
                  dict(man.get("teams", {})))


MAX_TEAMS = 1000  # replicas a plan can plausibly have heard of; more is not a real bundle

_REQUIRED = {
    "format": str, "format_version": int, "app_version": str, "plan_id": str,
    "replica_id": str, "team": str, "exported_at": str, "files": dict,
}


def _manifest(source: Source, man: dict[str, Any]) -> dict[str, Any]:
    label = source.label
    if man.get("format") != FORMAT_NAME:
        raise BundleError("not_our_format", MANIFEST, bundle=label, found=str(man.get("format", ""))[:60])
    version = man.get("format_version")
    if type(version) is not int or version < 1:
        raise BundleError("bad_version", MANIFEST, bundle=label, found=repr(version)[:40])
    if version > FORMAT_VERSION:
        raise BundleError("too_new", MANIFEST, bundle=label, version=version, supported=FORMAT_VERSION,
                          app=str(man.get("app_version", "?"))[:40])
    for key, typ in _REQUIRED.items():
        if type(man.get(key)) is not typ:
            raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name=key)
    if not UUID.fullmatch(man["plan_id"]):
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="plan_id")
    if not REPLICA.fullmatch(man["replica_id"]):
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="replica_id")
    for key, typ in (("counts", dict), ("language", str), ("teams", dict)):
        if key in man and type(man[key]) is not typ:
            raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name=key)
    teams = man.get("teams", {})
    if len(teams) > MAX_TEAMS or not all(
        REPLICA.fullmatch(r) and type(t) is str and len(t) <= 200 for r, t in teams.items()
    ):
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="teams")
    if "counts" in man and type(man["counts"].get("records", 0)) is not int:
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="counts.records")
    for rel, entry in man["files"].items():
        if not safe_relative(rel) or rel == MANIFEST:
            raise BundleError("unsafe_path", rel, bundle=label)
        if (type(entry) is not dict or type(entry.get("sha256")) is not str
                or not SHA256.fullmatch(entry["sha256"])):
            raise BundleError("manifest_bad_entry", MANIFEST, bundle=label, entry=rel)
    for rel in DATA_FILES:
        if rel not in man["files"]:
            raise BundleError("manifest_missing_entry", MANIFEST, bundle=label, entry=rel)
    return man


def _check_header(source: Source, rel: str, text: str, doc: dict[str, Any], plan_id: str) -> None:
    if doc.get("plan_id") != plan_id:
        raise BundleError("plan_id_mismatch", rel, _line_of_key(text, "plan_id"), bundle=source.label,
                          found=str(doc.get("plan_id", ""))[:60], expected=plan_id)
    pillar = next((k for k, f in PILLAR_FILES.items() if f == rel), None)
    if pillar is not None and doc.get("pillar") != pillar:
        raise BundleError("pillar_mismatch", rel, _line_of_key(text, "pillar"), bundle=source.label, found=str(doc.get("pillar", ""))[:40],
                          expected=pillar)


def _line_of_key(text: str, key: str) -> int | None:
    pat = re.compile(rf'^\s*(?:\[\[\s*)?"?{re.escape(key)}"?\s*(?:=|\]\])', re.M)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _line_of_record(text: str, array: str, index: int) -> int | None:
    """Line of the header of the index-th `[[array]]` table (only looked up on errors)."""
    pat = re.compile(rf'^[ \t]*\[\[[ \t]*"?{re.escape(array)}"?[ \t]*\]\]', re.M)
    for i, m in enumerate(pat.finditer(text)):
        if i == index:
            return text.count("\n", 0, m.start()) + 1
    return None
