"""What the money columns of an import mean for a programme's budget per source and year.

- A row of the Anggaran sheet names a programme and a source and gives, per year column, that
  source's amount (an empty cell: no amount). Only the cells it has a column for change.
- The Program sheet's "Anggaran <year>" is the year's total from every source, as an RPJMD
  list from Bappeda gives it. Read back, a total equal to the programme's is no change; a
  different one sets the "belum dirinci per sumber" share so that the year adds up to it,
  never an amount under a named source (nobody said which). A total below what the named
  sources already hold is refused: those are changed on the Anggaran sheet. When the file
  has an Anggaran sheet, the Program sheet's totals are not read at all (they would say the
  same thing twice, and could disagree).
"""

from __future__ import annotations

from typing import Any

from ..model.budget import UNSPECIFIED, Budget, cell_name
from ..model.records import Programme


class BudgetTotalTooLow(Exception):
    def __init__(self, year: int, total: int, named: int) -> None:
        super().__init__(year)
        self.year, self.total, self.named = year, total, named


def _copy(budget: Budget) -> Budget:
    return {s: dict(y) for s, y in budget.items()}


def _tidy(budget: Budget) -> Budget:
    return {s: dict(sorted(y.items())) for s, y in sorted(budget.items()) if y}


def with_totals(existing: Programme | None, totals: dict[int, Any]) -> Budget:
    """The budget after the Program sheet's yearly totals (an empty cell is a total of 0)."""
    budget = _copy(existing.budget_by_source) if existing is not None else {}
    for year, total in sorted(totals.items()):
        total = total or 0
        named = sum(y.get(year, 0) for s, y in budget.items() if s != UNSPECIFIED)
        current = named + budget.get(UNSPECIFIED, {}).get(year, 0)
        if total == current:
            continue
        if total < named:
            raise BudgetTotalTooLow(year, total, named)
        share = budget.setdefault(UNSPECIFIED, {})
        if total - named:
            share[year] = total - named
        else:
            share.pop(year, None)
    return _tidy(budget)


def with_line(existing: Programme, source: str, amounts: dict[int, Any]) -> Budget:
    """The budget after one row of the Anggaran sheet: `source`'s amount per year given."""
    budget = _copy(existing.budget_by_source)
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
