"""The merge screen (key m): the secretariat picks the groups' bundles (folders or .zip files,
from a flash disk, the folder tree or a typed path), sees what merging them would change,
pillar by pillar, and only then merges.

Reading a bundle (every checksum, type and reference) and computing the preview run in
thread workers; the preview reads its own read-only copy of the plan file, never the app's
live store. The merge itself is one write to the live store on the UI thread, a PlanWrite
posted to the app, because the store's listeners redraw the screens and are not thread-safe;
a write that fails is said and changes nothing. With conflicts left, the conflicts screen
comes next.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from ...bundle import Bundle, BundleError, read_bundle
from ...bundle.merge import MergeError, apply, preview
from ...bundle.merge_report import MergeReport
from ...i18n import get_language, t
from ...model.format import clock, date
from ...model.plan import Plan
from ...store import PlanStore, StoreError
from .. import keys
from ..app import app_of
from ..plan_writes import PlanWrite
from ..widgets.folder_picker import FolderPicker, shown
from ..widgets.top_bar import TopBar
from .base import PlanScreen, footer, plan_title
from .merge_preview import report_view
from .merge_sources import find_bundles, same_place


@dataclass
class Entry:
    path: Path
    bundle: Bundle | None = None
    error: str = ""

    @property
    def reading(self) -> bool:
        return self.bundle is None and not self.error


@dataclass
class Preview:
    report: MergeReport | None = None
    refusal: str = ""  # the MergeError message
    adoptable: MergeReport | None = None  # the plan is empty: what adopting would do


def exported_when(bundle: Bundle) -> str:
    """When the group exported it, as the manifest says (display only: never used to order):
    "diekspor 16 Nov 2026 pukul 10.00", or "" when the manifest does not say."""
    try:
        when = _dt.datetime.fromisoformat(bundle.exported_at)
    except (TypeError, ValueError):
        return ""
    return t("exchange.merge.exported", day=date(when, get_language()), time=clock(when))


def compute_preview(plan_path: Path, bundles: list[Bundle]) -> Preview:
    """In a worker, on a read-only copy of the plan file."""
    with PlanStore.open(plan_path, readonly=True) as store:
        try:
            return Preview(preview(store, bundles))
        except MergeError as e:
            refusal = e.message()
            if e.key != "merge.other_plan":
                return Preview(refusal=refusal)
            try:
                adoptable = preview(store, bundles, adopt=True)
                return Preview(refusal=refusal, adoptable=adoptable)
            except MergeError:
                return Preview(refusal=refusal)


class MergeScreen(PlanScreen):
    BINDINGS = keys.prefixed("merge.")
    # its rules: merge.tcss, loaded with the app's (ui/styles.py)

    def __init__(self, *, home: Path | None = None, drives: list[Path] | None = None) -> None:
        super().__init__()
        self.home = home
        self.drives = drives
        self.entries: list[Entry] = []
        self.step = "pick"  # pick -> preview -> done
        self.result: Preview | None = None
        self.adopt = False
        self.applied: MergeReport | None = None
        self._kept_place: Path | None = None  # the folder being browsed, kept across a rebuild
        self._preview_asked = 0

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with ContentSwitcher(initial="merge-pick", id="merge-steps"):
            with Horizontal(id="merge-pick"):
                yield FolderPicker(home=self.home, drives=self.drives, zips=True, id="picker",
                                   path_label=t("exchange.merge.source"), start=self._kept_place)
                with Vertical(id="merge-chosen"):
                    yield OptionList(id="merge-bundles")
            with VerticalScroll(id="merge-preview"):
                yield Static(id="merge-sources")
                yield Static(id="merge-refusal")
                yield Static(id="merge-report")
        yield footer()

    def on_mount(self) -> None:
        self.query_one(FolderPicker).tree.focus()
        self._show_entries()
        self.sync()

    def show_plan(self, plan: Plan) -> None:
        self.query_one(TopBar).where = t("exchange.merge.where", plan=plan_title(plan))

    # --- choosing bundles ----------------------------------------------------------------------

    def add_path(self, path: Path) -> None:
        found = find_bundles(path)
        if found.problem:
            self.notify(found.said or t(f"exchange.merge.source_{found.problem}", path=shown(path)),
                        severity="warning", timeout=8)
            return
        added = 0
        for p in found.bundles:
            if any(same_place(p, e.path) for e in self.entries):
                continue
            entry = Entry(p)
            self.entries.append(entry)
            added += 1
            self.run_worker(lambda p=p: read_bundle(p), thread=True, group="read-bundle",
                            name=str(p), exit_on_error=False)
        if not added:
            self.notify(t("exchange.merge.already_chosen"), timeout=4)
        self._show_entries()

    def on_folder_picker_picked(self, event: FolderPicker.Picked) -> None:
        from textual.widgets import Input

        # enter in the tree opens a folder, and adds a bundle; enter in the path line adds it
        if isinstance(self.focused, Input) or (event.path.is_file() or (event.path / "manifest.toml").is_file()):
            self.add_path(event.path)

    def action_add(self) -> None:
        path = self.query_one(FolderPicker).path
        if path is not None:
            self.add_path(path)

    def action_remove(self) -> None:
        ol = self.query_one("#merge-bundles", OptionList)
        if ol.highlighted is None or not self.entries:
            return
        del self.entries[ol.highlighted]
        self._show_entries()

    def _show_entries(self) -> None:
        ol = self.query_one("#merge-bundles", OptionList)
        ok = sum(1 for e in self.entries if e.bundle is not None)
        ol.border_title = t("exchange.merge.chosen", n=len(self.entries))
        ol.border_subtitle = t("exchange.merge.chosen_ok", n=ok) if self.entries else ""
        options = []
        for e in self.entries:
            line = Text()
            if e.bundle is not None:
                line.append("✓ ", style="green")
                line.append(e.bundle.team or t("exchange.merge.no_team"), style="bold")
                line.append(" · " + t("exchange.merge.records", n=len(e.bundle.states)))
            elif e.error:
                line.append("✗ ", style="red")
                line.append(e.error, style="red")
            else:
                line.append("… " + t("exchange.merge.reading"), style="dim")
            # the folder or file name on one line of its own, cut rather than broken mid-word
            name = Text(e.path.name, style="dim", no_wrap=True, overflow="ellipsis")
            options.append(Option(Group(line, name)))
        if not options:
            options.append(Option(Text(t("exchange.merge.none_chosen"), style="dim"), disabled=True))
        highlighted = ol.highlighted
        ol.set_options(options)
        if self.entries:
            ol.highlighted = min(highlighted or 0, len(self.entries) - 1)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "read-bundle":
            self._bundle_read(worker, event.state)
        elif worker.group == "merge-preview" and worker.name == str(self._preview_asked):
            self._preview_ready(worker, event.state)

    def _bundle_read(self, worker: Worker[Bundle], state: WorkerState) -> None:
        entry = next((e for e in self.entries if str(e.path) == worker.name and e.reading), None)
        if entry is None:  # removed meanwhile
            return
        if state == WorkerState.SUCCESS:
            entry.bundle = worker.result
        elif state == WorkerState.ERROR:
            err = worker.error
            entry.error = err.message() if isinstance(err, BundleError) else str(err)
        else:
            return
        self._show_entries()

    # --- preview ---------------------------------------------------------------------------------

    def action_preview(self) -> None:
        if any(e.reading for e in self.entries):
            self.notify(t("exchange.merge.still_reading"), timeout=4)
            return
        bundles = [e.bundle for e in self.entries if e.bundle is not None]
        if not bundles:
            self.notify(t("exchange.merge.need_bundle"), severity="warning", timeout=5)
            return
        self.step = "preview"
        self.adopt = False
        self.result = None
        self._preview_asked += 1
        self.query_one("#merge-steps", ContentSwitcher).current = "merge-preview"
        self.query_one("#merge-preview").focus()  # pgup/pgdn scroll a long preview
        self._show_sources()
        self._refuse("")
        self.query_one("#merge-report", Static).update(t("exchange.merge.computing"))
        self.refresh_bindings()
        plan_path = app_of(self).open_store.path
        self.run_worker(lambda: compute_preview(plan_path, bundles), thread=True, group="merge-preview",
                        name=str(self._preview_asked), exit_on_error=False)

    def _show_sources(self) -> None:
        lines = Text()
        for e in self.entries:
            if lines:
                lines.append("\n")
            if e.bundle is not None:
                lines.append("✓ ", style="green")
                lines.append(e.bundle.team or t("exchange.merge.no_team"), style="bold")
                lines.append(f" · {t('exchange.merge.records', n=len(e.bundle.states))}")
                when = exported_when(e.bundle)
                if when:
                    lines.append(" · " + when)
                lines.append(f"\n  {e.path.name}", style="dim")
            else:
                lines.append("✗ ", style="red")
                lines.append(t("exchange.merge.left_out", name=e.path.name), style="red")
        self.query_one("#merge-sources", Static).update(lines)

    def _preview_ready(self, worker: Worker[Preview], state: WorkerState) -> None:
        if state == WorkerState.SUCCESS:
            self.result = worker.result
        elif state == WorkerState.ERROR:
            err = worker.error
            message = err.message() if isinstance(err, StoreError) else str(err)
            self.result = Preview(refusal=message)
        else:
            return
        self._show_preview()
        self.refresh_bindings()

    def _show_preview(self) -> None:
        result = self.result
        report_box = self.query_one("#merge-report", Static)
        if result is None:
            return
        if result.report is not None:
            self._refuse("")
            report_box.update(report_view(result.report, applied=False, left_out=self.left_out(),
                                          framework=app_of(self).plan.framework))
            return
        text = Text(result.refusal)
        if result.adoptable is not None:
            text.append("\n\n" + t("exchange.merge.adopt_offer"), style="bold")
        self._refuse(text)
        if self.adopt and result.adoptable is not None:
            report_box.update(report_view(result.adoptable, applied=False, framework=app_of(self).plan.framework))
        else:
            report_box.update("")

    def _refuse(self, text: Text | str) -> None:
        line = self.query_one("#merge-refusal", Static)
        line.update(text)
        line.display = bool(str(text))

    def action_adopt(self) -> None:
        if self.result is not None and self.result.adoptable is not None:
            self.adopt = True
            self._show_preview()
            self.refresh_bindings()

    # --- applying -------------------------------------------------------------------------------

    def action_apply(self) -> None:
        result = self.result
        if result is None or self.step != "preview":
            return
        if result.report is None and not (self.adopt and result.adoptable is not None):
            return
        bundles = [e.bundle for e in self.entries if e.bundle is not None]
        adopt = self.adopt

        def merge(store: PlanStore) -> MergeReport | MergeError:
            try:
                return apply(store, bundles, adopt=adopt)
            except MergeError as e:  # the plan changed since the preview (not empty any more)
                return e

        # a write that fails has been said by the app; the plan is as it was
        self.post_message(PlanWrite(merge, then=self._applied,
                                    failed=lambda _e: self._refuse(Text(t("exchange.merge.write_failed")))))

    def _applied(self, outcome: MergeReport | MergeError) -> None:
        if isinstance(outcome, MergeError):
            self._refuse(Text(outcome.message()))
            return
        report = outcome
        self.applied = report
        self.step = "done"
        self.refresh_bindings()
        conflicts = report.total("conflicts_total")
        note = t("exchange.merge.applied_note", n=report.written, conflicts=conflicts)
        if report.dependents:  # the count above is of records in conflict now, not of decisions
            note += " " + t("merge.dependents", n=report.dependents)
        self.app.notify(note, title=t("exchange.merge.title"), timeout=8)
        left_out = self.left_out()
        if left_out:  # said again after the merge: those groups must export again
            self.app.notify(t("exchange.merge.left_out_after", n=len(left_out), names=", ".join(left_out)),
                            title=t("exchange.merge.title"), severity="warning", timeout=30)
        if conflicts:
            from .conflicts import ConflictsScreen

            self.app.switch_screen(ConflictsScreen())
            return
        self._refuse("")
        self.query_one("#merge-report", Static).update(report_view(report, applied=True, left_out=left_out,
                                                                           framework=app_of(self).plan.framework))

    def left_out(self) -> list[str]:
        """The chosen bundles that could not be read: not in the merge."""
        return [e.path.name for e in self.entries if e.bundle is None and not e.reading]

    async def relanguage(self) -> None:
        """The same step, bundles and preview, in the language just chosen (F4)."""
        place = self.query_one(FolderPicker).path
        self._kept_place = place
        await self.rebuild()
        if place is not None:
            self.query_one(FolderPicker).set_path(place)
        if self.step == "pick":
            return
        self.query_one("#merge-steps", ContentSwitcher).current = "merge-preview"
        self._show_sources()
        if self.step == "done" and self.applied is not None:
            self._refuse("")
            self.query_one("#merge-report", Static).update(
                report_view(self.applied, applied=True, left_out=self.left_out(),
                                          framework=app_of(self).plan.framework))
        elif self.result is None:
            self.query_one("#merge-report", Static).update(t("exchange.merge.computing"))
        else:
            self._show_preview()
        self.query_one("#merge-preview").focus()

    # --- keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "remove", "preview"):
            return self.step == "pick"
        if action == "apply":
            if self.step != "preview":
                return False
            r = self.result
            ready = r is not None and (r.report is not None or (self.adopt and r.adoptable is not None))
            return True if ready else None
        if action == "adopt":
            return (self.step == "preview" and self.result is not None
                    and self.result.adoptable is not None and not self.adopt)
        return True

    def action_back(self) -> None:
        if self.step == "preview":
            self.step = "pick"
            self.query_one("#merge-steps", ContentSwitcher).current = "merge-pick"
            self.refresh_bindings()
            self.query_one(FolderPicker).tree.focus()
            return
        self.app.pop_screen()
