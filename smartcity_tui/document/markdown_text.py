"""Building blocks of the Markdown writer: escaping of user text and GFM tables.

User text is typed by officers and may hold anything: '|' in a programme name, '*' or '#'
in a SWOT item, '<' in an indicator, several lines in a description. `inline()` makes it
plain text on one source line: Markdown punctuation is backslash-escaped (CommonMark allows
that for every ASCII punctuation character), line breaks become `<br>` (the GFM way inside
a table cell), control characters become spaces. So no user text can start a block, end a
table cell, open emphasis, a link, HTML or (for pandoc) math and citations."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

# \ ` * _ [ ] < > # | ~ & are Markdown; $ ^ @ are pandoc's math, superscript and citations.
_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~&$^@"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# a line starting like a list item, heading underline or ordered list ("1." "2)")
_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
BR = "<br> "


def _line(text: str, cell: bool = False) -> str:
    if not text.isprintable():
        text = _CONTROL.sub(" ", text.replace("\t", " "))
    text = text.strip().translate(_ESCAPES)
    # A GFM table cell holds inline content only (pandoc's pipe tables too): "1." or "-" at
    # its start begins no list there, so a cell reads 850.000 and -, not 850\.000 and \-
    # (officers open masterplan.md in Notepad). Everywhere else the escape stays.
    m = None if cell else _BLOCK_START.match(text)
    if m:
        if m.group(1):
            text = "\\" + text
        else:
            text = m.group(2) + "\\" + text[len(m.group(2)):]
    return text


def inline(text: object, cell: bool = False) -> str:
    """Any user text as safe inline Markdown on one line; line breaks kept as <br>.
    `cell`: the text goes in a table cell, where a line's start needs no escape."""
    return _inline(str(text), cell)


@lru_cache(maxsize=16384)
def _inline(text: str, cell: bool = False) -> str:
    # cached: a big plan repeats its agencies, years, amounts and labels thousands of times
    s = text.strip()
    if not s:
        return ""
    if "\n" not in s and "\r" not in s and not _CONTROL.search(s) and "\t" not in s \
            and "\u2028" not in s and "\u2029" not in s and "\x85" not in s:
        return _line(s, cell)
    lines = [_line(x, cell) for x in s.splitlines()]
    while lines and not lines[-1]:
        lines.pop()  # a line of only control characters at the end
    while lines and not lines[0]:
        lines.pop(0)
    return BR.join(lines)


def bold(text: str) -> str:
    """Bold an already escaped, non-empty text."""
    return f"**{text}**" if text else ""


def table(header: list[str], rows: list[list[str]], right: Collection[int] = frozenset(),
          center: Collection[int] = frozenset(), widths: tuple[int, ...] = ()) -> str:
    """A GFM table of already escaped cells; columns in `right` are right-aligned (numbers),
    in `center` centred. `widths` sets the length of each column's delimiter, which pandoc
    reads as relative column widths; CommonMark readers ignore it."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    def delim(i: int) -> str:
        dashes = "-" * max(3, widths[i] if i < len(widths) else 3)
        if i in right:
            return dashes[:-1] + ":"
        if i in center:
            return ":" + dashes[1:-1] + ":"
        return dashes
    return "\n".join([row(header), row([delim(i) for i in range(len(header))]), *(row(r) for r in rows)])


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {x}" for x in items)


def numbered(items: list[str]) -> str:
    return "\n".join(f"{i}. {x}" for i, x in enumerate(items, 1))
