"""The indicative budget of a programme, per funding source and year, as stored.

A programme holds `budget_by_source` ({source key: {year: rupiah}}) and stores it as one
field per cell, `budget_<source>_<year>` (e.g. `budget_apbd_2026`, `budget_dana_desa_2027`),
so that the merge, which works field by field, treats each cell on its own: two groups
filling different cells of one programme never conflict, and two filling the same cell do.
An empty cell is no field at all. The source key may hold underscores; the year is the four
digits after the last one. The "not yet split" share (`unspecified`) is a cell like any
other (docs/design-notes.md, "Budget per source").
"""

from __future__ import annotations

import math
import re
from typing import Any

from .vocab import FUNDING_SOURCES, UNSPECIFIED_SOURCE

PREFIX = "budget_"
# budget_<source>_<year>: a source key as vocab.py writes keys, a year without sign or leading
# zero; field names stay within the format's [A-Za-z_][A-Za-z0-9_]{0,63}
CELL = re.compile(r"budget_([a-z][a-z0-9_]{0,50})_([1-9][0-9]{3})")
UNSPECIFIED = UNSPECIFIED_SOURCE.key

Budget = dict[str, dict[int, int]]


def cell_name(source: str, year: int) -> str:
    return f"{PREFIX}{source}_{year}"


def parse_cell(name: str) -> tuple[str, int] | None:
    """("dana_desa", 2026) for "budget_dana_desa_2026"; None for any other field name."""
    if not name.startswith(PREFIX):
        return None
    m = CELL.fullmatch(name)
    return (m.group(1), int(m.group(2))) if m else None


def is_cell(name: str) -> bool:
    return parse_cell(name) is not None


def to_cells(budget: Budget) -> dict[str, int]:
    """The stored fields of a budget, sources and years in a fixed order."""
    out: dict[str, int] = {}
    for source in sorted(budget):
        years = budget[source]
        for year in sorted(years):
            out[cell_name(source, year)] = years[year]
    return out


def _amount(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return None
    return int(value)


def from_cells(fields: dict[str, Any]) -> Budget:
    """The budget a record's stored fields hold. A cell of the wrong type is left out, as
    `Record.from_fields` leaves out every wrong value (validation does not see it; a bundle
    holding one is refused by its reader)."""
    out: Budget = {}
    for name, value in fields.items():
        where = parse_cell(name)
        if where is None:
            continue
        amount = _amount(value)
        if amount is not None:
            out.setdefault(where[0], {})[where[1]] = amount
    return {s: dict(sorted(y.items())) for s, y in sorted(out.items())}


def per_year(budget: Budget) -> dict[int, int]:
    """Every source's amount added up, per year."""
    out: dict[int, int] = {}
    for years in budget.values():
        for year, amount in years.items():
            out[year] = out.get(year, 0) + amount
    return dict(sorted(out.items()))


def source_order(keys: Any) -> list[str]:
    """Sources in the order of the vocabulary, then unknown keys (a newer app's) sorted,
    then the "not yet split" share."""
    keys = set(keys)
    known = [k for k in FUNDING_SOURCES.keys if k in keys]
    others = sorted(k for k in keys if k not in FUNDING_SOURCES and k != UNSPECIFIED)
    return known + others + ([UNSPECIFIED] if UNSPECIFIED in keys else [])


def without_empty(budget: Budget) -> Budget:
    """The budget without sources that hold no year."""
    return {s: dict(y) for s, y in budget.items() if y}
