"""The findings list (v on the dashboard and on a pillar screen): every error and warning the
plan's validation finds, for one pillar or the whole plan, in the officer's language. The
dashboard's cards count them ("! 8 peringatan"); here they are read, and enter opens the
record a finding is about, on its own screen, as a search result is opened.

The findings are those of `model.validation.validate`, the check `smartcity-tui validate`
runs, never checks of their own. A big plan is checked in a thread, as the dashboard does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from ...i18n import get_language, t
from ...model.plan import Plan
from ...model.validation import ERROR, Finding, validate
from .. import keys
from ..app import app_of
from .base import AppModal

if TYPE_CHECKING:
    from ..app import SmartCityApp

# Up to this many records the plan is checked before the list is drawn (dashboard.py's too).
CHECK_INLINE_MAX = 3000
# Findings about a whole pillar, and the view of the pillar screen that shows what is missing
PILLAR_VIEWS = {"pillar.swot_missing": "swot", "pillar.no_strategy": "strategies",
                "pillar.no_programme": "programmes", "pillar.no_quick_win": "programmes"}
# Findings about the masterplan book, and the part of the book screen they are about
BOOK_VIEWS = {"narrative.": "narrative", "regulation.": "regulations", "member.": "members"}


def ordered(findings: list[Finding], plan: Plan) -> list[Finding]:
    """Errors first, then warnings; within each, the plan's own findings, then the pillars in
    the framework's order, each in the order validation found them."""
    place = {key: i for i, key in enumerate(plan.framework.keys)}
    order = {id(f): i for i, f in enumerate(findings)}
    return sorted(findings, key=lambda f: (f.severity != ERROR, place.get(f.pillar, -1), order[id(f)]))


class FindingsScreen(AppModal[Finding | None]):
    """The list; `pillar` None: the whole plan's (then `a` does nothing)."""

    BINDINGS = keys.prefixed("findings.")
    # its rules: findings.tcss, loaded with the app's (ui/styles.py)

    def __init__(self, pillar: str | None) -> None:
        super().__init__()
        self.pillar = pillar
        self.whole = pillar is None
        self.found: list[Finding] | None = None  # every finding of the plan, once checked
        self.shown: list[Finding] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="findings-box") as box:
            box.border_title = self._title()
            box.border_subtitle = self._hint()
            yield Static(t("findings.checking"), id="findings-status", markup=False)
            yield OptionList(id="findings-list")

    def _title(self) -> str:
        if self.whole or self.pillar is None:
            return t("findings.title_plan")
        return t("findings.title_pillar", pillar=self._pillar_name(self.pillar))

    def _hint(self) -> str:
        if self.pillar is None:
            return t("findings.hint")
        if self.whole:
            return t("findings.hint_to_pillar", pillar=self._pillar_name(self.pillar))
        return t("findings.hint_to_plan")

    def _pillar_name(self, key: str) -> str:
        return app_of(self).plan.framework.name_of(key, get_language())

    def on_mount(self) -> None:
        self.query_one("#findings-list", OptionList).focus()
        plan = app_of(self).plan
        if len(plan.records) <= CHECK_INLINE_MAX:
            self._show(validate(plan))
        else:
            self.run_worker(lambda: validate(plan), thread=True, exclusive=True, group="findings")

    def _measure_again(self) -> None:
        """Textual measures a list's options at the width it has before its scrollbar shows,
        and not again when one appears: the last line of a long finding was cut (the plan-wide
        one at 100x30). Once drawn with its scrollbar, the options are measured at its width."""
        results = self.query_one("#findings-list", OptionList)
        if not results.show_vertical_scrollbar:
            return
        at = results.highlighted
        results.set_options([results.get_option_at_index(i) for i in range(results.option_count)])
        results.highlighted = at

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "findings" and event.state == WorkerState.SUCCESS:
            self._show(cast("list[Finding]", event.worker.result))

    def _show(self, found: list[Finding], highlighted: int = 0) -> None:
        self.found = found
        plan = app_of(self).plan
        lang = get_language()
        mine = found if self.whole else [f for f in found if f.pillar == self.pillar]
        self.shown = ordered(mine, plan)
        options = []
        for i, f in enumerate(self.shown):
            line = Text()
            error = f.severity == ERROR
            line.append("✖ " if error else "! ", style="bold red" if error else "bold yellow")
            if self.whole:
                where = plan.framework.name_of(f.pillar, lang) if f.pillar else t("findings.whole_plan")
                line.append(where + ": ", style="dim")
            line.append(f.message(lang))
            options.append(Option(line, id=str(i)))
        results = self.query_one("#findings-list", OptionList)
        results.set_options(options)
        if options:
            results.highlighted = min(highlighted, len(options) - 1)
        self.call_after_refresh(self._measure_again)
        n_err = sum(1 for f in self.shown if f.severity == ERROR)
        status = self.query_one("#findings-status", Static)
        if not self.shown:
            status.update(t("findings.none"))
        else:
            status.update(t("findings.summary", errors=t("ui.card.errors", n=n_err),
                            warnings=t("ui.card.warnings", n=len(self.shown) - n_err)))

    # --- keys --------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        finding = self.shown[int(event.option.id or 0)]
        if destination(app_of(self), finding) is None:
            self.notify(t("findings.nowhere"), timeout=4)
            return
        self.dismiss(finding)

    def action_scope(self) -> None:
        if self.pillar is None or self.found is None:
            return
        self.whole = not self.whole
        box = self.query_one("#findings-box")
        box.border_title, box.border_subtitle = self._title(), self._hint()
        self._show(self.found)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scope":
            return self.pillar is not None
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    async def relanguage(self) -> None:
        """F4 cannot reach a modal list, but a switch made under it (the palette) redraws it."""
        highlighted = self.query_one("#findings-list", OptionList).highlighted or 0
        await self.recompose()
        self.query_one("#findings-list", OptionList).focus()
        if self.found is not None:
            self._show(self.found, highlighted)


