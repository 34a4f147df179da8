"""The .xlsx workbook, written with openpyxl in write-only mode (rows streamed to temporary
files, memory flat however big the plan), zipped in memory and then written to the drive.
Per sheet: a bold header row that stays in view (frozen), filters on every column, widths
from columns.py, rupiah as whole numbers with thousands separators, years as plain whole
numbers. The workbook's properties name the plan it came from, so that importing it into
another plan is refused before any row is read."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..model.plan import Plan
from .export import ExportResult, Table, write_atomically
from .mapping import column_letter


def write_workbook(plan: Plan, tables: list[Table], out: Path) -> ExportResult:
    result = ExportResult(out, [out])

    def write(tmp: Path) -> None:
        import openpyxl

        wb = openpyxl.Workbook(write_only=True)
        props = wb.properties
        props.creator = "smartcity-tui"
        props.identifier = plan.id
        props.subject = f"{plan.info.region_kind.capitalize()} {plan.info.region}".strip()
        props.title = f"Rencana induk Smart City {props.subject}".strip()
        for table in tables:
            _write_sheet(wb, table)
            result.rows[table.name] = len(table.rows)
        # Zipped in memory (some hundred kB), then written: a drive that refuses the file (read
        # only, full, a folder in the way) fails our write, after openpyxl has finished. Saved
        # straight to such a drive, openpyxl left its sheet writers open, and each printed a
        # traceback under the one-line message when it was collected.
        zipped = io.BytesIO()
        wb.save(zipped)
        tmp.write_bytes(zipped.getvalue())

    write_atomically(out, write)
    return result


def _write_sheet(wb: Any, table: Table) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.create_sheet(table.name)
    last = column_letter(max(len(table.headers) - 1, 0))
    for i, (col, _year) in enumerate(table.columns):
        ws.column_dimensions[column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for text in table.headers:
        cell = WriteOnlyCell(ws, text)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        header.append(cell)
    ws.append(header)
    formats = [col.kind.number_format if col.kind.number_format not in (None, "General") else None
               for col, _year in table.columns]
    for row in table.rows:
        out: list[Any] = []
        for value, fmt in zip(row, formats, strict=False):
            if fmt is not None and value is not None and not isinstance(value, str):
                cell = WriteOnlyCell(ws, value)
                cell.number_format = fmt
                out.append(cell)
            elif isinstance(value, str):
                # control characters pasted into a text cannot be stored in .xlsx at all
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                if value.startswith("="):
                    cell = WriteOnlyCell(ws, value)
                    cell.data_type = "s"  # text someone typed, never a formula Excel would run
                    value = cell
                out.append(value)
            else:
                out.append(value)
        ws.append(out)
