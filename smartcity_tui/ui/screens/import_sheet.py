"""The import screen (ctrl+o): an Excel or CSV file (an RPJMD programme list, exported sheets
filled in) into the plan, in three steps: choose the file (the folder tree, or a typed
path), see how it was read (the mapping: which sheet holds which records, which column which
field, each changeable with enter) beside the preview (rows new, changed and unchanged per
pillar; any bad row refuses the whole file, with its sheet, row and column), then ctrl+s
imports it as one undo step.

Reading and previewing take seconds on a big file: they run in thread workers on a
read-only copy of the plan file (the live store belongs to the UI thread). The import is a
PlanWrite on the live store; when the plan has not moved on since the preview, the preview's
records are written as they are, else `apply_import` checks the file again against the plan
as it is now (docs/sheets.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Static
from textual.worker import Worker, WorkerState

from ...i18n import t
from ...model.plan import Plan
from ...sheets import (
    Book,
    ImportPreview,
    ImportRefused,
    ImportResult,
    Mapping,
    SheetError,
    apply_import,
    preview_import,
    propose_mapping,
    read_file,
)
from ...sheets.reading import CSV_SUFFIXES, XLSX_SUFFIXES
from ...store import PlanStore
from .. import keys
from ..app import app_of
from ..plan_writes import PlanWrite
from ..widgets.folder_picker import FolderPicker, shown
from ..widgets.import_view import MappingList, column_choices, kind_choices, preview_view
from ..widgets.top_bar import TopBar
from .base import PlanScreen, footer, plan_title
from .picker import ChoicePicker

SHEET_FILES = frozenset(XLSX_SUFFIXES | CSV_SUFFIXES)
NOT_IMPORTED = ""  # the pickers' key for "not imported"


@dataclass
class Checked:
    """What a worker hands back: the book read, its mapping, and the preview on the plan."""

    book: Book
    mapping: Mapping
    preview: ImportPreview


def check_file(plan_path: Path, path: Path, mapping: Mapping | None = None, book: Book | None = None) -> Checked:
    """In a worker: read the file (unless it was read already) and preview it on a read-only
    copy of the plan file. SheetError when it cannot be read at all."""
    book = book or read_file(path)
    mapping = mapping or propose_mapping(book)
    with PlanStore.open(plan_path, readonly=True) as store:
        return Checked(book, mapping, preview_import(store, book, mapping))


class ImportScreen(PlanScreen):
    BINDINGS = keys.prefixed("import.")
    # its rules: import_sheet.tcss, loaded with the app's (ui/styles.py)
    HELP_KEY = "sheetui.help"  # said under the keys on the help screen (F1)

    def __init__(self, *, home: Path | None = None, drives: list[Path] | None = None) -> None:
        super().__init__()
        self.home = home
        self.drives = drives
        self.step = "pick"  # pick -> check -> done
        self.file: Path | None = None
        self.checked: Checked | None = None
        self.working = ""  # what a running worker does ("" when none): said, and keys wait for it
        self.error = ""
        self.applied: ImportResult | None = None
        self._asked = 0  # the newest worker's number: an older result is dropped
        self._version_read = -1  # the plan version the newest preview was computed on
        self._kept_place: Path | None = None

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with ContentSwitcher(initial="import-pick", id="import-steps"):
            with Horizontal(id="import-pick"):
                yield FolderPicker(home=self.home, drives=self.drives, files=SHEET_FILES, id="picker",
                                   path_label=t("sheetui.file"), start=self._kept_place)
                with VerticalScroll(id="import-intro") as intro:
                    intro.border_title = t("sheetui.intro_title")
                    yield Static(t("sheetui.intro"), id="import-intro-text", markup=False)
            with Vertical(id="import-check"):
                yield Static(id="import-file", markup=False)
                with Horizontal(id="import-panes"):
                    yield MappingList(id="import-mapping")
                    with VerticalScroll(id="import-preview-box") as box:
                        box.border_title = t("sheetui.preview_title")
                        yield Static(id="import-preview")
        yield Static(id="import-status", markup=False)
        yield footer()

    def on_mount(self) -> None:
        self.query_one(FolderPicker).tree.focus()

    def show_plan(self, plan: Plan) -> None:
        self.query_one(TopBar).where = t("sheetui.where", plan=plan_title(plan))

    # --- reading ---------------------------------------------------------------------------------

    def on_folder_picker_picked(self, event: FolderPicker.Picked) -> None:
        from textual.widgets import Input

        # enter on a folder opens it in the tree; on a sheet file (or in the path line) reads it
        if isinstance(self.focused, Input) or event.path.suffix.lower() in SHEET_FILES:
            self.read(event.path)

    def action_read(self) -> None:
        path = self.query_one(FolderPicker).path
        if path is not None:
            self.read(path)

    def read(self, path: Path) -> None:
        if self.working:
            return
        try:
            is_file = path.is_file()
        except OSError:
            is_file = False
        if not is_file:
            self._status(t("sheetui.not_a_file", path=shown(path)), error=True)
            return
        self.file, self.checked, self.applied, self.error = path, None, None, ""
        self._start(t("sheetui.reading", file=path.name), path)

    def _start(self, saying: str, path: Path, mapping: Mapping | None = None, book: Book | None = None) -> None:
        app = app_of(self)
        self.working = saying
        self._status(saying)
        self._asked += 1
        self._version_read = app.plan_version
        plan_path = app.open_store.path
        self.refresh_bindings()
        self.run_worker(lambda: check_file(plan_path, path, mapping, book), thread=True, group="import-check",
                        name=str(self._asked), exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "import-check" or worker.name != str(self._asked):
            return
        if event.state == WorkerState.SUCCESS:
            self.working = ""
            assert isinstance(worker.result, Checked)
            self.checked = worker.result
            self.step = "check"
            self._show_checked()
        elif event.state == WorkerState.ERROR:
            self.working = ""
            err = worker.error
            self.error = err.message() if isinstance(err, SheetError) else f"{type(err).__name__}: {err}"
            self._status(self.error, error=True)
        else:
            return
        self.refresh_bindings()

    def _show_checked(self) -> None:
        checked = self.checked
        if checked is None:
            return
        self.query_one("#import-steps", ContentSwitcher).current = "import-check"
        book = checked.book
        self.query_one("#import-file", Static).update(t("sheetui.file_line", file=book.path.name,
                                                        sheets=len(book.sheets), count=len(book.sheets)))
        years = app_of(self).plan.info.years
        mapping = self.query_one(MappingList)
        mapping.show(checked.mapping, years, checked.preview)
        self.query_one("#import-preview", Static).update(preview_view(checked.preview, applied=self.step == "done"))
        self._status("")
        if not isinstance(self.focused, MappingList):
            mapping.focus()

    # --- the officer's corrections ---------------------------------------------------------------

    def change_mapping(self, sheet: str, column: int | None) -> None:
        checked = self.checked
        if checked is None or self.working or self.step != "check":
            return
        m = checked.mapping.for_sheet(sheet)
        if m is None:
            return
        if column is None:
            title = t("sheetui.pick_kind", sheet=sheet)
            choices = [(k, label) for k, label in kind_choices(m)]

            def chose_kind(kind: str | None) -> None:
                if kind is not None and (kind or None) != m.kind:
                    self._recheck(checked.mapping.with_sheet(m.with_kind(kind or None)))

            self.app.push_screen(ChoicePicker(title, choices, current=m.kind or NOT_IMPORTED), chose_kind)
            return
        if m.kind is None:
            return
        col = next(c for c in m.columns if c.index == column)
        title = t("sheetui.pick_column", letter=col.letter, header=col.header or t("sheetui.no_header"))
        choices = column_choices(m.kind, app_of(self).plan.info.years)

        def chose_field(key: str | None) -> None:
            if key is not None and (key or None) != col.key:
                self._recheck(checked.mapping.with_sheet(m.with_column(column, key or None)))

        self.app.push_screen(ChoicePicker(title, choices, current=col.key or NOT_IMPORTED), chose_field)

    def _recheck(self, mapping: Mapping) -> None:
        checked = self.checked
        if checked is None or self.file is None:
            return
        self._start(t("sheetui.checking"), self.file, mapping, checked.book)

    # --- importing -------------------------------------------------------------------------------

    def action_apply(self) -> None:
        checked = self.checked
        if checked is None or self.working or self.step != "check" or not checked.preview.ok:
            return
        app = app_of(self)
        unmoved = app.plan_version == self._version_read
        preview = checked.preview

        def write(store: PlanStore) -> ImportResult | ImportRefused:
            # the preview was made on the plan file as it is now: its records are written as
            # they are; else apply_import checks the file again against the live plan
            ready = replace(preview, plan=store.plan()) if unmoved else preview
            try:
                return apply_import(store, ready)
            except ImportRefused as e:
                return e

        self.post_message(PlanWrite(write, then=self._applied,
                                    failed=lambda _e: self._status(t("sheetui.write_failed"), error=True)))

    def _applied(self, outcome: ImportResult | ImportRefused) -> None:
        checked = self.checked
        if isinstance(outcome, ImportRefused):
            self._status(t("sheetui.apply_refused", n=len(outcome.problems)), error=True)
            if checked is not None:
                self.query_one("#import-preview", Static).update(
                    preview_view(replace(checked.preview, problems=outcome.problems)))
            return
        self.applied = outcome
        self.step = "done"
        self.refresh_bindings()
        if checked is not None:
            self.query_one("#import-preview", Static).update(preview_view(checked.preview, applied=True))
        file = checked.book.path.name if checked is not None else ""
        said = t("sheetui.applied", file=file, new=outcome.added, changed=outcome.updated)
        self._status(said, done=True)
        self.app.notify(said, title=t("sheetui.key.import"), timeout=8)

    # --- what the screen says --------------------------------------------------------------------

    def _status(self, text: str, *, error: bool = False, done: bool = False) -> None:
        line = self.query_one("#import-status", Static)
        line.update(Text(text))
        line.display = bool(text)
        line.set_class(error, "-failed")
        line.set_class(done, "-done")

    # --- keys ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "read":
            return self.step == "pick" and (None if self.working else True)
        if action == "apply":
            if self.step != "check":
                return False
            ok = self.checked is not None and self.checked.preview.ok and not self.working
            return True if ok else None  # shown dimmed while refused or still checking
        return True

    def action_back(self) -> None:
        if self.step == "check" and not self.working:
            self.step = "pick"
            self.query_one("#import-steps", ContentSwitcher).current = "import-pick"
            self._status("")
            self.refresh_bindings()
            # the file is still in the path line: enter there reads it again (fixed in Excel meanwhile)
            self.query_one("#path").focus()
            return
        self.app.pop_screen()

    async def relanguage(self) -> None:
        """The same step, file, mapping and preview, in the language just chosen (F4)."""
        place = self.query_one(FolderPicker).path
        self._kept_place = place.parent if place is not None and place.is_file() else place
        await self.rebuild()
        if place is not None:
            self.query_one(FolderPicker).set_path(place)
        if self.step in ("check", "done") and self.checked is not None:
            self._show_checked()
        if self.step == "done" and self.applied is not None and self.checked is not None:
            self._status(t("sheetui.applied", file=self.checked.book.path.name, new=self.applied.added,
                           changed=self.applied.updated), done=True)
        elif self.error:
            self._status(self.error, error=True)
