"""The one place that reaches into openpyxl's internals (pinned to 3.1.x in pyproject.toml).

- Sizing. openpyxl's read-only mode sizes every sheet when the workbook is opened: it reads
  the sheet's <dimension> element, and when a writer left that out, it parses the whole
  sheet to find it, holding every parsed element until the end: a crafted or unusual file
  of a million rows then costs half a minute and a hundred megabytes before the first row
  is read. The import never uses that size (it reads rows as they come, stopping at
  MAX_ROWS), so the sheets it opens skip the sizing.
- Rows. The public row API builds a cell object per cell (or, with values_only, drops
  each cell's type, which tells a formula from text that begins with "="). `iter_cells`
  takes the cells from openpyxl's own sheet parser instead, as plain dicts with value and
  type: the import then reads a sheet about as fast as openpyxl's values_only mode.

Should a later openpyxl rename what is used here, both fall back to the public API: slower,
still right; the bounded-memory test and the benchmark then say so."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Cells = list[dict[str, Any]]  # {"column": 1-based, "value": ..., "data_type": "n"|"s"|"f"|"e"|"b"|"d"}


def load_read_only(path: Any) -> Any:
    import openpyxl
    from openpyxl.reader import excel

    _install(excel)
    return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)


def _install(excel: Any) -> None:
    base = getattr(excel, "ReadOnlyWorksheet", None)
    if base is None or getattr(base, "_smartcity_unsized", False) or not hasattr(base, "_get_size"):
        return

    class UnsizedReadOnlyWorksheet(base):  # type: ignore[misc, valid-type]  # openpyxl's class, found at run time
        _smartcity_unsized = True

        def _get_size(self) -> None:
            self._min_column = self._min_row = 1
            self._max_column = self._max_row = None

    excel.ReadOnlyWorksheet = UnsizedReadOnlyWorksheet


def iter_cells(ws: Any) -> Iterator[tuple[int, Cells]]:
    """(row number, its non-empty cells) of a read-only worksheet, in order."""
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        wb = ws.parent
        source = ws._get_source
        options = {"data_only": False, "epoch": wb.epoch, "date_formats": wb._date_formats,
                   "timedelta_formats": wb._timedelta_formats}
        strings = ws._shared_strings
    except (ImportError, AttributeError):
        yield from _public_cells(ws)
        return
    with source() as src:
        yield from WorkSheetParser(src, strings, **options).parse()


def _public_cells(ws: Any) -> Iterator[tuple[int, Cells]]:
    ws.reset_dimensions()
    for number, row in enumerate(ws.iter_rows(), start=1):
        yield number, [{"column": c.column, "value": c.value, "data_type": c.data_type}
                       for c in row if c.value is not None]
