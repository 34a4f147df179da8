"""Numbers, dates and times as the language writes them (i18n.LANGUAGES): Indonesian
Rp 1.250.000.000, 76,5, 22 Nov 2026, pukul 14.03; English Rp 1,250,000,000, 76.5, 14:03."""

from __future__ import annotations

import datetime as _dt
import re

from ..i18n import language
from .records import INT_MAX, INT_MIN


def group_thousands(n: int, lang: str | None = None) -> str:
    """1.834 (Indonesian), 1,834 (English): `lang` or the current language."""
    sign = "-" if n < 0 else ""
    return sign + f"{abs(n):,}".replace(",", language(lang).thousands)


def rupiah(n: int, lang: str | None = None) -> str:
    """Rp 1.250.000.000 (whole rupiah, grouped the language's way)."""
    return f"Rp {group_thousands(n, lang)}"


def number(x: float | int | None, lang: str | None = None) -> str:
    """An indicator value: 1.834 or 76,5 in Indonesian, 1,834 or 76.5 in English."""
    if x is None:
        return "-"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return group_thousands(x, lang)
    whole, _, frac = f"{x:.6f}".rstrip("0").rstrip(".").partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + group_thousands(abs(int(whole)), lang) + (language(lang).decimal + frac if frac else "")


def clock(when: _dt.datetime | _dt.time, lang: str | None = None) -> str:
    """A time of day, 24 hours: 14.03 in Indonesian (EYD), 14:03 in English."""
    return f"{when:%H}{language(lang).clock}{when:%M}"


def date(d: _dt.date | _dt.datetime, lang: str | None = None) -> str:
    """22 Nov 2026, with the month as `lang` (default: the current language) abbreviates it."""
    return f"{d.day} {language(lang).months[d.month - 1]} {d.year}"


_GROUPED_COMMAS = re.compile(r"-?\d{1,3}(,\d{3})+")


def parse_rupiah(text: str) -> int:
    """Read what an officer types for an amount: "1.250.000.000", "Rp 1.250.000", "1250000".
    Raises ValueError when it is not a whole number of rupiah, or one beyond what a plan file
    and a bundle can hold (signed 64 bits: nine quintillion rupiah)."""
    cleaned = text.strip().removeprefix("Rp").removeprefix("rp").strip().replace(".", "").replace(" ", "")
    if _GROUPED_COMMAS.fullmatch(cleaned):  # 1,250,000 as the English screens show it
        cleaned = cleaned.replace(",", "")
    if not cleaned or not cleaned.lstrip("-").isdigit() or len(cleaned) > 20:
        raise ValueError(text)
    amount = int(cleaned)
    if not INT_MIN <= amount <= INT_MAX:
        raise ValueError(text)
    return amount
