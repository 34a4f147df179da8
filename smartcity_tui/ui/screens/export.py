"""The export screen (key x): where it goes (a flash disk, a folder, a typed path), what is
written (the bundle for the merge; the masterplan book alone as HTML, Word or Markdown; the
plan's sheets as one .xlsx or a folder of CSV files), in which language, and for a bundle
whether it is one .zip; then ctrl+s.

Harlequin style, the screen only gathers the choices and hands them to the writers
(export_jobs.py); it never writes a file itself. The export runs in a thread worker with a
progress bar. That worker does not touch the app's live store (the officer may go on
editing meanwhile, and the store is not thread-safe): it opens the same plan file read-only
and exports from that. Every edit is on disk before the screen shows it as saved, so the
file is the plan as the officer sees it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, ProgressBar, Select, Static

from ...bundle import ExportOptions
from ...i18n import LANGUAGES, get_language, t
from ...model.plan import Plan
from .. import keys
from ..app import app_of
from ..widgets.folder_picker import FolderPicker, shown
from ..widgets.ticks import Checkbox
from ..widgets.top_bar import TopBar
from .base import PlanScreen, footer, plan_title
from .export_jobs import BOOK_KINDS, KINDS, Written, failure, has_pandoc, run_book, run_bundle, run_sheets


class ExportScreen(PlanScreen):
    BINDINGS = keys.prefixed("export.")
    # its rules: export.tcss, loaded with the app's (ui/styles.py)

    def __init__(self, *, home: Path | None = None, drives: list[Path] | None = None) -> None:
        super().__init__()
        self.home = home
        self.drives = drives
        self.running = False
        self.result: Written | None = None
        self.error: Callable[[], str] | None = None  # what a failed export says, in the language now
        self.pandoc = has_pandoc()  # asked once: Word is offered as "needs pandoc" without it
        self._kept_place: Path | None = None  # the chosen folder, kept across a rebuild

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with Horizontal(id="export-body"):
            yield FolderPicker(home=self.home, drives=self.drives, id="picker",
                               path_label=t("exchange.export.target"), start=self._kept_place)
            with Vertical(id="export-options") as box:
                box.border_title = t("exchange.export.options")
                yield Label(t("sheetui.export.what"))
                kinds = [(t(f"sheetui.export.kind.{k}"), k) for k in KINDS]
                if not self.pandoc:
                    kinds[KINDS.index("docx")] = (t("sheetui.export.kind.docx_no_pandoc"), "docx")
                yield Select(kinds, value="bundle", allow_blank=False, compact=True, id="export-kind")
                yield Label(t("exchange.export.language"))
                lang = get_language()
                yield Select([(language.name, code) for code, language in LANGUAGES.items()],
                             value=lang if lang in LANGUAGES else "id", allow_blank=False,
                             compact=True, id="export-lang")
                yield Checkbox(t("exchange.export.zip"), value=False, compact=True, id="export-zip")
                yield Button(t("exchange.export.button"), id="export-run", variant="primary", compact=True)
                yield Static(self._hint("bundle"), id="export-hint", markup=False)
        with Vertical(id="export-status"):
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static(t("exchange.export.intro"), id="export-result", markup=False)
            yield Static(id="export-team", markup=False)
        yield footer()

    def on_mount(self) -> None:
        self.query_one(FolderPicker).tree.focus()
        self.sync()

    def show_plan(self, plan: Plan) -> None:
        self.query_one(TopBar).where = t("exchange.export.where", plan=plan_title(plan))
        # a merged plan handed back out still carries the secretariat's name: say whose it is
        team = app_of(self).open_store.team or t("exchange.merge.no_team")
        self.query_one("#export-team", Static).update(t("exchange.export.team", team=team))

    # --- options -> export -------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return str(self.query_one("#export-kind", Select).value)

    def _hint(self, kind: str) -> str:
        if kind == "bundle":
            return t("exchange.export.hint")
        if kind == "docx" and not self.pandoc:
            return t("sheetui.export.hint.docx_no_pandoc")
        return t(f"sheetui.export.hint.{'book' if kind in BOOK_KINDS else kind}")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "export-kind":
            kind = str(event.value)
            self.query_one("#export-zip", Checkbox).display = kind == "bundle"  # a .zip is a bundle's only
            self.query_one("#export-hint", Static).update(self._hint(kind))

    def options(self) -> ExportOptions | None:
        target = self.query_one(FolderPicker).path
        if target is None:
            self._say(t("exchange.export.no_target"), failed=True)
            return None
        return ExportOptions(out_dir=target, zip=self.query_one("#export-zip", Checkbox).value,
                             lang=str(self.query_one("#export-lang", Select).value))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run":
            return None if self.running else True  # shown dimmed while an export runs
        return True

    def action_run(self) -> None:
        app = app_of(self)
        if self.running or app.store is None:
            return
        options = self.options()
        if options is None:
            return
        self.running = True
        self.result, self.error = None, None
        self.refresh_bindings()
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.add_class("-running")
        self._say(t("exchange.export.running", target=shown(options.out_dir)))
        plan_path = app.store.path

        def clock() -> _dt.datetime:
            return app.clock().replace(microsecond=0)

        def progress(done: int, total: int, _label: str) -> None:
            app.call_from_thread(bar.update, total=total, progress=done)

        kind = self.kind

        def write() -> Written:
            if kind == "bundle":
                return run_bundle(plan_path, options.out_dir, options.lang, options.zip, progress, clock)
            if kind in BOOK_KINDS:
                return run_book(plan_path, options.out_dir, options.lang, kind, progress, clock)
            return run_sheets(plan_path, options.out_dir, options.lang, kind, progress, clock)

        def work() -> None:
            try:
                result = write()
            except Exception as e:  # the writers' own errors, an OSError, or a bug: said, not spun on
                app.call_from_thread(self._failed, failure(e, kind))
            else:
                app.call_from_thread(self._finished, result)

        # the app runs it, so an export goes on (and reports) should the officer leave the screen
        app.run_worker(work, thread=True, name="export", group="export", exit_on_error=False)

    def _finished(self, result: Written) -> None:
        self.running = False
        self.result = result
        message = "\n".join(result.lines())
        if not self.is_attached:
            self.app.notify(message, title=t("exchange.export.title"), timeout=10)
            if result.warning():
                self.app.notify(result.warning(), title=t("exchange.export.title"), severity="warning", timeout=30)
            return
        self.refresh_bindings()
        self._say(message, done=True, warning=result.warning())

    def _failed(self, said: Callable[[], str]) -> None:
        self.running = False
        self.error = said
        note = said()
        if not self.is_attached:
            self.app.notify(note, title=t("exchange.export.title"), severity="error", timeout=15)
            return
        self.refresh_bindings()
        self._say(note, failed=True)

    def _say(self, text: str, *, failed: bool = False, done: bool = False, warning: str = "") -> None:
        line = self.query_one("#export-result", Static)
        shown_text = Text(text)
        if warning:  # written, with something the officer must still do (Word without pandoc)
            shown_text.append("\n" + warning, style="bold yellow")
        line.update(shown_text)
        line.set_class(failed, "-failed")
        line.set_class(done, "-done")
        # once it is over, the text says how it went: the bar's line is the text's (at 80x24
        # the result's last line was cut off under it)
        self.query_one("#export-progress", ProgressBar).set_class(not (failed or done), "-running")
        # a result takes the room of the note under the options (export.tcss, at 24 rows)
        self.set_class(failed or done, "-told")

    async def relanguage(self) -> None:
        """The same choices and result, in the language just chosen (F4)."""
        place = self.query_one(FolderPicker).path
        zipped = self.query_one("#export-zip", Checkbox).value
        lang = self.query_one("#export-lang", Select).value
        kind = self.kind
        self._kept_place = place
        await self.rebuild()
        if place is not None:
            self.query_one(FolderPicker).set_path(place)
        self.query_one("#export-zip", Checkbox).value = zipped
        self.query_one("#export-lang", Select).value = lang
        self.query_one("#export-kind", Select).value = kind
        if self.running:
            self.query_one("#export-progress", ProgressBar).add_class("-running")
            self._say(t("exchange.export.running", target=shown(place) if place else ""))
        elif self.error is not None:
            self._say(self.error(), failed=True)
        elif self.result is not None:
            self._say("\n".join(self.result.lines()), done=True, warning=self.result.warning())

    # --- keys and buttons --------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-run":
            event.stop()
            self.action_run()

    def on_folder_picker_picked(self, event: FolderPicker.Picked) -> None:
        # enter on a folder opens it in the tree; enter in the path line is "export here"
        if isinstance(self.focused, type(self.query_one("#path"))):
            self.action_run()

    def action_back(self) -> None:
        self.app.pop_screen()
