"""The warning before a new plan period is saved: which programmes and milestones would fall
outside it. Nothing is deleted either way; the officer confirms the period (and adjusts those
years later) or goes back to the form."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import t
from ...model.format import group_thousands
from ...model.roadmap import OutsidePeriod
from .. import keys
from .base import AppModal


class PeriodConfirm(AppModal[bool]):
    BINDINGS = keys.prefixed("period.")
    # its rules: period_confirm.tcss, loaded with the app's (ui/styles.py)

    def __init__(self, start: int, end: int, outside: list[OutsidePeriod]) -> None:
        super().__init__()
        self.start, self.end = start, end
        self.outside = outside

    def compose(self) -> ComposeResult:
        with Vertical(id="period-box", classes="form") as box:
            box.border_title = t("period.title", start=self.start, end=self.end)
            box.border_subtitle = t("period.keys_hint")
            n = len(self.outside)
            text = t("period.text", n=group_thousands(n), count=n, start=self.start, end=self.end)
            yield Static(text, id="period-text")
            options = []
            for o in self.outside:
                line = Text(no_wrap=True, overflow="ellipsis")
                line.append(f"{t(f'period.kind.{o.kind}'):<10}", style="bold")
                line.append(o.title or t("ui.unnamed"))
                line.append(f"  ({o.years})", style="dim")
                options.append(Option(line))
            yield OptionList(*options, id="period-outside")
            with Horizontal(classes="buttons"):
                yield Button(t("period.confirm_button"), id="confirm", variant="warning")
                yield Button(t("period.cancel_button"), id="cancel", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
