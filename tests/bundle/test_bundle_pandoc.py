"""A secretariat may turn the Markdown book into Word with pandoc itself. Where
pandoc is installed, the draft converts without a warning, into a .docx with the same
headings and tables markdown-it sees, and user text full of Markdown lands in Word as typed.
The test extras bring a pandoc (pypandoc_binary: no dependency of the app, which only writes
Markdown); elsewhere the one on the PATH, and the test is skipped where there is none."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bundle_helpers import make_plan
from md_parse import parse

from smartcity_tui.bundle import render_markdown
from smartcity_tui.store import PlanStore


def _pandoc() -> str | None:
    """The pandoc that the test extras bring (pypandoc_binary), else one on the PATH."""
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return shutil.which("pandoc")


PANDOC = _pandoc()
pytestmark = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
NAME = "Pasar | Rakyat *Digital* # 1 <b>"


def pandoc(*args: str, stdin: str | None = None) -> str:
    done = subprocess.run([PANDOC, "--fail-if-warnings", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout


def blocks(ast: dict, kind: str) -> list:
    found = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("t") == kind:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(ast["blocks"])
    return found


def text_of(node) -> str:
    """The words of a pandoc AST node, as a reader of the Word file sees them."""
    if isinstance(node, dict):
        kind = node.get("t")
        if kind == "Str":
            return node["c"]
        if kind in ("Space", "SoftBreak", "LineBreak"):
            return " "
        return text_of(node.get("c", []))
    if isinstance(node, list):
        return "".join(text_of(n) for n in node)
    return ""


def to_word_and_back(markdown: str, tmp_path: Path) -> dict:
    source = tmp_path / "rencana-induk.md"
    source.write_text(markdown, encoding="utf-8")
    docx = tmp_path / "rencana-induk.docx"
    pandoc(str(source), "-o", str(docx))
    assert docx.stat().st_size > 5_000
    return json.loads(pandoc(str(docx), "-t", "json"))


def test_the_sample_masterplan_becomes_a_word_file_with_every_table(tmp_path):
    with PlanStore.open(SAMPLE, readonly=True) as store:
        markdown = render_markdown(store.plan())
    doc = parse(markdown)
    word = to_word_and_back(markdown, tmp_path)
    assert len(blocks(word, "Table")) == len(doc.tables)
    # (a heading's italic term, "Program Percepatan (*Quick Win*)", is the same words in Word)
    assert [text_of(h["c"][2]) for h in blocks(word, "Header")] == [
        title.replace("<em_open>", "").replace("<em_close>", "") for _, title in doc.headings]


def test_user_text_full_of_markdown_reaches_word_as_typed(tmp_path):
    with make_plan(tmp_path / "plan.json", name=NAME) as store:
        markdown = render_markdown(store.plan())
    word = to_word_and_back(markdown, tmp_path)
    cells = [text_of(table) for table in blocks(word, "Table")]
    assert any(NAME in cell for cell in cells), "the programme name, as typed, in a table"
    assert not blocks(word, "RawInline")
    # the book's own notes and sources are in italics; nothing the officers typed is
    styled = [text_of(node) for kind in ("Emph", "Strong", "Code", "Link") for node in blocks(word, kind)]
    assert styled and not any("Digital" in text or "Rakyat" in text for text in styled)
