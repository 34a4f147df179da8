"""Command palette entries made from the key map: every keyed action of the current screen
(and of the focused widget) is also a palette command, named by its label and showing its key.
One source, so a new binding is in the palette without anybody remembering to add it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from ..i18n import t
from . import keys
from .textual_compat import LocalisedNoMatches


def keyed_actions(screen: Screen[Any], *, enabled_only: bool = True) -> list[tuple[str, str, DOMNode, str]]:
    """(label, keys shown, node, action) for each of our enabled bindings on `screen`,
    one entry per action, in the order the key map lists them. Help asks for the disabled
    ones too (a milestone's keys, with the cursor on a programme): they exist all the same."""
    seen: dict[tuple[int, str], list[Any]] = {}
    for key, active in keys.localised(screen.active_bindings).items():
        binding = active.binding
        # every binding with an id is one of the app's own (Textual's carry none): ours from
        # the key map, and those the programme widgets declare themselves
        if binding.id is None or (enabled_only and not active.enabled) or binding.system:
            continue
        entry = seen.setdefault((id(active.node), binding.action),
                                [binding.tooltip or binding.description, [], active.node, binding.action,
                                 binding.id])
        entry[1].append(keys.display(key, spelled=True))
    order = {s.id: i for i, s in enumerate(keys.SPECS)}

    def rank(entry: list[Any]) -> tuple[int, int]:
        # what the focused part does first, then the screen's keys, then the app's
        node = entry[2]
        where = 2 if node is screen.app else 1 if node is screen else 0
        return where, order.get(entry[4], 999)

    rows = sorted(seen.values(), key=rank)
    return [(label, " ".join(shown), node, action) for label, shown, node, action, _ in rows]


class KeyCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Awaitable[object]]]]:
        for label, shown, node, action in keyed_actions(self.screen):
            yield label, t("ui.palette.key", keys=shown), partial(self.app.run_action, action, node)

    async def discover(self) -> Hits:
        for label, help_text, callback in self._commands():
            yield DiscoveryHit(label, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, callback in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, help=help_text)


class Palette(LocalisedNoMatches):
    """Textual's command palette, speaking the app's language (its own words are English)."""

    def __init__(self) -> None:
        super().__init__(placeholder=t("ui.palette.placeholder"), id="--command-palette")


def system_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Textual's own palette commands that make sense here, in the app's language."""
    yield SystemCommand(t("ui.cmd.theme"), t("ui.cmd.theme_help"), app.action_change_theme)
    if screen.maximized is not None:
        yield SystemCommand(t("ui.cmd.minimize"), t("ui.cmd.minimize_help"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("ui.cmd.maximize"), t("ui.cmd.maximize_help"), screen.action_maximize)
    yield SystemCommand(t("ui.cmd.screenshot"), t("ui.cmd.screenshot_help"),
                        lambda: app.set_timer(0.1, app.deliver_screenshot))
