"""The apostrophe the CSV export puts before a text Excel would not show as typed, and takes
off again on import, so that exporting and importing an unchanged sheet changes nothing.

Excel, opening a .csv with a double click, runs a cell that begins with "=", "+", "-" or "@"
as a formula (OWASP's CSV injection list adds a tab and a carriage return): a SWOT item
"- Kurangnya SDM TIK" shows as #NAME?, and a sheet saved back from Excel carries "#NAME?" in
its place. A text that Excel would take for one of its error values is marked too, since the
import refuses those. And so is a text that begins with an apostrophe itself, so that the
one apostrophe taken off on import is always the export's own: "'=x" typed in the app goes
out as "''=x" and comes back as "'=x".

A number is written as a number (decimal_text) and never marked: "-5" in a number column
stays a negative number, typed or exported.
"""

from __future__ import annotations

MARK = "'"
# what Excel runs as a formula at the start of a CSV cell (and OWASP's tab and CR)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# what Excel shows in a cell whose formula failed; a CSV saved from Excel holds the error,
# not the text the cell had (#SPILL! and #CALC! from Excel 365)
EXCEL_ERRORS = frozenset({"#NAME?", "#VALUE!", "#REF!", "#NULL!", "#DIV/0!", "#N/A", "#NUM!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA"})


def is_excel_error(text: str) -> bool:
    return text.strip().upper() in EXCEL_ERRORS


def needs_mark(text: str) -> bool:
    return text.startswith((*FORMULA_STARTS, MARK)) or is_excel_error(text)


def marked(text: str) -> str:
    """The text as the CSV export writes it."""
    return MARK + text if needs_mark(text) else text


def unmarked(text: str) -> str:
    """The text as the export had it: the export's apostrophe taken off, any other kept (an
    officer's "'hello" stays as typed)."""
    return text[1:] if text.startswith(MARK) and needs_mark(text[1:]) else text
