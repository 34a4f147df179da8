"""Bundles: what travels on the flash drive (docs/bundle-format.md), the book included.

export_bundle writes one (writer.py), read_bundle reads and checks one (reader.py),
render_markdown writes the masterplan book (smartcity_tui/document) as Markdown. No UI here."""

from .errors import BundleError
from .markdown import render_markdown
from .reader import Bundle, read_bundle
from .writer import ExportOptions, ExportResult, bundle_name, export_bundle

__all__ = [
    "Bundle", "BundleError", "ExportOptions", "ExportResult", "bundle_name", "export_bundle",
    "read_bundle", "render_markdown",
]
