"""A sheet whose column headers are not in row 1. Bappeda's lists open with a report's title
("DAFTAR PROGRAM PRIORITAS RPJMD ... 2025-2029", often merged across the columns) and a
blank row or two above the headers. Such a sheet is read from its header row: the first of
its first rows that names the most columns of a sheet the app knows: at least two, more
than row 1 does, and at least half of the row's cells (a data row may hold a word that is
also a header, "Program" as an innovation kind, among many that are not; a year alone names
none, as a data row is full of years). The rows above it are left out, and the book says so
in a note (not a refusal: nothing the officer must fix). Row numbers stay the spreadsheet's.

Called by `read_file`, so the import, its preview and the code-list import all see the sheet
from its header row on."""

from __future__ import annotations

import re
from dataclasses import replace

from .columns import SHEETS, SheetSpec
from .mapping import match_header
from .problems import Problem
from .reading import Book, SheetData, header_text

# How far down a header is looked for: a report's title block, not a table's first rows.
SEARCH_ROWS = 10
# The columns a row below row 1 must name to be taken for the header (a code list has two:
# Kode, Uraian).
FEWEST = 2
_YEAR = re.compile(r"\s*(?:19|20|21)\d\d\s*")


def _specs() -> tuple[SheetSpec, ...]:
    from .codelist import CODE_LIST

    return (*SHEETS, CODE_LIST)


def named_columns(headers: list[str]) -> int:
    """How many columns of one known sheet the headers name (the best sheet's count); a
    header that is only a year ("2025": a target, a budget year) is not counted."""
    words = [h for h in headers if h and not _YEAR.fullmatch(h)]
    return max(len({match_header(h, spec) for h in words} - {None}) for spec in _specs())


def from_header_row(sheet: SheetData) -> SheetData:
    """The sheet read from its header row (itself when that is row 1)."""
    best, best_named = None, max(named_columns(sheet.header), FEWEST - 1)
    for index, (_number, cells) in enumerate(sheet.rows[:SEARCH_ROWS]):
        texts = [header_text(c) for c in cells]
        named = named_columns(texts)
        if named > best_named and 2 * named >= sum(1 for x in texts if x):
            best, best_named = index, named
    if best is None:
        return sheet
    number, cells = sheet.rows[best]
    # a merged title above the header is not the table's business
    merged = [r for r in sheet.merged if _last_row(r) > number]
    return replace(sheet, header=[header_text(c) for c in cells], rows=sheet.rows[best + 1:],
                   merged=merged, header_row=number)


def _last_row(cell_range: str) -> int:
    last = cell_range.split(":")[-1]
    return int("".join(ch for ch in last if ch.isdigit()) or 0)


def find_header_rows(book: Book) -> None:
    for index, sheet in enumerate(book.sheets):
        found = from_header_row(sheet)
        if found is not sheet:
            book.sheets[index] = found
            book.notes.append(Problem("header_below", sheet.name, found.header_row,
                                      params={"n": found.header_row - 1}))
