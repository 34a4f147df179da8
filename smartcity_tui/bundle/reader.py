"""read_bundle: a bundle folder or .zip -> its records, after checking everything.

Order: the manifest (format name and version), every file's sha256, then each record file
(TOML, plan id, types, ids, revision metadata), then ids across files, the plan's own record
and references. The first problem found raises one BundleError naming the file (and the
line where known); nothing is returned half-checked, so a caller changes its plan only
with a bundle that passed every check."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import framework as frameworks
from ..model.legacy import needs_upgrade, upgrade_records
from ..model.revision import RecordState
from .checks import REPLICA, UUID, check_format_1
from .errors import BundleError
from .layout import (
    DATA_FILES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_TEAM_CHARS,
    MAX_TEAMS,
    PLAN_FILE,
    data_files,
    key_of_file,
)
from .record_file import UTF16_BOMS, decode, line_of_key, line_of_record, parse_toml, read_records
from .references import dangling
from .safe_write import sha256
from .source import Source, open_source, safe_relative, shown
from .stream import Checked, normalized

SHA256 = re.compile(r"[0-9a-f]{64}")


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
    counts: dict[str, Any] = field(default_factory=dict)
    language: str = ""
    teams: dict[str, str] = field(default_factory=dict)  # replica id -> team, as the writer knew them
    # the framework the plan is on (id, version); a format-1 bundle is on the six pillars
    framework: str = frameworks.DEFAULT_ID
    framework_version: str = frameworks.LEGACY_VERSION
    # its record files, read in this order: where a merge that refuses it finds a record again
    files: tuple[str, ...] = ()

    @property
    def framework_ref(self) -> tuple[str, str]:
        return (self.framework, self.framework_version)


def read_bundle(path: Path | str) -> Bundle:
    path = Path(path)
    source = open_source(path)
    try:
        return _read(path, source)
    finally:
        source.close()


def _read(path: Path, source: Source) -> Bundle:
    label = source.label
    man_bytes = normalized(source.read(MANIFEST))
    if not man_bytes.strip(b" \t\n\x00"):
        # empty, or the zeros a pulled drive leaves: a damaged copy, not a foreign file
        raise BundleError("manifest_empty", MANIFEST, bundle=label)
    man_text = decode(label, MANIFEST, man_bytes)
    man = _manifest(source, parse_toml(label, MANIFEST, man_text))
    plan_id = man["plan_id"]

    for rel, entry in man["files"].items():
        stream = Checked(source.blocks(rel))
        head, blank = b"", True
        for block in stream:
            head = head or block[:2]
            blank = blank and not block.strip(b" \t\n\x00")
        if not stream.matches(entry["sha256"]):
            raise BundleError(_mismatch(head, blank), rel, bundle=label)

    # Each record file read again, block by block, and parsed as it comes: a big bundle is
    # never held whole, as bytes, text or tables (record_file.py). Its checksum is checked
    # again on the way, so what is parsed is what was checked.
    states: list[RecordState] = []
    seen: dict[str, str] = {}  # id -> the file it came in
    ref = man["framework_ref"]
    for rel in man["data_files"]:
        expected = man["files"][rel]["sha256"]
        blocks = source.blocks(rel, count=False)
        try:
            stream = Checked(blocks)
            whole = _whole_file(source, rel, expected)
            states += read_records(label, rel, stream, whole, _header_check(label, rel, whole, plan_id, ref), seen)
            if stream.done and not stream.matches(expected):
                raise BundleError("checksum", rel, bundle=label)
        finally:
            blocks.close()  # the file is closed now, not when the error is let go (a flash drive)

    def line_of(rid: str) -> tuple[str, int | None]:
        rel = seen[rid]
        return rel, line_of_record(_text(normalized(source.read(rel, count=False))), rid)

    own = next((s for s in states if s.id == plan_id), None)
    if own is None or own.kind != "plan":
        raise BundleError("plan_record_missing", PLAN_FILE, bundle=label, id=plan_id)
    if man["format_version"] > 1:
        own_ref = frameworks.plan_ref(own.value("framework", ""), own.value("framework_version", ""))
        if own_ref != ref:  # the plan record and the manifest must tell one story
            raise BundleError("framework_mismatch", *line_of(own.id), bundle=label,
                              found=" ".join(own_ref), expected=" ".join(ref))
    extra = next((s for s in states if s.kind == "plan" and s.id != plan_id), None)
    if extra is not None:
        raise BundleError("extra_plan_record", *line_of(extra.id), bundle=label, id=extra.id)

    bad = dangling(states)
    if bad:
        d = bad[0]
        raise BundleError("dangling", *line_of(d.record.id), bundle=label,
                          id=d.record.id, field=d.field, target=d.target, target_kind=d.target_kind)

    counts = man.get("counts", {})
    if "records" in counts and counts["records"] != len(states):
        raise BundleError("count_mismatch", MANIFEST, bundle=label, declared=counts["records"], found=len(states))

    if man["format_version"] == 1:
        states = _upgrade_format_1(label, states, line_of)
    states.sort(key=lambda s: s.id)
    return Bundle(path, man["format_version"], man["app_version"], plan_id, man["replica_id"],
                  man["team"], man["exported_at"], states, dict(counts), man.get("language", ""),
                  dict(man.get("teams", {})), framework=ref[0], framework_version=ref[1],
                  files=tuple(man["data_files"]))


def _upgrade_format_1(label: str, states: list[RecordState], line_of: Callable[[str], tuple[str, int | None]]
                      ) -> list[RecordState]:
    """A format-1 bundle's records in today's shape: its programmes' yearly amounts in the
    "belum dirinci per sumber" share, its plan's targets as records (model/legacy.py, the
    same upgrade as a plan file's), after checking the old fields as format 1 did."""
    out: list[RecordState] = []
    known = {s.id for s in states}
    for state in states:
        try:
            check_format_1(state)
        except BundleError as e:
            raise e.placed(label, *line_of(state.id)) from None
        if not needs_upgrade({"kind": state.kind, "f": state.fields}):
            out.append(state)
            continue
        first, *added = upgrade_records([state.to_dict()])
        out.append(RecordState.from_dict(first))
        for extra in added:
            if extra["id"] in known:
                raise BundleError("duplicate_id", *line_of(state.id), bundle=label, id=extra["id"], other=PLAN_FILE)
            out.append(RecordState.from_dict(extra))
    return out


