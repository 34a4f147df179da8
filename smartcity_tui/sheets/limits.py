"""Limits of what an import reads (docs/sheets.md). A spreadsheet is untrusted input: these
keep a huge, damaged or crafted file from exhausting memory, and each is far above what a
real plan or code list holds (the 10,000-record benchmark plan has 4,000 rows in its
largest sheet; a region's nomenclature list a few thousand)."""

MAX_ROWS = 50_000  # data rows per sheet; reading stops at the first row past it
MAX_COLUMNS = 300  # columns per row
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_FILE_BYTES = 200 * 1024 * 1024  # the file on disk, .xlsx or .csv
# Parts of an .xlsx that openpyxl reads whole (shared strings, styles, the workbook): a zip
# bomb would have to pass through one of them. Worksheets are streamed row by row.
MAX_WHOLE_PART_BYTES = 64 * 1024 * 1024
MAX_SHOWN_PROBLEMS = 50  # the command line lists this many, then counts the rest
