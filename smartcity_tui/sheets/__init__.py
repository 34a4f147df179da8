"""Spreadsheets in and out (docs/sheets.md): the second exchange format, for people and for
Bappeda's Excel. Bundles stay the exact exchange between laptops.

Beside bundle/ in the layers: uses model and store, never textual. openpyxl is imported
only by the functions that read or write an .xlsx, never when this package is imported.

Export:   export_sheets(plan, out, lang) -> ExportResult
Import, in four steps a screen can show one by one:
    book = read_file(path, sheet=None)              # the file's rows, or SheetError
    mapping = propose_mapping(book)                  # sheet kinds and columns, changeable:
    mapping = mapping.with_sheet(mapping.sheets[0].with_column(3, "lead_agency"))
    preview = preview_import(store, book, mapping)   # new / changed / unchanged, problems
    result = apply_import(store, preview)            # one undo step, or ImportRefused
"""

from .apply import ImportRefused, ImportResult, apply_import
from .export import ExportResult, export_sheets
from .mapping import ColumnMatch, FieldChoice, Mapping, SheetMapping, field_choices, propose_mapping
from .preview import AREAS, PLAN_WIDE, Counts, ImportPreview, RowOutcome, preview_import
from .problems import Problem, SheetError
from .reading import Book, SheetData, read_file

__all__ = [
    "AREAS",
    "PLAN_WIDE",
    "Book",
    "ColumnMatch",
    "Counts",
    "ExportResult",
    "FieldChoice",
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "Mapping",
    "Problem",
    "RowOutcome",
    "SheetData",
    "SheetError",
    "SheetMapping",
    "apply_import",
    "export_sheets",
    "field_choices",
    "preview_import",
    "propose_mapping",
    "read_file",
]
