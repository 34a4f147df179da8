"""The narrative an officer types (a NarrativeSection's text) -> blocks of the book.

Officers may use a small part of Markdown: paragraphs (a blank line between them), line
breaks (a single Enter shows as a new line, as typed), *emphasis*, **bold**, and bullet or
numbered lists, nested too. Nothing else is markup: a "#", a table, a link, an image, code
and raw HTML such as <b> or <script> are printed as the characters typed. So no narrative can
break the book's structure (a heading of its own), load anything from the network (an image)
or run anything (a script), in any of the three outputs.

markdown-it-py (which Textual brings already) parses; only the rules for the allowed parts
are switched on, and the result is the neutral tree of tree.py, which every writer escapes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .tree import BREAK, CONTROL, Block, ListBlock, Paragraph, Span

# Every block and inline rule of CommonMark except these is switched off.
_BLOCK_RULES = ["list", "paragraph"]
_INLINE_RULES = ["text", "newline", "escape", "emphasis"]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    md.block.ruler.enableOnly(_BLOCK_RULES)
    md.inline.ruler.enableOnly(_INLINE_RULES)
    md.inline.ruler2.enableOnly(["balance_pairs", "emphasis", "fragments_join"])
    return md


def blocks(text: str) -> list[Block]:
    """The blocks of one narrative text; [] when it is empty."""
    if not text.strip():
        return []
    tokens = _parser().parse(_clean(text))
    out, _ = _blocks(tokens, 0, None)
    return out


_LINE_SEPARATORS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _clean(text: str) -> str:
    """Every line separator Python knows is a line break (markdown-it knows only \\n); other
    control characters mean nothing on paper and become spaces, as in the rest of the book."""
    return CONTROL.sub(" ", _LINE_SEPARATORS.sub("\n", text).replace("\t", " "))


def _blocks(tokens: Sequence[Token], i: int, until: str | None) -> tuple[list[Block], int]:
    """Blocks from tokens[i] up to the closing token `until` (None: the end)."""
    out: list[Block] = []
    while i < len(tokens):
        tok = tokens[i]
        if until is not None and tok.type == until:
            return out, i + 1
        if tok.type == "paragraph_open":
            content = _inline(tokens[i + 1].children or [])
            if content:
                out.append(Paragraph(content))
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            ordered = tok.type == "ordered_list_open"
            start = int(tok.attrs.get("start", 1)) if ordered else 1
            close = "ordered_list_close" if ordered else "bullet_list_close"
            items: list[list[Block]] = []
            i += 1
            while tokens[i].type != close:
                item, i = _blocks(tokens, i + 1, "list_item_close")  # tokens[i] is list_item_open
                if item:  # a marker with nothing after it prints nothing
                    items.append(item)
            if items:
                out.append(ListBlock(items, ordered, start))
            i += 1
        else:
            i += 1
    return out, i


def _inline(children: Sequence[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    em = strong = 0
    for c in children:
        kind = c.type
        if kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind in ("softbreak", "hardbreak"):
            spans.append(BREAK)
        elif c.content:
            spans.append(Span(c.content, em > 0, strong > 0))
    # join neighbours of one style, trim breaks at the ends
    joined: list[Span] = []
    for s in spans:
        if joined and s != BREAK and joined[-1] != BREAK and (joined[-1].em, joined[-1].strong) == (s.em, s.strong):
            joined[-1] = Span(joined[-1].text + s.text, s.em, s.strong)
        else:
            joined.append(s)
    while joined and joined[-1] == BREAK:
        joined.pop()
    while joined and joined[0] == BREAK:
        joined.pop(0)
    return tuple(joined)
