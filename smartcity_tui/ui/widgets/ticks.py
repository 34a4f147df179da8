"""Ticked and unticked look different without colour: `[x]` and `[ ]`.

Textual draws every toggle as ▐X▌ and tells ticked from unticked by colour alone, so on a
projector washed out by daylight, in the high-contrast theme's black and white, under NO_COLOR,
or for an officer who does not tell green from grey, every box read the same. These two draw
the mark itself; every form of the app uses them (tests/ui/test_ticks.py checks the imports).
Three cells, as Textual's button: no layout moves.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import widgets
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

from ..textual_compat import TOGGLE_LEFT

TICKED = "[x]"
UNTICKED = "[ ]"

# Textual draws an unticked button's X in the panel's own colour (all but invisible): the
# brackets take the text's colour, so an empty box is seen as a box.


class Checkbox(widgets.Checkbox):
    # (Textual draws the box in this private property: textual_compat.TOGGLE_BOX)
    @property
    def _button(self) -> Content:
        button = self.get_visual_style("toggle--button")
        brackets = Style(foreground=self.styles.color, background=button.background)
        return Content.assemble(("[", brackets), ("x" if self.value else " ", button + Style(bold=True)),
                                ("]", brackets))


class SelectionList(widgets.SelectionList[SelectionType]):
    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        # Textual's line: the button's three cells, a space, the prompt
        if len(segments) < 3 or segments[0].text != TOGGLE_LEFT:
            return line
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        button = segments[1].style or RichStyle()
        brackets = button + RichStyle(color=(self.rich_style.color or button.color))
        inner = button + RichStyle(bold=True)
        ticked = selection.value in self.selected
        return Strip([Segment("[", brackets), Segment("x" if ticked else " ", inner), Segment("]", brackets),
                      *segments[3:]], line.cell_length)
