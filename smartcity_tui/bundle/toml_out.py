"""A small TOML 1.0 writer for bundles: record files one line per field, and the manifest.

tomli-w writes every nested table and array over many lines (a record became ~80 lines) and
escapes strings one character at a time, which made a 10,000-record export slow. Records
here are JSON-like values only (str, int, float, bool, lists, string-keyed tables; None never
occurs), so each field fits one line as inline arrays and tables: short files that a person
can read and diff, written several times faster. Tests check that tomllib reads back exactly
what went in, for arbitrary Unicode. The manifest is written here too, so that one rule of
string escaping holds for every file of a bundle (docs/bundle-format.md, section 2; tomli-w
leaves a tab raw where this writes `\t`).
"""

from __future__ import annotations

import math
import re
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# TOML basic strings must escape '"', '\' and the control characters (U+007F included).
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _escape_char(m: re.Match[str]) -> str:
    c = m.group()
    return _SHORT.get(c) or f"\\u{ord(c):04x}"


def string(s: str) -> str:
    if _NEEDS_ESCAPE.search(s) is None:
        return f'"{s}"'
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, s) + '"'


def key(k: str) -> str:
    return k if _BARE_KEY.fullmatch(k) else string(k)


def value(v: Any) -> str:
    t = type(v)
    if t is str:
        return string(v)
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if t is list or t is tuple:
        return "[" + ", ".join([value(x) for x in v]) + "]"
    if t is dict:
        if not v:
            return "{}"
        return "{ " + ", ".join([f"{key(k)} = {value(x)}" for k, x in v.items()]) + " }"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(int(v))
    if isinstance(v, str):
        return string(str(v))
    if isinstance(v, float):
        return value(float(v))
    raise TypeError(f"cannot write {type(v).__name__} to a bundle")


def record(array: str, rec: dict[str, Any]) -> str:
    """One record (RecordState.to_dict()) as an element of array `array`."""
    lines = [f"[[{key(array)}]]", f"id = {string(rec['id'])}", f"kind = {string(rec['kind'])}",
             f"vv = {value(rec['vv'])}"]
    if not rec["f"]:
        lines.append("f = {}")
    for name, sibs in rec["f"].items():
        lines.append(f"f.{key(name)} = {value(sibs)}")
    return "\n".join(lines) + "\n"


def document(doc: dict[str, Any]) -> str:
    """A manifest-shaped document: plain keys first, one per line; then each table as a
    `[name]` section, or, when all its values are tables (`files`), one `[name.key]` section
    per entry; a blank line before each section (docs/bundle-format.md, section 3)."""
    lines = [f"{key(k)} = {value(v)}" for k, v in doc.items() if type(v) is not dict]
    for k, v in doc.items():
        if type(v) is not dict:
            continue
        if v and all(type(x) is dict for x in v.values()):
            for sub, table in v.items():
                lines += ["", f"[{key(k)}.{key(sub)}]", *(f"{key(n)} = {value(x)}" for n, x in table.items())]
        else:
            lines += ["", f"[{key(k)}]", *(f"{key(n)} = {value(x)}" for n, x in v.items())]
    return "\n".join(lines) + "\n"
