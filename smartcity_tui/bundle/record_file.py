"""One record file's bytes -> its checked records, in time linear in the file's size and with
memory near the records' own size.

Parsing a pillar file of 200,000 records whole with tomllib built every record's tables at
once, about 20 times the file's size in memory, before the first check ran. Records laid
out as the reference writer lays them out (docs/bundle-format.md, section 4) each start at
a `[[kind]]` line, so the file is parsed in slices of whole records instead; each slice is
checked and turned into RecordStates, and its tables dropped, before the next is parsed.

The slicing is only a way of parsing the same TOML, never a second dialect: a line that
starts with `[` and is not a plain `[[kind]]` header (a table header, an array continued on
its own line), a file header holding anything but `plan_id` and `pillar`, a slice that does
not decode or parse, or a slice whose arrays do not match the headers seen, and the whole
file is parsed at once by tomllib, as any TOML file is, so every result and every error
message is the parser's own. Errors keep their order: a file that is not UTF-8 or not TOML
is reported as such even when a record before the broken place is also wrong."""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any

from ..model.revision import RecordState
from .checks import check_record
from .errors import BundleError, toml_reason
from .layout import HEADER_KEYS
from .toml_lines import parse_slice

KIND_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
_BRACKET_LINE = re.compile(rb"^[ \t]*\[[^\n]*", re.M)
_PLAIN_HEADER = re.compile(rb"\[\[([a-z][a-z0-9_]{0,31})\]\][ \t]*")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$")
SLICE_RECORDS = 256  # records parsed per tomllib call: its per-call cost is then negligible


class _Unsliceable(Exception):
    """This file cannot be read in slices; parse it whole."""


def read_records(label: str, rel: str, blocks: Iterable[bytes], whole: Callable[[], bytes],
                 check_head: Callable[[dict[str, Any]], None], seen: dict[str, str]) -> list[RecordState]:
    """Every record of one record file, checked: UTF-8, TOML, the file's header
    (`check_head(doc)` raises), each record (checks.check_record), ids unique against `seen`
    (id -> file of the records read so far; this file's ids are added on success).
    `blocks` is the file's (normalized) bytes as they come; `whole()` gives them at once,
    for a file that cannot be read in slices."""
    mine: set[str] = set()
    try:
        states = _in_slices(label, rel, blocks, check_head, seen, mine)
    except _Unsliceable:
        mine.clear()
        states = _whole(label, rel, whole(), check_head, seen, mine)
    seen.update(dict.fromkeys(mine, rel))
    return states


# --- in slices --------------------------------------------------------------------------

Unit = tuple[bytes, int, list[tuple[int, str]]]  # bytes, line of the first, (offset, kind) of its records


