"""The TinyDB storage behind a plan file: durable, atomic, UTF-8, and fast at 10k records.

TinyDB hands a storage the whole database on every write. Serialising ten thousand records
each time costs ~90 ms, so this storage keeps each document's JSON text and re-serialises only
the documents the store marks dirty; the file is then the cached pieces joined, written with
`atomic_write_bytes` (temp, fsync, replace). One document per line keeps `git diff` readable
for regions that keep the plan in git.

The file stays ordinary TinyDB JSON: `TinyDB("plan.json")` reads it as is.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from tinydb.storages import Storage

from .atomic import atomic_write_bytes


def _dumps(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class DurableJSONStorage(Storage):
    def __init__(self, path: Path, data: dict[str, dict[str, Any]], *, durable: bool = True) -> None:
        self.path = path
        self.durable = durable
        self._data = data
        self._fragments: dict[str, dict[str, str]] = {}
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

    def render(self) -> bytes:
        tables = []
        for name in sorted(self._data):
            table = self._data[name]
            cache = self._fragments.setdefault(name, {})
            dirty = self._dirty.get(name, set())
            lines = []
            for doc_id, doc in table.items():
                key = str(doc_id)
                frag = cache.get(key)
                if frag is None or key in dirty:
                    frag = _dumps(doc)
                    cache[key] = frag
                lines.append(f'"{key}":{frag}')
            if len(cache) > len(table):
                for key in set(cache) - {str(k) for k in table}:
                    del cache[key]
            body = ",\n".join(lines)
            tables.append(f"{_dumps(name)}:{{\n{body}\n}}" if lines else f"{_dumps(name)}:{{}}")
        self._dirty.clear()
        return ("{\n" + ",\n".join(tables) + "\n}\n").encode("utf-8")

    def flush(self) -> None:
        data = self.render()
        atomic_write_bytes(self.path, data, durable=self.durable)
        self._pending = False
        self.writes += 1

    def close(self) -> None:
        pass
