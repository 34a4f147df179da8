"""The pillar's TOWS strategies (SO, WO, ST, WT): a table with the strategy under the cursor in
full beside or below it, with the SWOT items it draws on."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.widgets import DataTable, Static

from ...i18n import get_language, t
from ...model.plan import Plan
from ...model.records import Record, Strategy, SwotItem
from ...model.validation import KIND_QUADRANTS
from ...model.vocab import STRATEGY_KINDS
from .. import keys
from ..app import app_of
from ..record_edits import RecordEdits

KIND_ORDER = {k: i for i, k in enumerate(STRATEGY_KINDS.keys)}


def sorted_strategies(strategies: list[Strategy]) -> list[Strategy]:
    return sorted(strategies, key=lambda s: (KIND_ORDER.get(s.kind, 9), s.order, s.id))


class StrategyTable(DataTable[str | Text]):
    BINDINGS = keys.prefixed("strategy.")

    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_new_strategy(self) -> None:
        self.query_ancestor(StrategyView).new_strategy()

    def action_edit_strategy(self) -> None:
        self.query_ancestor(StrategyView).edit_strategy(self.current_id())

    def action_delete_strategy(self) -> None:
        self.query_ancestor(StrategyView).delete_strategy(self.current_id())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_strategy", "delete_strategy"):
            return True if self.current_id() else None
        return True


class StrategyView(Container):
    def __init__(self, pillar_key: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.pillar_key = pillar_key
        self._plan: Plan | None = None
        self.edits = RecordEdits(self)

    def compose(self) -> ComposeResult:
        table = StrategyTable(id="strategy-table", cursor_type="row", zebra_stripes=True)
        yield table
        with VerticalScroll(id="strategy-detail-box"):
            yield Static(id="strategy-detail")

    def on_mount(self) -> None:
        table = self.query_one(StrategyTable)
        self._kind_w = max(len(t("ui.strategy.col_kind")), 2)
        self._swot_w = max(len(t("ui.strategy.col_swot")), 3)
        table.add_column(t("ui.strategy.col_kind"), key="kind", width=self._kind_w)
        table.add_column(t("ui.strategy.col_text"), key="text", width=40)
        table.add_column(t("ui.strategy.col_swot"), key="swot", width=self._swot_w)

    def on_resize(self) -> None:
        if self._plan is not None:
            self.show(self._plan)

    def show(self, plan: Plan) -> None:
        self._plan = plan
        table = self.query_one(StrategyTable)
        keep = self.edits.take_selection() or table.current_id()
        row_before = table.cursor_row
        # the text column takes what the kind and count columns (and cell padding, scrollbar) leave
        text_width = max(20, table.size.width - self._kind_w - self._swot_w - 8) if table.size.width else 40
        table.columns["text"].width = text_width  # type: ignore[index]  # DataTable.columns is keyed by ColumnKey, which a str equals at run time
        table.clear()
        strategies = sorted_strategies(plan.strategies_for(self.pillar_key))
        for s in strategies:
            text = Text(" ".join(s.text.split()) or t("ui.unnamed"), no_wrap=True, overflow="ellipsis")
            table.add_row(s.kind, text, str(len(s.swot_ids)), key=s.id)
        ids = [s.id for s in strategies]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        elif ids:
            table.move_cursor(row=min(row_before, len(ids) - 1))
        table.border_title = t("ui.strategy.title", n=len(ids))
        self._show_detail(plan.get(table.current_id() or ""))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self._plan is not None and event.row_key is not None:
            self._show_detail(self._plan.get(event.row_key.value or ""))

    def _show_detail(self, strategy: Record | None) -> None:
        detail = self.query_one("#strategy-detail", Static)
        if not isinstance(strategy, Strategy):
            detail.update(t("ui.strategy.empty"))
            return
        text = Text()
        text.append(STRATEGY_KINDS.label(strategy.kind, get_language()) + "\n", style="bold")
        text.append(" ".join(strategy.text.split()) + "\n")
        if not strategy.swot_ids:
            text.append(t("ui.strategy.no_swot") + "\n", style="yellow")
        for sid in strategy.swot_ids:
            item = self._plan.get(sid) if self._plan else None
            if isinstance(item, SwotItem):
                fits = item.quadrant in KIND_QUADRANTS.get(strategy.kind, set())
                text.append(f"{item.quadrant} ", style="bold" if fits else "bold yellow")
                text.append(" ".join(item.text.split()) + "\n", style="" if fits else "yellow")
            else:
                text.append(t("ui.strategy.missing_swot") + "\n", style="red")
        detail.update(text)

    # --- edits -------------------------------------------------------------------------------

    def new_strategy(self) -> None:
        from ..screens.strategy_form import StrategyForm

        draft = Strategy(pillar=self.pillar_key, kind="SO")
        self.edits.add(StrategyForm(app_of(self).plan, draft, is_new=True), t("ui.strategy.did_add"))

    def edit_strategy(self, strategy_id: str | None) -> None:
        from ..screens.strategy_form import StrategyForm

        app = app_of(self)
        current = app.open_store.get(strategy_id) if strategy_id else None
        if isinstance(current, Strategy):
            self.edits.edit(StrategyForm(app.plan, current, is_new=False), t("ui.strategy.did_edit"))

    def delete_strategy(self, strategy_id: str | None) -> None:
        self.edits.delete(strategy_id, t("ui.strategy.did_delete"))
