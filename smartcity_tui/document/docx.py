"""The book as a Word file, through pandoc when one is found: on the PATH, or the one the
optional extra `smartcity-tui[word]` brings (pypandoc_binary). pandoc reads the book's HTML
(html.write_html(for_word=True): column widths, line breaks in cells and captions survive,
which a Markdown pipe table would lose) and styles it by docx_reference.py's reference
document: a title page, a table of contents field, chapters on new pages, bordered tables.
docx_layout.py then puts in what pandoc leaves out of the HTML's print layout: landscape
sections for the wide tables, aligned amounts, rows kept whole, columns their words fit.

Without pandoc, DocumentError("doc.no_pandoc") says what to do instead: open the HTML in
Word and save it as .docx, or install the extra."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..i18n import t
from .docx_layout import lay_out_docx
from .docx_reference import reference_docx
from .errors import DocumentError
from .html import write_html
from .tree import Document

PANDOC_TIMEOUT = 300  # seconds; the 10,000-record plan takes a few


def find_pandoc() -> str | None:
    """The pandoc the Word extra brings, else one on the PATH, else None."""
    try:
        import pypandoc  # the optional extra: imported only when a Word file is asked for

        path = pypandoc.get_pandoc_path()
        if path and Path(path).is_file():
            return str(path)
    except (ImportError, OSError):
        pass
    return shutil.which("pandoc")


def _run(pandoc: str, args: list[str], cwd: Path) -> bytes:
    # no console window flashing up on Windows when the app runs pandoc
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        done = subprocess.run([pandoc, *args], cwd=cwd, capture_output=True, timeout=PANDOC_TIMEOUT,
                              creationflags=flags)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise DocumentError("doc.pandoc_failed", reason=str(e)[:200]) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DocumentError("doc.pandoc_failed", reason=(reason[0] if reason else f"exit {done.returncode}")[:200])
    return done.stdout


def docx_bytes(doc: Document, pandoc: str | None = None) -> bytes:
    """The Word file's bytes. Raises DocumentError when there is no pandoc or it fails."""
    pandoc = pandoc or find_pandoc()
    if pandoc is None:
        raise DocumentError("doc.no_pandoc")
    with tempfile.TemporaryDirectory(prefix="smartcity-docx-") as tmp:
        folder = Path(tmp)
        default_reference = _run(pandoc, ["--print-default-data-file", "reference.docx"], folder)
        (folder / "reference.docx").write_bytes(reference_docx(default_reference, doc.lang))
        html = write_html(doc, for_word=True)
        (folder / "book.html").write_text(html, encoding="utf-8")
        _run(pandoc, ["--from", "html", "--to", "docx", "--toc", "--toc-depth=2",
                      "--metadata", f"toc-title={t('doc.toc', doc.lang)}",
                      "--reference-doc", "reference.docx", "--output", "book.docx", "book.html"], folder)
        # landscape pages, aligned amounts and whole rows, which pandoc leaves out
        return lay_out_docx((folder / "book.docx").read_bytes(), html)
