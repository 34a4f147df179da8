"""What the money columns of an import mean for a programme's budget per source and year.

- A row of the Anggaran sheet names a programme and a source and gives, per year column, that
  source's amount (an empty cell: no amount). Only the cells it has a column for change.
- The Program sheet's "Anggaran <year>" is the year's total from every source. It is read for
  a new programme only (a row without an id: an RPJMD list from Bappeda), and lands in the
  "belum dirinci per sumber" share, never under a source nobody named. For a programme the
  plan holds, the column is what the export added up, and it is not read: its money is
  changed per source on the Anggaran sheet (a total edited there is named in a note). Nor is
  it read when the file has an Anggaran sheet, which says the same per source.
"""

from __future__ import annotations

from typing import Any

from ..model.budget import UNSPECIFIED, Budget, cell_name
from ..model.records import Programme


def _tidy(budget: Budget) -> Budget:
    return {s: dict(sorted(y.items())) for s, y in sorted(budget.items()) if y}


def from_totals(totals: dict[int, Any]) -> Budget:
    """A new programme's budget from the Program sheet's yearly totals: not split by source."""
    return _tidy({UNSPECIFIED: {y: v for y, v in totals.items() if v}})


def totals_differ(existing: Programme, totals: dict[int, Any]) -> bool:
    """Whether a row's yearly totals say something else than the programme holds."""
    held = existing.budget
    return any((v or 0) != held.get(y, 0) for y, v in totals.items())


def with_line(existing: Programme, source: str, amounts: dict[int, Any]) -> Budget:
    """The budget after one row of the Anggaran sheet: `source`'s amount per year given."""
    budget = {s: dict(y) for s, y in existing.budget_by_source.items()}
    line = budget.setdefault(source, {})
    for year, amount in amounts.items():
        if amount is None:
            line.pop(year, None)
        else:
            line[year] = amount
    return _tidy(budget)


def changed_cells(before: Budget, after: Budget) -> tuple[str, ...]:
    """The stored fields (budget cells) that differ, in a fixed order."""
    names = []
    for source in sorted(before.keys() | after.keys()):
        years = before.get(source, {}).keys() | after.get(source, {}).keys()
        for year in sorted(years):
            if before.get(source, {}).get(year) != after.get(source, {}).get(year):
                names.append(cell_name(source, year))
    return tuple(names)
