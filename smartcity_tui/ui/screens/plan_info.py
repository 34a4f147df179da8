"""The plan screen (key i): the plan's own facts (region, period, vision), its missions and
targets, and the readiness analysis. Each part is focusable (tab moves on) and edited in a
modal form; every write goes through `app.edit` as one undoable step, labelled in the
officer's language (the store's `set_info` would label it in English, so the plan record is
written with `update(plan_id, label=...)`, which is the same write).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ...i18n import t
from ...model.plan import Plan
from ...model.records import Readiness
from .. import keys
from ..widgets.plan_sections import FactsPanel, LinesList
from ..widgets.readiness_table import ReadinessTable
from ..widgets.top_bar import TopBar
from .base import PlanScreen, footer, plan_title

SECTION = """
    border: round $primary-darken-1; border-title-color: $text; border-title-style: bold;
    border-subtitle-color: $text-muted; background: $surface;
"""


class PlanInfoScreen(PlanScreen):
    BINDINGS = keys.prefixed("planscreen.")
    AUTO_FOCUS = "FactsPanel"
    DEFAULT_CSS = f"""
    PlanInfoScreen #plan-page {{ height: 1fr; }}
    PlanInfoScreen #plan-top {{ height: auto; }}
    PlanInfoScreen #plan-lists {{ height: auto; }}
    PlanInfoScreen.-wide #plan-top {{ layout: horizontal; }}
    PlanInfoScreen.-wide #plan-facts, PlanInfoScreen.-wide #plan-lists {{ width: 1fr; }}
    PlanInfoScreen FactsPanel {{ height: auto; padding: 0 1; {SECTION} }}
    PlanInfoScreen LinesList {{ height: auto; max-height: 9; {SECTION} }}
    PlanInfoScreen ReadinessTable {{ height: auto; max-height: 16; {SECTION} }}
    PlanInfoScreen FactsPanel:focus, PlanInfoScreen LinesList:focus, PlanInfoScreen ReadinessTable:focus {{
        border: heavy $accent;
    }}
    PlanInfoScreen.-wide LinesList {{ max-height: 14; }}
    PlanInfoScreen #readiness-detail {{ height: auto; padding: 0 1 1 1; }}
    """

    def __init__(self) -> None:
        super().__init__()
        self._select_readiness: str | None = None  # a row to put the cursor on after a write
        self._line_after: dict[str, int] = {}  # list field -> line to select after a write

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with VerticalScroll(id="plan-page"):
            with Vertical(id="plan-top"):  # side by side on wide screens (CSS)
                yield FactsPanel(id="plan-facts")
                with Vertical(id="plan-lists"):
                    yield LinesList("missions", id="missions")
                    yield LinesList("targets", id="targets")
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
        self._select_readiness = self.query_one(ReadinessTable).current_id
        await self.rebuild()
        if focused:
            self.query_one(f"#{focused}").focus()

    def show_plan(self, plan: Plan) -> None:
        info = plan.info
        self.query_one(TopBar).set_where(t("planscreen.where", plan=plan_title(plan)))
        self.query_one(FactsPanel).show(info, self.app.store.team)
        self.query_one("#missions", LinesList).show(info.missions, select=self._line_after.pop("missions", None))
        self.query_one("#targets", LinesList).show(info.targets, select=self._line_after.pop("targets", None))
        table = self.query_one(ReadinessTable)
        table.show(plan.readiness, select=self._select_readiness)
        self._select_readiness = None
        self._show_detail()

    def _show_detail(self) -> None:
        self.query_one("#readiness-detail", Static).update(self.query_one(ReadinessTable).detail())

    def on_data_table_row_highlighted(self, event) -> None:
        self._show_detail()

    def select_record(self, record_id: str, field: str = "") -> bool:
        """Land here from search: a readiness row gets the cursor, a fact its section."""
        plan = self.app.store.plan()
        record = plan.get(record_id)
        if isinstance(record, Readiness):
            table = self.query_one(ReadinessTable)
            table.move_cursor(row=table.get_row_index(record_id), animate=False)
            table.focus()
            return True
        if record_id != plan.id:
            return False
        target = {"missions": "#missions", "targets": "#targets"}.get(field, "#plan-facts")
        self.query_one(target).focus()
        return True

    # --- writes ----------------------------------------------------------------------------------

    def edit_facts(self) -> None:
        from .plan_facts_form import PlanFactsForm

        def save(changes: dict | None) -> None:
            team = (changes or {}).pop("team", None)
            if changes:
                self.app.edit(lambda s: s.update(s.plan_id, label=t("planscreen.did_edit_facts"), **changes))
            # this file's own setting, not an edit of the plan: not on the undo list
            if team and self.app.edit(lambda s: s.set_team(team) or True):
                self.app.notify(t("planscreen.team_changed", team=team), timeout=4)

        store = self.app.store
        self.app.push_screen(PlanFactsForm(store.plan(), store.team), save)

    def _write_lines(self, field: str, lines: list[str], label: str, select: int) -> None:
        self._line_after = {**self._line_after, field: select}
        self.app.edit(lambda s: s.update(s.plan_id, label=label, **{field: lines}))

    def new_line(self, field: str, after: int | None) -> None:
        from .line_form import LineForm

        def save(text: str | None) -> None:
            if text:
                lines = list(getattr(self.app.store.plan().info, field))
                at = len(lines) if after is None else after + 1
                lines.insert(at, text)
                self._write_lines(field, lines, t(f"planscreen.did_add_{field}"), at)

        self.app.push_screen(LineForm(field, is_new=True), save)

    def edit_line(self, field: str, index: int) -> None:
        from .line_form import LineForm

        lines = list(getattr(self.app.store.plan().info, field))

        def save(text: str | None) -> None:
            current = list(getattr(self.app.store.plan().info, field))
            if text and index < len(current) and current[index] != text:
                current[index] = text
                self._write_lines(field, current, t(f"planscreen.did_edit_{field}"), index)

        if index < len(lines):
            self.app.push_screen(LineForm(field, lines[index], is_new=False), save)

    def delete_line(self, field: str, index: int) -> None:
        lines = list(getattr(self.app.store.plan().info, field))
        if index < len(lines):
            del lines[index]
            self._write_lines(field, lines, t(f"planscreen.did_delete_{field}"), max(index - 1, 0))
            if not self.app.save_failed:
                self.app.notify(t("ui.deleted_undo_hint"), timeout=4)

    def new_readiness(self) -> None:
        from .readiness_form import ReadinessForm

        current = self.query_one(ReadinessTable).current()
        draft = Readiness(aspect=current.aspect if current else "struktur")

        def save(row: Readiness | None) -> None:
            if row is not None:
                added = self.app.edit(lambda s: s.add(row, label=t("readiness.did_add")))
                if added is not None:
                    self._select_readiness = added.id

        self.app.push_screen(ReadinessForm(draft, is_new=True), save)

    def edit_readiness(self, row: Readiness) -> None:
        from .readiness_form import ReadinessForm

        def save(changed: Readiness | None) -> None:
            if changed is not None:
                self._select_readiness = changed.id
                self.app.edit(lambda s: s.save(changed, label=t("readiness.did_edit")))

        self.app.push_screen(ReadinessForm(row, is_new=False), save)

    def delete_readiness(self, row: Readiness) -> None:
        self.app.edit(lambda s: s.delete(row.id, label=t("readiness.did_delete")))
        if not self.app.save_failed:
            self.app.notify(t("ui.deleted_undo_hint"), timeout=4)

    def action_back(self) -> None:
        self.app.action_open_dashboard()
