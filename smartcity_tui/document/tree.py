"""The masterplan book as a neutral tree: chapters, sections, paragraphs, lists and numbered
tables, with nothing of Markdown, HTML or Word in it. The builder (build.py) makes one tree
from a plan; each writer turns the same tree into its format and escapes text its own way,
so the three outputs cannot drift apart and no user text reaches a writer unescaped.

Text is held as `Inline`: a tuple of `Span`s, each plain text with emphasis flags; a span
"\\n" is a line break. User text is never parsed as markup here, except the narrative, whose
small Markdown subset narrative.py turns into these same blocks."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

# Control characters (other than line breaks) reach no writer: they mean nothing on paper
# and some (NUL, form feed) make a Word or XML reader refuse the whole file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


class Span(NamedTuple):
    # a tuple, not a dataclass: a big plan's book has ~150,000 of them
    text: str
    em: bool = False
    strong: bool = False


Inline = tuple[Span, ...]
BREAK = Span("\n")


def plain(text: object) -> Inline:
    """User or catalog text as one plain span; its line breaks kept as breaks, control
    characters made spaces, each line trimmed."""
    return _plain(text if type(text) is str else str(text))


@lru_cache(maxsize=16384)
def _plain(s: str) -> Inline:
    # cached: agencies, years, amounts and labels repeat thousands of times in a big plan
    s = s.strip()
    if not s:
        return ()
    if s.isprintable():
        return (Span(s),)
    found = [CONTROL.sub(" ", x.replace("\t", " ")).strip() for x in s.splitlines()]
    while found and not found[-1]:
        found.pop()
    while found and not found[0]:
        found.pop(0)
    out: list[Span] = []
    for i, line in enumerate(found):
        if i:
            out.append(BREAK)
        if line:
            out.append(Span(line))
    return tuple(out)


def prefixed(prefix: str, text: object) -> Inline:
    """`prefix` (such as "S1. ") before user text, on the text's first line."""
    content = plain(text)
    if content and content[0].text != "\n":
        return (Span(prefix + content[0].text), *content[1:])
    return (Span(prefix.strip()), *content)


def strong(text: object) -> Inline:
    return tuple(Span(s.text, s.em, True) if s != BREAK else s for s in plain(text))


def lines(*parts: Inline) -> Inline:
    """Several inlines, one per line (empty ones left out)."""
    out: list[Span] = []
    for p in parts:
        if not p:
            continue
        if out:
            out.append(BREAK)
        out.extend(p)
    return tuple(out)


def text_of(content: Inline) -> str:
    return "".join(s.text for s in content)


@dataclass
class Paragraph:
    content: Inline
    note: bool = False  # a remark of the app's ("not written yet"), set apart in italics


@dataclass
class ListBlock:
    items: list[list[Block]]
    ordered: bool = False
    start: int = 1


@dataclass
class Table:
    """A numbered table (Tabel 4.1) with its caption above and its source below."""

    caption: str
    header: list[Inline]
    rows: list[list[Inline]]
    source: str = ""
    align: str = ""  # one letter per column: l(eft), r(ight), c(enter); missing = left
    widths: tuple[int, ...] = ()  # relative column widths, for writers that lay out columns
    wide: bool = False  # many columns (roadmap, financing): printed across the page
    kind: str = ""  # what the table is ("swot", "profile", ...), for a writer's styling
    total_rows: int = 0  # the last rows are totals, set in bold
    nowrap: tuple[int, ...] = ()  # columns whose cells never wrap (codes, years, amounts)
    number: str = ""  # "4.1", given when the book is numbered
    title: Inline = ()  # the caption as spans, when a term of it is in italics; else `caption`

    def caption_spans(self) -> Inline:
        return self.title or plain(self.caption)

    def align_of(self, col: int) -> str:
        return self.align[col] if col < len(self.align) else "l"


Block = Paragraph | ListBlock | Table


@dataclass
class Section:
    title: Inline
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    numbered: bool = True  # False: a heading without a number (a programme's profile)
    number: str = ""  # "4.1.2", given when the book is numbered
    anchor: str = ""  # a stable id for links within the document


@dataclass
class Chapter:
    title: str
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    numbered: bool = True  # False: the summary before BAB I, the appendix
    number: int = 0
    label: str = ""  # "BAB IV" / "CHAPTER IV" / "LAMPIRAN", given when numbered
    anchor: str = ""


@dataclass
class Document:
    lang: str
    title: str  # "Rencana Induk Smart City Kabupaten X Tahun 2025–2029"
    region_line: str  # "Kabupaten Wonosari Raya", for the cover
    province_line: str  # "Provinsi Jawa Tengah", or ""
    period: str  # "2025–2029"
    draft_round: str  # "Draf hasil Bimtek Tahap III", or ""
    chapters: list[Chapter] = field(default_factory=list)  # the summary, BAB I..., appendices

    def tables(self) -> Iterator[Table]:
        """Every table of the book, in order."""
        for ch in self.chapters:
            yield from _tables(ch.blocks, ch.sections)


def _tables(blocks: list[Block], sections: list[Section]) -> Iterator[Table]:
    for b in blocks:
        if isinstance(b, Table):
            yield b
    for s in sections:
        yield from _tables(s.blocks, s.sections)


@contextmanager
def collector_held() -> Iterator[None]:
    """Build or write a book without the cycle collector. The tree holds no cycles, but a big
    plan's ~100,000 new objects set off full collections that walk every record of the plan
    too (measured: 0.5 s at a time on the 10,000-record plan, several per book)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
