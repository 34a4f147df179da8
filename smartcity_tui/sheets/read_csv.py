""".csv files as Excel and LibreOffice write them: the delimiter (; , tab or |) found from the
first lines (the split whose header names known columns, else whose rows agree: `_delimiter`),
or from Excel's own "sep=;" first line; UTF-8 with or without a BOM, UTF-16
with a BOM (Excel's "Unicode text"), and Windows-1252 text, which is read with a note
rather than garbled. Rows are streamed and reading stops at MAX_ROWS.

A row that splits into fewer cells than the header, the missing ones hiding in its cells
behind another delimiter, was written with a different delimiter: it is reported, never
guessed at."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..i18n import os_reason
from .cell_marks import is_excel_error, unmarked
from .limits import MAX_COLUMNS, MAX_ROWS
from .problems import Problem, SheetError
from .reading import Book, ErrorValue, Formula, SheetData

DELIMITERS = (";", ",", "\t", "|")
_CHUNK = 1 << 20
# the lines under the first that the delimiter is chosen from (header_row.SEARCH_ROWS + 1)
HEADER_LINES = 11

# csv's own field limit (128 KB) would raise on a long cell; the import refuses those itself,
# with the cell's place, so the reader lets any cell through that fits the file size limit.
csv.field_size_limit(1 << 30)


def read_csv(path: Path) -> Book:
    try:
        encoding, note = _encoding(path)
        with open(path, encoding=encoding, newline="") as f:
            first = f.readline()
            sep_line = first.strip().lower().startswith("sep=") and len(first.strip()) == 5
            if sep_line:
                delimiter = first.strip()[4]
            else:
                # the header may be under a report's title (header_row.py): a few lines decide
                delimiter = _delimiter(first + "".join(f.readline() for _ in range(HEADER_LINES)))
                f.seek(0)  # the decoder starts afresh and skips a BOM again
            sheet = _rows(csv.reader(f, delimiter=delimiter), path.stem, delimiter)
    except UnicodeDecodeError:
        raise SheetError("not_text", path) from None
    except csv.Error as e:
        raise SheetError("bad_csv", path, detail=str(e)) from None
    except OSError as e:
        raise SheetError("unreadable", path, reason=os_reason(e)) from None
    book = Book(path, "csv", [sheet])
    if note:
        book.notes.append(Problem("read_as_cp1252", sheet.name))
    return book


def _encoding(path: Path) -> tuple[str, bool]:
    """(encoding, read as Windows-1252?). The whole file is checked as UTF-8, chunk by chunk,
    since a single "é" typed on an old Windows may sit on its last line."""
    with open(path, "rb") as f:
        head = f.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", False
        if b"\x00" in head:
            raise SheetError("not_text", path)
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := f.read(_CHUNK):
                if b"\x00" in chunk:
                    raise SheetError("not_text", path)
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252", True
    return "utf-8-sig", False


def _delimiter(head: str) -> str:
    """The delimiter of the first lines `head`, each candidate's split read as csv reads it
    (quotes respected, a quoted line break inside one cell). Counting cells alone misleads:
    one sentence with eight commas in a six-column sheet splits into more cells on "," than
    the whole row does on ";", and so does LibreOffice's ";" CSV with thousands commas. So,
    in this order:
    1. the split that makes a row (the header, perhaps under a report's title) name the most
       columns the app knows: the headers are what the import reads by;
    2. the split that gives the most rows the same number of cells (more than one): a
       table's rows all have its width, a sentence's commas do not;
    3. the most cells; and ";" (Excel on an Indonesian Windows) when nothing splits."""
    from .header_row import named_columns

    best, best_score = ";", (0, 0, 1)
    for d in DELIMITERS:
        rows = _split(head, d)
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if not widths or max(widths) < 2:
            continue
        named = max(named_columns([c.strip() for c in r]) for r in rows)
        common = max(widths.count(w) for w in set(widths) if w > 1)
        score = (named if named >= 2 else 0, common, max(widths))
        if score > best_score:
            best, best_score = d, score
    return best


def _split(head: str, delimiter: str) -> list[list[str]]:
    """The rows of `head` split by `delimiter`; a quote still open where `head` was cut
    ends the rows read."""
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(head), delimiter=delimiter):
            rows.append(row[:MAX_COLUMNS + 1])
    except csv.Error:
        pass
    return rows


def _shown(d: str) -> str:
    return {"\t": "tab", "|": "|"}.get(d, d)


def _rows(reader: Iterator[list[str]], name: str, delimiter: str) -> SheetData:
    header: list[str] = []
    rows: list[tuple[int, tuple[str | Formula | ErrorValue | None, ...]]] = []
    too_many = False
    mixed: tuple[int, str] | None = None
    for number, cells in enumerate(reader, start=1):
        if number == 1:
            header = [c.strip() for c in cells[:MAX_COLUMNS + 1]]
            continue
        if not any(c.strip() for c in cells):
            continue
        if mixed is None:
            other = _other_delimiter(cells, len(header), delimiter)
            if other:
                mixed = (number, other)
        if len(rows) >= MAX_ROWS:
            too_many = True
            break
        rows.append((number, tuple(_cell(c) for c in cells[:MAX_COLUMNS + 1])))
    return SheetData(name, header, rows, too_many_rows=too_many, delimiter=_shown(delimiter),
                     mixed_delimiter=mixed)


def _cell(text: str) -> str | Formula | ErrorValue | None:
    """A formula Excel would run is refused like one in an .xlsx, and so is an error value a
    sheet saved from Excel holds instead of the cell's text ("#NAME?"); "'=", "'-" are the
    export's marked texts (cell_marks.py). "-5" is left for the column to read as a number."""
    if text == "":
        return None
    if text.startswith("="):
        return Formula(text)
    if is_excel_error(text):
        return ErrorValue(text.strip())
    return unmarked(text)


def _other_delimiter(cells: list[str], width: int, delimiter: str) -> str:
    """Another delimiter this row seems written with, or ""."""
    if len(cells) >= width or width < 2:
        return ""
    joined = delimiter.join(cells)
    for d in DELIMITERS:
        if d != delimiter and joined.count(d) >= width - len(cells):
            return _shown(d)
    return ""