def destination(app: SmartCityApp, finding: Finding) -> str | None:
    """Where a finding's record is shown: "book", "pillar", "record" (its own screen, as a
    search result), or None when nothing in the app shows it."""
    plan = app.plan
    if any(finding.code.startswith(prefix) for prefix in BOOK_VIEWS):
        return "book"
    if finding.code in PILLAR_VIEWS and finding.pillar in plan.framework.keys:
        return "pillar"
    rid = finding.record_id
    if rid and (rid == plan.id or plan.get(rid) is not None):
        return "record"
    return None


def open_finding(app: SmartCityApp, finding: Finding) -> None:
    """Go to what `finding` is about, with the cursor on it where the screen can."""
    from ..navigation import jump

    where = destination(app, finding)
    if where == "book":
        view = next(v for prefix, v in BOOK_VIEWS.items() if finding.code.startswith(prefix))
        app.action_open_document()
        app.call_after_refresh(_book_view, app, view, finding.record_id)
    elif where == "pillar":
        app.pillar_screen(finding.pillar).show_view(PILLAR_VIEWS[finding.code])
    elif where == "record":
        field = "missions" if finding.code == "plan.missions_missing" else ""
        jump(app, finding.record_id, field)


def _book_view(app: SmartCityApp, view: str, record_id: str) -> None:
    from ..widgets.book_lists import EntryList
    from .document import DocumentScreen

    screen = app.screen
    if not isinstance(screen, DocumentScreen):
        return
    screen.show_view(view)
    for entries in screen.query(EntryList):
        if record_id in entries.rows:
            entries.select_id(record_id)
            entries.focus()


def show_findings(app: SmartCityApp, pillar: str | None) -> None:
    """The findings of `pillar` (None: the whole plan) over the screen on show."""

    def chosen(finding: Finding | None) -> None:
        if finding is not None:
            open_finding(app, finding)

    app.push_screen(FindingsScreen(pillar), chosen)
