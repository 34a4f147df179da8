"""The one-line bar on top of every plan screen: where you are, and whether your last edit is
on disk. The save state is never hidden: officers must know before they pull a flash drive."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from ..app import app_of


class SaveState(Static):
    def on_mount(self) -> None:
        app = app_of(self)
        self.watch(app, "save_note", self._update)
        self.watch(app, "save_failed", self._update)

    def _update(self, _value: object = None) -> None:
        app = app_of(self)
        self.update(app.save_note)
        self.set_class(app.save_failed, "-failed")


class TopBar(Horizontal):
    where: reactive[str] = reactive("", init=False)  # "1 Smart Governance · Kabupaten Sukamaju"

    def __init__(self, where: str = "", **kw: Any) -> None:
        super().__init__(**kw)
        self.set_reactive(TopBar.where, where)

    def compose(self) -> ComposeResult:
        yield Static(self.where, id="where", markup=False)
        yield SaveState(id="save-state")

    def watch_where(self, text: str) -> None:
        self.query_one("#where", Static).update(text)
