"""The reference writer's record layout (docs/bundle-format.md, section 4), parsed at the
speed of the json module: what `tomllib.loads` gives for a slice of records written one
`key = value` per line, or None for anything else, which tomllib then parses.

tomllib is pure Python (~1.7 MB/s here) and was 85% of the time to read a bundle. Each line
of the layout is `[[kind]]`, `key = value` or `f.field = value`, the value on that one line;
such a value, written with the TOML that is also JSON (basic strings, numbers, booleans,
arrays, inline tables) plus bare keys and `=`, becomes JSON token by token and is read by
json.loads. Only a strict subset is taken: everything it takes, tomllib reads to the same
value (tests/bundle/test_bundle_toml_lines.py compares both on generated and mutated
text); everything else (comments, literal or multi-line strings, `\\U` escapes, a raw tab,
dates, `inf`, underscores in numbers, trailing commas, dotted keys inside inline tables, a
key given twice) is declined and left to tomllib, whose verdict and messages stand."""

from __future__ import annotations

import json
import re
from typing import Any

_HEADER = re.compile(r"\[\[([a-z][a-z0-9_]{0,31})\]\]")
_KEY_LINE = re.compile(r"([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))? = (.+)")
# A TOML basic string that JSON reads the same: no raw control character or DEL, only the
# escapes both know, no surrogate escape (TOML refuses one).
_STRING = re.compile(r'("(?:[^"\\\x00-\x1f\x7f]|\\[btnfr"\\]|\\u(?![dD][89abAB])[0-9a-fA-F]{4})*")')
# Between strings, only: spaces, bare keys of inline tables with their `=`, `=` after a
# quoted key, numbers in the form both read alike, true, false, brackets and commas.
_BETWEEN = re.compile(r"""(?:
    [ ]+
  | [A-Za-z0-9_-]+[ ]*=
  | -?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_.+-])
  | (?:true|false)(?![A-Za-z0-9_-])
  | [\[\]{},=]
)*""", re.X)
_BARE_KEY = re.compile(r"([A-Za-z0-9_-]+)[ ]*=")
# A value with no table in it (text, number, boolean, an array of those) is JSON as it is.
_PLAIN = re.compile(r"""(?:
    [ ]+
  | "(?:[^"\\\x00-\x1f\x7f]|\\[btnfr"\\]|\\u(?![dD][89abAB])[0-9a-fA-F]{4})*"
  | -?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_.+-])
  | (?:true|false)(?![A-Za-z0-9_-])
  | [\[\],]
)*""", re.X)
# The lines of nearly every record, read without a tokenizer: a text key (id, kind), a
# version vector of one replica, a field of one value.
_TEXT_LINE = re.compile(r'(id|kind) = "([^"\\\x00-\x1f\x7f]*)"')
_VV_LINE = re.compile(r"vv = \{ ([A-Za-z0-9_-]+) = (0|[1-9][0-9]*) \}")
_FIELD_LINE = re.compile(r'f\.([A-Za-z0-9_-]+) = \[\{ d = \["([A-Za-z0-9_-]+)", (0|[1-9][0-9]*)\](?:, v = (.*))? \}\]')
_json = json.JSONDecoder().decode


class _Declined(Exception):
    pass


def _no_twins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Declined  # a key given twice: an error for TOML, "last wins" for JSON
    return out


_tables = json.JSONDecoder(object_pairs_hook=_no_twins).decode


def value(text: str) -> Any:
    """A TOML value on one line -> what tomllib reads, or _Declined."""
    if _PLAIN.fullmatch(text):
        try:
            return _json(text)
        except (ValueError, RecursionError):
            raise _Declined from None
    parts = _STRING.split(text)  # between strings at even places, strings at odd ones
    for i in range(0, len(parts), 2):
        between = parts[i]
        if not _BETWEEN.fullmatch(between):
            raise _Declined
        parts[i] = _BARE_KEY.sub(r'"\1":', between).replace("=", ":")
    try:
        return _tables("".join(parts))
    except (ValueError, RecursionError):
        raise _Declined from None


def parse_slice(text: str) -> dict[str, list[dict[str, Any]]] | None:
    """tomllib.loads(text) for records in the reference layout, or None when `text` holds
    anything else. `text` starts at a `[[kind]]` line."""
    out: dict[str, list[dict[str, Any]]] = {}
    rec: dict[str, Any] | None = None
    dotted: set[str] = set()  # tables of this record made by dotted keys (`f.x = ...`)
    got: Any  # what a line sets: a field's siblings, a text, a version vector, a value
    try:
        for line in text.split("\n"):
            if not line:
                continue
            if line[0] == "[":
                h = _HEADER.fullmatch(line)
                if h is None:
                    return None
                rec = {}
                dotted = set()
                out.setdefault(h.group(1), []).append(rec)
                continue
            if rec is None:
                return None
            m = _FIELD_LINE.fullmatch(line)
            if m is not None and (m.group(4) is None or _PLAIN.fullmatch(m.group(4))):
                name, replica, counter, raw = m.groups()
                sibling: dict[str, Any] = {"d": [replica, int(counter)]}
                if raw is not None:
                    sibling["v"] = _json(raw)
                key, sub, got = "f", name, [sibling]
            elif (m := _TEXT_LINE.fullmatch(line)) is not None:
                key, sub, got = m.group(1), None, m.group(2)
            elif (m := _VV_LINE.fullmatch(line)) is not None:
                key, sub, got = "vv", None, {m.group(1): int(m.group(2))}
            elif (m := _KEY_LINE.fullmatch(line)) is not None:
                key, sub, got = m.group(1), m.group(2), value(m.group(3))
            else:
                return None
            if key in rec and (sub is None or key not in dotted):
                return None  # a key twice, or `f = {...}` and `f.x = ...` both: TOML refuses
            if sub is None:
                rec[key] = got
                continue
            table = rec.setdefault(key, {})
            dotted.add(key)
            if sub in table:
                return None
            table[sub] = got
    except (_Declined, ValueError, RecursionError):
        return None
    return out
