"""The HTML book, read back by an HTML parser: every chapter, every programme's description,
every table with its number and caption; user text escaped (a SWOT item
<script>alert(1)</script> shows as text); nothing that loads from the network or runs."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smartcity_tui.document import build_document, write_html
from smartcity_tui.model.records import Programme, SwotItem
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
SCRIPT = "<script>alert(1)</script>"
CHAPTERS = ["BAB I Pendahuluan", "BAB II Gambaran Umum dan Kesiapan Daerah", "BAB III Analisis Strategis",
            "BAB IV Rencana Pengembangan Smart City", "BAB V Rencana Aksi dan Peta Jalan",
            "BAB VI Indikasi Pembiayaan", "BAB VII Kelembagaan", "BAB VIII Penutup"]


class Page(HTMLParser):
    """Elements with their attributes, the text of each heading, table and caption, and all
    text, as a browser would build them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.open: list[str] = []
        self.captures: dict[str, list[str]] = {}
        self.current: list[tuple[str, list[str]]] = []
        self.text: list[str] = []
        self.style = ""

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "h4", "caption", "table", "style", "title"):
            self.current.append((tag, []))

    def handle_endtag(self, tag):
        if self.current and self.current[-1][0] == tag:
            name, parts = self.current.pop()
            text = " ".join("".join(parts).split())
            if name == "style":
                self.style += "".join(parts)
            self.captures.setdefault(name, []).append(text)
            for _, outer in self.current:
                outer.append(" ".join(parts))

    def handle_data(self, data):
        self.text.append(data)
        if self.current:
            self.current[-1][1].append(data)

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def sample():
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan)
        return plan, doc, read(write_html(doc))


def test_cover_contents_and_every_chapter_in_order(sample):
    plan, doc, page = sample
    h1 = page.captures["h1"]
    assert h1[0] == "Daftar Isi" and h1[1] == "Data Pokok"
    assert h1[2:] == CHAPTERS
    assert page.captures["title"] == ["Rencana Induk Smart City Kabupaten Wonosari Raya Tahun 2025\u20132029"]
    cover = "".join(page.text)
    for line in ("Rencana Induk (Masterplan) Smart City", "Kabupaten Wonosari Raya", "Provinsi Jawa Tengah",
                 "Tahun 2025\u20132029", "Draf hasil Bimtek Tahap III"):
        assert line in cover
    links = [a["href"] for tag, a in page.elements if tag == "a"]
    anchors = {a["id"] for tag, a in page.elements if "id" in a}
    assert links and all(href.startswith("#") and href[1:] in anchors for href in links)


def test_every_programme_description_and_every_table_with_its_number(sample):
    plan, doc, page = sample
    shown = " ".join("".join(page.text).split())
    for p in plan.programmes:
        assert " ".join(p.description.split()) in shown, p.code
    tables = list(doc.tables())
    assert len(page.captures["table"]) == len(tables) > 60
    assert page.captures["caption"] == [f"Tabel {t.number} {t.caption}" for t in tables]
    assert all(re.fullmatch(r"Tabel \d\.\d+ .+", c) for c in page.captures["caption"])
    heads = sum(1 for tag, _ in page.elements if tag == "thead")
    assert heads == len(tables)  # a header row a browser repeats on every printed page
    total = f"Rp {sum(p.total_budget for p in plan.programmes):,}".replace(",", ".")
    assert f"Total indikasi anggaran: {total}" in shown


def test_the_file_is_self_contained_and_runs_nothing(sample):
    _, _, page = sample
    assert page.tags() <= {"html", "head", "meta", "title", "style", "body", "section", "nav", "h1", "h2", "h3",
                           "h4", "h5", "h6", "p", "span", "ul", "ol", "li", "a", "div", "table", "caption",
                           "colgroup", "col", "thead", "tbody", "tr", "th", "td", "em", "strong", "br"}
    for _, attrs in page.elements:
        assert not any(name.startswith("on") or name in ("src", "srcset", "action") for name in attrs)
        assert all("//" not in (value or "") for name, value in attrs.items() if name != "content")
    assert page.style and "url(" not in page.style and "@import" not in page.style


def test_user_text_is_escaped_wherever_it_is_printed(tmp_path, tmp_plan):
    nasty_region = 'Contoh"</style><script>alert(2)</script>'
    with PlanStore.open(tmp_plan, durable=False) as store:
        store.set_info(region=nasty_region, draft_round="<b>Draf</b> & revisi")
        store.add(SwotItem(pillar="living", quadrant="W", text=SCRIPT))
        store.add(Programme(code="4.001", name='<img src="http://x/y.png" onerror="alert(3)">', pillar="living",
                            description="Tautan <a href='http://x'>di sini</a>", start_year=2025, end_year=2026))
        html = write_html(build_document(store.plan()))
    page = read(html)
    assert page.tags().isdisjoint({"script", "img", "b", "link", "iframe", "object"})
    shown = "".join(page.text)
    for typed in (SCRIPT, '<img src="http://x/y.png" onerror="alert(3)">', "Tautan <a href='http://x'>di sini</a>",
                  "<b>Draf</b> & revisi", nasty_region):
        assert typed in shown
    # the region in the running head is a CSS string that cannot close the <style> element
    assert "</style" not in page.style and "\\3c /style\\3e \\3c script\\3e" in page.style


def test_english_book_on_request(sample):
    plan, _, _ = sample
    page = read(write_html(build_document(plan, lang="en")))
    assert page.captures["h1"][:4] == ["Contents", "Key Facts", "CHAPTER I Introduction",
                                      "CHAPTER II Overview and Readiness of the Region"]
    assert page.elements[0] == ("html", {"lang": "en"})
