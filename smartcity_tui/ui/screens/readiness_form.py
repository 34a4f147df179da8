"""Add or edit one row of the readiness analysis: aspect (struktur, infrastruktur,
suprastruktur), topic, rating (baik, sedang, kurang), description and gap."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select

from ...i18n import get_language, t
from ...model.records import Readiness
from ...model.vocab import RATINGS, READINESS_ASPECTS
from .form import FormScreen


class ReadinessForm(FormScreen[Readiness]):
    def __init__(self, row: Readiness, *, is_new: bool) -> None:
        super().__init__()
        self.row = row
        self.is_new = is_new

    def compose(self) -> ComposeResult:
        lang = get_language()
        with VerticalScroll(id="readiness-form", classes="form", can_focus=False) as box:
            box.border_title = t("readiness.form_new" if self.is_new else "readiness.form_edit")
            box.border_subtitle = t("ui.form.keys_hint")
            aspect = self.row.aspect if self.row.aspect in READINESS_ASPECTS else READINESS_ASPECTS.keys[0]
            yield from self.field(t("readiness.col.aspect"), Select(
                [(c.label(lang), c.key) for c in READINESS_ASPECTS], value=aspect, allow_blank=False,
                id="aspect", compact=True))
            yield from self.field(t("readiness.col.topic"), Input(
                self.row.topic, placeholder=t("readiness.topic_ph"), id="topic", compact=True))
            rating = self.row.rating if self.row.rating in RATINGS else "sedang"
            yield from self.field(t("readiness.col.rating"), Select(
                [(c.label(lang), c.key) for c in RATINGS], value=rating, allow_blank=False,
                id="rating", compact=True))
            yield from self.field(t("readiness.col.description"), Input(
                self.row.description, placeholder=t("readiness.description_ph"), id="description", compact=True))
            yield from self.field(t("readiness.col.gap"), Input(
                self.row.gap, placeholder=t("readiness.gap_ph"), id="gap", compact=True))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#topic", Input).focus()

    def collect(self) -> dict[str, Any]:
        return {
            "aspect": self.query_one("#aspect", Select).value,
            "topic": " ".join(self.query_one("#topic", Input).value.split()),
            "rating": self.query_one("#rating", Select).value,
            "description": self.query_one("#description", Input).value.strip(),
            "gap": self.query_one("#gap", Input).value.strip(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if not values["topic"]:
            return {"topic": t("readiness.need_topic")}
        return {}

    def build(self, values: dict[str, Any]) -> Readiness:
        return self.row.replace(**values)
