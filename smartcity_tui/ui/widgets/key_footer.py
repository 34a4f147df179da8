"""The footer of our screens: the keys in the screen's order (keys.footer_rank), and only the
keys that fit whole. Textual's footer cuts the last key where the terminal ends ("i Data
renc"): at 80 columns an officer would read a cut word as a key of its own.

One widget draws the whole line. Textual's `Footer` is a widget per key, built again whenever
the keys change: ten of the 25 to 50 widgets of a dashboard or a pillar, each styled, laid
out and drawn on its own, and again on every focus move that changes one key
(docs/design-notes.md, "What makes a screen slow to come up"). This footer reads the same bindings through Textual's
public API (the screen's `active_bindings` and `bindings_updated_signal`, the app's
`get_key_display`) and draws them as Textual's compact footer does, with the same colours
(the theme's `footer-*` variables); it draws again only when what it shows changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# A key is "key words" and one column after it; a group of keys ("< > Geser tahun") is each
# key and a column, then the group's label and a column.
GAP = 1


@dataclass(frozen=True)
class FooterEntry:
    """One thing the footer shows: a key and its words, or the keys of a group of bindings
    (the timeline's `<` and `>`) and the group's one label."""

    keys: tuple[str, ...]  # as drawn: "f1", "^z", "⏎"
    words: str
    enabled: tuple[bool, ...]

    @property
    def grouped(self) -> bool:
        return len(self.keys) > 1

    @property
    def width(self) -> int:
        """Columns taken, the column after it included."""
        if self.grouped:
            return sum(cell_len(k) + GAP for k in self.keys) + cell_len(self.words) + GAP
        return cell_len(self.keys[0]) + (1 + cell_len(self.words) if self.words else 0) + GAP


def shown_keys(screen: Screen[object]) -> tuple[FooterEntry, ...]:
    """What the footer shows of the screen's bindings, in order, as Textual's footer does: a
    binding per action (the first), the bindings of one group side by side under its label."""
    display = screen.app.get_key_display
    first: dict[str, tuple[Binding, bool]] = {}
    for _node, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.show:
            first.setdefault(binding.action, (binding, enabled))
    entries: list[FooterEntry] = []
    for group, run in groupby(first.values(), lambda pair: pair[0].group):
        members = list(run)
        if group is not None and len(members) > 1:
            entries.append(FooterEntry(tuple(display(b) for b, _ in members), group.description,
                                       tuple(enabled for _, enabled in members)))
        else:
            entries.extend(FooterEntry((display(b),), b.description, (enabled,)) for b, enabled in members)
    return tuple(entries)


def whole_keys(entries: tuple[FooterEntry, ...], room: int) -> tuple[FooterEntry, ...]:
    """The entries, in order, up to the first that does not fit in `room` columns (a later,
    shorter one is left out too: the order is the screen's, most used first)."""
    used = 0
    for at, entry in enumerate(entries):
        used += entry.width
        if used - GAP > room:  # (the last one's column may fall past the edge)
            return entries[:at]
    return entries


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--item", "key-footer--key", "key-footer--words",
                                             "key-footer--disabled"}
    # The colours of Textual's compact footer: its footer, its key widget ("item"), a key and
    # its description, a group's label (drawn as a description), a key that does nothing here
    # now (app.tcss strikes it through in the high-contrast theme).
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--item { background: $footer-item-background; }
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--words {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--disabled { text-style: dim; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        # nothing until the screen's bindings are read: the screen may still be composing,
        # with widgets its check_action reads not there yet
        self.entries: tuple[FooterEntry, ...] = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # As Textual's footer: not while the terminal is in the background (its focused
        # widget is blurred then, and the footer would lose that widget's keys for a moment),
        # and once the refresh under way is done.
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._read_keys)

    def _read_keys(self) -> None:
        if not self.is_attached:
            return
        entries = shown_keys(self.screen)
        # Most binding refreshes (a focus move, a view's refresh_bindings) change no key
        # shown: then nothing is drawn again.
        if entries != self.entries:
            self.entries = entries
            self.refresh()

    @property
    def drawn(self) -> tuple[FooterEntry, ...]:
        """The entries on show: those that fit whole in the footer's width."""
        return whole_keys(self.entries, self.size.width or self.app.size.width)

    def render(self) -> Text:
        # A key and its words are drawn on the key's own background ("item"), as Textual's key
        # widget draws them; a group's label straight on the footer, as its label widget.
        item = self.get_component_rich_style("key-footer--item")
        key = self.get_component_rich_style("key-footer--key", partial=True)
        words = self.get_component_rich_style("key-footer--words", partial=True)
        label = self.get_component_rich_style("key-footer--words")
        off = self.get_component_rich_style("key-footer--disabled", partial=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        for entry in self.drawn:
            if entry.grouped:
                for shown, enabled in zip(entry.keys, entry.enabled, strict=True):
                    line.append(shown, item + key if enabled else item + key + off)
                    line.append(" " * GAP)
                line.append(entry.words, label)
            else:
                base = item if entry.enabled[0] else item + off
                line.append(entry.keys[0], base + key)
                if entry.words:
                    line.append(" " + entry.words, base + words)
            line.append(" " * GAP)
        return line
