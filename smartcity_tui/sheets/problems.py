"""What can be wrong with a spreadsheet, for a person: where (file or sheet, row as the
spreadsheet shows it, column letter and header) and what to type instead.

`Problem` is one bad cell, row or sheet; any problem refuses the whole import. A `Problem`
in `notes` does not: it says what the import did on its own (a file read as Windows-1252,
columns it ignored). `SheetError` is a file that cannot be read at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import get_language, t


def _localised(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """A param that is a Finding is put in words in the message's language (`t` does the
    same for a label, `Words`, and a `Reason`)."""
    return {k: v.message(lang) if hasattr(v, "message") and callable(v.message) else v
            for k, v in params.items()}


@dataclass(frozen=True)
class Problem:
    key: str  # under "sheets.problem."
    sheet: str = ""
    row: int = 0  # as the spreadsheet shows it (the header is row 1); 0: the sheet as a whole
    column: str = ""  # the column's letters, "" for the whole row or sheet
    header: str = ""  # the column's header as written
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def where(self, lang: str | None = None) -> str:
        lang = lang or get_language()
        if not self.sheet:
            return ""
        p = {"sheet": self.sheet, "row": self.row, "column": self.column, "header": self.header}
        if self.row and self.column:
            return t("sheets.where.cell", lang, **p)
        if self.row:
            return t("sheets.where.row", lang, **p)
        if self.column:
            return t("sheets.where.column", lang, **p)
        return t("sheets.where.sheet", lang, **p)

    def what(self, lang: str | None = None) -> str:
        lang = lang or get_language()
        return t(f"sheets.problem.{self.key}", lang, **_localised(self.params, lang))

    def message(self, lang: str | None = None) -> str:
        where = self.where(lang)
        return f"{where}: {self.what(lang)}" if where else self.what(lang)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.key, "sheet": self.sheet, "row": self.row, "column": self.column,
                "header": self.header, "message_id": self.message("id"), "message_en": self.message("en")}

    def __str__(self) -> str:
        return self.message()


class SheetError(Exception):
    """A spreadsheet file that cannot be read at all, or an export that cannot be written:
    one line naming the file and saying what to do."""

    def __init__(self, key: str, path: object = "", **params: Any) -> None:
        self.key = key
        self.params = {"path": str(path), **params}
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        lang = lang or get_language()
        return t(f"sheets.error.{self.key}", lang, **_localised(self.params, lang))

    def __str__(self) -> str:
        return self.message()


class CellProblem(Exception):
    """Raised by a column's reader for one cell; the row reader places it (sheet, row,
    column) as a Problem."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)
