"""What a file given as a plan is, when it is not one. At the secretariat the files of one
round sit side by side (plans, the groups' bundles, sheets from Bappeda, the books made
from them), and the wrong one is easily picked: a bundle opened as a plan is not a damaged
plan, and the message must not send the officer looking for backups. Told by shape alone,
without reading the file as what it is (the store does not import bundle or sheets; they
ask `kind_of` in turn about a plan or sheet given as a bundle, a bundle given as a sheet):

- a bundle: a folder holding a `manifest.toml`, or a .zip holding one at its top or in its
  one folder (as the app writes them);
- a sheet: an .xlsx / .ods zip, an old Office (OLE) file, a .csv;
- a document made from a plan: .md, .html, .docx, .pdf;
- a plan: JSON naming the plan format in its first lines;
- a folder: said with the plan files in it, if any.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..i18n import Reason

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
DOCUMENT_SUFFIXES = (".md", ".html", ".htm", ".docx", ".pdf")
MANIFEST = "manifest.toml"
_PLAN_FORMAT = re.compile(rb'"format"\s*:\s*"smartcity-tui plan"')
_LISTED = 3  # plan files named in the message about a folder


class NotAPlan:
    """Why a file is not a plan (`reason`), and what to do with it instead (`hint_key`,
    with its `params`)."""

    def __init__(self, reason: str, hint_key: str, **params: str) -> None:
        self.reason = Reason(reason)
        self.hint_key = hint_key
        self.params = params


def folder(path: Path) -> NotAPlan:
    """A folder given as a plan: a bundle's folder, or one holding plan files (named)."""
    if (path / MANIFEST).is_file():
        return NotAPlan("reason.is_bundle", "store.hint_bundle")
    try:
        plans = sorted(p.name for p in path.glob("*.json") if p.is_file() and ".backup-" not in p.name)
    except OSError:
        plans = []
    if not plans:
        return NotAPlan("reason.is_folder", "store.hint_folder_empty")
    return NotAPlan("reason.is_folder", "store.hint_folder",
                    plans=", ".join(plans[:_LISTED]) + (" ..." if len(plans) > _LISTED else ""),
                    example=str(path / plans[0]))


def file_kind(path: Path, head: bytes) -> NotAPlan | None:
    """A file that did not read as a plan: what it is instead, or None (a damaged plan, or
    something this cannot tell: the caller says it is not a plan)."""
    kind = kind_of(path, head)
    if kind is None or kind == "plan":
        return None
    return NotAPlan(f"reason.is_{kind}", f"store.hint_{kind}")


def kind_of(path: Path, head: bytes) -> str | None:
    """"bundle", "sheet", "document" or "plan" by the file's shape (`head`: its first bytes),
    None when it is none of these. The bundle reader and the sheet reader ask it too, about
    a file they were given that is not theirs."""
    suffix = path.suffix.lower()
    if head.startswith(b"PK"):
        names = _zip_names(path)
        if any(n == MANIFEST or (n.endswith("/" + MANIFEST) and n.count("/") == 1) for n in names):
            return "bundle"
        if any(n.startswith("xl/") for n in names) or ("mimetype" in names and suffix != ".odt"):
            return "sheet"
        if any(n.startswith("word/") for n in names):
            return "document"
        return None
    if head.startswith(OLE_MAGIC) or suffix in SHEET_SUFFIXES:
        return "sheet"
    if suffix in DOCUMENT_SUFFIXES or head.lstrip().lower().startswith((b"<!doctype html", b"<html", b"%pdf")):
        return "document"
    if head.lstrip().startswith(b"{") and _says_plan(path):
        return "plan"
    return None


def _says_plan(path: Path) -> bool:
    """A plan file names its format in its first lines (the `_meta` table comes first)."""
    try:
        with open(path, "rb") as f:
            return _PLAN_FORMAT.search(f.read(4096)) is not None
    except OSError:
        return False


def _zip_names(path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as zf:
            return [n.replace("\\", "/") for n in zf.namelist()]
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        return []
