"""Reading a spreadsheet file into plain rows: `read_file(path)` for .xlsx and .csv.

What comes back is the file's content and nothing else (no mapping, no plan): each sheet's
header row (row 1, or the row under a report's title, found by the headers the app knows:
header_row.py) and its non-empty data rows after it, each with its row number as the
spreadsheet shows it. Cells are None, str, int, float, bool, a date, or a `Formula` /
`ErrorValue` marker that the import refuses with the cell's place. Reading stops at the
first row past MAX_ROWS, so a huge file costs bounded memory (limits.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import os_reason
from ..store import not_a_plan
from .limits import MAX_FILE_BYTES
from .problems import Problem, SheetError


@dataclass(frozen=True)
class Formula:
    text: str  # "=SUM(D2:H2)"


@dataclass(frozen=True)
class ErrorValue:
    text: str  # "#REF!", "#N/A"


@dataclass
class SheetData:
    name: str
    header: list[str]  # the header row, each cell as text ("" where empty)
    rows: list[tuple[int, tuple[Any, ...]]]  # (row number, cells) of non-empty rows
    too_many_rows: bool = False  # reading stopped at MAX_ROWS
    merged: list[str] = field(default_factory=list)  # merged ranges, "C2:C10"
    delimiter: str = ""  # a CSV's
    mixed_delimiter: tuple[int, str] | None = None  # a CSV row written with another delimiter
    header_row: int = 1  # where the header is: below a report's title, not row 1 (header_row.py)


@dataclass
class Book:
    path: Path
    format: str  # "xlsx" or "csv"
    sheets: list[SheetData]
    notes: list[Problem] = field(default_factory=list)  # said, not refused (an encoding)
    plan_id: str = ""  # the plan an export came from, when the file says so
    plan_label: str = ""

    def sheet(self, name: str) -> SheetData | None:
        return next((s for s in self.sheets if s.name == name), None)


def header_text(value: Any) -> str:
    """A header cell as text: a year typed as a number reads "2025", not "2025.0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (Formula, ErrorValue)):
        return value.text
    return str(value).strip()


XLSX_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


def read_file(path: Path | str, *, sheet: str | None = None) -> Book:
    """Every sheet of an .xlsx (or only `sheet`), or the one table of a .csv. SheetError
    when the file cannot be read as a spreadsheet at all."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SheetError("no_such_file", path) from None
    except OSError as e:
        raise SheetError("unreadable", path, reason=os_reason(e)) from None
    if path.is_dir():
        raise SheetError("is_bundle" if (path / not_a_plan.MANIFEST).is_file() else "is_folder", path)
    if size > MAX_FILE_BYTES:
        raise SheetError("too_big", path, mb=MAX_FILE_BYTES // (1024 * 1024))
    suffix = path.suffix.lower()
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as e:
        raise SheetError("unreadable", path, reason=os_reason(e)) from None
    if head.startswith(b"PK") and not_a_plan.kind_of(path, head) == "bundle":
        raise SheetError("is_bundle", path)  # a group's export, to merge, not to import
    if suffix in XLSX_SUFFIXES or (suffix not in CSV_SUFFIXES and head.startswith(b"PK")):
        from .read_xlsx import read_xlsx

        book = read_xlsx(path, head)
    elif suffix == ".xls" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SheetError("old_xls", path)
    elif head.startswith(b"PK"):
        # a zip named .csv/.txt: a workbook saved under the wrong name is said to be one
        from .read_xlsx import zip_kind

        kind = zip_kind(path)
        raise SheetError({"xlsx": "workbook_named_csv", "ods": "ods"}.get(kind, "not_text"), path,
                         suffix=suffix)
    elif suffix and suffix not in CSV_SUFFIXES:
        # a plan (.json), a bundle's .toml, a document: not a list to read as CSV
        raise SheetError("not_a_sheet", path)
    else:
        from .read_csv import read_csv

        book = read_csv(path)
    from .header_row import find_header_rows

    find_header_rows(book)
    if sheet is not None:
        chosen = book.sheet(sheet) or next((s for s in book.sheets if s.name.casefold() == sheet.casefold()), None)
        if chosen is None:
            raise SheetError("no_such_sheet", path, sheet=sheet, names=", ".join(s.name for s in book.sheets))
        book.sheets = [chosen]
    return book