_REQUIRED = {
    "format": str, "format_version": int, "app_version": str, "plan_id": str,
    "replica_id": str, "team": str, "exported_at": str, "files": dict,
}


def _manifest(source: Source, man: dict[str, Any]) -> dict[str, Any]:
    label = source.label
    if man.get("format") != FORMAT_NAME:
        raise BundleError("not_our_format", MANIFEST, bundle=label, found=shown(str(man.get("format", "")))[:60])
    version = man.get("format_version")
    if type(version) is not int or version < 1:
        raise BundleError("bad_version", MANIFEST, bundle=label, found=shown(repr(version))[:40])
    if version > FORMAT_VERSION:
        raise BundleError("too_new", MANIFEST, bundle=label, version=version, supported=FORMAT_VERSION,
                          app=shown(str(man.get("app_version", "?")))[:40])
    for key, typ in _REQUIRED.items():
        if type(man.get(key)) is not typ:
            raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name=key)
    if not UUID.fullmatch(man["plan_id"]):
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="plan_id")
    man["plan_id"] = man["plan_id"].lower()  # ids compare in lower case (checks.py)
    if not REPLICA.fullmatch(man["replica_id"]):
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="replica_id")
    for key, typ in (("counts", dict), ("language", str), ("teams", dict), ("framework", str),
                     ("framework_version", str)):
        if key in man and type(man[key]) is not typ:
            raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name=key)
    _check_teams(label, man.get("teams", {}))
    if "counts" in man and type(man["counts"].get("records", 0)) is not int:
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="counts.records")
    for rel, entry in man["files"].items():
        if not safe_relative(rel) or rel == MANIFEST:
            raise BundleError("unsafe_path", shown(rel), bundle=label)
        if (type(entry) is not dict or type(entry.get("sha256")) is not str
                or not SHA256.fullmatch(entry["sha256"])):
            raise BundleError("manifest_bad_entry", MANIFEST, bundle=label, entry=rel)
    man["framework_ref"], man["data_files"] = _framework_files(label, man)
    for rel in man["data_files"]:
        if rel not in man["files"]:
            raise BundleError("manifest_missing_entry", MANIFEST, bundle=label, entry=rel)
    return man