def _headers(data: bytes, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, kind) of every `[[kind]]` line in data[start:end] (whole lines);
    _Unsliceable if any other line starts with `[`."""
    out = []
    for m in _BRACKET_LINE.finditer(data, start, end):
        h = _PLAIN_HEADER.fullmatch(m.group())
        if h is None:
            raise _Unsliceable
        out.append((m.start(), sys.intern(h.group(1).decode("ascii"))))
    return out


def _units(blocks: Iterable[bytes]) -> Iterator[Unit]:
    """The file cut at `[[kind]]` lines as its blocks come in: first the part before the first
    record (no records), then slices of up to SLICE_RECORDS records."""
    buf = b""
    line = 1
    headers: list[tuple[int, str]] = []
    scanned = 0  # buf[:scanned] is scanned for header lines; it ends at a line's end

    def cut(end: int) -> Unit:
        nonlocal buf, line, headers, scanned
        unit, buf = buf[:end], buf[end:]
        n = next((i for i, (offset, _) in enumerate(headers) if offset >= end), len(headers))
        mine, headers = headers[:n], [(offset - end, kind) for offset, kind in headers[n:]]
        scanned -= end
        first, line = line, line + unit.count(b"\n")
        return unit, first, mine

    head_sent = False
    for block in chain(blocks, (None,)):
        if block is not None:
            buf += block
        end = len(buf) if block is None else buf.rfind(b"\n") + 1
        if end > scanned:
            headers += _headers(buf, scanned, end)
            scanned = end
        if not head_sent:
            if not headers and block is not None:
                continue
            yield cut(headers[0][0] if headers else len(buf))
            head_sent = True
        while len(headers) > SLICE_RECORDS or (block is None and headers):
            yield cut(headers[SLICE_RECORDS][0] if len(headers) > SLICE_RECORDS else len(buf))


def _parse(data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
        doc = parse_slice(text) if text.startswith("[[") else None
        return tomllib.loads(text) if doc is None else doc
    except (UnicodeDecodeError, ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        raise _Unsliceable from None


def _in_slices(label: str, rel: str, blocks: Iterable[bytes], check_head: Callable[[dict[str, Any]], None],
               seen: dict[str, str], mine: set[str]) -> list[RecordState]:
    units = _units(blocks)
    head = _parse(next(units)[0])
    if not head.keys() <= set(HEADER_KEYS):
        raise _Unsliceable  # anything else before the first record: let the parser judge
    # The first problem found is kept while the rest is parsed: a TOML error further on
    # is what the file's reader must hear first (its records cannot all be read).
    problem: BundleError | None = None
    try:
        check_head(head)
    except BundleError as e:
        problem = e
    states: list[RecordState] = []
    for unit, line, headers in units:
        doc = _parse(unit)
        kinds = Counter(kind for _, kind in headers)
        if doc.keys() != kinds.keys() or any(len(doc[k]) != n for k, n in kinds.items()):
            raise _Unsliceable  # a `[[kind]]` line inside a multi-line string, or the like
        taken = dict.fromkeys(kinds, 0)
        pos = 0
        for offset, kind in headers:
            line += unit.count(b"\n", pos, offset)
            pos = offset
            raw = doc[kind][taken[kind]]
            taken[kind] += 1
            if problem is None:
                problem = _take(label, rel, kind, raw, line, states, mine, seen)
        del doc
    if problem is not None:
        raise problem
    return states


def _take(label: str, rel: str, array: str, raw: Any, line: int | None, states: list[RecordState],
          mine: set[str], seen: dict[str, str]) -> BundleError | None:
    """Check one record and add it to `states`; or return the problem."""
    try:
        state = check_record(raw, array)
    except BundleError as e:
        return e.placed(label, rel, line)
    other = rel if state.id in mine else seen.get(state.id)
    if other is not None:
        return BundleError("duplicate_id", rel, line, bundle=label, id=state.id, other=other)
    mine.add(state.id)
    states.append(state)
    return None


# --- whole ------------------------------------------------------------------------------

def _whole(label: str, rel: str, data: bytes, check_head: Callable[[dict[str, Any]], None],
           seen: dict[str, str], mine: set[str]) -> list[RecordState]:
    text = decode(label, rel, data)
    doc = parse_toml(label, rel, text)
    check_head(doc)
    lines = _record_lines(text)
    states: list[RecordState] = []
    for array, items in doc.items():
        if array in HEADER_KEYS:
            continue
        if not KIND_NAME.fullmatch(array) or type(items) is not list:
            raise BundleError("bad_array", rel, line_of_key(text, array), bundle=label, name=array)
        at = lines.get(array, [])
        for i, raw in enumerate(items):
            problem = _take(label, rel, array, raw, at[i] if i < len(at) else None, states, mine, seen)
            if problem is not None:
                raise problem
    return states


# Notepad's "Unicode" (UTF-16 LE) and "Unicode big endian"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(label: str, rel: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if data.startswith(UTF16_BOMS):  # saved again by another program: said as such
            raise BundleError("utf16", rel, bundle=label) from None
        line = data.count(b"\n", 0, e.start) + 1
        # a character cut in two at the very end: the file was cut short, not written in another encoding
        key = "file_cut" if e.reason == "unexpected end of data" else "not_utf8"
        raise BundleError(key, rel, line, bundle=label) from None


def parse_toml(label: str, rel: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except ValueError as e:  # TOMLDecodeError, or Python's limit on an integer's digits
        msg = str(e)
        m = _TOML_AT.search(msg)
        last = text.rstrip("\n").count("\n") + 1
        line = int(m.group(1)) if m and m.group(1) else last if m else None  # "at end of document"
        detail = msg[:m.start()] if m else msg
        if line == last and text and not text.endswith("\n"):
            # Every writer ends a file with a line end (section 4); broken on a last line that
            # has none, it was cut short on the way (a pulled drive), not edited by hand.
            raise BundleError("file_cut", rel, line, bundle=label) from None
        raise BundleError("toml_error", rel, line, bundle=label, reason=toml_reason(detail[:200])) from None
    except RecursionError:
        raise BundleError("toml_too_deep", rel, bundle=label) from None


def line_of_key(text: str, key: str) -> int | None:
    pat = re.compile(rf'^\s*(?:\[\[\s*)?"?{re.escape(key)}"?\s*(?:=|\]\])', re.M)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


_ANY_HEADER = re.compile(r'^[ \t]*\[\[[ \t]*"?([A-Za-z0-9_-]+)"?[ \t]*\]\]', re.M)


def _record_lines(text: str) -> dict[str, list[int]]:
    """Array name -> the line of each of its `[[name]]` headers, in order."""
    out: dict[str, list[int]] = {}
    line, pos = 1, 0
    for m in _ANY_HEADER.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        out.setdefault(m.group(1), []).append(line)
    return out


def line_of_record(text: str, rid: str) -> int | None:
    """The line of the `[[kind]]` header of record `rid` in a file's text (for errors found
    across files, after the file itself was let go)."""
    m = re.search(rf'^[ \t]*"?id"?[ \t]*=[ \t]*"{re.escape(rid)}"', text, re.M | re.I)
    if m is None:
        return None
    header = None
    for h in _ANY_HEADER.finditer(text, 0, m.start()):
        header = h
    at = header.start() if header else m.start()
    return text.count("\n", 0, at) + 1
