"""The SWOT of one pillar as a 2x2 of quadrants: add, edit, delete (undoable, no question
asked), move an item to another quadrant, filter by element. Every change is one store write,
saved as it is made."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Static

from ...i18n import get_language, t
from ...model.framework import Dimension
from ...model.plan import Plan
from ...model.records import SwotItem
from ...model.vocab import QUADRANTS
from ..app import app_of
from ..plan_writes import PlanWrite
from ..record_edits import RecordEdits
from .quadrant_list import AT, GRID, QuadrantList


class SwotBoard(Vertical):
    @property
    def pillar(self) -> Dimension:
        return app_of(self).plan.framework.shown(self.pillar_key)

    def __init__(self, pillar_key: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.pillar_key = pillar_key
        self.element_filter = ""
        self._plan: Plan | None = None
        self.edits = RecordEdits(self)

    def compose(self) -> ComposeResult:
        yield Static(id="swot-filter", markup=False)
        with Grid(id="quadrants"):
            for q in QUADRANTS.keys:
                yield QuadrantList(q, id=f"q-{q}", classes="quadrant")

    def quadrant(self, q: str) -> QuadrantList:
        return self.query_one(f"#q-{q}", QuadrantList)

    def show(self, plan: Plan) -> None:
        self._plan = plan
        lang = get_language()
        line = self.query_one("#swot-filter", Static)
        element = self.pillar.element(self.element_filter) if self.element_filter else None
        line.display = element is not None
        if element is not None:
            line.update(t("ui.swot.filter_on", element=element.label(lang)))
        for q in QUADRANTS.keys:
            items = plan.swot_for(self.pillar_key, q)
            shown = [i for i in items if not self.element_filter or i.element == self.element_filter]
            self.quadrant(q).show(shown, self.pillar, len(items))
        target = self.edits.take_selection()
        if target is not None:
            item = plan.get(target)
            if isinstance(item, SwotItem) and item.pillar == self.pillar_key:
                ql = self.quadrant(item.quadrant)
                ql.select_id(target)
                ql.focus()

    def focused_quadrant(self) -> QuadrantList:
        focused = self.screen.focused
        return focused if isinstance(focused, QuadrantList) else self.quadrant("S")

    def on_quadrant_list_leave(self, message: QuadrantList.Leave) -> None:
        x, y = GRID[message.quadrant]
        nx, ny = x + message.dx, y + message.dy
        if (nx, ny) not in AT:
            return
        target = self.quadrant(AT[(nx, ny)])
        if target.option_count:
            target.highlighted = target.option_count - 1 if message.dy < 0 else 0
        target.focus()

    # --- edits -------------------------------------------------------------------------------

    def new_item(self, quadrant: str) -> None:
        from ..screens.swot_form import SwotForm

        draft = SwotItem(pillar=self.pillar_key, quadrant=quadrant, element=self.element_filter)
        self.edits.add(SwotForm(draft, is_new=True), t("ui.swot.did_add"))

    def edit_item(self, item_id: str | None) -> None:
        from ..screens.swot_form import SwotForm

        item = app_of(self).open_store.get(item_id) if item_id else None
        if isinstance(item, SwotItem):
            self.edits.edit(SwotForm(item, is_new=False), t("ui.swot.did_edit"))

    def delete_item(self, item_id: str | None) -> None:
        self.edits.delete(item_id, t("ui.swot.did_delete"))

    def move_item(self, item_id: str | None) -> None:
        from ..screens.picker import ChoicePicker

        item = app_of(self).open_store.get(item_id) if item_id else None
        if not isinstance(item, SwotItem):
            return
        lang = get_language()
        choices = [(q.key, f"{q.key} · {q.label(lang)}") for q in QUADRANTS if q.key != item.quadrant]
        hotkeys = {q.key.lower(): q.key for q in QUADRANTS if q.key != item.quadrant}
        picker = ChoicePicker(t("ui.swot.move_title"), choices, hotkeys=hotkeys, hint=t("ui.swot.move_hint"))

        def moved(quadrant: str) -> None:
            if quadrant != item.quadrant:
                self.edits.select(item)
                self.edits.post(PlanWrite.update(item.id, t("ui.swot.did_move"), quadrant=quadrant))

        self.edits.ask(picker, moved)

    def choose_filter(self) -> None:
        from ..screens.picker import ChoicePicker

        lang = get_language()
        choices = [("", t("ui.swot.all_elements"))] + [(e.key, e.label(lang)) for e in self.pillar.elements]
        picker = ChoicePicker(t("ui.swot.filter_title"), choices, current=self.element_filter)
        self.edits.ask(picker, self.set_filter)

    def set_filter(self, element: str) -> None:
        self.element_filter = element
        if self._plan is not None:
            self.show(app_of(self).plan)
