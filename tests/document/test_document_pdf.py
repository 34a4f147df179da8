"""A real browser prints the book: headless Chromium turns the sample's HTML into a PDF, as an
officer's "Print > Save as PDF" does, and pdftotext finds every chapter heading and every
programme code in it; the cover carries no page number, the pages after it do, and the
roadmap and financing tables sit on landscape pages.

CI has Chromium and poppler-utils (.ci/run installs them when missing); a developer without
them still runs every other test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from smartcity_tui.document import build_document, write_html
from smartcity_tui.document.common import roman
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
PDFTOTEXT, PDFINFO = shutil.which("pdftotext"), shutil.which("pdfinfo")
pytestmark = pytest.mark.skipif(not (CHROMIUM and PDFTOTEXT and PDFINFO),
                                reason="needs chromium and poppler-utils (pdftotext, pdfinfo)")


def print_to_pdf(html: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
            capture_output=True, text=True, timeout=240, env={**os.environ, "LANG": "C.UTF-8"})
    assert pdf.is_file() and pdf.stat().st_size > 50_000, done.stderr[-2000:]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pdf")
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan)
    html = tmp / "rencana-induk.html"
    html.write_text(write_html(doc), encoding="utf-8")
    pdf = tmp / "rencana-induk.pdf"
    print_to_pdf(html, pdf)
    text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    return plan, doc, pdf, text.split("\f")


def test_every_chapter_heading_and_every_programme_code_is_in_the_pdf(printed):
    plan, doc, _, pages = printed
    text = "\n".join(pages)
    for ch in doc.chapters:
        if ch.numbered:
            assert f"BAB {roman(ch.number)}" in text
        assert ch.title.upper() in text, ch.title  # chapter titles print in capitals
    for p in plan.programmes:
        assert p.code in text, p.code
    cover = " ".join(pages[0].split())
    assert "RENCANA INDUK (MASTERPLAN) SMART CITY" in cover and "Draf hasil Bimtek Tahap III" in cover


def test_cover_has_no_page_number_and_the_other_pages_do(printed):
    _, _, _, pages = printed
    pages = [p for p in pages if p.strip()]
    assert len(pages) > 30
    assert "Halaman" not in pages[0]
    assert re.search(r"Halaman 2\b", pages[1])
    assert sum(1 for p in pages if re.search(r"Halaman \d+", p)) == len(pages) - 1


def test_wide_tables_are_on_landscape_pages(printed):
    _, _, pdf, pages = printed
    info = subprocess.run([PDFINFO, "-f", "1", "-l", str(len(pages)), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    sizes = {int(n): (float(w), float(h)) for n, w, h in
             re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)}
    roadmap = next(i for i, p in enumerate(pages, 1) if "Peta Jalan Program Smart City" in p)
    finance = next(i for i, p in enumerate(pages, 1) if "Indikasi Anggaran per Program dan Tahun" in p)
    first = next(i for i, p in enumerate(pages, 1) if "PENDAHULUAN" in p)
    for page in (roadmap, finance):
        width, height = sizes[page]
        assert width > height, f"page {page} is {width}x{height}"
    width, height = sizes[first]
    assert round(width) == 595 and round(height) == 842  # A4 portrait, in points
