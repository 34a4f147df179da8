"""A small modal list to choose one of a few things (a quadrant, an element). Enter chooses,
a hot key chooses at once (s/w/o/t for quadrants), escape backs out choosing nothing."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .. import keys
from .base import AppModal


class ChoicePicker(AppModal[str | None]):
    BINDINGS = keys.bindings("picker.cancel")

    def __init__(self, title: str, choices: list[tuple[str, str]], *, current: str | None = None,
                 hotkeys: dict[str, str] | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current
        self.hotkeys = hotkeys or {}
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="form picker") as box:
            box.border_title = self.title_text
            options = [Option(("● " if key == self.current else "  ") + label, id=f"c{i}")
                       for i, (key, label) in enumerate(self.choices)]
            yield OptionList(*options, id="choices")
            if self.hint:
                yield Static(self.hint, classes="hint", markup=False)

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        keys_ = [k for k, _ in self.choices]
        ol.highlighted = keys_.index(self.current) if self.current in keys_ else 0
        ol.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int((event.option.id or "c0")[1:])][0])

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.lower() in self.hotkeys:
            event.stop()
            self.dismiss(self.hotkeys[event.character.lower()])

    def action_cancel(self) -> None:
        self.dismiss(None)
