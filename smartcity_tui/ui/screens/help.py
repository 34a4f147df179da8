"""Help (F1 or ?): every key of the screen it was opened from, the focused widget's included,
read from the live bindings so it can never disagree with what the keys do."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...i18n import t
from .. import keys
from ..palette import keyed_actions
from .base import AppModal


def key_rows(screen: Screen[Any]) -> list[tuple[str, str]]:
    """(keys, action) of every key of `screen` and its focused widget, in help order."""
    rows = [(shown, label) for label, shown, _node, _action in keyed_actions(screen, enabled_only=False)]
    rows.append(("tab / shift+tab", t("ui.help.tab")))
    return rows


def key_table(rows: list[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    table.add_column(t("ui.help.col_key"), no_wrap=True, style="bold")
    table.add_column(t("ui.help.col_action"), ratio=1)
    for shown, label in rows:
        table.add_row(shown, label)
    return table


class HelpScreen(AppModal[None]):
    BINDINGS = keys.bindings("help.close")

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.under = under
        self.rows = key_rows(under)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="form") as box:
            box.border_title = t("ui.help.title")
            box.border_subtitle = t("ui.help.close_hint")
            yield Static(key_table(self.rows))
            hint = getattr(self.under, "HELP_KEY", "")
            if hint:
                yield Static(t(hint), classes="hint")
            # F4 and F5 sit behind Fn on most laptops: their second keys and the palette's way
            yield Static(t("win.help_fn_keys"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
