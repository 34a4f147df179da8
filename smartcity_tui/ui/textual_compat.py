"""The one place that touches Textual's private names, for what Textual offers no public way.

Everything else in the UI uses Textual's public API only. Whatever sits here is checked by
tests/ui/test_textual_compat.py, which fails with a clear message when a new Textual renames
or reshapes it: that test is the first thing to read when moving to a new Textual (README,
"A new Textual").

Today there are three things: the command palette's "No matches found", which Textual writes
in English inside a private method, with no message to override; the toggles' box, drawn in
a private property and from ToggleButton's characters (widgets/ticks.py draws [x] / [ ]);
and a cache of Textual's that keeps every widget's drawing long after the widget is gone
(`mend_style_cache_leak`). (The footer, widgets/key_footer.py, draws its keys itself from
public API since it became one widget.)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from rich.align import Align
from rich.text import Text
from textual._styles_cache import StylesCache
from textual.command import CommandList, CommandPalette
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import Option

from ..i18n import t

# The private names used below; the compatibility test checks each one is still there.
PALETTE_PRIVATES = ("_start_no_matches_countdown", "_stop_no_matches_countdown", "_NO_MATCHES",
                    "_NO_MATCHES_COUNTDOWN", "_no_matches_timer", "_list_visible")


class LocalisedNoMatches(CommandPalette):
    """Textual's command palette with its "No matches found" in the app's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # as Textual's own, with the message in the app's language
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("ui.palette.no_matches"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


# --- toggles -------------------------------------------------------------------------------

# The property a Checkbox draws its box with (ticks.Checkbox draws its own), and the
# characters SelectionList draws before each option (ticks.SelectionList draws over them).
TOGGLE_BOX = "_button"
TOGGLE_LEFT = ToggleButton.BUTTON_LEFT
__all__ = ["PALETTE_PRIVATES", "TOGGLE_BOX", "TOGGLE_LEFT", "LocalisedNoMatches", "mend_style_cache_leak"]


# --- a widget's drawing let go with the widget ----------------------------------------------

# Textual 8.2 caches StylesCache.get_inner_outer (two background colours -> two styles) with
# lru_cache on the method, so the cache's keys hold the StylesCache of up to 1,024 widgets,
# each with the lines it last drew, long after the widgets are removed (Textual issue #6665).
# Every screen this app builds again (a list after each edit, a form, a language switch)
# adds to it until the cache is full: walking every pillar's views and a programme form
# twice left 1,091 widgets' drawings alive instead of 633 (the installed screens' own) and
# 45 MB held instead of 38 (benchmarks/bench_memory.py), more for the cycle collector to
# walk in every pause of the keyboard. The method never uses its instance, so the same
# cache keyed on the two colours alone gives the same styles and holds no widget.
def _inner_outer() -> Any:
    return vars(StylesCache).get("get_inner_outer")


_LEAKY_INNER_OUTER = _inner_outer()


def mend_style_cache_leak() -> None:
    """Key StylesCache.get_inner_outer's cache on the colours only (idempotent). A Textual
    where the method is no longer an lru_cache is left as it is (the compatibility test then
    says to remove this)."""
    leaky = _LEAKY_INNER_OUTER
    if not hasattr(leaky, "cache_clear") or _inner_outer() is not leaky:
        return  # mended already, or a Textual without the leak
    compute: Callable[..., Any] = leaky.__wrapped__
    by_colours = lru_cache(1024)(lambda base_background, background: compute(None, base_background, background))

    def get_inner_outer(self: StylesCache, base_background: Any, background: Any) -> Any:
        return by_colours(base_background, background)

    # (replacing Textual's method on purpose: its type is the lru_cache wrapper's)
    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign,assignment]
    leaky.cache_clear()  # the widgets already held
