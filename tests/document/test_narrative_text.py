"""What an officer types in a narrative section: emphasis, bold and lists become the book's
own, in Markdown and in HTML alike; everything else (a heading, a link, an image, code, raw
HTML, a script) is printed as the characters typed, so no narrative can change the book's
structure, fetch anything or run anything."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings, strategies as st
from tiers import examples

from md_parse_doc import parse_md
from smartcity_tui.document.html import _block as html_block
from smartcity_tui.document.markdown import _block as md_block
from smartcity_tui.document.narrative import blocks
from smartcity_tui.document.tree import BREAK, ListBlock, Paragraph, Span


def html_of(text: str) -> str:
    out: list[str] = []
    for b in blocks(text):
        html_block(b, out.append, "id", False)
    return "".join(out)


def md_of(text: str) -> str:
    return "\n\n".join(md_block(b, "id") for b in blocks(text))


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def tags_and_text(html: str) -> tuple[set[str], str]:
    p = Tags()
    p.feed(html)
    return set(p.tags), "".join(p.text)


def test_emphasis_bold_and_lists_become_the_books_own():
    text = "Wonosari *berbenah* dan **bergerak**.\nBaris kedua.\n\n- satu\n- dua *x*\n  - anak\n\n3. tiga\n4. empat"
    found = blocks(text)
    assert found[0] == Paragraph((Span("Wonosari "), Span("berbenah", em=True), Span(" dan "),
                                  Span("bergerak", strong=True), Span("."), BREAK, Span("Baris kedua.")))
    bullets, numbered = found[1], found[2]
    assert isinstance(bullets, ListBlock) and not bullets.ordered and len(bullets.items) == 2
    assert isinstance(bullets.items[1][1], ListBlock)  # the nested list stays in its item
    assert numbered.ordered and numbered.start == 3
    tags, _ = tags_and_text(html_of(text))
    assert tags == {"p", "em", "strong", "br", "ul", "ol", "li"}
    assert '<ol start="3">' in html_of(text)
    md = parse_md(md_of(text))
    assert md.emphasis == ["berbenah", "x"] and md.strong == ["bergerak"]
    assert md.lists == [("bullet", ["satu", "dua x"]), ("bullet", ["anak"]), ("ordered", ["tiga", "empat"])]


def test_headings_links_images_code_and_raw_html_print_as_typed():
    text = ("# Bukan judul\n\n<script>alert(1)</script> <b>tebal?</b> [tautan](http://contoh.id) "
            "![gambar](http://contoh.id/a.png) `kode` <http://contoh.id> &amp;\n\n    menjorok\n\n> kutipan\n\n---")
    tags, shown = tags_and_text(html_of(text))
    assert tags == {"p"}  # no heading, script, b, a, img, code, pre, blockquote, hr
    for typed in ("# Bukan judul", "<script>alert(1)</script>", "<b>tebal?</b>", "[tautan](http://contoh.id)",
                  "![gambar](http://contoh.id/a.png)", "`kode`", "<http://contoh.id>", "&amp;", "> kutipan", "---"):
        assert typed in shown
    md = parse_md(md_of(text))
    assert md.headings == [] and md.html == 0 and md.links == 0 and md.images == 0 and md.code == 0
    assert "<script>alert(1)</script>" in md.text and "# Bukan judul" in md.text


@settings(max_examples=examples(150), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_#<>-1.\n[]()!`\\&|")), max_size=40))
def test_any_narrative_keeps_its_words_and_never_becomes_other_markup(text):
    """Whatever is typed: the HTML holds only the allowed elements, and the Markdown, read
    back by a CommonMark parser, shows the same words as the HTML with no heading, link,
    image, code or raw HTML."""
    tags, shown_html = tags_and_text(html_of(text))
    assert tags <= {"p", "em", "strong", "br", "ul", "ol", "li"}
    md = parse_md(md_of(text))
    assert md.headings == [] and md.html == 0 and md.links == 0 and md.images == 0 and md.code == 0
    assert md.words() == "".join(shown_html.split())
