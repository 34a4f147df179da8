"""Numbers and dates the Indonesian way: Rp 1.250.000.000, 22 Nov 2026."""

from __future__ import annotations

import datetime as _dt

from .records import INT_MAX, INT_MIN

_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def group_thousands(n: int) -> str:
    sign = "-" if n < 0 else ""
    return sign + f"{abs(n):,}".replace(",", ".")


def rupiah(n: int) -> str:
    """Rp 1.250.000.000 (whole rupiah; Indonesian grouping with dots)."""
    return f"Rp {group_thousands(n)}"


def number(x: float | int | None) -> str:
    """An indicator value: 1.834 or 76,5 (Indonesian decimal comma)."""
    if x is None:
        return "-"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return group_thousands(x)
    whole, _, frac = f"{x:.6f}".rstrip("0").rstrip(".").partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + group_thousands(abs(int(whole))) + ("," + frac if frac else "")


def date(d: _dt.date | _dt.datetime, lang: str = "id") -> str:
    return f"{d.day} {_MONTHS.get(lang, _MONTHS['id'])[d.month - 1]} {d.year}"


def parse_rupiah(text: str) -> int:
    """Read what an officer types for an amount: "1.250.000.000", "Rp 1.250.000", "1250000".
    Raises ValueError when it is not a whole number of rupiah, or one beyond what a plan file
    and a bundle can hold (signed 64 bits: nine quintillion rupiah)."""
    cleaned = text.strip().removeprefix("Rp").removeprefix("rp").strip().replace(".", "").replace(" ", "")
    if not cleaned or not cleaned.lstrip("-").isdigit() or len(cleaned) > 20:
        raise ValueError(text)
    amount = int(cleaned)
    if not INT_MIN <= amount <= INT_MAX:
        raise ValueError(text)
    return amount
