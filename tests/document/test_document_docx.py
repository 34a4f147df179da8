"""The book as a Word file through pandoc (the test extras bring one, pypandoc_binary): Word's
own reader (python-docx) opens it and finds the title page, a table-of-contents field, every
chapter as a Heading 1 (each on a new page), every table bordered, A4 pages numbered in the
footer. Without pandoc, the command says exactly what to do instead."""

from __future__ import annotations

import re
import sys
import zipfile

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.cli import main
from smartcity_tui.document import build_document
from smartcity_tui.document import docx as docx_module
from smartcity_tui.document.docx_reference import reference_docx
from smartcity_tui.store import PlanStore

docx = pytest.importorskip("docx", reason="python-docx comes with the test extras")
PANDOC = docx_module.find_pandoc()
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
CHAPTERS = ["BAB I Pendahuluan", "BAB II Gambaran Umum dan Kesiapan Daerah", "BAB III Analisis Strategis",
            "BAB IV Rencana Pengembangan Smart City", "BAB V Rencana Aksi dan Peta Jalan",
            "BAB VI Indikasi Pembiayaan", "BAB VII Kelembagaan", "BAB VIII Penutup"]


@pytest.fixture(scope="module")
def word(tmp_path_factory):
    assert PANDOC is not None, "every test using this fixture is marked needs_pandoc"
    target = tmp_path_factory.mktemp("docx") / "rencana-induk.docx"
    assert main(["render", str(SAMPLE), "--format", "docx", "--out", str(target)]) == 0
    with PlanStore.open(SAMPLE, readonly=True) as store:
        doc = build_document(store.plan())
    return doc, target, docx.Document(str(target))


@needs_pandoc
def test_word_opens_the_book_with_its_title_page_and_every_chapter(word):
    doc, _, book = word
    styles = [(p.style.name, p.text) for p in book.paragraphs]
    assert styles[0] == ("Title", doc.title)
    assert styles[1] == ("Subtitle", "Provinsi Jawa Tengah \u00b7 Draf hasil Bimtek Tahap III")
    assert [text for style, text in styles if style == "Heading 1"] == ["Data Pokok", *CHAPTERS]
    heading = book.styles["Heading 1"]
    assert heading.paragraph_format.page_break_before and heading.font.all_caps


@needs_pandoc
def test_every_table_is_there_bordered_with_its_header_row(word):
    doc, target, book = word
    tables = list(doc.tables())
    assert len(book.tables) == len(tables)
    assert [c.text for c in book.tables[0].rows[0].cells] == ["Topik", "Penilaian", "Uraian", "Kesenjangan"]
    with zipfile.ZipFile(target) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
    table_style = styles[styles.index('w:styleId="Table"'):]
    assert re.search(r'<w:insideH [^>]*w:val="single"', table_style[:table_style.index("</w:style>")])
    assert body.count("<w:tblHeader") >= len(tables)  # the header row repeats on each page
    assert "Tabel 4.1 Matriks Program Smart Governance" in body


@needs_pandoc
def test_a4_pages_a_contents_field_and_page_numbers(word):
    _, target, book = word
    section = book.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.different_first_page_header_footer  # no number on the title page
    footer = section.footer._element.xml
    assert "PAGE" in footer
    with zipfile.ZipFile(target) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert 'TOC \\o "1-2"' in body.replace("&quot;", '"') and "Daftar Isi" in body


def test_without_pandoc_the_command_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(docx_module, "find_pandoc", lambda: None)
    target = tmp_path / "rencana-induk.docx"
    code, out, err = run(capsys, "render", SAMPLE, "--format", "docx", "--out", target)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "--format html" in err and "Word" in err and 'pip install "smartcity-tui[word]"' in err
    assert not target.exists()
    code, _, err = run(capsys, "render", SAMPLE, "--format", "docx", "--out", target, "--lang", "en")
    assert code == 2 and "Save As" in err and not target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in pandoc is a shell script")
def test_a_failing_pandoc_is_one_line_and_writes_nothing(tmp_path, capsys, monkeypatch):
    fake = tmp_path / "pandoc"
    fake.write_text("#!/bin/sh\necho 'pandoc: out of memory' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(docx_module, "find_pandoc", lambda: str(fake))
    target = tmp_path / "rencana-induk.docx"
    code, out, err = run(capsys, "render", SAMPLE, "--format", "docx", "--out", target)
    assert code == 2 and err.count("\n") == 1 and "pandoc: out of memory" in err and not target.exists()


@needs_pandoc
def test_the_reference_document_is_built_from_pandocs_own(tmp_path):
    default = docx_module._run(PANDOC, ["--print-default-data-file", "reference.docx"], tmp_path)
    ref = tmp_path / "reference.docx"
    ref.write_bytes(reference_docx(default, "id"))
    assert reference_docx(default, "id") == ref.read_bytes()  # reproducible, byte for byte
    opened = docx.Document(str(ref))
    assert round(opened.sections[0].page_width.mm) == 210
    assert opened.styles["Normal"].element.xml  # Word can read every style
    with zipfile.ZipFile(ref) as z:
        assert 'w:val="id-ID"' in z.read("word/styles.xml").decode("utf-8")
        assert "word/footer1.xml" in z.namelist()
