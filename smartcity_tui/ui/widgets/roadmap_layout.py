"""How the roadmap's columns share the width: quick-win mark, code, programme name, agency,
then one cell per plan year. Pure arithmetic, so the chart and its column header always agree
and the rules are easy to read (and to test) without a terminal.

The year cells get what they need first (the bars are the point of the roadmap); the name
takes the rest, and the agency column appears only when the name still keeps enough room.
"""

from __future__ import annotations

from dataclasses import dataclass

MARK_W = 2  # "★ "
NAME_MIN = 14  # below this the name is not worth reading; year cells shrink first
NAME_WIDE = 64  # name + agency room kept before year cells grow past five columns
AGENCY_MIN_ROOM = 50  # name + agency room needed before the agency column is shown (not at 80)
AGENCY_MAX = 24
CODE_MAX = 11


@dataclass(frozen=True)
class Columns:
    code: int
    name: int
    agency: int  # 0: hidden (the detail line under the chart names it)
    year: int  # cells per plan year
    years: tuple[int, ...]

    @property
    def bars_at(self) -> int:
        return MARK_W + self.code + self.name + self.agency + 1


def columns(width: int, years: tuple[int, ...], codes: list[str], agencies: list[str]) -> Columns:
    code = min(max((len(c) for c in codes), default=0) + 1, CODE_MAX) if any(codes) else 0
    n = len(years)
    fixed = MARK_W + code + 1
    year = 1
    for candidate in (8, 7, 6, 5, 3, 2):
        # wider year cells only once the name has plenty of room; down to 5 ("2025") the
        # name only needs to stay readable
        if n == 0 or width - fixed - n * candidate >= (NAME_WIDE if candidate > 5 else NAME_MIN):
            year = candidate
            break
    room = max(width - fixed - n * year, NAME_MIN)
    agency = 0
    if room >= AGENCY_MIN_ROOM and any(agencies):
        agency = min(max(len(a) for a in agencies) + 1, AGENCY_MAX, room // 3)
    return Columns(code=code, name=room - agency, agency=agency, year=year, years=years)


def year_label(year: int, width: int) -> str:
    """A year's column heading in the room its cells have: 2025, '25, 25 or 5."""
    if width >= 5:
        return f"{year:^{width}}"
    if width >= 3:
        return f"'{year % 100:02d}".rjust(width)
    if width == 2:
        return f"{year % 100:02d}"
    return str(year % 10)


def label_span(width: int) -> tuple[int, int]:
    """Which of a year's `width` cells its heading covers: (first cell, how many). What is
    drawn for that year (a quarter's milestone) stays under these cells: the blanks around a
    heading read as the gap to the next year, so a mark there looks like the next year's."""
    label = year_label(2000, width)
    text = label.strip()
    return (label.index(text), len(text)) if text else (0, max(width, 1))


def fit(text: str, width: int) -> str:
    """Text cut to `width` cells with an ellipsis, padded to exactly `width`."""
    if width <= 0:
        return ""
    text = " ".join(text.split())
    if len(text) > width - 1:
        text = text[: max(width - 2, 0)] + "…"
    return text.ljust(width)
