"""The one place that reaches into openpyxl's internals (pinned to 3.1.x in pyproject.toml).

openpyxl's read-only mode sizes every sheet when the workbook is opened: it reads the
sheet's <dimension> element, and when a writer left that out, it parses the whole sheet to
find it, holding every parsed element until the end: a crafted or unusual file of a
million rows then costs half a minute and a hundred megabytes before the first row is
read. The import never uses that size (read_xlsx.py calls reset_dimensions() and reads
rows as they come, stopping at MAX_ROWS), so the sheets it opens skip the sizing.

Should a later openpyxl rename what is patched here, `load_read_only` still works, only
without the shortcut; the bounded-memory test then fails and says why."""

from __future__ import annotations

from typing import Any


def load_read_only(path: Any) -> Any:
    import openpyxl
    from openpyxl.reader import excel

    _install(excel)
    return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)


def _install(excel: Any) -> None:
    base = getattr(excel, "ReadOnlyWorksheet", None)
    if base is None or getattr(base, "_smartcity_unsized", False) or not hasattr(base, "_get_size"):
        return

    class UnsizedReadOnlyWorksheet(base):  # type: ignore[misc, valid-type]
        _smartcity_unsized = True

        def _get_size(self) -> None:
            self._min_column = self._min_row = 1
            self._max_column = self._max_row = None

    excel.ReadOnlyWorksheet = UnsizedReadOnlyWorksheet
