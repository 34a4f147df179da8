"""The one-line bar on top of every plan screen: where you are, and whether your last edit is
on disk. The save state is never hidden: officers must know before they pull a flash drive."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class SaveState(Static):
    def on_mount(self) -> None:
        self.watch(self.app, "save_note", self._update)
        self.watch(self.app, "save_failed", self._update)

    def _update(self, _value: object = None) -> None:
        self.update(self.app.save_note)
        self.set_class(self.app.save_failed, "-failed")


class TopBar(Horizontal):
    def __init__(self, where: str = "", **kw) -> None:
        super().__init__(**kw)
        self._where = where

    def compose(self) -> ComposeResult:
        yield Static(self._where, id="where", markup=False)
        yield SaveState(id="save-state")

    def set_where(self, text: str) -> None:
        self.query_one("#where", Static).update(text)
