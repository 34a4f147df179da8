"""Read the Markdown writer's output back with markdown-it-py (CommonMark + GFM tables) and
say what a reader sees: headings, emphasised and bold words, lists, and how many links,
images, code spans and raw HTML pieces there are (the book makes none of its own)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark").enable("table")


@dataclass
class Seen:
    headings: list[str] = field(default_factory=list)
    emphasis: list[str] = field(default_factory=list)
    strong: list[str] = field(default_factory=list)
    lists: list[tuple[str, list[str]]] = field(default_factory=list)
    html: int = 0
    links: int = 0
    images: int = 0
    code: int = 0
    texts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def words(self) -> str:
        return "".join(self.text.split())


def _inline(children, seen: Seen) -> str:
    out, em, strong = [], None, None
    for c in children:
        if c.type == "text":
            out.append(c.content)
            seen.texts.append(c.content)
            if em is not None:
                em.append(c.content)
            if strong is not None:
                strong.append(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            out.append(" ")
            seen.texts.append(" ")
        elif c.type == "em_open":
            em = []
        elif c.type == "em_close":
            seen.emphasis.append("".join(em or []))
            em = None
        elif c.type == "strong_open":
            strong = []
        elif c.type == "strong_close":
            seen.strong.append("".join(strong or []))
            strong = None
        elif c.type == "html_inline":
            seen.html += 1
        elif c.type in ("link_open",):
            seen.links += 1
        elif c.type == "image":
            seen.images += 1
        elif c.type == "code_inline":
            seen.code += 1
            seen.texts.append(c.content)
    return "".join(out)


def parse_md(text: str) -> Seen:
    seen = Seen()
    stack: list[tuple[str, list[str]]] = []
    item_depth: list[int] = []
    tokens = _MD.parse(text)
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            entry = ("bullet" if tok.type.startswith("bullet") else "ordered", [])
            seen.lists.append(entry)
            stack.append(entry)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            stack.pop()
        elif tok.type == "list_item_open":
            item_depth.append(len(stack))
            stack[-1][1].append("")
        elif tok.type == "list_item_close":
            item_depth.pop()
        elif tok.type == "heading_open":
            seen.headings.append(tokens[i + 1].content)
        elif tok.type in ("html_block",):
            seen.html += 1
        elif tok.type in ("code_block", "fence"):
            seen.code += 1
        elif tok.type == "inline":
            words = _inline(tok.children or [], seen)
            if stack and item_depth and item_depth[-1] == len(stack):
                items = stack[-1][1]
                items[-1] = (items[-1] + " " + words).strip()
    return seen
