"""The book as Markdown: valid CommonMark with GFM tables, for a secretariat to read, hand
out, or put through pandoc. Headings: the title and each chapter at level 1 ("# BAB IV
Rencana Pengembangan Smart City"), sections below them (## 4.1, ### 4.1.1, #### a
programme's profile). Each table has its caption above in bold and its source below in
italics. All text is escaped here (markdown_text.inline), so a '|' or a line break in user
text never breaks a table and no user text becomes markup; the narrative's own emphasis and
lists come from the tree, not from the officer's characters."""

from __future__ import annotations

from ..i18n import t
from .markdown_text import BR, inline
from .markdown_text import table as gfm_table
from .tree import Block, Chapter, Document, Inline, ListBlock, Paragraph, Section, Span, Table, collector_held

_HARD_BREAK = "\\\n"


def write_markdown(doc: Document, *, title: bool = True) -> str:
    """The whole book. `title=False` leaves out the title lines (pandoc takes them as
    metadata for a Word title page instead)."""
    with collector_held():
        return _write(doc, title)


def _write(doc: Document, title: bool) -> str:
    parts: list[str] = []
    if title:
        parts.append("# " + inline(doc.title))
        subtitle = [x for x in (doc.draft_round, doc.province_line) if x]
        if subtitle:
            parts.append(_HARD_BREAK.join(f"**{inline(x)}**" for x in subtitle))
    for ch in doc.chapters:
        parts += _chapter(ch, doc.lang)
    return "\n\n".join(p for p in parts if p) + "\n"


def _chapter(ch: Chapter, lang: str) -> list[str]:
    head = f"{ch.label} {ch.title}" if ch.label else ch.title
    out = ["# " + inline(head)]
    out += [_block(b, lang) for b in ch.blocks]
    for s in ch.sections:
        out += _section(s, 2, lang)
    return out


def _section(s: Section, level: int, lang: str) -> list[str]:
    title = spans(s.title, " ")
    head = f"{s.number} {title}" if s.number else title
    out = ["#" * min(level, 6) + " " + head]
    out += [_block(b, lang) for b in s.blocks]
    for sub in s.sections:
        out += _section(sub, level + 1, lang)
    return out


def _block(b: Block, lang: str) -> str:
    if isinstance(b, Paragraph):
        text = spans(b.content, _HARD_BREAK)
        return _wrap("*", text) if b.note else text
    if isinstance(b, ListBlock):
        return _list(b, lang)
    return _table(b, lang)


def _list(b: ListBlock, lang: str) -> str:
    items = []
    loose = any(sum(isinstance(x, Paragraph) for x in item) > 1 for item in b.items)
    for n, item in enumerate(b.items, b.start):
        marker = f"{n}. " if b.ordered else "- "
        pad = " " * len(marker)
        rendered = []
        for i, block in enumerate(item):
            text = _block(block, lang)
            sep = "\n" if isinstance(block, ListBlock) and not loose else "\n\n"
            rendered.append(text if i == 0 else sep + text)
        body = "".join(rendered) or inline("-")
        lines = body.split("\n")
        items.append(marker + lines[0] + "".join("\n" + (pad + x if x else x) for x in lines[1:]))
    return ("\n\n" if loose else "\n").join(items)


def _table(tb: Table, lang: str) -> str:
    label = t("doc.table_label", lang)
    caption = _wrap("**", f"{inline(f'{label} {tb.number}'.strip())} {spans(tb.caption_spans(), ' ')}")
    header = [spans(h, " ", cell=True) for h in tb.header]
    rows = [[spans(c, BR, cell=True) for c in row] + [""] * (len(header) - len(row)) for row in tb.rows]
    right = {i for i in range(len(header)) if tb.align_of(i) == "r"}
    center = {i for i in range(len(header)) if tb.align_of(i) == "c"}
    body = gfm_table(header, rows, right, center, tuple(3 * w for w in tb.widths))
    out = [caption, body]
    if tb.source:
        out.append(f"*{inline(tb.source)}*")
    return "\n\n".join(out)


def spans(content: Inline, line_break: str, cell: bool = False) -> str:
    """Inline content as Markdown: each span escaped, emphasis around runs of spans, a
    break as `line_break` ("<br> " in a table cell, a hard break in a paragraph)."""
    if len(content) == 1 and not (content[0].em or content[0].strong):
        return inline(content[0].text, cell)  # most cells: one plain text
    out: list[str] = []
    run: list[Span] = []
    for s in content:
        if s.text == "\n":
            out.append(_run(run, cell))
            run = []
            out.append(line_break)
        else:
            run.append(s)
    out.append(_run(run, cell))
    return "".join(out)


def _run(run: list[Span], cell: bool = False) -> str:
    """Spans between two breaks: consecutive emphasised spans share one pair of markers, and
    bold ones inside take their own, so "*a **b** c*" comes out as it went in."""
    out: list[str] = []
    i = 0
    while i < len(run):
        if run[i].em:
            j = i
            while j < len(run) and run[j].em:
                j += 1
            out.append(_wrap("*", "".join(_strong(s, cell) for s in run[i:j])))
            i = j
        else:
            out.append(_strong(run[i], cell))
            i += 1
    return "".join(out)


def _strong(s: Span, cell: bool = False) -> str:
    return _wrap("**", _escaped(s.text, cell)) if s.strong else _escaped(s.text, cell)


def _escaped(text: str, cell: bool = False) -> str:
    # inline() trims; the spaces between spans are part of the sentence
    core = inline(text, cell)
    lead = " " if text[:1].isspace() and core else ""
    trail = " " if text[-1:].isspace() and core else ""
    return lead + core + trail if core else (" " if text else "")


def _wrap(marker: str, text: str) -> str:
    """Emphasis markers hug the text (CommonMark: no space just inside them)."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{marker}{core}{marker}{trail}"
