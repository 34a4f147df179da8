"""Reading a framework file (model/framework.py says what a framework is): TOML parsed,
every table and field checked, and a mistake refused whole with the file, the line and what
is wrong (`FrameworkError`), in the officer's language."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from typing import Any

from .framework import (
    _CODE,
    _ID,
    _KEY,
    _TOML_LINE,
    MAX_DIMENSIONS,
    Dimension,
    Element,
    Framework,
    FrameworkError,
    Names,
)


class _Lines:
    """Where a table or a field of the file starts, for the error's line number (tomllib
    gives values, not positions): the n-th `[[dimensions]]`, the m-th element after it."""

    _DIM = re.compile(r"\s*\[\[\s*dimensions\s*\]\]")
    _EL = re.compile(r"\s*\[\[\s*dimensions\s*\.\s*elements\s*\]\]")
    _TABLE = re.compile(r"\s*\[")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def _headers(self, pattern: re.Pattern[str], start: int, stop: int) -> list[int]:
        return [i for i in range(start, stop) if pattern.match(self.lines[i])]

    def _span(self, dim: int | None, el: int | None) -> tuple[int, int]:
        """(first, past-last) index of the lines of the top, a dimension or an element."""
        n = len(self.lines)
        tables = [i for i in range(n) if self._TABLE.match(self.lines[i])]
        if dim is None:
            return 0, tables[0] if tables else n
        dims = self._headers(self._DIM, 0, n)
        if dim >= len(dims):
            return 0, 0
        start = dims[dim]
        stop = dims[dim + 1] if dim + 1 < len(dims) else n
        if el is not None:
            els = self._headers(self._EL, start, stop)
            if el >= len(els):
                return start, start + 1
            start = els[el]
            stop = els[el + 1] if el + 1 < len(els) else stop
        end = next((i for i in tables if start < i < stop), stop)
        return start, end

    def of(self, dim: int | None = None, el: int | None = None, field: str = "") -> int:
        start, stop = self._span(dim, el)
        if field:
            pattern = re.compile(rf"\s*{re.escape(field)}\s*[=.]")
            for i in range(start, stop):
                if pattern.match(self.lines[i]):
                    return i + 1
        return start + 1 if stop > start or dim is not None else 1


def _names(table: dict[str, Any], where: _Lines, fail: Any, dim: int | None = None,
           el: int | None = None) -> Names:
    # (a line is looked for only when there is a mistake to place: the scan costs more than
    # reading a good file)
    raw = table.get("name")
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"].strip():
        raise fail(where.of(dim, el, "name"), "no_name")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise fail(where.of(dim, el, "name"), "bad_name")
    return tuple((k, v.strip()) for k, v in raw.items() if v.strip())


def _unknown(table: dict[str, Any], allowed: set[str], line: Any, fail: Any) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise fail(line(), "unknown_field", field=extra[0], allowed=", ".join(sorted(allowed)))


def parse(data: bytes, file: str, source: str = "") -> Framework:
    """A framework from the bytes of its file; FrameworkError (naming `file`) when it is
    not one. Every mistake is checked here, so the rest of the app trusts a Framework."""

    def fail(line: int, what: str, **params: object) -> FrameworkError:
        return FrameworkError(file, line, what, **params)

    text, doc = toml_document(data, fail)
    where = _Lines(text)
    _unknown(doc, {"id", "version", "name", "dimensions"}, lambda: 1, fail)
    fid = doc.get("id")
    if fid is None or fid == "":
        raise fail(where.of(field="id") if "id" in doc else 0, "no_id")
    if not isinstance(fid, str) or not _ID.match(fid):
        raise fail(where.of(field="id"), "bad_id", value=fid if isinstance(fid, str) else str(fid))
    version = doc.get("version")
    if version is not None and not isinstance(version, str):
        raise fail(where.of(field="version"), "version_not_text", value=str(version))
    if not isinstance(version, str) or not version.strip():
        raise fail(where.of(field="version"), "no_version")
    names = _names(doc, where, fail)
    raw_dims = doc.get("dimensions")
    if not isinstance(raw_dims, list) or not raw_dims:
        raise fail(where.of(field="dimensions") if "dimensions" in doc else 0, "no_dimensions")
    if len(raw_dims) > MAX_DIMENSIONS:
        raise fail(where.of(MAX_DIMENSIONS), "too_many", n=len(raw_dims), most=MAX_DIMENSIONS)
    dims: list[Dimension] = []
    seen_keys: set[str] = set()
    seen_codes: set[str] = set()
    seen_elements: set[str] = set()
    seen_names: dict[str, str] = {}  # a dimension's name, folded -> its key
    for i, raw in enumerate(raw_dims):
        if not isinstance(raw, dict):
            raise fail(where.of(i), "not_a_table")
        # (the lambdas are called at once, inside the loop; bound anyway)
        _unknown(raw, {"key", "code", "name", "elements"}, lambda i=i: where.of(i), fail)
        key = raw.get("key")
        if key is None or key == "":
            raise fail(where.of(i, field="key"), "no_key")
        if not isinstance(key, str) or not _KEY.match(key):
            raise fail(where.of(i, field="key"), "bad_key", value=key if isinstance(key, str) else str(key))
        if key in WINDOWS_DEVICES:
            raise fail(where.of(i, field="key"), "device_key", value=key)
        if key in seen_keys:
            raise fail(where.of(i, field="key"), "twice", value=key)
        code = raw.get("code")
        if code is None or code == "":
            raise fail(where.of(i, field="code"), "no_code")
        if not isinstance(code, str) or not _CODE.match(code):
            raise fail(where.of(i, field="code"), "bad_code", value=code if isinstance(code, str) else str(code))
        if code in seen_codes:
            raise fail(where.of(i, field="code"), "twice", value=code)
        seen_keys.add(key)
        seen_codes.add(code)
        elements: list[Element] = []
        raw_els = raw.get("elements", [])
        if not isinstance(raw_els, list):
            raise fail(where.of(i, field="elements"), "not_a_table")
        for j, rel in enumerate(raw_els):
            if not isinstance(rel, dict):
                raise fail(where.of(i, j), "not_a_table")
            _unknown(rel, {"key", "name", "provisional"}, lambda i=i, j=j: where.of(i, j), fail)
            ekey = rel.get("key")
            if ekey is None or ekey == "":
                raise fail(where.of(i, j, "key"), "no_key")
            if not isinstance(ekey, str) or not _KEY.match(ekey):
                raise fail(where.of(i, j, "key"), "bad_key", value=ekey if isinstance(ekey, str) else str(ekey))
            if ekey in seen_elements:
                raise fail(where.of(i, j, "key"), "twice", value=ekey)
            seen_elements.add(ekey)
            provisional = rel.get("provisional", False)
            if not isinstance(provisional, bool):
                raise fail(where.of(i, j, "provisional"), "bad_provisional")
            elements.append(Element(ekey, _names(rel, where, fail, i, j), provisional))
        dim_names = _names(raw, where, fail, i)
        for _lang, name in dim_names:
            # a name is what an officer types in a sheet's Dimensi cell: two dimensions of one
            # name would leave the import guessing between them
            said = " ".join(name.casefold().split())
            if seen_names.setdefault(said, key) != key:
                raise fail(where.of(i, field="name"), "name_twice", value=name)
        dims.append(Dimension(key, i + 1, code, dim_names, tuple(elements)))
    return Framework(fid, version.strip(), names, tuple(dims), source)


# Names Windows keeps for devices, in any case and with any extension: a dimension key is a
# bundle's file name (pillars/<key>.toml), which Windows cannot create for these.
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                             *(f"lpt{n}" for n in range(1, 10))})


def line_of_id(data: bytes) -> int:
    """The line of a file's `id` (for a framework id two region files both take)."""
    return _Lines(data.decode("utf-8-sig")).of(field="id")


def toml_document(data: bytes, fail: Callable[..., Exception]) -> tuple[str, dict[str, Any]]:
    """A data file's text and its TOML, or `fail(line, what, ...)` raised: "not_utf8", or
    "not_toml" with tomllib's line (for the framework files and the reframe maps alike)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise fail(0, "not_utf8") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        found = _TOML_LINE.search(str(e))
        raise fail(int(found.group(1)) if found else 0, "not_toml", detail=str(e)) from None
