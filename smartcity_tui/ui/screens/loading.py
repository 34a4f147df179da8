"""Shown while a plan is read (a big plan takes a moment): which file, and that it is coming."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Static

from ...i18n import t
from ..app import app_of
from .base import AppScreen


class LoadingScreen(AppScreen[None]):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(t("ui.loading", path=self.path.name), id="loading", markup=False)

    def on_mount(self) -> None:
        self.call_after_refresh(app_of(self).first_frame_drawn, "loading")
