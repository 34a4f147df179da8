"""Which sheet holds which records, and which column holds which field: proposed from the sheet
names and headers, shown to the officer, changeable before the import (the import screen
calls `with_column` / `with_kind`; the command line takes the proposal as it is).

Headers are compared folded: case, accents, text in brackets and punctuation do not count,
so "OPD Penanggung Jawab", "opd penanggung jawab:" and "Kemajuan (%)" all match. A header
that ends in a year ("Anggaran 2025", "Pagu Indikatif Tahun 2025", "Target 2026") goes to a
per-year column; a header that is only a year goes to the sheet's main per-year column
(budget on Program, targets on Indikator)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..i18n import LANGUAGES
from .columns import SHEETS, SPEC_BY_KIND, Column, SheetSpec
from .kinds import fold
from .reading import Book, SheetData

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_YEAR_AT_END = re.compile(r"(.*?)\s*(?:(?:tahun|year|th|ta)\s+)?((?:19|20|21)[0-9]{2})")


def header_key(text: str) -> str:
    """A header as compared: "Anggaran 2025 (Rp)" -> "anggaran 2025"."""
    return " ".join(_NOT_WORD.sub(" ", _BRACKETS.sub(" ", fold(text))).split())


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as the spreadsheet names it."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class ColumnMatch:
    index: int  # 0-based position in the sheet
    header: str  # as written in row 1
    key: str | None  # a column key ("name", "budget:2025"); None: not imported

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass(frozen=True)
class SheetMapping:
    sheet: str
    kind: str | None  # record kind of its rows; None: the sheet is not imported
    columns: tuple[ColumnMatch, ...]
    by: str = ""  # "name" or "headers": what the kind was recognised by; "" if chosen

    @property
    def spec(self) -> SheetSpec | None:
        return SPEC_BY_KIND.get(self.kind) if self.kind else None

    def with_column(self, index: int, key: str | None) -> SheetMapping:
        cols = tuple(replace(c, key=key) if c.index == index else c for c in self.columns)
        return replace(self, columns=cols)

    def with_kind(self, kind: str | None) -> SheetMapping:
        headers = [c.header for c in self.columns]
        return replace(self, kind=kind, by="", columns=match_columns(headers, SPEC_BY_KIND.get(kind or "")))

    def keys(self) -> dict[str, list[ColumnMatch]]:
        out: dict[str, list[ColumnMatch]] = {}
        for c in self.columns:
            if c.key:
                out.setdefault(c.key, []).append(c)
        return out

    def ignored(self) -> list[ColumnMatch]:
        return [c for c in self.columns if c.key is None and c.header]


@dataclass(frozen=True)
class Mapping:
    sheets: tuple[SheetMapping, ...]

    def for_sheet(self, name: str) -> SheetMapping | None:
        return next((s for s in self.sheets if s.sheet == name), None)

    def with_sheet(self, sheet: SheetMapping) -> Mapping:
        return Mapping(tuple(sheet if s.sheet == sheet.sheet else s for s in self.sheets))


def split_key(key: str) -> tuple[str, int | None]:
    """"budget:2025" -> ("budget", 2025); "name" -> ("name", None)."""
    name, _, year = key.partition(":")
    return name, int(year) if year else None


_WORDS: dict[tuple[str, tuple[str, ...]], tuple[dict[str, str], dict[str, str]]] = {}


def _words(spec: SheetSpec) -> tuple[dict[str, str], dict[str, str]]:
    """(folded header -> column key, folded per-year label -> column key) of a sheet, its
    headers in every language the app has (a sheet written in one is read in another)."""
    languages = tuple(LANGUAGES)
    if (spec.kind, languages) in _WORDS:
        return _WORDS[spec.kind, languages]
    exact: dict[str, str] = {}
    per_year: dict[str, str] = {}
    for col in spec.columns:
        names = (col.id, col.en, *col.aliases, *(col.header(lang) for lang in languages))
        target = per_year if col.per_year else exact
        for n in names:
            target.setdefault(header_key(n), col.key)
    _WORDS[spec.kind, languages] = (exact, per_year)
    return exact, per_year


def match_header(header: str, spec: SheetSpec) -> str | None:
    exact, per_year = _words(spec)
    key = header_key(header)
    if not key:
        return None
    found = exact.get(key)
    if found:
        return found
    m = _YEAR_AT_END.fullmatch(key)
    if m:
        label, year = m.group(1).strip(), m.group(2)
        if not label and spec.bare_year:
            return f"{spec.bare_year}:{year}"
        if label in per_year:
            return f"{per_year[label]}:{year}"
    return None


def match_columns(headers: list[str], spec: SheetSpec | None) -> tuple[ColumnMatch, ...]:
    return tuple(ColumnMatch(i, h, match_header(h, spec) if spec else None) for i, h in enumerate(headers))


def _kind_by_name(name: str) -> str | None:
    key = header_key(name)
    for spec in SHEETS:
        if key in {header_key(n) for n in (spec.id, spec.en, *spec.aliases, *map(spec.name, LANGUAGES))}:
            return spec.kind
    return None


def _kind_by_headers(headers: list[str]) -> str | None:
    """The sheet whose columns the headers match best: at least two of them, and the
    columns a new row needs (so a list of programmes is not taken for milestones)."""
    best, best_score = None, 1
    for spec in SHEETS:
        keys = {match_header(h, spec) for h in headers} - {None, "id"}
        if not set(spec.required) <= keys:
            continue
        if len(keys) > best_score:
            best, best_score = spec.kind, len(keys)
    return best


def propose_sheet(sheet: SheetData) -> SheetMapping:
    kind, by = _kind_by_name(sheet.name), "name"
    if kind is None:
        kind, by = _kind_by_headers(sheet.header), "headers"
    if kind is None:
        by = ""
    return SheetMapping(sheet.name, kind, match_columns(sheet.header, SPEC_BY_KIND.get(kind or "")), by)


def propose_mapping(book: Book) -> Mapping:
    return Mapping(tuple(propose_sheet(s) for s in book.sheets))


@dataclass(frozen=True)
class FieldChoice:
    key: str
    column: Column
    year: int | None = None

    def label(self, lang: str) -> str:
        return self.column.header(lang, self.year)


def field_choices(kind: str, years: range) -> list[FieldChoice]:
    """What the import screen offers for a column of a `kind` sheet: every importable
    column, per-year ones once per plan year."""
    spec = SPEC_BY_KIND[kind]
    out: list[FieldChoice] = []
    for col in spec.columns:
        if not col.importable:
            continue
        if col.per_year:
            out += [FieldChoice(f"{col.key}:{y}", col, y) for y in years]
        else:
            out.append(FieldChoice(col.key, col))
    return out


def column_of(spec: SheetSpec, key: str) -> tuple[Column, int | None] | None:
    name, year = split_key(key)
    col = spec.column(name)
    if col is None or col.per_year != (year is not None):
        return None
    return col, year
