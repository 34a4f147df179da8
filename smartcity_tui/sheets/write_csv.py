"""One .csv per sheet, as Excel on an Indonesian Windows reads it with a double click: UTF-8
with a BOM (without it Excel takes the text for the ANSI code page and garbles "é"), ";"
between cells (the list separator of the Indonesian locale) and a decimal comma. Whole
numbers are written without thousands marks, which no locale misreads.

A text that begins with "=", "+", "-", "@" (and the others of cell_marks.py) is written after
an apostrophe, so Excel shows it instead of running it as a formula; the import takes the
apostrophe off again."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .cell_marks import marked
from .export import ExportResult, Table, export_failed, write_atomically
from .numbers import decimal_text

DELIMITER = ";"


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return decimal_text(value)
    return marked(str(value))


def write_csv_folder(tables: list[Table], folder: Path) -> ExportResult:
    try:
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise export_failed(folder, e) from None
    result = ExportResult(folder)
    for table in tables:
        target = folder / f"{table.name}.csv"

        def write(tmp: Path, table: Table = table) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f, delimiter=DELIMITER, lineterminator="\r\n")
                w.writerow(table.headers)
                w.writerows([cell_text(v) for v in row] for row in table.rows)

        write_atomically(target, write)
        result.files.append(target)
        result.rows[table.name] = len(table.rows)
    return result
