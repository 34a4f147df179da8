"""Official codes: their shapes, and the region's code list as the form's picker searches it.

A programme may carry its Permendagri 90/2019 nomenclature code at one of three levels:

    program        N.NN.NN               2.16.03
    kegiatan       N.NN.NN.N.NN          2.16.03.1.01
    sub-kegiatan   N.NN.NN.N.NN.NNNN     2.16.03.1.01.0001

(urusan.bidang.program[.kegiatan[.sub-kegiatan]]). The programmes that support every
urusan are numbered X.XX.NN in the decrees and in SIPD, so X stands in for the urusan and
bidang digits. An indicator may carry a Bappenas development indicator reference code
(KEP.26A/M.PPN/HK/05/2025); its exact layout is not checked here, only that it can be a
code at all: letters, digits and . - / _ without spaces, at most 40 characters.

No list is shipped: the decrees are published as PDF and change by decree, so a region
imports its own list from Bappeda (`smartcity-tui codes import`), and without one only the
shape is checked.
"""

from __future__ import annotations

import re
import uuid
import weakref
from dataclasses import dataclass

from .plan import Plan
from .records import NomenclatureCode
from .search import fold

_URUSAN = r"(?:[0-9]|X)\.(?:[0-9]{2}|XX)"
NOMENCLATURE_LEVELS: dict[str, re.Pattern[str]] = {
    "program": re.compile(rf"{_URUSAN}\.[0-9]{{2}}"),
    "kegiatan": re.compile(rf"{_URUSAN}\.[0-9]{{2}}\.[0-9]\.[0-9]{{2}}"),
    "sub_kegiatan": re.compile(rf"{_URUSAN}\.[0-9]{{2}}\.[0-9]\.[0-9]{{2}}\.[0-9]{{4}}"),
}
# The levels above a programme (urusan "2", bidang "2.16"): lines of a code list that head
# their group, not codes a programme can carry. A bidang Excel took for a number loses its
# last zero ("2.1" for 2.10); it still heads its group.
HEADING_LEVELS = re.compile(r"[0-9X]{1,2}(?:\.[0-9X]{1,2})?")
REFERENCE_CODE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9./_-]{0,38}[A-Za-z0-9])?")


def nomenclature_level(code: str) -> str | None:
    """"program", "kegiatan" or "sub_kegiatan"; None when the code has none of the shapes."""
    for level, pattern in NOMENCLATURE_LEVELS.items():
        if pattern.fullmatch(code):
            return level
    return None


def is_heading_code(code: str) -> bool:
    return HEADING_LEVELS.fullmatch(code) is not None


def reference_code_ok(code: str) -> bool:
    return REFERENCE_CODE.fullmatch(code) is not None


def nomenclature_id(plan_id: str, code: str) -> str:
    """The record id of a code list line: the same code in the same plan gives the same id
    on every laptop, so two copies that imported one list merge into one list, not two."""
    try:
        namespace = uuid.UUID(plan_id)
    except ValueError:
        namespace = uuid.NAMESPACE_URL
    return str(uuid.uuid5(namespace, "nomenclature:" + code))


@dataclass(frozen=True)
class CodeMatch:
    code: str
    name: str
    level: str | None
    output: str
    indicator: str
    unit: str


class CodeList:
    """The plan's code list, sorted by code, with folded names for searching."""

    def __init__(self, plan: Plan) -> None:
        entries = [r for r in plan.records.values() if isinstance(r, NomenclatureCode) and r.code]
        entries.sort(key=lambda r: _code_key(r.code))
        self.entries = [CodeMatch(r.code, r.name, nomenclature_level(r.code), r.output, r.indicator, r.unit)
                        for r in entries]
        self._by_code = {e.code: e for e in self.entries}
        self._folded = [(fold(e.code), fold(e.name)) for e in self.entries]

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, code: str) -> CodeMatch | None:
        return self._by_code.get(code.strip())

    def search(self, query: str, limit: int = 50) -> list[CodeMatch]:
        """Lines whose code starts with the query ("2.16" finds the programmes of bidang
        2.16), then lines whose name holds every word of it ("aplikasi informatika"), each
        group in code order."""
        q = fold(query)
        if not q:
            return self.entries[:limit]
        words = q.split()
        by_code, by_name = [], []
        for entry, (code, name) in zip(self.entries, self._folded, strict=True):
            if code.startswith(q):
                by_code.append(entry)
            elif all(w in name or code.startswith(w) for w in words):
                by_name.append(entry)
            if len(by_code) >= limit:
                break
        return (by_code + by_name)[:limit]


def _code_key(code: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in code.split("."))


# One CodeList per plan view: a Plan is immutable, and the store makes a new one per write.
_LISTS: weakref.WeakKeyDictionary[Plan, CodeList] = weakref.WeakKeyDictionary()


def code_list(plan: Plan) -> CodeList:
    found = _LISTS.get(plan)
    if found is None:
        found = _LISTS[plan] = CodeList(plan)
    return found


def search_codes(plan: Plan, query: str, limit: int = 50) -> list[CodeMatch]:
    """What the form's code picker calls: the plan's code list searched by code or name.
    Empty when the region has imported no list."""
    return code_list(plan).search(query, limit)
