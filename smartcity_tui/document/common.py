"""What every chapter builder shares: the plan, the language, catalog lookups, the groups of
records per dimension, and small formatters (years, quarters, money, the narrative of a
section or the note that it is still empty)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TypeVar

from ..i18n import t
from ..model import narrative as model_narrative
from ..model.deletes import DeletedProgramme
from ..model.format import number as _number
from ..model.format import rupiah
from ..model.plan import Plan
from ..model.records import Programme, Strategy, SwotItem
from ..model.revision import RecordState
from ..model.vocab import QUADRANTS, REGION_KINDS, REGIONAL_BUDGET_SOURCES, Pillar, budget_source_label
from . import narrative
from .tree import Block, Inline, Paragraph, Span, Table, plain

_Pillared = TypeVar("_Pillared", SwotItem, Strategy, Programme)  # the records a dimension holds

EN_DASH = "\u2013"
# A range of numbers in a label the book takes from the shared vocabulary ("Jangka menengah
# (2-5 tahun)"): the book prints it with an en dash, as EYD writes ranges and as the book's
# own years are ("2025–2029"); the vocabulary keeps its hyphen for the screens.
_RANGE = re.compile(r"(?<=\d)-(?=\d)")
# Foreign terms the book sets in italics (EYD; the planner's review 1.5 §5), per language of
# the book: English words in an Indonesian book, none in an English one. Only the builder's
# own wording goes through this, never an officer's text.
_FOREIGN = {"id": re.compile(r"\b(quick wins?)\b", re.IGNORECASE)}


@dataclass(frozen=True)
class Group:
    """The records of one dimension, or of none the vocabulary knows (key "")."""

    key: str
    pillar: Pillar | None

    def label(self, lang: str) -> str:
        return self.pillar.label(lang) if self.pillar else t("doc.no_dimension", lang)


@dataclass
class Context:
    plan: Plan
    lang: str
    conflicts: list[RecordState] = field(default_factory=list)
    teams: dict[str, str] = field(default_factory=dict)  # replica id -> team, for the conflicts
    parents: dict[str, DeletedProgramme] = field(default_factory=dict)  # deleted programmes of orphans

    def L(self, key: str, **params: object) -> str:
        if params:
            return t(f"doc.{key}", self.lang, **params)
        # a 10,000-record plan asks for the same few dozen labels ~50,000 times
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = t(f"doc.{key}", self.lang)
        return text

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {}

    # --- the plan's years and groups -------------------------------------------------------

    @cached_property
    def years(self) -> list[int]:
        return list(self.plan.info.years)

    def years_with(self, extra: Iterable[int]) -> list[int]:
        """The plan's years, plus any year a value names outside them: a target typed for
        2031 in a 2025-2029 plan is shown, not silently left out."""
        return sorted(set(self.years) | {y for y in extra if y})

    @cached_property
    def groups(self) -> list[Group]:
        """The dimensions of the plan's framework, then a group of records naming none of them, when
        there are such (so nothing typed is missing from the book)."""
        dims = self.plan.framework.dimensions
        known = {p.key for p in dims}
        out = [Group(p.key, p) for p in dims]
        pillared: tuple[SwotItem | Strategy | Programme, ...] = (
            *self.plan.swot, *self.plan.strategies, *self.plan.programmes)
        stray = any(r.pillar not in known for r in pillared) or model_narrative.outside_sections(self.plan)
        return out + [Group("", None)] if stray else out

    def _in(self, items: list[_Pillared], group: Group) -> list[_Pillared]:
        if group.pillar is not None:
            return [r for r in items if r.pillar == group.key]
        known = set(self.plan.framework.keys)
        return [r for r in items if r.pillar not in known]

    def programmes(self, group: Group) -> list[Programme]:
        if group.pillar is not None:
            return self.plan.programmes_for(group.key)
        return self._in(self.plan.programmes, group)

    def swot(self, group: Group, quadrant: str) -> list[SwotItem]:
        if group.pillar is not None:
            return self.plan.swot_for(group.key, quadrant)
        return [s for s in self._in(self.plan.swot, group) if s.quadrant == quadrant]

    def strategies(self, group: Group) -> list[Strategy]:
        if group.pillar is not None:
            return self.plan.strategies_for(group.key)
        return self._in(self.plan.strategies, group)

    @cached_property
    def swot_codes(self) -> dict[str, str]:
        """id -> "S2": items numbered per dimension and quadrant in plan order, so strategies
        name the items they draw on briefly, as the SWOT table beside them numbers them."""
        codes: dict[str, str] = {}
        for g in self.groups:
            for q in QUADRANTS.keys:
                for n, item in enumerate(self.swot(g, q), 1):
                    codes[item.id] = f"{q}{n}"
        return codes

    def group_of(self, pillar_key: str) -> Group:
        return next((g for g in self.groups if g.key == pillar_key), self.groups[-1])

    # --- formatters --------------------------------------------------------------------------

    def pokja_source(self, group: Group) -> str:
        """Whose table it is: a dimension's working group, or no group for the records outside
        the framework (no working group is called "Tanpa Dimensi yang Dikenal")."""
        if group.pillar is None:
            return self.source("outside")
        return self.source("pokja", dimension=group.label(self.lang))

    def source_label(self, key: str) -> str:
        """A budget source's name as this region's book prints it: "APBD Kabupaten/Kota",
        the pick-lists' word for every region, is the region's own "APBD Kabupaten" or
        "APBD Kota" here (the planners' review)."""
        label = budget_source_label(key, self.lang)
        kind = self.plan.info.region_kind
        if key in REGIONAL_BUDGET_SOURCES and kind in REGION_KINDS and "Kabupaten/Kota" in label:
            label = label.replace("Kabupaten/Kota", REGION_KINDS.label(kind, self.lang))
        return label

    def source(self, what: str, **params: object) -> str:
        text = self.L(f"source.{what}", **params)
        round_ = " ".join(self.plan.info.draft_round.split())
        return self.L("source", what=f"{text}, {round_}" if round_ else text)

    def quarter(self, q: int) -> str:
        return self.L(f"quarter.{q}") if q in (1, 2, 3, 4) else ""

    def yes_no(self, value: bool) -> str:
        return self.L("yes" if value else "no")

    def narrative(self, section: str, pillar: str = "") -> list[Block]:
        """The officers' prose for a section, or a note that it is still to be written."""
        text = self.sections.get((section, pillar), "")
        out = narrative.blocks(text)
        return out or [self.note("narrative_empty")]

    @cached_property
    def sections(self) -> dict[tuple[str, str], str]:
        return {(s.section, s.pillar): s.text for s in model_narrative.slots(self.plan)}

    def R(self, key: str) -> Inline:
        """A catalog text (without parameters, so no user text) with its foreign terms in
        italics."""
        return foreign(self.L(key), self.lang)

    def note(self, key: str, **params: object) -> Paragraph:
        return Paragraph(plain(self.L(f"note.{key}", **params)), note=True)


def foreign(text: str, lang: str) -> Inline:
    """The builder's own text as spans, its foreign terms emphasised ("Program percepatan
    (*quick win*)")."""
    pattern = _FOREIGN.get(lang)
    if pattern is None or not pattern.search(text):
        return plain(text)
    parts = pattern.split(text.strip())  # the terms at the odd places
    return tuple(Span(x, em=bool(i % 2)) for i, x in enumerate(parts) if x)


def ranged(label: str) -> str:
    return _RANGE.sub(EN_DASH, label)


def period(plan: Plan) -> str:
    info = plan.info
    if info.start_year and info.end_year:
        if info.end_year == info.start_year:
            return str(info.start_year)
        return f"{info.start_year}{EN_DASH}{info.end_year}"
    return str(info.start_year or info.end_year or "")


def programme_years(p: Programme) -> str:
    if p.start_year and p.end_year and p.end_year != p.start_year:
        return f"{p.start_year}{EN_DASH}{p.end_year}"
    return str(p.start_year or p.end_year or "-")


def code_name(p: Programme) -> str:
    return " ".join(x for x in (p.code.strip(), p.name.strip()) if x)


# Amounts and indicator values repeat across a big plan (the same targets, the same budgets):
# formatting each once saves most of the time the tables take.
# The book's language, set by build_document for the time it builds (the book may be in
# another language than the screens: an export in English from an Indonesian session).
BOOK_LANGUAGE: ContextVar[str] = ContextVar("book_language", default="id")
_money = lru_cache(maxsize=8192)(rupiah)
_number_in = lru_cache(maxsize=8192)(_number)


def money(n: int) -> str:
    return _money(n, BOOK_LANGUAGE.get())


def number(x: float | int | None) -> str:
    return _number_in(x, BOOK_LANGUAGE.get())


def money_or_dash(n: int) -> str:
    return money(n) if n else "-"


def baseline_text(baseline: float | None, year: int) -> str:
    """A baseline with the year it was measured in: "19,8 (2024)"; "-" when unknown."""
    if baseline is None:
        return "-"
    return f"{number(baseline)} ({year})" if year else number(baseline)


def table(caption: str, header: list[str], rows: list[list[Inline]], *, source: str,
          align: str = "", widths: tuple[int, ...] = (), wide: bool = False, kind: str = "",
          total_rows: int = 0, nowrap: tuple[int, ...] = ()) -> Table:
    return Table(caption, [plain(h) for h in header], rows, source, align, widths, wide, kind, total_rows, nowrap)


ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)
