"""Parse the Markdown draft with markdown-it-py (CommonMark + GFM tables) into what a reader
sees: headings, and tables as rows of cell texts. Cell text keeps line breaks (<br>) as
"\\n"; any Markdown construct other than our own bold shows up as <token-type>, so a user
text that turned into emphasis, a link or code would be visible in a comparison."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark").enable("table")


@dataclass
class Doc:
    headings: list[tuple[int, str]] = field(default_factory=list)
    # (index of the heading it follows, rows incl. the header row)
    tables: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    # (heading index, kind 'bullet'|'ordered', item texts)
    lists: list[tuple[int, str, list[str]]] = field(default_factory=list)
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    html_blocks: int = 0

    def section_tables(self, title: str) -> list[list[list[str]]]:
        """Tables under the level-2 heading `title`, up to the next level-2 heading."""
        start = next(i for i, (lvl, text) in enumerate(self.headings) if lvl == 2 and text == title)
        end = next((i for i, (lvl, _) in enumerate(self.headings) if lvl <= 2 and i > start), len(self.headings))
        return [rows for h, rows in self.tables if start <= h < end]

    def table_after(self, title: str, level: int = 3, nth: int = 0) -> list[list[str]]:
        idx = [i for i, (lvl, text) in enumerate(self.headings) if lvl == level and text == title][nth]
        return next(rows for h, rows in self.tables if h == idx)


def inline_text(token) -> str:
    out = []
    after_break = False
    for c in token.children or []:
        if c.type == "text":
            # the writer puts a space after <br>, for pandoc, which drops the tag (words apart)
            out.append(c.content[1:] if after_break and c.content.startswith(" ") else c.content)
        elif c.type == "html_inline" and c.content == "<br>":
            out.append("\n")
        elif c.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif c.type in ("strong_open", "strong_close"):
            continue
        else:
            out.append(f"<{c.type}>")
        after_break = c.type == "html_inline" and c.content == "<br>"
    return "".join(out)


def parse(text: str) -> Doc:
    doc = Doc()
    tokens = _MD.parse(text)
    i = 0
    heading = -1
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            doc.headings.append((int(tok.tag[1]), inline_text(tokens[i + 1])))
            heading = len(doc.headings) - 1
            i += 3
            continue
        if tok.type == "table_open":
            rows, row = [], None
            while tokens[i].type != "table_close":
                t = tokens[i]
                if t.type == "tr_open":
                    row = []
                elif t.type == "tr_close":
                    rows.append(row)
                elif t.type == "inline":
                    row.append(inline_text(t))
                elif t.type in ("td_open", "th_open") and tokens[i + 1].type != "inline":
                    row.append("")
                i += 1
            doc.tables.append((heading, rows))
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            depth, items, j = 0, [], i
            while True:
                t = tokens[j]
                if t.type.endswith("_list_open"):
                    depth += 1
                elif t.type.endswith("_list_close"):
                    depth -= 1
                    if depth == 0:
                        break
                elif t.type == "inline" and depth == 1:
                    items.append(inline_text(t))
                elif t.type == "inline":
                    items.append("<nested list>")
                j += 1
            doc.lists.append((heading, "bullet" if tok.type.startswith("bullet") else "ordered", items))
            i = j
        elif tok.type == "paragraph_open":
            doc.paragraphs.append((heading, inline_text(tokens[i + 1])))
        elif tok.type == "html_block":
            doc.html_blocks += 1
        i += 1
    return doc
