"""Add or edit one SWOT item: quadrant, text, element (or none) with a free sub-topic beside
it, and the agency that raised it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select

from ...i18n import get_language, t
from ...model.framework import Dimension
from ...model.records import SwotItem
from ...model.vocab import QUADRANTS
from ..app import app_of
from .dimension_fields import dimension_select, element_options, outside
from .form import FormScreen, text_input

NO_ELEMENT = "-"


class SwotForm(FormScreen[SwotItem]):
    def __init__(self, item: SwotItem, *, is_new: bool) -> None:
        super().__init__()
        self.item = item
        self.is_new = is_new
        self.pillar = item.pillar  # the dimension chosen in the form (see dimension_fields.py)

    def compose(self) -> ComposeResult:
        lang = get_language()
        framework = app_of(self).plan.framework
        p = framework.shown(self.pillar)
        with VerticalScroll(id="swot-form", classes="form", can_focus=False) as box:
            title = "ui.swot.form_new" if self.is_new else "ui.swot.form_edit"
            box.border_title = t(title, pillar=p.label(lang))
            box.border_subtitle = t("ui.form.keys_hint")
            if outside(framework, self.item.pillar):
                yield from self.field(t("frame.form.dimension"), dimension_select(
                    framework, self.item.pillar, lang), hint=t("frame.form.outside_hint"))
            quadrant = self.item.quadrant if self.item.quadrant in QUADRANTS else "S"
            yield from self.field(t("ui.swot.quadrant"), Select(
                [(f"{q.key} · {q.label(lang)}", q.key) for q in QUADRANTS],
                value=quadrant, allow_blank=False, id="quadrant", compact=True))
            yield from self.field(t("ui.swot.text"), text_input(
                self.item.text, placeholder=t("ui.swot.text_ph"), id="text"))
            # an element this framework lacks is listed as unknown and stays chosen: a form
            # saved unchanged never clears what it cannot show (dimension_fields.py)
            yield from self.field(t("ui.swot.element"), Select(
                self._elements(p, self.item.element), value=self.item.element or NO_ELEMENT,
                allow_blank=False, id="element", compact=True))
            yield from self.field(t("ui.swot.subtopic"), text_input(
                self.item.subtopic, placeholder=t("ui.swot.subtopic_ph"), id="subtopic"))
            yield from self.field(t("ui.swot.agency"), text_input(
                self.item.source_agency, placeholder=t("ui.swot.agency_ph"), id="agency"))
            yield from self.buttons()

    @staticmethod
    def _elements(dimension: Dimension, current: str) -> list[tuple[str, str]]:
        return [(t("ui.swot.no_element"), NO_ELEMENT)] + element_options(dimension, current, get_language())

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """A record moved to a dimension: its element list becomes that dimension's (the
        element it had stays listed, as unknown there, until another is chosen)."""
        if event.select.id != "dimension":
            return
        self.pillar = str(event.value)
        element = self.query_one("#element", Select)
        current = "" if element.value in (NO_ELEMENT, Select.NULL) else str(element.value)
        element.set_options(self._elements(app_of(self).plan.framework.shown(self.pillar), current))
        element.value = current or NO_ELEMENT

    def collect(self) -> dict[str, Any]:
        element = self.query_one("#element", Select).value
        moved = {"pillar": self.query_one("#dimension", Select).value} if self.query("#dimension") else {}
        return {
            **moved,
            "quadrant": self.query_one("#quadrant", Select).value,
            "text": " ".join(self.query_one("#text", Input).value.split()),
            "element": "" if element == NO_ELEMENT else element,
            "subtopic": self.query_one("#subtopic", Input).value.strip(),
            "source_agency": self.query_one("#agency", Input).value.strip(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if not values["text"]:
            return {"text": t("ui.swot.need_text")}
        return {}

    def build(self, values: dict[str, Any]) -> SwotItem:
        return self.item.replace(**values)
