"""The footer of our screens: the keys in the screen's order (keys.footer_rank), and only the
keys that fit whole. Textual's footer cuts the last key where the terminal ends ("i Data
renc"): at 80 columns an officer would read a cut word as a key of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

from ..textual_compat import FooterKey, footer_ready

# A compact footer key is "key description" and one column of margin after it.
GAP = 1


def key_width(key: FooterKey) -> int:
    width = cell_len(key.key_display)
    if key.description:
        width += 1 + cell_len(key.description)
    return width + GAP


def whole_keys(widgets: Iterable[Widget], room: int) -> Iterator[Widget]:
    """The footer keys, in order, up to the first that does not fit in `room` columns
    (a later, shorter key is left out too: the order is the screen's, most used first)."""
    used = 0
    for widget in widgets:
        if isinstance(widget, FooterKey):
            used += key_width(widget)
            # the last key's margin may fall past the edge
            if used - GAP > room:
                return
        yield widget


class KeyFooter(Footer):
    def __init__(self) -> None:
        # The palette key (^p) is listed on the help screen rather than in the footer: at 80
        # columns its place is worth more to the keys of the view.
        super().__init__(compact=True, show_command_palette=False)
        self._drawn_width = 0

    def compose(self) -> ComposeResult:
        room = self.size.width or self.app.size.width
        self._drawn_width = room
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
