"""What the export screen writes, each in its worker on a read-only copy of the plan file (the
live store is the UI thread's): the bundle for the merge, the masterplan book alone (HTML,
Word, Markdown) and the plan's sheets (one .xlsx, or a folder of CSV files). Each returns
what to tell the officer, or raises an error that carries its message in the officer's
language. Names never replace an earlier file: `name-2.html` when `name.html` is there.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...bundle import BundleError, ExportOptions, export_bundle
from ...bundle.naming import ascii_slug, free_target
from ...bundle.safe_write import advice_for
from ...commands.export import counts_line
from ...document import build_document, document_bytes, write_html
from ...document.docx import find_pandoc
from ...document.errors import DocumentError
from ...i18n import Reason, os_reason, t
from ...store import PlanStore
from ...store.atomic import atomic_write_bytes
from ...store.teams import known_teams
from ..widgets.folder_picker import shown

# What the screen offers, in its order: the bundle first (what a workshop exchanges)
KINDS = ("bundle", "html", "docx", "md", "xlsx", "csv")
BOOK_KINDS = ("html", "docx", "md")

Progress = Callable[[int, int, str], None]
Clock = Callable[[], _dt.datetime]


def _nothing() -> str:
    return ""


@dataclass
class Written:
    """Where it went, and what to say about it: said again in the other language after F4,
    so they are asked for, not kept as text."""

    path: Path
    lines: Callable[[], list[str]]
    warning: Callable[[], str] = _nothing  # beside a success (no pandoc: the HTML was written instead)


class ExportFailed(Exception):
    """A file could not be written; `message` says why, in the officer's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# what to do about a bundle not written whole, by why (i18n reason keys; others: the "other")
def failure(error: Exception, kind: str) -> Callable[[], str]:
    """What the screen says of a failed export, asked for again after F4 as a result is. A
    bundle not written whole is said here rather than in the writer's words, which end with
    one piece of advice for every cause and say the half-written bundle is gone, as the
    screen's own last line does too."""
    def message() -> str:
        if isinstance(error, BundleError) and error.key == "write_failed":
            reason = error.params.get("reason")
            target = Path(str(error.params.get("file") or ""))
            advice = error.params.get("advice")  # (the writer's, by the cause: safe_write.advice_for)
            # (the folder is on the path line above: its name alone keeps the text short)
            return " ".join((t("exchange.export.not_written", name=target.name, reason=reason or ""),
                             advice.text() if isinstance(advice, Reason) else ""))
        if isinstance(error, ExportFailed):
            return error.message
        if isinstance(error, OSError):
            return error.strerror or str(error)
        said = getattr(error, "message", None)  # BundleError, StoreError, SheetError: in the language now
        return said() if callable(said) else f"{type(error).__name__}: {error}"  # a bug: said, not hidden

    return lambda: t("exchange.export.failed" if kind == "bundle" else "exchange.export.failed_file",
                     message=message())


def has_pandoc() -> bool:
    return find_pandoc() is not None


def _name(plan_region: str, what: str, when: _dt.datetime) -> str:
    """'rencana-induk_wonosari-raya_2026-11-22_1430', 'lembar_wonosari-raya_...'."""
    return f"{what}_{ascii_slug(plan_region, 'rencana')}_{when:%Y-%m-%d_%H%M}"


def run_bundle(plan_path: Path, out_dir: Path, lang: str, zipped: bool, progress: Progress,
               clock: Clock) -> Written:
    with PlanStore.open(plan_path, readonly=True) as store:
        result = export_bundle(store, ExportOptions(out_dir=out_dir, zip=zipped, lang=lang), progress=progress,
                               clock=clock)
    return Written(result.path, lambda: [t("exchange.export.done", folder=shown(result.path.parent)),
                                         result.path.name, counts_line(result.counts, deleted=result.deleted)])


def run_book(plan_path: Path, out_dir: Path, lang: str, fmt: str, progress: Progress, clock: Clock) -> Written:
    """The book alone. Word needs pandoc; without it the HTML is written and the screen says
    how Word makes the .docx of it (the message document/ gives the command line, in the
    app's words)."""
    if not out_dir.is_dir():
        raise ExportFailed(t("bundle.out_missing", path=str(out_dir)))
    progress(0, 3, "read")
    with PlanStore.open(plan_path, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan, lang=lang, conflicts=store.conflicts(), teams=known_teams(store),
                             parents=store.orphan_parents())
    progress(1, 3, "build")
    no_pandoc = False
    suffix = f".{fmt}"
    try:
        data = document_bytes(doc, fmt)
    except DocumentError as e:
        if e.key != "doc.no_pandoc":
            raise ExportFailed(e.message()) from None
        data, suffix = write_html(doc).encode("utf-8"), ".html"
        no_pandoc = True
    progress(2, 3, "write")
    target = free_target(out_dir, _name(plan.info.region, "rencana-induk", clock()), suffix)
    try:
        atomic_write_bytes(target, data)
    except OSError as e:
        reason = os_reason(e)
        raise ExportFailed(t("doc.write_failed", path=shown(target), reason=reason,
                             advice=advice_for(reason, "write.advice"))) from None
    progress(3, 3, "done")
    # the folder, then the file's name on a line of its own (as a bundle's): at 80x24 a path
    # on one line broke in the middle of the name
    return Written(target, lambda: [t("sheetui.export.book_done", folder=shown(target.parent)), target.name],
                   lambda: t("sheetui.export.no_pandoc") if no_pandoc else "")


def run_sheets(plan_path: Path, out_dir: Path, lang: str, fmt: str, progress: Progress, clock: Clock) -> Written:
    """Every table of the plan: one .xlsx, or a new folder of CSV files (SheetError raised
    by the writer carries its own message)."""
    from ...sheets import export_sheets

    if not out_dir.is_dir():
        raise ExportFailed(t("bundle.out_missing", path=str(out_dir)))
    progress(0, 2, "read")
    with PlanStore.open(plan_path, readonly=True) as store:
        plan = store.plan()
    name = _name(plan.info.region, "lembar", clock())
    target = free_target(out_dir, name, ".xlsx" if fmt == "xlsx" else "")
    result = export_sheets(plan, target, lang)
    progress(2, 2, "done")
    def lines() -> list[str]:
        rows = ", ".join(t("sheetui.export.sheet_rows", sheet=sheet, n=n) for sheet, n in result.rows.items())
        return [t("sheetui.export.sheets_done", folder=shown(result.path.parent)), result.path.name, rows]

    return Written(result.path, lines)
