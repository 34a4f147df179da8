"""Column widths for Word that fit what the cells hold, as a browser's table layout does for
the HTML: pandoc gives each column the share the HTML's <col> asks for, and Word (a table of
fixed layout) then breaks "Rp 4.450.000.000" or "Prioritas" inside the word when a column is
narrower than it. Here each column gets at least the width of its longest word, or of its
longest line where the HTML never wraps the cell (amounts, years, codes: class r, c, nw),
taken from the columns with room to spare.

The text's width is estimated from Arial's advance widths (Liberation Sans, LibreOffice's
stand-in, has the same), bold's as the wider of the two, so the estimate errs towards room."""

from __future__ import annotations

# Arial's advance widths in thousandths of an em, regular and bold; digits are 556 in both
_PUNCT = {" ": 278, ".": 278, ",": 278, "-": 333, "–": 556, "—": 1000, "(": 333, ")": 333, "/": 278,
          "%": 889, "+": 584}
_LOWER, _UPPER = "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_REGULAR = {
    **dict.fromkeys("0123456789", 556), **_PUNCT, ":": 278, ";": 278, "&": 667, "'": 191, '"': 355,
    **dict(zip(_LOWER, (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
                        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500), strict=True)),
    **dict(zip(_UPPER, (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
                        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611), strict=True)),
}
_BOLD = {
    **dict.fromkeys("0123456789", 556), **_PUNCT, ":": 333, ";": 333, "&": 722, "'": 238, '"': 474,
    **dict(zip(_LOWER, (556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
                        611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500), strict=True)),
    **dict(zip(_UPPER, (722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
                        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611), strict=True)),
}
_OTHER = 667  # an accented or other Latin letter: about an average capital
_WIDE_SCRIPT = 1000  # CJK and the like take a full em
CELL_MARGINS = 160 + 60  # the Table style's 80 + 80 twips, and room for borders and rounding
MAX_SHARE = 3  # no column claims more than a third of the line for one unbreakable word


def text_twips(text: str, size_pt: float, bold: bool = False) -> int:
    """The width of one unbroken line of text, in twentieths of a point."""
    widths = _BOLD if bold else _REGULAR
    em = sum(widths.get(c, _WIDE_SCRIPT if ord(c) >= 0x2E80 else _OTHER) for c in text)
    return round(em * size_pt * 20 / 1000)


def least_width(text: str, nowrap: bool, size_pt: float, bold: bool = False) -> int:
    """The narrowest a cell can be without breaking a word, or a line of a cell that never wraps."""
    pieces = text.split("\n") if nowrap else text.split()
    return max((text_twips(p.strip(), size_pt, bold) for p in pieces), default=0) + CELL_MARGINS


def fitted(asked: list[int], least: list[int], keep: list[bool], line: int) -> list[int]:
    """Column widths summing to `line` twips: the asked shares, each widened to its least width
    where the other columns can give it room (in proportion to what they have to spare). When
    not every word fits, the columns that never wrap (`keep`: amounts, years) get their least
    width first, and the others share the rest by theirs; when not even those fit (15-digit
    amounts over ten years), the others get theirs and the amounts share the rest."""
    if not asked or sum(asked) <= 0 or line <= 0 or len(least) != len(asked):
        return asked
    least = [min(x, line // MAX_SHARE) for x in least]
    total = sum(asked)
    widths = [a * line // total for a in asked]
    need = sum(max(0, lo - w) for w, lo in zip(widths, least, strict=True))
    spare = [max(0, w - lo) for w, lo in zip(widths, least, strict=True)]
    if need and sum(spare) >= need:
        have = sum(spare)
        widths = [max(w, lo) - (s * need // have) for w, lo, s in zip(widths, least, spare, strict=True)]
    elif need:
        kept = sum(lo for lo, k in zip(least, keep, strict=True) if k)
        rest = sum(lo for lo, k in zip(least, keep, strict=True) if not k)
        if kept < line and rest:
            widths = [lo if k else lo * (line - kept) // rest for lo, k in zip(least, keep, strict=True)]
        elif kept and rest < line // 2:  # not even the amounts fit: the labels stay whole at least
            widths = [lo * (line - rest) // kept if k else lo for lo, k in zip(least, keep, strict=True)]
        else:
            floor = sum(least)
            widths = [lo * line // floor for lo in least] if floor else widths
    widths[-1] += line - sum(widths)  # what the rounding left over, so the table spans the line
    return widths
