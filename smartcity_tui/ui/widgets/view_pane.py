"""A view of a screen with tabs (a pillar's SWOT, strategies, programmes, timeline; the book's
parts) that takes the tabs only while the focus is really in it.

Textual's TabbedContent opens the pane a focused widget is in (`TabPane.Focused`), and that
message can arrive late: a widget focused for a moment (a screen's first focus, a hidden
view's list handing the focus to its neighbour) posts it, the focus moves on, and the old
pane's tab still took over afterwards. A jump to a programme then showed the SWOT view, and
two such late messages could chase each other, flicking between two views for as long as
the screen was open. A pane's `Focused` is passed on only when the focus is still inside it.
"""

from __future__ import annotations

from textual.widgets import TabPane


class ViewPane(TabPane):
    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or (focused is not self and self not in focused.ancestors):
            event.stop()  # late: the focus has left this view since
