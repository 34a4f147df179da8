"""The footer of our screens: the keys in the screen's order (keys.footer_rank), and only the
keys that fit whole. Textual's footer cuts the last key where the terminal ends ("i Data
renc"): at 80 columns an officer would read a cut word as a key of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ..textual_compat import FooterKey, FooterLabel, footer_ready

# A compact footer key is "key description" and one column of margin after it; a group of
# keys ("< > Geser tahun") is each key and a column, then the group's label and a column.
GAP = 1


def key_width(widget: Widget) -> int:
    if isinstance(widget, FooterLabel):
        return cell_len(str(widget.content)) + GAP
    assert isinstance(widget, FooterKey)
    width = cell_len(widget.key_display)
    if widget.has_class("-grouped"):
        return width + GAP
    if widget.description:
        width += 1 + cell_len(widget.description)
    return width + GAP


def whole_keys(widgets: Iterable[Widget], room: int) -> Iterator[Widget]:
    """The footer keys, in order, up to the first that does not fit in `room` columns
    (a later, shorter key is left out too: the order is the screen's, most used first)."""
    used = 0
    for widget in widgets:
        if isinstance(widget, (FooterKey, FooterLabel)):
            used += key_width(widget)
            # the last key's margin may fall past the edge
            if used - GAP > room:
                return
        yield widget


def shown_keys(screen: Screen[object]) -> tuple[object, ...]:
    """What the footer draws from the screen's bindings: each shown key with its words, its
    group and whether it is enabled, in order."""
    display = screen.app.get_key_display
    return tuple((b.key, display(b), b.description, b.action, b.group, b.tooltip, enabled, tooltip)
                 for _node, b, enabled, tooltip in screen.active_bindings.values() if b.show)


class KeyFooter(Footer):
    # A group reads like the keys around it, "< > Geser tahun ^z Urungkan": Textual's compact
    # footer sets its keys against each other ("<>", one key to the eye) after two spaces, and
    # its label against the next key.
    DEFAULT_CSS = """
    KeyFooter.-compact {
        KeyGroup.-compact {
            padding-left: 0;
            margin-right: 0;
            FooterKey.-grouped { margin: 0 1 0 0; }
        }
        FooterLabel { margin: 0 1 0 0; }
    }
    """

    def __init__(self) -> None:
        # The palette key (^p) is listed on the help screen rather than in the footer: at 80
        # columns its place is worth more to the keys of the view.
        super().__init__(compact=True, show_command_palette=False)
        self._drawn_width = 0
        self._drawn_keys: tuple[object, ...] | None = None

    async def recompose(self) -> None:
        # Textual's footer builds all its keys again whenever the screen's bindings are
        # refreshed: every move of the focus (tab, down into a list) and every refresh a
        # view asks for, most of which change no key it shows. Building and styling the keys
        # was a good part of what such a key press cost (docs/design-notes.md).
        # (a footer whose screen has gone by now is left to Textual, which does nothing)
        if (self.is_attached and footer_ready(self) and self._drawn_keys is not None
                and self._drawn_width == self._room() and self._drawn_keys == shown_keys(self.screen)):
            return
        await super().recompose()

    def _room(self) -> int:
        return self.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        room = self._room()
        self._drawn_width = room
        # (a footer that has not had its screen's bindings yet draws nothing: its screen may
        # still be composing, the widgets its check_action reads not there yet)
        self._drawn_keys = shown_keys(self.screen) if footer_ready(self) else None
        for widget in whole_keys(super().compose(), room):
            # Our footer is always compact. A footer key adds its "-compact" class when it
            # is mounted, and each such add restyles the key on its own: some 25 keys on
            # every screen and language switch, a tenth of the time a screen takes to come
            # up. Given before mounting, the class is styled with the rest.
            if isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)
            yield widget

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._drawn_width and footer_ready(self):
            self.call_after_refresh(self.recompose)
