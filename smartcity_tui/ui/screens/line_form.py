"""Add or edit one line of the plan's missions or targets."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from ...i18n import t
from .form import FormScreen


class LineForm(FormScreen[str]):
    def __init__(self, field: str, text: str = "", *, is_new: bool) -> None:
        super().__init__()
        self.field_name = field  # "missions" or "targets"
        self.text = text
        self.is_new = is_new

    def compose(self) -> ComposeResult:
        kind = "new" if self.is_new else "edit"
        with VerticalScroll(id="line-form", classes="form", can_focus=False) as box:
            box.border_title = t(f"planscreen.{self.field_name}_{kind}")
            box.border_subtitle = t("ui.form.keys_hint")
            yield from self.field(t(f"planscreen.{self.field_name}_label"), Input(
                self.text, placeholder=t(f"planscreen.{self.field_name}_ph"), id="line", compact=True))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#line", Input).focus()

    def collect(self) -> dict[str, Any]:
        return {"line": " ".join(self.query_one("#line", Input).value.split())}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        return {} if values["line"] else {"line": t("planscreen.need_line")}

    def build(self, values: dict[str, Any]) -> str:
        line: str = values["line"]  # the Input's value
        return line
