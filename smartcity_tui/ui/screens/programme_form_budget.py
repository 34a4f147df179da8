"""The programme form's money: one line per funding source, an amount per year in each.

A line is shown for every source ticked under Sumber dana and for every source that holds an
amount (an unticked source keeps its amounts in view until they are cleared; the amounts
still "belum dirinci per sumber" of a budget written before budgets were held per source
show in a line of their own). Ticking a source adds its line; unticking removes it only
when it holds nothing. Like the indicator's targets, a line is a caption over one grid of
year captions and inputs, so the form opens quickly and every input is as wide as the form
allows (an amount needs 13 characters: 1.250.000.000).
"""

from __future__ import annotations

from textual.containers import Grid, Vertical
from textual.widgets import Input, Label

from ...i18n import get_language
from ...model.vocab import budget_source_label
from .programme_form_fields import EMPTY_CELL, compact


class BudgetLine(Vertical):
    """The amounts of one source, a column per year. Inputs are named "<year>"."""

    DEFAULT_CSS = """
    BudgetLine { height: auto; margin-bottom: 1; }
    BudgetLine > .budget-source { color: $text-muted; text-style: bold; }
    BudgetLine > Grid { height: 2; grid-rows: 1 1; grid-gutter: 0 1; }
    BudgetLine Grid > Label { color: $text-muted; width: 1fr; }
    BudgetLine.-invalid > .budget-source { color: $error; }
    BudgetLine.-warned > .budget-source { color: $warning; }
    BudgetLine > FieldError { margin-left: 0; }
    """

    def __init__(self, source: str, years: list[int], amounts: dict[int, str]) -> None:
        self.source = source
        self.years = years
        # kept as made, read without a query (see IndicatorEditor)
        self.cells = {y: compact(Input, amounts.get(y, ""), placeholder=EMPTY_CELL, classes="budget", name=str(y),
                                 id=f"budget-{source}-{y}") for y in years}
        grid = Grid(*(Label(str(y)) for y in years), *self.cells.values())
        grid.styles.grid_size_columns = max(len(years), 1)
        super().__init__(Label(budget_source_label(source, get_language()), classes="budget-source"), grid,
                         id=f"budget-line-{source}")

    def amounts(self) -> dict[int, str]:
        return {y: cell.value for y, cell in self.cells.items()}

    def holds_nothing(self) -> bool:
        return not any(v.strip() for v in self.amounts().values())
