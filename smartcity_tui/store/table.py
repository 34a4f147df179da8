"""TinyDB with tables that change the stored table in place.

TinyDB's Table rebuilds the whole table as a new dict (twice: int keys, then str keys back)
on every insert, update and remove, so one edit of a 10,000-record plan copies 10,000 entries.
PlanTable hands TinyDB's updaters a view of the stored dict with int keys instead: an update
of one document touches one entry. The view also tells the storage which documents changed,
so the storage re-serialises only those (see storage.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

_MISSING = object()


class _InPlaceView(MutableMapping[Any, Any]):
    """The stored table ({"1": doc}) as TinyDB's updaters expect it ({1: doc}), without a copy.
    Remembers the first value of every key it set or deleted, so a failing updater can be
    undone and the table left as TinyDB's own copy-then-swap would have left it."""

    def __init__(self, raw: dict[str, Any], id_class: Callable[[str], Any]) -> None:
        self.raw = raw
        self.id_class = id_class
        self.touched: set[str] = set()
        self.originals: dict[str, Any] = {}

    def _remember(self, key: str) -> None:
        self.touched.add(key)
        if key not in self.originals:
            self.originals[key] = self.raw.get(key, _MISSING)

    def __getitem__(self, doc_id: Any) -> Any:
        key = str(doc_id)
        doc = self.raw[key]
        self.touched.add(key)  # updaters change documents they look up in place
        return doc

    def __setitem__(self, doc_id: Any, doc: Any) -> None:
        key = str(doc_id)
        self._remember(key)
        self.raw[key] = doc

    def __delitem__(self, doc_id: Any) -> None:
        key = str(doc_id)
        self._remember(key)
        del self.raw[key]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[Any]:
        return iter([self.id_class(k) for k in self.raw])

    def __len__(self) -> int:
        return len(self.raw)

    def clear(self) -> None:
        # MutableMapping.clear pops one key at a time, each time listing every key: O(n^2)
        for key in self.raw:
            self._remember(key)
        self.raw.clear()

    def undo(self) -> None:
        for key, old in self.originals.items():
            if old is _MISSING:
                self.raw.pop(key, None)
            else:
                self.raw[key] = old


class PlanTable(Table):
    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read()
        if tables is None:
            tables = {}
        raw = tables.get(self.name)
        if raw is None:
            raw = {}
        view = _InPlaceView(raw, self.document_id_class)
        try:
            updater(view)  # type: ignore[arg-type]  # TinyDB says dict; its updaters only index it
        except BaseException:
            view.undo()
            raise
        tables[self.name] = raw
        mark = getattr(self._storage, "mark_dirty", None)
        if mark is not None:
            for key in view.touched:
                mark(self.name, key)
        self._storage.write(tables)
        self.clear_cache()


class PlanDB(TinyDB):
    table_class = PlanTable
