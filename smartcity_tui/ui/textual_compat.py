"""The one place that touches Textual's private names, for what Textual offers no public way.

Everything else in the UI uses Textual's public API only. Whatever sits here is checked by
tests/ui/test_textual_compat.py, which fails with a clear message when a new Textual renames
or reshapes it: that test is the first thing to read when moving to a new Textual (README,
"A new Textual").

Today there are three things: the command palette's "No matches found", which Textual writes
in English inside a private method, with no message to override; the toggles' box, drawn in
a private property and from ToggleButton's characters (widgets/ticks.py draws [x] / [ ]); and
the footer's key widget, a key group's label and its "bindings ready" flag
(widgets/key_footer.py shows only the keys that fit whole, a group's label counted).
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel
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


# --- toggles and the footer -----------------------------------------------------------------

# The property a Checkbox draws its box with (ticks.Checkbox draws its own), and the
# characters SelectionList draws before each option (ticks.SelectionList draws over them).
TOGGLE_BOX = "_button"
TOGGLE_LEFT = ToggleButton.BUTTON_LEFT
__all__ = ["PALETTE_PRIVATES", "TOGGLE_BOX", "TOGGLE_LEFT", "FooterKey", "FooterLabel", "LocalisedNoMatches",
           "footer_ready"]


def footer_ready(footer: Footer) -> bool:
    """Whether the footer has had its screen's bindings (before that it draws nothing)."""
    return bool(footer._bindings_ready)
