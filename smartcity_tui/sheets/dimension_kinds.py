"""The cells that name a dimension of the plan's framework and one of its elements: a
pillar ("Smart Economy", "economy", 3, "ECO", "Ancaman"-style brackets) and an element of the
row's pillar. Which framework: the plan's, set around a sheet's writing and reading
(`on_framework`); kinds.py has every other kind of cell."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from ..i18n import Words
from ..model.framework import Framework
from ..model.plan import Plan
from ..model.records import Programme, SwotItem
from ..model.vocab import DEFAULT_FRAMEWORK, Pillar
from .kinds import Kind, fold, is_empty, look_up, text_of
from .problems import CellProblem

# The framework whose dimensions and elements the pillar and element cells name: the plan's,
# set around a sheet's writing and reading (`on_framework`), since a column's kind is one
# object shared by every plan. Outside of one, the default framework's six pillars.
_FRAMEWORK: ContextVar[Framework] = ContextVar("sheet_framework", default=DEFAULT_FRAMEWORK)


# What the plan holds outside its framework, as stored (a dimension a reframe did not place,
# an element the laptop's framework lacks): the workbook the app exported writes it as its key,
# and the same key read back is that record's value unchanged, not a mistake in the sheet.
_KEPT: ContextVar[tuple[frozenset[str], frozenset[tuple[str, str]]]] = ContextVar(
    "sheet_kept", default=(frozenset(), frozenset()))


@contextmanager
def on_framework(framework: Framework, plan: Plan | None = None) -> Iterator[None]:
    token = _FRAMEWORK.set(framework)
    kept = _KEPT.set(_kept(plan) if plan is not None else (frozenset(), frozenset()))
    try:
        yield
    finally:
        _KEPT.reset(kept)
        _FRAMEWORK.reset(token)


def _kept(plan: Plan) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    fw = plan.framework
    pillars = frozenset(r.pillar for r in plan.outside_framework())
    with_elements: list[SwotItem | Programme] = [*plan.swot, *plan.programmes]
    elements = frozenset((r.pillar, r.element) for r in with_elements
                         if r.element and ((d := fw.get(r.pillar)) is None or d.element(r.element) is None))
    return pillars, elements


def _dimensions() -> tuple[Pillar, ...]:
    return _FRAMEWORK.get().dimensions


@lru_cache(maxsize=16)
def _pillar_words(framework: Framework) -> dict[str, str]:
    """Every word a person may type for a dimension (its key, number, code and names, the
    names without "Smart "), folded, to its key."""
    words: dict[str, str] = {}
    for p in framework.dimensions:
        names = [p.key, str(p.number), p.code, *(n for _lang, n in p.names)]  # GOV as in GOV-01
        for w in names + [n.removeprefix("Smart ") for n in names]:
            words[fold(w)] = p.key
    if framework.get("society") is not None:  # the guide's older name of the pillar
        words.update({"smart people": "society", "people": "society"})
    return words


class PillarKind(Kind):
    def to_cell(self, value: str, lang: str) -> Any:
        p = _pillar(value)
        return p.label(lang) if p else value or None

    def from_cell(self, raw: Any, pillar: str = "") -> str:
        if is_empty(raw):
            return ""
        words = _pillar_words(_FRAMEWORK.get())
        text = text_of(raw).strip()
        for prefix in ("dimensi ", "pilar ", "aspek "):
            if fold(text).startswith(prefix):
                text = text[len(prefix):]
        key = look_up(words, text)
        if key is None and text in _KEPT.get()[0]:
            return text  # a dimension outside the framework that records have, as exported
        if key is None:
            dims = _dimensions()
            names = Words(lambda lang: ", ".join(f"{p.number} {p.label(lang)}" for p in dims))
            raise CellProblem("unknown_pillar", value=str(raw), choices=names)
        return key


def _pillar(key: str) -> Pillar | None:
    return _FRAMEWORK.get().get(key)


class ElementKind(Kind):
    """An element of the row's pillar, by key or label; the pillar is read first."""

    def to_cell(self, value: str, lang: str) -> Any:
        for p in _dimensions():
            e = p.element(value)
            if e:
                return e.label(lang)
        return value or None

    def from_cell(self, raw: Any, pillar: str = "") -> str:
        if is_empty(raw):
            return ""
        if (pillar, text_of(raw).strip()) in _KEPT.get()[1]:
            return text_of(raw).strip()  # an element the framework lacks, as a record has it
        p = _pillar(pillar)
        if p is None:
            raise CellProblem("element_without_pillar", value=str(raw))
        said = fold(text_of(raw))
        for e in p.elements:
            if said in {fold(e.key), fold(e.id.split("(")[0]), *(fold(name) for _lang, name in e.names)}:
                return e.key
        elements = p.elements
        raise CellProblem("unknown_element", value=str(raw), pillar=Words(p.label),
                          choices=Words(lambda lang: "; ".join(e.label(lang) for e in elements)))
