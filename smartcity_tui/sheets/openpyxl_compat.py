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

- Percent cells. Excel stores "85%" typed in a cell as 0.85 with a number format holding
  "%". The parser's cells carry only a style id; `percent_styles` names the style ids whose
  number format is a percentage, from the workbook's style table, so the reader can take the
  number the cell shows (85).

Should a later openpyxl rename what is used here, both fall back to the public API: slower,
still right; the bounded-memory test and the benchmark then say so."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# {"column": 1-based, "value": ..., "data_type": "n"|"s"|"f"|"e"|"b"|"d", "style_id": int} (or,
# from the public API, "percent": bool in place of the style id)
Cells = list[dict[str, Any]]
# the parts of a number format that are shown as written, never as a percent sign that
# scales: "quoted text", a \-escaped character, [Red] or [$Rp-421]
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(fmt: str | None) -> bool:
    """Whether a number format shows its number times 100 ("0%", "0.0%", not '0"%"')."""
    return bool(fmt) and "%" in _LITERAL.sub("", str(fmt))


def percent_styles(wb: Any) -> frozenset[int]:
    """The style ids (a parsed cell's "style_id") whose number format is a percentage."""
    try:
        from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, builtin_format_code

        styles, custom = wb._cell_styles, wb._number_formats
        out = set()
        for index, style in enumerate(styles):
            fid = style.numFmtId
            fmt = builtin_format_code(fid) if fid < BUILTIN_FORMATS_MAX_SIZE else custom[fid - BUILTIN_FORMATS_MAX_SIZE]
            if is_percent_format(fmt):
                out.add(index)
    except (ImportError, AttributeError, IndexError, TypeError):
        return frozenset()  # iter_cells falls back to the public API, which says "percent" itself
    return frozenset(out)


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
        yield number, [{"column": c.column, "value": c.value, "data_type": c.data_type,
                        "percent": is_percent_format(getattr(c, "number_format", None))}
                       for c in row if c.value is not None]
