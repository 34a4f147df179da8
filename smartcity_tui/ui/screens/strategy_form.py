"""Add or edit a TOWS strategy: its kind (SO, WO, ST, WT), its text, and the pillar's SWOT
items it draws on, picked from a list (space or enter ticks an item)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static
from textual.widgets.selection_list import Selection

from ...i18n import get_language, t
from ...model.plan import Plan
from ...model.records import Record, Strategy
from ...model.validation import KIND_QUADRANTS, Finding, validate
from ...model.vocab import QUADRANTS, STRATEGY_KINDS
from ..widgets.ticks import SelectionList
from .dimension_fields import dimension_select, outside
from .form import FormScreen, text_input


def kind_hint(kind: str, lang: str) -> str:
    quadrants = [q for q in QUADRANTS.keys if q in KIND_QUADRANTS.get(kind, set())]
    names = [f"{QUADRANTS.label(q, lang).lower()} ({q})" for q in quadrants]  # mid-sentence, as the finding says it
    return t("ui.strategy.kind_hint", kind=kind, first=names[0], second=names[1]) if len(names) == 2 else ""


class StrategyForm(FormScreen[Strategy]):
    def __init__(self, plan: Plan, strategy: Strategy, *, is_new: bool) -> None:
        super().__init__()
        self.plan = plan
        self.strategy = strategy
        self.is_new = is_new
        self._asked: set[tuple[str, str]] = set()  # (kind, item) pairs not fitting, already asked about

    def compose(self) -> ComposeResult:
        lang = get_language()
        p = self.plan.framework.shown(self.strategy.pillar)
        kind = self.strategy.kind if self.strategy.kind in STRATEGY_KINDS else "SO"
        with VerticalScroll(id="strategy-form", classes="form", can_focus=False) as box:
            box.border_title = t("ui.strategy.form_new" if self.is_new else "ui.strategy.form_edit",
                                 pillar=p.label(lang))
            box.border_subtitle = t("ui.form.keys_hint")
            if outside(self.plan.framework, self.strategy.pillar):
                yield from self.field(t("frame.form.dimension"), dimension_select(
                    self.plan.framework, self.strategy.pillar, lang), hint=t("frame.form.outside_hint"))
            yield from self.field(t("ui.strategy.kind"), Select(
                [(k.label(lang), k.key) for k in STRATEGY_KINDS], value=kind, allow_blank=False, id="kind",
                compact=True))
            yield from self.field(t("ui.strategy.text"), text_input(
                self.strategy.text, placeholder=t("ui.strategy.text_ph"), id="text"))
            picker = SelectionList[str](*self._selections(), id="swot", compact=True)
            yield from self.field(t("ui.strategy.swot"), picker,
                                  hint=t("ui.strategy.swot_hint"))
            yield Static(kind_hint(kind, lang), id="kind-hint", classes="hint", markup=False)
            yield from self.buttons()

    def _selections(self) -> list[Selection[str]]:
        chosen = set(self.strategy.swot_ids)
        out = []
        for q in QUADRANTS.keys:
            for item in self.plan.swot_for(self.strategy.pillar, q):
                prompt = Text()
                prompt.append(f"{q} ", style="bold")
                prompt.append(" ".join(item.text.split()) or t("ui.unnamed"))
                out.append(Selection(prompt, item.id, item.id in chosen))
        return out

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()
        if not self.query_one(SelectionList).option_count:
            line = self.query_one("#swot-error", Static)
            line.update(t("ui.strategy.no_swot_yet"))
            line.add_class("-shown")  # (an error line shows only with it: the hint was never seen)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind":
            self.query_one("#kind-hint", Static).update(kind_hint(str(event.value), get_language()))
            self._items_changed()

    def collect(self) -> dict[str, Any]:
        picker = self.query_one(SelectionList)
        selected = set(picker.selected)
        listed = {picker.get_option_at_index(i).value for i in range(picker.option_count)}
        # keep the order the items were cited in, new ones after; a citation the list does not
        # show (another pillar's item) is kept, never dropped behind the user's back
        ids = [i for i in self.strategy.swot_ids if i in selected or i not in listed]
        ids += [s for s in picker.selected if s not in ids]
        moved = {"pillar": self.query_one("#dimension", Select).value} if self.query("#dimension") else {}
        return {
            **moved,
            "kind": self.query_one("#kind", Select).value,
            "text": " ".join(self.query_one("#text", Input).value.split()),
            "swot_ids": ids,
        }

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if not values["text"]:
            return {"text": t("ui.strategy.need_text")}
        # Items of a kind the strategy does not draw on (a W item in an SO strategy): asked
        # about once, as the milestone form asks about a year outside its programme; a second
        # save keeps them (a group may cite one on purpose, and validation still warns).
        wrong = {(values["kind"], f.param("item", "id")): f for f in self._wrong_items(values)}
        if wrong and not wrong.keys() <= self._asked:
            self._asked |= wrong.keys()
            items = ", ".join(t("ui.strategy.wrong_item", quadrant=f.param("quadrant", get_language()),
                                item=f.param("item", get_language())) for f in wrong.values())
            return {"swot": t("ui.strategy.wrong_items", kind=values["kind"], items=items, count=len(wrong))}
        return {}

    def errors_again(self) -> dict[str, str]:
        self._asked = set()  # asked again below, so a second save still keeps the items
        return super().errors_again()

    def _wrong_items(self, values: dict[str, Any]) -> list[Finding]:
        """What validation says of the strategy as typed when its items do not fit its kind:
        its own rule (strategy.swot_quadrant), so the form and `validate` never disagree."""
        strategy = self.build(values)
        records: dict[str, Record] = {i: r for i in strategy.swot_ids if (r := self.plan.get(i)) is not None}
        records[strategy.id] = strategy
        return [f for f in validate(Plan(self.plan.info, records))
                if f.code == "strategy.swot_quadrant" and f.record_id == strategy.id]

    @on(SelectionList.SelectedChanged)
    def _items_changed(self) -> None:
        """Once the items fit the kind again, the question about them goes (QA #9's rule for
        every form: a message stays only while it is true)."""
        line = self.query_one("#swot-error", Static)
        if not self.query_one(SelectionList).option_count:
            return  # the line says there is no SWOT yet: it stays (the list says it changed at mount)
        if line.has_class("-shown") and not self._wrong_items(self.collect()):
            line.update("")
            line.remove_class("-shown")

    def build(self, values: dict[str, Any]) -> Strategy:
        return self.strategy.replace(**values)
