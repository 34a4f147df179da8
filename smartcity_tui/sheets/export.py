"""Export a plan as spreadsheets: `export_sheets(plan, out, lang)` writes one .xlsx workbook
(OUT.xlsx) or one .csv per sheet (a folder), headers in the chosen language, the record id
at the far right so that a re-import updates the same records.

A text longer than a cell holds (32,767 characters, Excel's limit) is written cut there;
importing the cut text back keeps the plan's full text (resolve.py). The tables come from
columns.py, the writers are write_xlsx.py and write_csv.py; each file
is written to a temporary name, flushed to the disk and renamed, so a pulled flash drive or
a file open in Excel never leaves half a spreadsheet under the final name."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import os_reason
from ..model.plan import Plan
from ..store.atomic import fsync_dir, replace_with_retry
from .columns import SHEETS, Column, SheetSpec, shown_value
from .dimension_kinds import on_framework
from .limits import MAX_CELL_CHARS
from .problems import SheetError


@dataclass
class Table:
    spec: SheetSpec
    name: str
    columns: list[tuple[Column, int | None]]  # the column and, for a per-year one, its year
    headers: list[str]
    rows: list[list[Any]]


@dataclass
class ExportResult:
    path: Path  # the workbook, or the folder of CSV files
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # sheet name -> rows written


def expanded_columns(spec: SheetSpec, years: range) -> list[tuple[Column, int | None]]:
    out: list[tuple[Column, int | None]] = []
    for col in spec.columns:
        if col.per_year:
            out += [(col, y) for y in years]
        else:
            out.append((col, None))
    return out


def build_table(plan: Plan, spec: SheetSpec, lang: str) -> Table:
    with on_framework(plan.framework):  # the pillar and element cells name the plan's own
        return _build_table(plan, spec, lang)


def _build_table(plan: Plan, spec: SheetSpec, lang: str) -> Table:
    columns = expanded_columns(spec, plan.info.years)
    headers = [col.header(lang, year) for col, year in columns]
    rows = []
    for record in spec.rows(plan):
        row = []
        for col, year in columns:
            if year is None:
                row.append(shown_value(col, record, plan, lang))
            else:
                value = getattr(record, col.field).get(year)
                row.append(None if value is None else col.kind.to_cell(value, lang))
        rows.append([v[:MAX_CELL_CHARS] if isinstance(v, str) and len(v) > MAX_CELL_CHARS else v for v in row])
    return Table(spec, spec.name(lang), columns, headers, rows)


def build_tables(plan: Plan, lang: str) -> list[Table]:
    return [build_table(plan, spec, lang) for spec in SHEETS]


def is_folder_target(out: Path, given: str = "") -> bool:
    """A folder (one CSV per sheet) rather than a workbook: an existing folder, a path given
    with a trailing separator, or a name without a suffix."""
    return out.is_dir() or given.endswith(("/", "\\")) or out.suffix == ""


def export_sheets(plan: Plan, out: Path | str, lang: str = "id") -> ExportResult:
    given = str(out)
    out = Path(out)
    tables = build_tables(plan, lang)
    if is_folder_target(out, given):
        from .write_csv import write_csv_folder

        return write_csv_folder(tables, out)
    if out.suffix.lower() != ".xlsx":
        raise SheetError("export_suffix", out)
    from .write_xlsx import write_workbook

    return write_workbook(plan, tables, out)


def write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """`write(temp_path)` makes the file; it then replaces `target` in one step."""
    if not target.parent.is_dir():
        raise SheetError("export_no_folder", target, folder=target.parent)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        replace_with_retry(tmp, target)
        fsync_dir(target.parent)
    except OSError as e:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise export_failed(target, e) from None
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def export_failed(target: Path, error: OSError) -> SheetError:
    """The sheets were not written: the cause, and what to do about that cause (unlock a
    write-protected drive; close the file in Excel only when Excel holds it)."""
    from ..bundle.safe_write import advice_for

    reason = os_reason(error)
    return SheetError("export_failed", target, reason=reason, advice=advice_for(reason, "write.advice"))
