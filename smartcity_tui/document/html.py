"""The book as one self-contained HTML file: inline CSS (html_style.css), nothing loaded
from the network, no script. It opens in any browser, in Word and in LibreOffice, and
printing it to PDF from a browser gives the PDF: A4 pages, a cover, a table of contents,
each chapter on a new page, table headers repeated on every page, wide tables (roadmap,
financing) on landscape pages, page numbers where the browser supports them.

Every text from the plan is escaped here (html.escape); the narrative's emphasis and lists
come from the tree as elements, never from the officer's characters."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ..i18n import t
from ..model.roadmap import BAR_DONE, BAR_EMPTY, BAR_FULL, BAR_MILESTONE
from ..resources import read_beside
from .tree import Block, Chapter, Document, Inline, ListBlock, Paragraph, Section, Table, collector_held, text_of

_Write = Callable[[str], None]  # appends to the page being written

_ROADMAP_CLASS = {BAR_FULL: "bar", BAR_MILESTONE: "bar ms", BAR_DONE: "bar ok", BAR_EMPTY: "off"}
_ALIGN = {"r": "r", "c": "c"}
# Tables that fit a page and read badly when split: printed whole, on the next page if need be.
# Long lists (roadmap, financing, action plan) flow on, their header repeated on each page.
_KEEP_WHOLE = {"readiness", "swot", "tows", "programmes", "profile", "members", "quick_wins"}
_css_cache: list[str] = []
# A run of characters this long is no word of the language (Indonesian's longest run to about
# 23 letters): a code, a URL, a name typed without spaces. It is set in a span that may break
# anywhere (html_style.css .long), so it cannot push a table past the paper's edge.
_LONG_MIN = 25
_LONG = re.compile(rf"\S{{{_LONG_MIN},}}")


def stylesheet() -> str:
    """html_style.css without its comments (they are for the people who edit it)."""
    if not _css_cache:
        css = read_beside(globals(), "html_style.css").decode("utf-8")
        _css_cache.append(re.sub(r"/\*.*?\*/\s*", "", css, flags=re.S))
    return _css_cache[0]


def write_html(doc: Document, *, for_word: bool = False) -> str:
    """The whole book. `for_word=True` is the input pandoc turns into .docx: no cover, no
    table of contents and no stylesheet (the Word file gets its own title page, TOC field and
    styles from the reference document); captions, sources and notes carry the name of their
    Word paragraph style."""
    with collector_held():
        return _write(doc, for_word)


def _write(doc: Document, for_word: bool) -> str:
    out: list[str] = []
    w = out.append
    lang = doc.lang
    w(f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w(f"<title>{escape(doc.title)}</title>\n")
    if for_word:
        # pandoc's title page: the title above, then the region, the period and the round
        subtitle = " · ".join(x for x in (doc.province_line, doc.draft_round) if x)
        if subtitle:
            w(f'<meta name="subtitle" content="{escape(subtitle)}">\n')
    if not for_word:
        w(f"<style>\n{stylesheet()}{_page_css(doc)}</style>\n")
    w("</head>\n<body>\n")
    if not for_word:
        _cover(doc, w)
        _toc(doc, w)
    for ch in doc.chapters:
        _chapter(ch, w, lang, for_word)
    w("</body>\n</html>\n")
    return "".join(out)


def _css_string(text: str) -> str:
    """Text as a CSS string literal that cannot end the string or the <style> element."""
    out = []
    for c in text:
        if c.isalnum() or c in " .,;:()/-–'":
            out.append(c)
        else:
            out.append(f"\\{ord(c):x} ")
    return '"' + "".join(out) + '"'


def _page_css(doc: Document) -> str:
    """The running head and the page label, which depend on the book's title and language."""
    return (
        "@page {\n"
        f"  @top-right {{ content: {_css_string(doc.title)}; }}\n"
        f'  @bottom-right {{ content: {_css_string(t("doc.page", doc.lang) + " ")} counter(page); }}\n'
        "}\n"
    )


def _cover(doc: Document, w: _Write) -> None:
    lang = doc.lang
    w('<section class="cover">\n')
    w(f'<p class="cover-kind">{escape(t("doc.cover_kind", lang))}</p>\n')
    w(f'<p class="cover-region">{escape(doc.region_line)}</p>\n')
    if doc.province_line:
        w(f'<p class="cover-province">{escape(doc.province_line)}</p>\n')
    if doc.period:
        w(f'<p class="cover-period">{escape(t("doc.cover_period", lang, period=doc.period))}</p>\n')
    if doc.draft_round:
        w(f'<p class="cover-round">{escape(doc.draft_round)}</p>\n')
    w(f'<p class="cover-government">{escape(t("doc.cover_government", lang, region=doc.region_line))}</p>\n')
    w("</section>\n")


def _toc(doc: Document, w: _Write) -> None:
    w(f'<nav class="toc">\n<h1 class="toc-title">{escape(t("doc.toc", doc.lang))}</h1>\n<ul>\n')
    for ch in doc.chapters:
        head = f"{ch.label} {ch.title}" if ch.label else ch.title
        w(f'<li class="toc-chapter"><a href="#{ch.anchor}">{escape(head)}</a>')
        if ch.sections and ch.numbered:
            w("\n<ul>\n")
            for s in ch.sections:
                if s.number:
                    w(f'<li><a href="#{s.anchor}">{escape(s.number)} {_inline(s.title)}</a></li>\n')
            w("</ul>\n")
        w("</li>\n")
    w("</ul>\n</nav>\n")


