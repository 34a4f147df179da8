"""Checks of one record table from an untrusted bundle, before anything is built from it.

Each failing check raises a BundleError whose key says what is wrong; the reader adds the
file and line. Known fields of known kinds must have their model type exactly (no silent
fallback as in `Record.from_fields`); fields and kinds this version does not know (written by
a newer app) may hold any plain TOML value and travel on untouched."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from ..model.records import RECORD_TYPES
from ..model.revision import DELETED, RecordState
from .errors import BundleError
from .layout import MAX_NESTING, MAX_STRING_CHARS

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
REPLICA = re.compile(r"[A-Za-z0-9_-]{1,64}")
FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
YEAR_KEY = re.compile(r"-?[0-9]{1,6}")
RECORD_KEYS = {"id", "kind", "vv", "f"}
SIBLING_KEYS = {"d", "v"}


# A plan has a handful of replicas and a few dozen field names, each seen thousands of times.
@lru_cache(maxsize=4096)
def replica_ok(r: str) -> bool:
    return REPLICA.fullmatch(r) is not None


@lru_cache(maxsize=4096)
def field_name_ok(name: str) -> bool:
    return FIELD_NAME.fullmatch(name) is not None


def _finite_number(v: Any) -> bool:
    return (type(v) is int) or (type(v) is float and math.isfinite(v))


def _year_map(v: Any, number_ok) -> bool:
    return type(v) is dict and all(YEAR_KEY.fullmatch(k) and number_ok(x) for k, x in v.items())


_TYPE_CHECKS = {
    "str": lambda v: type(v) is str,
    "int": lambda v: type(v) is int,
    "bool": lambda v: type(v) is bool,
    "float | None": _finite_number,
    "list[str]": lambda v: type(v) is list and all(type(x) is str for x in v),
    "dict[int, int]": lambda v: _year_map(v, lambda x: type(x) is int),
    "dict[int, float]": lambda v: _year_map(v, _finite_number),
    "list[Stakeholder]": lambda v: type(v) is list and all(
        type(x) is dict and type(x.get("name")) is str and set(x) <= {"name", "role"}
        and type(x.get("role", "")) is str for x in v),
}

_TYPE_WORDS = {  # message keys in i18n/bundle.py
    "str": "bundle.type.text", "int": "bundle.type.whole", "bool": "bundle.type.bool",
    "float | None": "bundle.type.number", "list[str]": "bundle.type.texts",
    "dict[int, int]": "bundle.type.year_whole", "dict[int, float]": "bundle.type.year_number",
    "list[Stakeholder]": "bundle.type.stakeholders",
}


def _tombstone_ok(v: Any) -> bool:
    return v is False or (type(v) is dict and all(
        replica_ok(r) and type(c) is int and c > 0 for r, c in v.items()))


def plain_value(v: Any, rid: str, name: str, depth: int = 0) -> None:
    """Any value a bundle may carry: text (not enormous), finite numbers, booleans, arrays
    and tables of those. TOML dates and times are refused: the plan file is JSON."""
    t = type(v)
    if t is str:
        if len(v) > MAX_STRING_CHARS:
            raise BundleError("string_too_long", id=rid, field=name, n=len(v), max=MAX_STRING_CHARS)
        return
    if t is int or t is bool:
        return
    if t is float:
        if not math.isfinite(v):
            raise BundleError("bad_number", id=rid, field=name, value=repr(v))
        return
    if depth >= MAX_NESTING:
        raise BundleError("too_deep", id=rid, field=name, max=MAX_NESTING)
    if t is list:
        for x in v:
            plain_value(x, rid, name, depth + 1)
        return
    if t is dict:
        for k, x in v.items():
            if len(k) > MAX_STRING_CHARS:
                raise BundleError("string_too_long", id=rid, field=name, n=len(k), max=MAX_STRING_CHARS)
            plain_value(x, rid, name, depth + 1)
        return
    raise BundleError("bad_value_type", id=rid, field=name, type=t.__name__)


def check_record(raw: Any, array: str) -> RecordState:
    """One element of the array `array` of a record file -> its RecordState, or BundleError."""
    check_table(raw, array)
    try:
        return RecordState.from_dict(raw)
    except ValueError as e:
        raise BundleError("bad_revision", id=raw["id"], reason=str(e)) from None


def check_table(raw: Any, array: str) -> None:
    """Every check of one record table except the revision metadata's consistency (which
    RecordState.from_dict does). The writer runs this on what it is about to write."""
    if type(raw) is not dict:
        raise BundleError("record_not_table", array=array)
    rid = raw.get("id")
    if type(rid) is not str or not UUID.fullmatch(rid):
        raise BundleError("bad_id", array=array, id=_show(rid))
    if not raw.keys() <= RECORD_KEYS:
        raise BundleError("unknown_record_key", id=rid, name=sorted(set(raw) - RECORD_KEYS)[0])
    kind = raw.get("kind")
    if kind != array:
        raise BundleError("kind_mismatch", id=rid, kind=_show(kind), array=array)
    vv = raw.get("vv")
    if type(vv) is not dict:
        raise BundleError("bad_vv", id=rid)
    for r, c in vv.items():
        if type(r) is not str or not replica_ok(r) or type(c) is not int or c <= 0:
            raise BundleError("bad_vv", id=rid)
    fields = raw.get("f", {})
    if type(fields) is not dict:
        raise BundleError("bad_fields", id=rid)
    types = RECORD_TYPES[kind].field_types() if kind in RECORD_TYPES else {}
    for name, sibs in fields.items():
        if not field_name_ok(name):
            raise BundleError("bad_field_name", id=rid, field=_show(name))
        if type(sibs) is not list or not sibs:
            raise BundleError("bad_siblings", id=rid, field=name)
        for s in sibs:
            if type(s) is not dict or not s.keys() <= SIBLING_KEYS or "d" not in s:
                raise BundleError("bad_siblings", id=rid, field=name)
            d = s["d"]
            if (type(d) is not list or len(d) != 2 or type(d[0]) is not str
                    or not replica_ok(d[0]) or type(d[1]) is not int or d[1] <= 0):
                raise BundleError("bad_dot", id=rid, field=name)
            if "v" not in s:
                continue  # a cleared value
            v = s["v"]
            plain_value(v, rid, name)
            if name == DELETED:
                if not _tombstone_ok(v):
                    raise BundleError("bad_tombstone", id=rid)
            elif name in types and not _TYPE_CHECKS[types[name]](v):
                raise BundleError("wrong_type", id=rid, field=name, expected_msg=_TYPE_WORDS[types[name]],
                                  value=_show(v))


def _show(v: Any, limit: int = 60) -> str:
    text = repr(v)
    return text if len(text) <= limit else text[:limit] + "..."
