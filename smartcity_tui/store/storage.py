"""The TinyDB storage behind a plan file: durable, atomic, UTF-8, and fast at 10k records.

TinyDB hands a storage the whole database on every write. Serialising ten thousand records
each time costs tens of milliseconds, so this storage keeps each document's JSON line as bytes,
grouped in chunks of CHUNK lines whose joined bytes are kept too. An edit re-serialises the
documents marked dirty (PlanTable marks what it touches; the store marks what it rolls back)
and re-joins only their chunks; the file is then written from the chunks as they are, with
`atomic_write_parts` (temp, fsync, replace), never joined into one big string first.
One document per line keeps `git diff` readable for regions that keep the plan in git.

The file stays ordinary TinyDB JSON: `TinyDB("plan.json")` reads it as is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .atomic import atomic_write_parts

CHUNK = 256  # lines per cached chunk: an edit re-joins ~256 lines, not 10,000
_SEP = b",\n"


def _dumps(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _line(key: str, doc: Any) -> bytes:
    return f'"{key}":{_dumps(doc)}'.encode()


class _TableCache:
    """The rendered lines of one table and their chunks, kept in the table's key order."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.lines: dict[str, bytes] = {}
        self.chunks: list[bytes] = []

    def render(self, table: dict[str, Any], dirty: set[str]) -> list[bytes]:
        keys = list(table)
        for key in dirty:
            if key in table:
                self.lines[key] = _line(key, table[key])
            else:
                self.lines.pop(key, None)
        if keys == self.keys:
            # the common edit: same documents, a few changed; re-join only their chunks
            if dirty:
                index = {k: i for i, k in enumerate(keys)} if len(dirty) > 8 else None
                todo = {(index[k] if index else keys.index(k)) // CHUNK for k in dirty if k in table}
                for c in todo:
                    self.chunks[c] = _SEP.join(self.lines[k] for k in keys[c * CHUNK:(c + 1) * CHUNK])
            return self.chunks
        # documents added or removed: rebuild from the first chunk that differs
        def same(i: int) -> bool:
            return keys[i * CHUNK:(i + 1) * CHUNK] == self.keys[i * CHUNK:(i + 1) * CHUNK]

        first = 0
        while first < len(self.chunks) and same(first):
            first += 1
        # a changed document in an unchanged chunk before that (one write adding and editing,
        # as a merge does) needs its chunk re-joined too, or the file keeps its old line
        changed = [i for i, k in enumerate(keys[:first * CHUNK]) if k in dirty]
        if changed:
            first = changed[0] // CHUNK
        for key in keys[first * CHUNK:]:
            if key not in self.lines:
                self.lines[key] = _line(key, table[key])
        if len(self.lines) > len(keys):
            for gone in set(self.lines) - set(keys):
                del self.lines[gone]
        n_chunks = (len(keys) + CHUNK - 1) // CHUNK
        del self.chunks[first:]
        for c in range(first, n_chunks):
            self.chunks.append(_SEP.join(self.lines[k] for k in keys[c * CHUNK:(c + 1) * CHUNK]))
        self.keys = keys
        return self.chunks


class DurableJSONStorage(Storage):
    def __init__(self, path: Path, data: dict[str, dict[str, Any]], *, durable: bool = True) -> None:
        self.path = path
        self.durable = durable
        self._data = data
        self._caches: dict[str, _TableCache] = {}
        self._dirty: dict[str, set[str]] = {}
        self._batch_depth = 0
        self._pending = False
        self.writes = 0  # durable file writes so far (tests and benchmarks read it)

    # --- the TinyDB interface ---

    def read(self) -> dict[str, dict[str, Any]]:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        if self._batch_depth:
            self._pending = True
            return
        self.flush()

    # --- ours ---

    def mark_dirty(self, table: str, doc_id: int | str) -> None:
        self._dirty.setdefault(table, set()).add(str(doc_id))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many TinyDB operations, one durable write at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0 and self._pending:
            self.flush()

    def render_parts(self, overrides: dict[str, dict[str, Any]] | None = None) -> list[bytes]:
        """The file's bytes as a list of pieces (their concatenation is the file). Tables in
        `overrides` are rendered from the given contents instead, bypassing the caches."""
        overrides = overrides or {}
        parts = [b"{\n"]
        names = sorted(self._data)
        for i, name in enumerate(names):
            if name in overrides:
                chunks = _TableCache().render(overrides[name], set())
            else:
                cache = self._caches.get(name)
                if cache is None:
                    cache = self._caches[name] = _TableCache()
                chunks = cache.render(self._data[name], self._dirty.pop(name, set()))
            parts.append(f"{_dumps(name)}:{{".encode())
            if chunks:
                parts.append(b"\n")
                for j, chunk in enumerate(chunks):
                    if j:
                        parts.append(_SEP)
                    parts.append(chunk)
                parts.append(b"\n")
            parts.append(b"}" + (_SEP if i < len(names) - 1 else b"\n"))
        for gone in set(self._caches) - set(names):
            del self._caches[gone]
        parts.append(b"}\n")
        return parts

    def render(self) -> bytes:
        return b"".join(self.render_parts())

    def flush(self) -> None:
        parts = self.render_parts()
        atomic_write_parts(self.path, parts, durable=self.durable)
        self._pending = False
        self.writes += 1

    def close(self) -> None:
        pass
