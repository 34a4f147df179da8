"""A value kept in a conflict, as an officer reads it: labels instead of stored keys
("Jangka menengah (5 tahun)" rather than "medium"), rupiah for budgets, names of the SWOT
items or strategies a list points to, and "(kosong)" for nothing at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from ...bundle.merge_conflicts import Written
from ...i18n import get_language, t
from ...model import budget, labels
from ...model.format import number, rupiah
from ...model.framework import Framework
from ...model.revision import DELETED
from ...model.vocab import (
    DEFAULT_FRAMEWORK,
    FUNDING_SOURCES,
    HORIZONS,
    INDICATOR_KINDS,
    INNOVATION_KINDS,
    PRIORITIES,
    QUADRANTS,
    RATINGS,
    READINESS_ASPECTS,
    REGION_KINDS,
    STATUSES,
    STRATEGY_KINDS,
)

CHOICES = {
    "quadrant": QUADRANTS, "horizon": HORIZONS, "priority": PRIORITIES, "innovation": INNOVATION_KINDS,
    "status": STATUSES, "region_kind": REGION_KINDS, "aspect": READINESS_ASPECTS, "rating": RATINGS,
}
# Fields whose value is one of a closed list: a conflict there is settled by choosing.
CHOICE_FIELDS = frozenset(CHOICES) | {"kind", "pillar", "element", "programme_id", DELETED}
# Fields that point at other records by id.
ID_LISTS = frozenset({"swot_ids", "strategy_ids", "target_ids"})


def field_label(name: str) -> str:
    return labels.field_label(name)  # a budget cell by its source and year


def value_text(name: str, value: Any, kind: str = "", title_of: Callable[[str], str] | None = None,
               framework: Framework = DEFAULT_FRAMEWORK) -> str:
    lang = get_language()
    if name == DELETED:
        return t("exchange.conflict.deleted") if isinstance(value, dict) else t("exchange.conflict.alive")
    if value is None or value == "" or value == [] or value == {}:
        return t("exchange.conflict.empty")
    if isinstance(value, bool):
        return t("exchange.conflict.yes") if value else t("exchange.conflict.no")
    if name in CHOICES and isinstance(value, str):
        return CHOICES[name].label(value, lang)
    if name == "kind" and kind == "strategy" and isinstance(value, str):
        return STRATEGY_KINDS.label(value, lang)
    if name == "pillar" and isinstance(value, str):
        return framework.name_of(value, lang)
    if name == "element" and isinstance(value, str):
        found = framework.find_element(value)
        return found[1].label(lang) if found else value
    if name == "funding_sources" and isinstance(value, list):
        return ", ".join(FUNDING_SOURCES.label(str(v), lang) for v in value)
    if name in ID_LISTS and isinstance(value, list):
        names = [title_of(str(v)) if title_of else str(v)[:8] for v in value]
        return "; ".join(names)
    if name == "programme_id" and isinstance(value, str) and title_of:
        return title_of(value)
    if budget.is_cell(name) and isinstance(value, int):
        return rupiah(value)
    if name == "kind" and kind == "indicator" and isinstance(value, str):
        return INDICATOR_KINDS.label(value, lang)
    if name == "budget" and isinstance(value, dict):
        return ", ".join(f"{y}: {rupiah(v) if isinstance(v, int) else v}" for y, v in value.items())
    if isinstance(value, dict):
        return ", ".join(f"{k}: {number(v) if isinstance(v, (int, float)) else v}" for k, v in value.items())
    if isinstance(value, list):
        parts = [v.get("name", "") if isinstance(v, dict) else str(v) for v in value]
        return "; ".join(parts)
    if isinstance(value, float):
        return number(value)
    return " ".join(str(value).split())


def value_line(name: str, w: Written, mine: bool, ours: bool, shown_as: str) -> Text:
    """One value of a conflicting field as the conflicts screen lists it: ● for the one `k`
    keeps, the value, then who wrote it, whether this laptop did, whether the plan shows it."""
    line = Text()
    line.append("● " if mine else "○ ", style="bold" if mine else "dim")
    line.append(shown_as)
    tags = [w.who]
    if ours:
        tags.append(t("exchange.conflict.ours"))
    if w.shown:
        tags.append(t("exchange.conflict.shown"))
    line.append("\n    " + " · ".join(tags), style="dim")
    return line