def _is_wide(s: Section) -> bool:
    return any(isinstance(b, Table) and b.wide for b in s.blocks)


def _chapter(ch: Chapter, w: _Write, lang: str, for_word: bool) -> None:
    classes = "chapter" if ch.numbered else "chapter unnumbered"
    if ch.sections and all(_is_wide(s) for s in ch.sections):
        classes += " landscape"  # the financing chapter: all its tables are wide
    w(f'<section class="{classes}" id="{ch.anchor}">\n<h1>')
    if ch.label:
        w(f'<span class="label">{escape(ch.label)}</span> ')
    w(f'<span class="title">{escape(ch.title)}</span></h1>\n')
    for b in ch.blocks:
        _block(b, w, lang, for_word)
    for s in ch.sections:
        _section(s, 2, w, lang, for_word)
    w("</section>\n")


def _section(s: Section, level: int, w: _Write, lang: str, for_word: bool) -> None:
    h = f"h{min(level, 6)}"
    number = f'<span class="num">{escape(s.number)}</span> ' if s.number else ""
    # a section with a wide table is printed on landscape pages, heading and text with it
    landscape = ' class="landscape"' if _is_wide(s) else ""
    w(f'<section id="{s.anchor}"{landscape}>\n<{h}>{number}{_inline(s.title)}</{h}>\n')
    for b in s.blocks:
        _block(b, w, lang, for_word)
    for sub in s.sections:
        _section(sub, level + 1, w, lang, for_word)
    w("</section>\n")


def _block(b: Block, w: _Write, lang: str, for_word: bool) -> None:
    if isinstance(b, Paragraph):
        if b.note and for_word:
            # pandoc takes a Word paragraph style from a div's data-custom-style, not a p's
            w(f'<div data-custom-style="Note"><p><em>{_inline(b.content)}</em></p></div>\n')
        elif b.note:
            w(f'<p class="note"><em>{_inline(b.content)}</em></p>\n')
        else:
            w(f"<p>{_inline(b.content)}</p>\n")
    elif isinstance(b, ListBlock):
        tag = "ol" if b.ordered else "ul"
        start = f' start="{b.start}"' if b.ordered and b.start != 1 else ""
        w(f"<{tag}{start}>\n")
        for item in b.items:
            w("<li>")
            if len(item) == 1 and isinstance(item[0], Paragraph) and not item[0].note:
                w(_inline(item[0].content))  # a tight item: no paragraph margins
            else:
                for x in item:
                    _block(x, w, lang, for_word)
            w("</li>\n")
        w(f"</{tag}>\n")
    else:
        _table(b, w, lang, for_word)


def _table(tb: Table, w: _Write, lang: str, for_word: bool) -> None:
    classes = " ".join(x for x in ("table", tb.kind, "wide" if tb.wide else "",
                                   "keep" if tb.kind in _KEEP_WHOLE or len(tb.rows) <= 12 else "") if x)
    w(f'<div class="{classes}">\n<table>\n')
    label = f"{t('doc.table_label', lang)} {tb.number}".strip()
    w(f"<caption>{escape(label)} {_inline(tb.caption_spans())}</caption>\n")
    if tb.widths:
        total = sum(tb.widths)
        w("<colgroup>" + "".join(f'<col style="width:{100 * x / total:.1f}%">' for x in tb.widths) + "</colgroup>\n")
    w("<thead><tr>" + "".join(f"<th{_align(tb, i)}>{_inline(h)}</th>" for i, h in enumerate(tb.header))
      + "</tr></thead>\n<tbody>\n")
    first_total = len(tb.rows) - tb.total_rows
    row_heads = tb.kind in ("profile", "swot")
    for n, row in enumerate(tb.rows):
        w('<tr class="total">' if n >= first_total else "<tr>")
        for i, cell in enumerate(row):
            cls = _cell_class(tb, i, cell)
            if i == 0 and row_heads:
                w(f'<th scope="row"{cls}>{_inline(cell, cell=True)}</th>')
            else:
                w(f"<td{cls}>{_inline(cell, cell=True)}</td>")
        w("</tr>\n")
    w("</tbody>\n</table>\n")
    if tb.source and for_word:
        w(f'<div data-custom-style="Table Source"><p>{escape(tb.source)}</p></div>\n')
    elif tb.source:
        w(f'<p class="source">{escape(tb.source)}</p>\n')
    w("</div>\n")


def _align(tb: Table, col: int) -> str:
    a = _ALIGN.get(tb.align_of(col))
    return f' class="{a}"' if a else ""


def _cell_class(tb: Table, col: int, cell: Inline) -> str:
    classes = [c for c in (_ALIGN.get(tb.align_of(col)), "nw" if col in tb.nowrap else "") if c]
    if tb.kind == "roadmap":
        glyph = _ROADMAP_CLASS.get(text_of(cell))
        if glyph:
            classes.append(glyph)
    return f' class="{" ".join(classes)}"' if classes else ""


def _inline(content: Inline, cell: bool = False) -> str:
    """`cell`: in a table cell, where a long token may break anywhere (_LONG)."""
    out = []
    for s in content:
        if s.text == "\n":
            out.append("<br>")
            continue
        text = escape(s.text)
        if cell and len(text) >= _LONG_MIN:
            text = _LONG.sub(_long, text)
        if s.strong:
            text = f"<strong>{text}</strong>"
        if s.em:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def _long(m: re.Match[str]) -> str:
    return f'<span class="long">{m.group(0)}</span>'
