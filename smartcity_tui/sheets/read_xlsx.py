""".xlsx files, read with openpyxl in read-only mode: rows are streamed from the zip, so memory
stays bounded however big the sheet (reading stops at MAX_ROWS). openpyxl is imported here,
when a sheet is read, never at start-up.

Before openpyxl sees the file: a password-protected workbook (an OLE container holding an
"EncryptedPackage", not a zip) and an old .xls are told apart from a damaged file, and the
parts openpyxl reads whole are checked for size, so a zip bomb is refused unread."""

from __future__ import annotations

import re
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from ..i18n import os_reason
from .cell_marks import MARK, unmarked
from .limits import MAX_COLUMNS, MAX_ROWS, MAX_WHOLE_PART_BYTES
from .problems import SheetError
from .reading import Book, ErrorValue, Formula, SheetData, header_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARKS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)"')
_CHUNK = 1 << 20


def read_xlsx(path: Path, head: bytes) -> Book:
    if head.startswith(OLE_MAGIC[:4]):
        raise SheetError("encrypted" if _is_encrypted(path) else "old_xls", path)
    try:
        ok = zipfile.is_zipfile(path)
    except OSError as e:
        raise SheetError("unreadable", path, reason=os_reason(e)) from None
    if not ok:
        raise SheetError("not_xlsx", path)
    try:
        with zipfile.ZipFile(path) as zf:
            if _is_ods(zf):
                raise SheetError("ods", path)
            _check_parts(path, zf)
            members = _sheet_members(zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, KeyError, ValueError):
        raise SheetError("not_xlsx", path) from None
    except OSError as e:
        raise SheetError("unreadable", path, reason=os_reason(e)) from None
    try:
        return _read(path, members)
    except SheetError:
        raise
    except OSError as e:
        raise SheetError("unreadable", path, reason=os_reason(e)) from None
    except Exception as e:  # openpyxl raises many kinds on a damaged file; none is for a person
        raise SheetError("damaged_xlsx", path, detail=f"{type(e).__name__}: {e}"[:200]) from None


def zip_kind(path: Path) -> str:
    """What a zip holds: "xlsx" (a workbook), "ods", or "" (anything else, or not a zip)."""
    try:
        with zipfile.ZipFile(path) as zf:
            if _is_ods(zf):
                return "ods"
            return "xlsx" if "xl/workbook.xml" in zf.namelist() else ""
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile):
        return ""


def _is_ods(zf: zipfile.ZipFile) -> bool:
    """LibreOffice's own format is a zip too, named by its first member, `mimetype`: said as
    what it is, not as a damaged .xlsx."""
    try:
        info = zf.getinfo("mimetype")
    except KeyError:
        return False
    return info.file_size < 200 and zf.read(info).startswith(b"application/vnd.oasis.opendocument.spreadsheet")


def _is_encrypted(path: Path) -> bool:
    """An Office file saved with a password is an OLE container with these two streams."""
    tail = b""
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            data = tail + chunk
            if any(mark in data for mark in _ENCRYPTED_MARKS):
                return True
            tail = data[-64:]
    return False


def _check_parts(path: Path, zf: zipfile.ZipFile) -> None:
    for info in zf.infolist():
        name = info.filename
        read_whole = name.endswith((".xml", ".rels")) and not name.startswith("xl/worksheets/")
        if read_whole and info.file_size > MAX_WHOLE_PART_BYTES:
            raise SheetError("part_too_big", path, part=info.filename, mb=MAX_WHOLE_PART_BYTES // (1024 * 1024))


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _sheet_members(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part in the zip (for the merged-cell scan)."""
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter() if _local(r.tag) == "Relationship"}
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    out = {}
    for el in book.iter():
        if _local(el.tag) != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rid, "")
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        out[el.get("name", "")] = member
    return out


def _read(path: Path, members: dict[str, str]) -> Book:
    from .openpyxl_compat import load_read_only, percent_styles

    # openpyxl is handed the open file, not its name: given a name, it refuses any that does
    # not end in .xlsx, and a workbook saved as "rpjmd" or "rpjmd.xlsx.download" is whole
    with warnings.catch_warnings(), open(path, "rb") as handle:
        warnings.simplefilter("ignore")  # "extension not supported" and the like: not for officers
        wb = load_read_only(handle)
        try:
            props = wb.properties
            book = Book(path, "xlsx", [], plan_id=(props.identifier or "").strip(),
                        plan_label=(props.subject or "").strip())
            percent = percent_styles(wb)
            for ws in wb.worksheets:
                sheet = _read_sheet(ws, percent)
                if not sheet.too_many_rows and ws.title in members:
                    sheet.merged = _merged_ranges(path, members[ws.title])
                book.sheets.append(sheet)
        finally:
            wb.close()
    return book


def shown_percent(value: int | float) -> int | float:
    """The number a percent cell shows: 0.85 -> 85, 0.855 -> 85.5. Worked out on the
    shortest decimal text of the stored number, so that 0.85 does not become
    85.00000000000001 in binary."""
    shown = Decimal(repr(value)) * 100
    return int(shown) if shown == shown.to_integral_value() else float(shown)


def _values(cells: list[dict[str, Any]], percent: frozenset[int] = frozenset()) -> tuple[Any, ...]:
    """A row's cells as values by position; formulas and error values as markers; a
    number in a percent cell as the number it shows (Excel stores "85%" as 0.85, and the
    officer typed 85)."""
    width = min(max((c["column"] for c in cells), default=0), MAX_COLUMNS + 1)
    values: list[Any] = [None] * width
    for c in cells:
        value, column = c["value"], c["column"]
        if value is None or column > width:
            continue
        kind = c["data_type"]
        if kind == "f":
            value = Formula(value if isinstance(value, str) else getattr(value, "text", "") or "=")
        elif kind == "e":
            value = ErrorValue(str(value))
        elif isinstance(value, str) and value.startswith(MARK):
            # the apostrophe the CSV export put before a text that begins with "=", "-"...:
            # LibreOffice keeps it as text when that CSV is opened and saved as .xlsx
            # (read_csv takes it off the same way, cell_marks.py)
            value = unmarked(value)
        elif (isinstance(value, (int, float)) and not isinstance(value, bool)
              and (c.get("percent") or c.get("style_id") in percent)):
            value = shown_percent(value)
        values[column - 1] = value
    return tuple(values)


def _read_sheet(ws: Any, percent: frozenset[int] = frozenset()) -> SheetData:
    from .openpyxl_compat import iter_cells

    header: list[str] = []
    rows: list[tuple[int, tuple[Any, ...]]] = []
    too_many = False
    for number, cells in iter_cells(ws):
        if not cells:
            continue
        values = _values(cells, percent)
        if number == 1:
            header = [header_text(v) for v in values]
            continue
        if not any(v is not None and v != "" for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            too_many = True
            break
        rows.append((number, values))
    return SheetData(ws.title, header, rows, too_many_rows=too_many)


def _merged_ranges(path: Path, member: str) -> list[str]:
    """The merged ranges of a sheet. openpyxl's read-only mode skips them, so the sheet's
    XML is scanned as bytes (they follow the cells); a '<' inside a cell would be escaped,
    so the pattern cannot match text someone typed."""
    found: list[str] = []
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(member) as f:
        while chunk := f.read(_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            cut = cut if cut > len(data) - 512 else len(data)
            found += [m.decode("ascii") for m in _MERGE.findall(data, 0, cut)]
            tail = data[cut:]
        found += [m.decode("ascii") for m in _MERGE.findall(tail)]
    return found
