"""Numbers as people type them in a cell: "Rp 1.250.000.000", "1,250,000", "12,5", "12.5".

Indonesian writes thousands with dots and decimals with a comma; English the other way round;
a CSV from either reaches us as text. The rule: when both marks appear, the last one is the
decimal mark; several of one mark are thousands; one mark followed by exactly three digits
("1.250") means 1250 in Indonesian and 1.25 in English, so in a column that may hold
fractions it is refused as ambiguous rather than guessed (a whole-number column, rupiah or
years, takes it as thousands)."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from ..i18n import Words, language
from .problems import CellProblem

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_CURRENCY = re.compile(r"^(?:rp\.?|idr)", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")


def parse_number(text: str, *, whole: bool) -> int | float:
    """`text` as a number; CellProblem("not_a_number" / "ambiguous_number" / "not_whole")."""
    raw = text
    s = _SPACES.sub("", text)
    s = _CURRENCY.sub("", s)
    negative = s.startswith("-")
    if negative or s.startswith("+"):
        s = s[1:]
    if s.endswith(",-"):  # "Rp 1.250.000,-": an Indonesian way to write a whole rupiah amount
        s = s[:-2]
    if not s or not s[0].isdigit():
        raise CellProblem("not_a_number", value=raw)
    value = _unmarked(s, whole, raw)
    if whole and isinstance(value, float):
        if not value.is_integer():
            raise CellProblem("not_whole", value=raw)
        value = int(value)
    return -value if negative else value


def _unmarked(s: str, whole: bool, raw: str) -> int | float:
    if s.isdigit():
        return int(s)
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        thousands = "," if dec == "." else "."
        head, _, tail = s.rpartition(dec)
        if head.count(dec) or not tail.isdigit() or not (head.isdigit() or _GROUPED.fullmatch(head)):
            raise CellProblem("not_a_number", value=raw)
        return _float(head.replace(thousands, "") + "." + tail, raw)
    mark = "." if dots else ","
    count = dots or commas
    if count > 1:
        if not _GROUPED.fullmatch(s):
            raise CellProblem("not_a_number", value=raw)
        return int(s.replace(mark, ""))
    head, _, tail = s.partition(mark)
    if not head.isdigit() or not tail.isdigit():
        return _float(s, raw)  # "1e6" and the like, which float() reads; anything else refused
    if len(tail) == 3 and len(head) <= 3:
        if whole:
            return int(head + tail)
        fraction = repr(float(f"{head}.{tail}")).removesuffix(".0")
        raise CellProblem("ambiguous_number", value=raw, thousands=str(int(head + tail)),
                          fraction=Words(lambda lang: fraction.replace(".", language(lang).decimal)))
    return _float(head + "." + tail, raw)


def _float(s: str, raw: str) -> float:
    try:
        value = float(s)
    except ValueError:
        raise CellProblem("not_a_number", value=raw) from None
    if not math.isfinite(value):
        raise CellProblem("not_a_number", value=raw)
    return value


def decimal_text(value: float | int) -> str:
    """A number for a CSV cell that Excel on an Indonesian Windows reads as a number: no
    thousands marks, a decimal comma."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value).replace(".", ",") if isinstance(value, float) else str(value)


def shown(raw: Any) -> Any:
    """A cell's value as a message shows it: as the officer sees it in the cell, in the
    message's language: a fraction with the language's decimal mark (75,5), a date as a date
    (1 Jan 2026, not "2026-01-01 00:00:00"), a time as a time."""
    from ..model.format import clock, date

    if isinstance(raw, bool) or not isinstance(raw, (float, dt.date, dt.time)):
        return str(raw)
    if isinstance(raw, float):
        if raw.is_integer() and abs(raw) < 1e15:
            return str(int(raw))
        return Words(lambda lang: repr(raw).replace(".", language(lang).decimal))
    if isinstance(raw, dt.datetime) and raw.time() != dt.time():
        return Words(lambda lang: f"{date(raw, lang)} {clock(raw, lang)}")
    if isinstance(raw, dt.date):
        return Words(lambda lang: date(raw, lang))
    return Words(lambda lang: clock(raw, lang))