def _framework_files(label: str, man: dict[str, Any]) -> tuple[tuple[str, str], tuple[str, ...]]:
    """The bundle's framework (id, version) and its record files. Format 1 is on the six
    pillars. Format 2 names its framework (absent: the six pillars as well); its pillar files
    are those of the framework's dimensions when this laptop has the framework, else every
    `pillars/<key>.toml` the manifest lists (so a bundle of a region's own framework still
    reads; merging it is another matter, bundle/merge.py)."""
    if man["format_version"] == 1:
        return frameworks.plan_ref("", ""), DATA_FILES
    fid, version = man.get("framework", ""), man.get("framework_version", "")
    if fid and not frameworks.valid_id(fid):
        raise BundleError("manifest_bad_key", MANIFEST, bundle=label, name="framework")
    ref = frameworks.plan_ref(fid, version)
    known = frameworks.find(*ref)
    if known is not None:
        return ref, data_files(known.keys)
    keys = sorted(k for rel in man["files"] if (k := key_of_file(rel)) is not None and frameworks.valid_key(k))
    return ref, data_files(tuple(keys))


def _check_teams(label: str, teams: dict[str, Any]) -> None:
    """The `teams` table, each limit named when it is broken."""
    if len(teams) > MAX_TEAMS:
        raise BundleError("teams_too_many", MANIFEST, bundle=label, n=len(teams), max=MAX_TEAMS)
    for replica, team in teams.items():
        if not REPLICA.fullmatch(replica):
            raise BundleError("teams_bad_replica", MANIFEST, bundle=label, replica=shown(replica)[:70])
        if type(team) is not str:
            raise BundleError("teams_bad_name", MANIFEST, bundle=label, replica=replica)
        if len(team) > MAX_TEAM_CHARS:
            raise BundleError("teams_name_too_long", MANIFEST, bundle=label, replica=replica, n=len(team),
                              max=MAX_TEAM_CHARS)


def _mismatch(head: bytes, blank: bool) -> str:
    """Why a file does not match its checksum, where its bytes say: empty (or the zeros a
    pulled drive leaves: cut short while copying), saved again as UTF-16 (Notepad's
    "Unicode"), or else changed or damaged after export."""
    if blank:
        return "manifest_empty"  # (its words are of any file: "this file is empty")
    if head.startswith(UTF16_BOMS):
        return "utf16"
    return "checksum"


def _whole_file(source: Source, rel: str, expected: str) -> Callable[[], bytes]:
    """A record file whole (normalized), for the rare file that cannot be parsed in slices
    and for the line of an error; checked against its digest again."""
    def whole() -> bytes:
        raw = source.read(rel, count=False)
        data = normalized(raw)
        if expected not in (sha256(data), sha256(raw)):
            raise BundleError("checksum", rel, bundle=source.label)
        return data
    return whole


def _header_check(label: str, rel: str, whole: Callable[[], bytes], plan_id: str,
                  ref: tuple[str, str]) -> Callable[[dict[str, Any]], None]:
    """The check of a record file's `plan_id`, `framework` and `pillar` keys, for record_file."""
    def check(doc: dict[str, Any]) -> None:
        found = doc.get("plan_id")
        if type(found) is not str or found.lower() != plan_id:
            raise BundleError("plan_id_mismatch", rel, line_of_key(_text(whole()), "plan_id"), bundle=label,
                              found=shown(str(doc.get("plan_id", "")))[:60], expected=plan_id)
        if rel == PLAN_FILE and "framework" in doc:
            named = frameworks.plan_ref(str(doc.get("framework", "")), str(doc.get("framework_version", "")))
            if named != ref:
                raise BundleError("framework_mismatch", rel, line_of_key(_text(whole()), "framework"), bundle=label,
                                  found=shown(" ".join(named))[:80], expected=" ".join(ref))
        pillar = key_of_file(rel)
        if pillar is not None and doc.get("pillar") != pillar:
            raise BundleError("pillar_mismatch", rel, line_of_key(_text(whole()), "pillar"), bundle=label,
                              found=shown(str(doc.get("pillar", "")))[:40], expected=pillar)
    return check


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
