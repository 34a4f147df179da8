"""Checks of one record table from an untrusted bundle, and the RecordState built from it.

Each failing check raises a BundleError whose key says what is wrong; the reader adds the
file and line. Known fields of known kinds must have their model type exactly (no silent
fallback as in `Record.from_fields`); fields and kinds this version does not know (written by
a newer app) may hold any plain TOML value and travel on untouched.

Record ids are compared in lower case: the format allows a UUID's hex digits in either case,
so `check_record` lower-cases a record's id and the ids its reference fields hold before
anything compares them (docs/bundle-format.md, section 5)."""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..model.budget import parse_cell
from ..model.records import INT_MAX, INT_MIN, RECORD_TYPES, YEARS
from ..model.revision import DELETED, RecordState, Sibling
from .errors import BundleError
from .layout import MAX_NESTING, MAX_STRING_CHARS
from .references import REFERENCE_FIELDS

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
REPLICA = re.compile(r"[A-Za-z0-9_-]{1,64}")
FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
YEAR_KEY_SHAPE = re.compile(r"-?[0-9]{1,6}")  # a key that is meant as a year (else: wrong type)
YEAR_KEY = re.compile(r"[1-9][0-9]{3}")  # a year as the model writes it: no sign, no leading zero
RECORD_KEYS = {"id", "kind", "vv", "f"}
SIBLING_KEYS = {"d", "v"}
# Fields of known kinds that hold a year: 0 ("not set yet") or one of YEARS.
YEAR_FIELDS = frozenset({"start_year", "end_year", "year", "baseline_year"})


# A plan has a handful of replicas and a few dozen field names, each seen thousands of times.
# Interned, every record holds the one copy of each instead of its own: a bundle of 200,000
# records needs a fifth less memory (benchmarks/bench_read.py).
@lru_cache(maxsize=4096)
def replica_ok(r: str) -> str | None:
    return sys.intern(r) if REPLICA.fullmatch(r) else None


@lru_cache(maxsize=4096)
def field_name_ok(name: str) -> str | None:
    return sys.intern(name) if FIELD_NAME.fullmatch(name) else None


@lru_cache(maxsize=4096)
def _shared(text: str) -> str:
    """One copy of a short text many records hold (a pillar key, a status, an agency)."""
    return text


def whole_ok(v: int) -> bool:
    return INT_MIN <= v <= INT_MAX


def _finite_number(v: Any) -> bool:
    return (type(v) is int) or (type(v) is float and math.isfinite(v))


def _year_key_ok(k: str) -> bool:
    return YEAR_KEY.fullmatch(k) is not None and int(k) in YEARS


def _year_map(v: Any, number_ok: Callable[[Any], bool]) -> bool:
    return type(v) is dict and all(YEAR_KEY_SHAPE.fullmatch(k) and number_ok(x) for k, x in v.items())


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: type(v) is str,
    "int": lambda v: type(v) is int,
    "bool": lambda v: type(v) is bool,
    "float | None": _finite_number,
    "list[str]": lambda v: type(v) is list and all(type(x) is str for x in v),
    "list[int]": lambda v: type(v) is list and all(type(x) is int for x in v),
    "dict[int, int]": lambda v: _year_map(v, lambda x: type(x) is int),
    "dict[int, float]": lambda v: _year_map(v, _finite_number),
    "list[Stakeholder]": lambda v: type(v) is list and all(
        type(x) is dict and type(x.get("name")) is str and set(x) <= {"name", "role"}
        and type(x.get("role", "")) is str for x in v),
}

_TYPE_WORDS = {  # message keys in i18n/bundle.py
    "str": "bundle.type.text", "int": "bundle.type.whole", "bool": "bundle.type.bool",
    "float | None": "bundle.type.number", "list[str]": "bundle.type.texts", "list[int]": "bundle.type.wholes",
    "dict[int, int]": "bundle.type.year_whole", "dict[int, float]": "bundle.type.year_number",
    "list[Stakeholder]": "bundle.type.stakeholders",
}


def _tombstone_ok(v: Any) -> bool:
    return v is False or (type(v) is dict and all(
        replica_ok(r) and type(c) is int and 0 < c <= INT_MAX for r, c in v.items()))


def plain_value(v: Any, rid: str, name: str, depth: int = 0) -> None:
    """Any value a bundle may carry: text (not enormous), whole numbers within signed 64
    bits, finite numbers, booleans, arrays and tables of those. TOML dates and times are
    refused: the plan file is JSON. `depth` counts the arrays and tables around `v`: a
    value that is an array or table is level 1, and at most MAX_NESTING levels are allowed."""
    t = type(v)
    if t is str:
        if len(v) > MAX_STRING_CHARS:
            raise BundleError("string_too_long", id=rid, field=name, n=len(v), max=MAX_STRING_CHARS)
        return
    if t is int:
        if not whole_ok(v):
            raise BundleError("int_out_of_range", id=rid, field=name, value=_show(v, 30))
        return
    if t is bool:
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
    """One element of the array `array` of a record file -> its RecordState, or BundleError.
    Ids in lower case (the record's and those its reference fields hold)."""
    check_table(raw, array)
    rid = raw["id"].lower()
    refs = REFERENCE_FIELDS.get(array, frozenset())
    # check_table has checked every replica id and field name: what is left is to intern them
    vv = {sys.intern(r): c for r, c in sorted(raw["vv"].items())}
    dots: dict[tuple[str, int], tuple[str, int]] = {}
    # The Python objects a bundle becomes are ~4 times its size; what repeats is shared:
    # field names and replica ids (interned), a dot's counter (vv's own int), short texts.
    fields: dict[str, list[Sibling]] = {}
    for name, sibs in raw.get("f", {}).items():
        parsed = []
        for s in sibs:
            d = s["d"]
            key = (d[0], d[1])
            dot = dots.get(key)
            if dot is None:
                r = sys.intern(d[0])
                c = vv[r]
                dot = dots[key] = (r, c if c == d[1] else d[1])
            value = s.get("v")
            if type(value) is str and len(value) <= 24:
                value = _shared(value)
            elif name in refs and value is not None:
                value = _lower_ids(value)
            parsed.append(Sibling(dot, value))
        if len(parsed) > 1:
            parsed.sort(key=Sibling.sort_key)
        fields[sys.intern(name)] = parsed
    return RecordState(rid, array, vv, fields)


