"""Help (F1 or ?): every key of the screen it was opened from, the focused widget's included,
read from the live bindings so it can never disagree with what the keys do. On a new plan
(no SWOT item, no programme yet) the first steps come first, in the order the work goes.
Over a form too (F1 there): the form's keys."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...i18n import t
from ...model.plan import Plan
from ...model.records import Programme, SwotItem
from .. import keys
from ..app import app_of
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


# (key ids whose key the step shows, catalog key of the step), in the order the work goes
FIRST_STEPS = (
    (("app.plan_info",), "ui.first_steps.facts"),
    (("app.pillar.",), "ui.first_steps.swot"),
    (("pillar.strategies",), "ui.first_steps.strategies"),
    (("pillar.programmes",), "ui.first_steps.programmes"),
    (("pillar.timeline",), "ui.first_steps.timeline"),
    (("app.export",), "ui.first_steps.export"),
)


def is_new(plan: Plan) -> bool:
    """Nothing of the workshop's work yet: no SWOT item and no programme."""
    return not any(isinstance(r, (SwotItem, Programme)) for r in plan.records.values())


def key_of(remapped: dict[str, str], binding_id: str) -> str:
    """The key the user has for this binding now (remapped or default), as the footer shows it;
    for a prefix ("app.pillar."), the range of its keys ("1-6")."""
    if binding_id.endswith("."):
        shown = [key_of(remapped, s.id) for s in keys.SPECS if s.id.startswith(binding_id)]
        return f"{shown[0]}-{shown[-1]}" if len(shown) > 1 else "".join(shown)
    raw = remapped.get(binding_id) or keys.BY_ID[binding_id].keys
    return keys.display(raw.split(",")[0], spelled=True)


def first_steps(remapped: dict[str, str]) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for n, (ids, step) in enumerate(FIRST_STEPS, start=1):
        text = t(step, view=key_of(remapped, "pillar.swot"), new=key_of(remapped, "swot.new"))
        table.add_row(f"{n}.", " ".join(key_of(remapped, i) for i in ids), text)
    return table


class HelpScreen(AppModal[None]):
    # F4 here as everywhere: a modal hides the app's own key, so the help has its own
    BINDINGS = keys.bindings("help.close", "help.language")

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.under = under
        self.rows = key_rows(under)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="form") as box:
            box.border_title = t("ui.help.title")
            box.border_subtitle = t("ui.help.close_hint")
            app = app_of(self)
            if app.store is not None and is_new(app.plan):
                yield Static(Text(t("ui.first_steps.title"), style="bold"))
                yield Static(first_steps(app.settings.keys), id="first-steps")
                yield Static(Text("\n" + t("ui.first_steps.then"), style="bold"))
            yield Static(key_table(self.rows))
            hint = getattr(self.under, "HELP_KEY", "")
            if hint:
                yield Static(t(hint), classes="hint")
            # F4 and F5 sit behind Fn on most laptops: their second keys and the palette's way
            yield Static(t("win.help_fn_keys"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)

    async def relanguage(self) -> None:
        """F4 with the help open: built again in the new language, with the keys of the
        screen under it read afresh once that screen (built again just before: language.py
        goes bottom first) has its focus back: Textual gives a focus through the app's
        queue, so this goes in the same queue, after it."""
        self.app.call_later(self._reread)

    async def _reread(self) -> None:
        self.rows = key_rows(self.under)
        await self.recompose()
