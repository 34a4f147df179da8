"""The plan screen (key i): the plan's own facts (region, period, vision), its missions, its
targets (sasaran, records of their own with their indicators), and the readiness analysis.
Each part is focusable (tab moves on) and edited in a modal form; every write is a PlanWrite
posted to the app, one undoable step, labelled in the officer's language (the store's
`set_info` would label it in English, so the plan record is written with
`update(plan_id, label=...)`, which is the same write).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ...i18n import t
from ...model.plan import Plan
from ...model.records import PlanTarget, Readiness
from ...store import PlanStore
from .. import keys
from ..app import app_of
from ..plan_writes import PlanWrite
from ..record_edits import RecordEdits
from ..widgets.plan_sections import FactsPanel, LinesList, TargetsList
from ..widgets.readiness_table import ReadinessTable
from ..widgets.top_bar import TopBar
from .base import PlanScreen, footer, plan_title


class PlanInfoScreen(PlanScreen):
    BINDINGS = keys.prefixed("planscreen.")
    AUTO_FOCUS = "FactsPanel"
    # its rules: plan_info.tcss, loaded with the app's (ui/styles.py)

    def __init__(self) -> None:
        super().__init__()
        self.edits = RecordEdits(self)  # readiness rows: the one to put the cursor on after a write
        self._line_after: dict[str, int] = {}  # list field -> line to select after a write
        self._target_after: str | None = None  # the target to select after a write

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with VerticalScroll(id="plan-page"):
            with Vertical(id="plan-top"):  # side by side on wide screens (CSS)
                yield FactsPanel(id="plan-facts")
                with Vertical(id="plan-lists"):
                    yield LinesList("missions", id="missions")
                    yield TargetsList(id="targets")
            yield ReadinessTable(id="readiness")
            yield Static(id="readiness-detail")
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#plan-facts", FactsPanel).border_title = t("planscreen.facts_title")
        self.query_one("#plan-facts", FactsPanel).border_subtitle = t("planscreen.facts_hint")
        self.sync()

    async def relanguage(self) -> None:
        """Build the screen again in the language just chosen (F4), keeping the part in focus
        and the readiness row under the cursor."""
        focused = self.focused.id if self.focused is not None else None
        self.edits.select_after = self.query_one(ReadinessTable).current_id
        await self.rebuild()
        if focused:
            self.query_one(f"#{focused}").focus()

    def show_plan(self, plan: Plan) -> None:
        info = plan.info
        self.query_one(TopBar).where = t("planscreen.where", plan=plan_title(plan))
        store = app_of(self).open_store
        self.query_one(FactsPanel).show(info, store.team, store.path)
        self.query_one("#missions", LinesList).show(info.missions, select=self._line_after.pop("missions", None))
        self.query_one("#targets", TargetsList).show(plan.targets, select=self._target_after)
        self._target_after = None
        table = self.query_one(ReadinessTable)
        table.show(plan.readiness, select=self.edits.take_selection())
        self._show_detail()

    def _show_detail(self) -> None:
        self.query_one("#readiness-detail", Static).update(self.query_one(ReadinessTable).detail())

    def on_data_table_row_highlighted(self, event: object) -> None:
        self._show_detail()

    def select_record(self, record_id: str, field: str = "") -> bool:
        """Land here from search: a readiness row gets the cursor, a fact its section."""
        plan = app_of(self).plan
        record = plan.get(record_id)
        if isinstance(record, Readiness):
            table = self.query_one(ReadinessTable)
            table.move_cursor(row=table.get_row_index(record_id), animate=False)
            table.focus()
            return True
        if isinstance(record, PlanTarget):
            targets = self.query_one("#targets", TargetsList)
            targets.highlighted = next((i for i, x in enumerate(targets.targets) if x.id == record_id), 0)
            targets.focus()
            return True
        if record_id != plan.id:
            return False
        target = {"missions": "#missions"}.get(field, "#plan-facts")
        self.query_one(target).focus()
        return True

    # --- writes ----------------------------------------------------------------------------------

    def edit_facts(self) -> None:
        from .plan_facts_form import PlanFactsForm

        store = app_of(self).open_store

        def save(changes: dict[str, Any]) -> PlanWrite[None] | None:
            facts = {k: v for k, v in changes.items() if k != "team"}
            team = changes.get("team")
            if not (facts or team):
                return None  # saved unchanged: nothing to write

            def write(s: PlanStore) -> None:
                if facts:
                    s.update(s.plan_id, label=t("planscreen.did_edit_facts"), **facts)
                if team:
                    # this file's own setting, not an edit of the plan: not on the undo list
                    s.set_team(team)

            return PlanWrite(write, then=lambda _: self.notify_team(team) if team else None)

        self.edits.open(PlanFactsForm(store.plan(), store.team), save)

    def notify_team(self, team: str) -> None:
        self.app.notify(t("planscreen.team_changed", team=team), timeout=4)

    def _lines(self, field: str) -> list[str]:
        return list(getattr(app_of(self).plan.info, field))

    def _lines_write(self, field: str, lines: list[str], label: str, select: int, *,
                     deleted: bool = False) -> PlanWrite[Any]:
        """The list written whole, the cursor then on line `select` (once it is written)."""
        plan_id = app_of(self).open_store.plan_id

        def written(_record: object) -> None:
            self._line_after = {**self._line_after, field: select}

        return PlanWrite(lambda s: s.update(plan_id, label=label, **{field: lines}), then=written,
                         undo_hint=deleted)

    def new_line(self, field: str, after: int | None) -> None:
        from .line_form import LineForm

        def save(text: str) -> PlanWrite[Any] | None:
            if not text:
                return None
            lines = self._lines(field)
            at = len(lines) if after is None else after + 1
            lines.insert(at, text)
            return self._lines_write(field, lines, t(f"planscreen.did_add_{field}"), at)

        self.edits.open(LineForm(field, is_new=True), save)

    def edit_line(self, field: str, index: int) -> None:
        from .line_form import LineForm

        lines = self._lines(field)

        def save(text: str) -> PlanWrite[Any] | None:
            current = self._lines(field)
            if not text or index >= len(current) or current[index] == text:
                return None  # saved unchanged
            current[index] = text
            return self._lines_write(field, current, t(f"planscreen.did_edit_{field}"), index)

        if index < len(lines):
            self.edits.open(LineForm(field, lines[index], is_new=False), save)

    def delete_line(self, field: str, index: int) -> None:
        lines = self._lines(field)
        if index < len(lines):
            del lines[index]
            self.edits.post(self._lines_write(field, lines, t(f"planscreen.did_delete_{field}"),
                                              max(index - 1, 0), deleted=True))

    def new_target(self, after: PlanTarget | None) -> None:
        """A new target, placed after the one under the cursor (or last)."""
        from .target_form import TargetForm

        plan = app_of(self).plan
        targets = plan.targets
        at = targets.index(after) + 1 if after in targets else len(targets)

        def save(target: PlanTarget) -> PlanWrite[None]:
            self._target_after = target.id
            store_targets = [*targets[:at], target, *targets[at:]]

            def write(store: Any) -> None:
                with store.undo_step(t("planscreen.did_add_targets")):
                    store.add(target.replace(order=at + 1), label=t("planscreen.did_add_targets"))
                    # the ones after it move down one place (only those whose place changes are written)
                    for n, x in enumerate(store_targets, 1):
                        if x.id != target.id and x.order != n:
                            store.update(x.id, label=t("planscreen.did_add_targets"), order=n)

            return PlanWrite(write)

        # the form stays open until the write is on disk (SavingForm)
        self.edits.open(TargetForm(PlanTarget(), list(plan.info.missions), is_new=True), save)

    def edit_target(self, target: PlanTarget) -> None:
        from .target_form import TargetForm

        def save(edited: PlanTarget) -> PlanWrite[Any] | None:
            if edited == target:
                return None  # nothing changed: the form just closes
            self._target_after = target.id
            return PlanWrite.save(edited, t("planscreen.did_edit_targets"))

        self.edits.open(TargetForm(target, list(app_of(self).plan.info.missions), is_new=False), save)

    def delete_target(self, target: PlanTarget) -> None:
        self.edits.delete(target.id, t("planscreen.did_delete_targets"))

    def new_readiness(self) -> None:
        from .readiness_form import ReadinessForm

        current = self.query_one(ReadinessTable).current()
        draft = Readiness(aspect=current.aspect if current else "struktur")
        self.edits.add(ReadinessForm(draft, is_new=True), t("readiness.did_add"))

    def edit_readiness(self, row: Readiness) -> None:
        from .readiness_form import ReadinessForm

        self.edits.edit(ReadinessForm(row, is_new=False), t("readiness.did_edit"))

    def delete_readiness(self, row: Readiness) -> None:
        self.edits.delete(row.id, t("readiness.did_delete"))

    def action_back(self) -> None:
        app_of(self).action_open_dashboard()
