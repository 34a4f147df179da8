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
from smartcity_tui.model.plan import Plan
from smartcity_tui.model.records import PlanInfo, Programme
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
PDFTOTEXT, PDFINFO = shutil.which("pdftotext"), shutil.which("pdfinfo")
pytestmark = pytest.mark.skipif(not (CHROMIUM and PDFTOTEXT and PDFINFO),
                                reason="needs chromium and poppler-utils (pdftotext, pdfinfo)")


def print_to_pdf(html: Path, pdf: Path, *, browser_header_footer: bool = False, min_size: int = 50_000) -> None:
    """`browser_header_footer`: print as Chrome's dialog does by default, with the browser's
    date, title, URL and page count in the margins."""
    header_footer = [] if browser_header_footer else ["--no-pdf-header-footer"]
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *header_footer, f"--print-to-pdf={pdf}", html.as_uri()],
            capture_output=True, text=True, timeout=240, env={**os.environ, "LANG": "C.UTF-8"})
    assert pdf.is_file() and pdf.stat().st_size > min_size, done.stderr[-2000:]


def pdf_pages(pdf: Path, *crop: str) -> list[str]:
    text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", "-layout", *crop, str(pdf), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    return text.split("\f")


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


def test_the_cover_printed_with_the_browsers_headers_and_footers_shows_none_of_them(tmp_path):
    """Chrome and Edge tick "Headers and footers" by default; they print them in the page
    margin, which the cover does not have."""
    with PlanStore.open(SAMPLE, readonly=True) as store:
        doc = build_document(store.plan())
    html = tmp_path / "rencana-induk.html"
    html.write_text(write_html(doc), encoding="utf-8")
    pdf = tmp_path / "default-print.pdf"
    print_to_pdf(html, pdf, browser_header_footer=True)
    pages = pdf_pages(pdf)
    cover = " ".join(pages[0].split())
    assert "RENCANA INDUK (MASTERPLAN) SMART CITY" in cover and "PEMERINTAH KABUPATEN WONOSARI RAYA" in cover
    assert "file://" not in cover and "rencana-induk.html" not in cover
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b1/\d+\b", cover)  # no date, no "1/68"


def test_a_90_letter_word_wraps_in_its_cell_and_the_total_column_stays_on_the_page(tmp_path):
    word = "Superpanjang" * 7 + "x" * 6  # 90 letters, no space
    assert len(word) == 90
    info = PlanInfo(region="Contoh", start_year=2025, end_year=2029)
    progs = [Programme(code="GOV-01", name=f"Program {word} Daerah", pillar="governance", lead_agency="Diskominfo",
                       priority="high", budget_by_source={"apbd": {2025: 1_250_000_001}}),
             Programme(code="GOV-02", name="Layanan", pillar="governance", lead_agency="Bappeda",
                       budget_by_source={"apbd": {2026: 1_000_020_295}})]
    doc = build_document(Plan(info, {p.id: p for p in progs}))
    html = tmp_path / "panjang.html"
    html.write_text(write_html(doc), encoding="utf-8")
    pdf = tmp_path / "panjang.pdf"
    print_to_pdf(html, pdf, min_size=10_000)
    # only what is on the A4 portrait page: text pushed past its edge is in the file, not on paper
    pages = pdf_pages(pdf, "-x", "0", "-y", "0", "-W", "595", "-H", "842")
    page = next(p for p in pages if "Matriks Program Smart Governance" in p)
    assert "Prioritas" in page and "Indikasi Anggaran" in page
    assert "Rp 1.250.000.001" in page and "Rp 2.250.020.296" in page  # the row and the Jumlah total