def _lower_ids(value: Any) -> Any:
    if type(value) is str:
        return value.lower()
    if type(value) is list:
        return [x.lower() if type(x) is str else x for x in value]
    return value  # a wrong type: the type check has refused it already


def check_table(raw: Any, array: str) -> None:
    """Every check of one record table. The writer runs this on what it is about to write."""
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
        if type(r) is not str or not replica_ok(r) or type(c) is not int or not 0 < c <= INT_MAX:
            raise BundleError("bad_vv", id=rid)
    fields = raw.get("f", {})
    if type(fields) is not dict:
        raise BundleError("bad_fields", id=rid)
    cls = RECORD_TYPES.get(kind)
    types = cls.field_types() if cls is not None else {}
    for name, sibs in fields.items():
        if not field_name_ok(name):
            raise BundleError("bad_field_name", id=rid, field=_show(name))
        if type(sibs) is not list or not sibs:
            raise BundleError("bad_siblings", id=rid, field=name)
        seen: set[tuple[str, int]] = set()
        for s in sibs:
            if type(s) is not dict or not s.keys() <= SIBLING_KEYS or "d" not in s:
                raise BundleError("bad_siblings", id=rid, field=name)
            d = s["d"]
            if (type(d) is not list or len(d) != 2 or type(d[0]) is not str
                    or not replica_ok(d[0]) or type(d[1]) is not int or not 0 < d[1] <= INT_MAX):
                raise BundleError("bad_dot", id=rid, field=name)
            if vv.get(d[0], 0) < d[1]:
                raise BundleError("dot_not_covered", id=rid, field=name, replica=d[0], counter=d[1])
            if (d[0], d[1]) in seen:
                raise BundleError("dot_repeated", id=rid, field=name, replica=d[0], counter=d[1])
            seen.add((d[0], d[1]))
            if "v" not in s:
                continue  # a cleared value
            v = s["v"]
            plain_value(v, rid, name)
            if name == DELETED:
                if not _tombstone_ok(v):
                    raise BundleError("bad_tombstone", id=rid)
            else:
                type_name = types.get(name) or (cls.dynamic_field_type(name) if cls is not None else None)
                if type_name is None:
                    continue  # a field of a newer app: any plain value travels on
                if not _TYPE_CHECKS[type_name](v):
                    raise BundleError("wrong_type", id=rid, field=name, expected_msg=_TYPE_WORDS[type_name],
                                      value=_show(v))
                year = _bad_year(name, type_name, v)
                if year is not None:
                    raise BundleError("bad_year", id=rid, field=name, value=year,
                                      first=YEARS.start, last=YEARS.stop - 1)


def _bad_year(name: str, type_name: str, v: Any) -> str | None:
    """The year a known field holds outside YEARS (0 means "not set" and is fine), shown."""
    if name in YEAR_FIELDS and type_name == "int" and v != 0 and v not in YEARS:
        return _show(v, 30)
    cell = parse_cell(name) if type_name == "int" else None
    if cell is not None and cell[1] not in YEARS:
        return str(cell[1])  # a budget cell's year, in its name
    if type_name.startswith("dict[int"):
        return next((_show(k, 30) for k in v if not _year_key_ok(k)), None)
    return None


def _show(v: Any, limit: int = 60) -> str:
    try:
        text = repr(v)
    except ValueError:  # an int too long to write out (Python refuses > 4,300 digits)
        text = f"~2^{v.bit_length()}" if type(v) is int else "?"
    return text if len(text) <= limit else text[:limit] + "..."


# Fields a format-1 bundle holds that today's kinds no longer have, with the type they had
# then: checked as strictly as before, then upgraded (model/legacy.py).
FORMAT_1_FIELDS: dict[str, dict[str, str]] = {
    "programme": {"budget": "dict[int, int]"}, "plan": {"targets": "list[str]"}}


def check_format_1(state: RecordState) -> None:
    """The old fields of one record of a format-1 bundle have the type format 1 gave them."""
    for name, type_name in FORMAT_1_FIELDS.get(state.kind, {}).items():
        for sib in state.fields.get(name, ()):
            v = sib.value
            if v is None:
                continue
            if not _TYPE_CHECKS[type_name](v):
                raise BundleError("wrong_type", id=state.id, field=name, expected_msg=_TYPE_WORDS[type_name],
                                  value=_show(v))
            year = _bad_year(name, type_name, v)
            if year is not None:
                raise BundleError("bad_year", id=state.id, field=name, value=year,
                                  first=YEARS.start, last=YEARS.stop - 1)
