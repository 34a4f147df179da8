"""The masterplan book (Buku Masterplan Smart City): one builder, three outputs.

build_document turns a plan into a neutral tree of chapters, sections, paragraphs, lists and
numbered tables (tree.py, build*.py); write_markdown, write_html and write_docx turn that one
tree into Markdown, a self-contained HTML file (print to PDF from any browser; Word and
LibreOffice open it) and a Word file through pandoc. No UI here, and no import of the bundle
layer: the bundle writer calls this package for masterplan.md and masterplan.html."""

from .build import build_document
from .html import write_html
from .markdown import write_markdown
from .tree import Document

__all__ = ["Document", "build_document", "document_bytes", "write_html", "write_markdown"]


def document_bytes(doc: Document, fmt: str) -> bytes:
    """What a file of the book in `fmt` ("md", "html" or "docx") holds, for the command and
    the export screen alike. Word goes through pandoc, whose absence is a DocumentError."""
    if fmt == "docx":
        from .docx import docx_bytes  # (pandoc's wrapper: only when Word is asked for)

        return docx_bytes(doc)
    if fmt == "html":
        return write_html(doc).encode("utf-8")
    return write_markdown(doc).encode("utf-8")
