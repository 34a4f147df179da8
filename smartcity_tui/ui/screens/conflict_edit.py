"""Settle a conflict by typing the value: one field, prefilled with the value under the cursor
(often the best start: take one team's text and add what the other team wrote)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from ...i18n import t
from ...model.format import group_thousands, parse_rupiah
from .form import FormScreen, text_input

_NOTHING = object()


def editable(type_name: str) -> bool:
    return type_name in ("str", "int", "float | None")


def prefill(type_name: str, value: Any) -> str:
    if value is None:
        return ""
    if type_name == "float | None" and isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else str(value)
    if type_name == "int" and isinstance(value, int) and abs(value) >= 10_000:
        return group_thousands(value)  # an amount as the programme form shows it (not a year)
    return str(value)


def parse(type_name: str, text: str) -> Any:
    """The typed text as the field's value, or _NOTHING when it does not fit."""
    text = text.strip()
    if type_name == "str":
        return " ".join(text.split())
    try:
        # an amount as the form shows it, grouped either language's way, "Rp" or not
        return parse_rupiah(text) if type_name == "int" else float(text.replace(",", "."))
    except ValueError:
        return _NOTHING


class ConflictEditForm(FormScreen[Any]):
    def __init__(self, title: str, label: str, type_name: str, value: Any) -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.type_name = type_name
        self.value = value

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="conflict-edit", classes="form", can_focus=False) as box:
            box.border_title = self.title_text
            box.border_subtitle = t("ui.form.keys_hint")
            yield from self.field(self.label, text_input(prefill(self.type_name, self.value), id="value"),
                                  hint=t("exchange.conflict.edit_hint"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()

    def collect(self) -> dict[str, Any]:
        return {"value": parse(self.type_name, self.query_one("#value", Input).value)}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if values["value"] is _NOTHING:
            return {"value": t("exchange.conflict.need_number")}
        return {}

    def build(self, values: dict[str, Any]) -> Any:
        return values["value"]
