"""The names people read for stored fields: the merge catalog's (`merge.field.<name>`), and
for a budget cell, which has no fixed name, its source and year ("Anggaran DAK 2027"). Used
wherever a field is named to an officer: the conflicts screen and command, the book's
appendix of entries not yet agreed."""

from __future__ import annotations

from ..i18n import get_language, t
from .budget import parse_cell
from .vocab import budget_source_label


def field_label(name: str, lang: str | None = None) -> str:
    cell = parse_cell(name)
    if cell is not None:
        source = budget_source_label(cell[0], lang or get_language())
        return t("merge.field.budget_cell", lang, source=source, year=cell[1])
    key = f"merge.field.{name}"
    label = t(key, lang)
    return name if label == key else label
