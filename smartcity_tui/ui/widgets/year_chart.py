"""What the roadmap's chart and a pillar's timeline share: a Line API chart of one line per
record with the plan's years as columns, a cursor, and a header and a detail line tied to it.

The lines are data (a list) and only those on screen are drawn, each once until the layout
or the data changes (a cache per line index), so the widget count never grows with the plan
and a cursor move repaints two lines. A subclass gives its lines, how one is drawn
(`_draw`), its column headings between the code and the years (`_header_names`), and which
lines the cursor may rest on (`_can_rest_on`); its component classes are named
`<COMPONENT_PREFIX>--<name>` (e.g. roadmap-chart--bar) so themes and app.tcss can style each
chart on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ...i18n import t
from ...model.roadmap import BAR_DONE, BAR_EMPTY, BAR_MILESTONE
from .roadmap_layout import MARK_W, Columns, fit, year_label


class YearChart(ScrollView, can_focus=True):
    COMPONENT_PREFIX = ""  # a subclass's own, e.g. "roadmap-chart"
    NO_PERIOD = ""  # i18n key of the header's note when the plan has no period

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.years: tuple[int, ...] = ()
        self.empty_text = ""
        self.header: YearChartHeader | None = None
        self.detail: Widget | None = None
        self._lines: list[Any] = []
        self._cursor = -1  # index into _lines, on a line _can_rest_on (or -1: none)
        self._cols: Columns | None = None
        self._cache: dict[int, Strip] = {}

    # --- hooks for a subclass ------------------------------------------------------------------

    def _columns(self) -> Columns:
        raise NotImplementedError

    def _draw(self, line: Any, width: int) -> Text:
        raise NotImplementedError

    def _header_names(self, text: Text, cols: Columns) -> None:
        """Append the headings between the code column and the years."""
        raise NotImplementedError

    def _can_rest_on(self, line: Any) -> bool:
        return True

    def _line_id(self, line: Any) -> str | None:
        raise NotImplementedError

    def _double_clicked(self) -> None:
        """A second click on the line under the cursor."""

    # --- data ----------------------------------------------------------------------------------

    @property
    def current(self) -> Any:
        line = self._lines[self._cursor] if 0 <= self._cursor < len(self._lines) else None
        return line if line is not None and self._can_rest_on(line) else None

    @property
    def current_id(self) -> str | None:
        line = self.current
        return self._line_id(line) if line is not None else None

    def select(self, record_id: str) -> bool:
        for i, line in enumerate(self._lines):
            if self._can_rest_on(line) and self._line_id(line) == record_id:
                self._move_to(i)
                return True
        return False

    # --- layout --------------------------------------------------------------------------------

    @property
    def line_width(self) -> int:
        return self.scrollable_content_region.width or self.size.width or 80

    def _relayout(self) -> None:
        self._cols = self._columns()
        self.virtual_size = Size(self.line_width, max(len(self._lines), 1))
        self._cache.clear()
        if self.header is not None:
            self.header.refresh()

    def on_resize(self) -> None:
        self._relayout()
        self.refresh()

    def header_text(self) -> Text:
        cols = self._cols
        text = Text(no_wrap=True, overflow="crop", style="bold", end="")
        if cols is None:
            return text
        text.append(" " * MARK_W)
        text.append(fit(t("roadmap.col.code"), cols.code))
        self._header_names(text, cols)
        text.append(" ")
        if not cols.years:
            text.append(t(self.NO_PERIOD), style="not bold italic")
        for y in cols.years:
            text.append(year_label(y, cols.year))
        return text

    # --- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.line_width
        base = self.rich_style
        if not self._lines:
            if y == 0 and self.empty_text:
                text = Text(" " + fit(self.empty_text, width - 1), style=self._style("empty"), end="")
                return Strip(list(text.render(self.app.console))).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            text = self._draw(self._lines[index], width)
            strip = Strip(list(text.render(self.app.console))).adjust_cell_length(width)
            self._cache[index] = strip
        if index == self._cursor:
            strip = strip.apply_style(self._style("cursor" if self.has_focus else "cursor-blurred"))
        return strip.apply_style(base)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"{self.COMPONENT_PREFIX}--{name}", partial=True)

    def _draw_bar(self, text: Text, cells: Sequence[str], quick_win: bool) -> None:
        """A programme's bar across the year columns (its cells from model.roadmap)."""
        cols = self._cols
        assert cols is not None
        bar = self._style("bar-quick" if quick_win else "bar")
        w = cols.year
        for cell in cells:
            if cell == BAR_EMPTY:
                text.append(BAR_EMPTY.center(w), style=self._style("empty"))
            elif cell in (BAR_MILESTONE, BAR_DONE):
                text.append(cell.center(w), style=bar)
            else:
                text.append(" " * w, style=bar)

    # --- cursor --------------------------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        old = self._cursor
        self._cursor = index
        if 0 <= old < len(self._lines):
            self.refresh_line(old)
        if index >= 0:
            self.refresh_line(index)
            self._reveal(index)
        if self.detail is not None:
            self.detail.refresh()  # now, so the line changes in the cursor's own frame

    def _reveal(self, index: int) -> None:
        """Scroll the cursor's line into view only when it must (a scroll repaints the scroll
        bar too), and not downward before the first layout, when no line is on screen yet."""
        first, height = int(self.scroll_offset.y), self.scrollable_content_region.height
        if index < first or (height and index >= first + height):
            self.scroll_to_region(Region(0, index, 1, 1), animate=False, force=True)

    def _step(self, start: int, direction: int) -> int:
        """The nearest line the cursor may rest on from `start` in `direction`, or the cursor
        if none."""
        i = start
        while 0 <= i < len(self._lines):
            if self._can_rest_on(self._lines[i]):
                return i
            i += direction
        return self._cursor

    def action_cursor(self, lines: int) -> None:
        if not self._lines:
            return
        start = min(max(self._cursor + lines, 0), len(self._lines) - 1)
        direction = 1 if lines > 0 else -1
        target = self._step(start, direction)
        if target == self._cursor and abs(lines) > 1:
            target = self._step(start, -direction)
        self._move_to(target)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(self.scrollable_content_region.height - 1, 1))

    def action_edge(self, direction: int) -> None:
        if self._lines:
            self._move_to(self._step(0, 1) if direction < 0 else self._step(len(self._lines) - 1, -1))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self._lines) and self._can_rest_on(self._lines[index]):
            if index == self._cursor and event.chain >= 2:
                self._double_clicked()
            self._move_to(index)

    def on_focus(self) -> None:
        self._refresh_cursor()

    def on_blur(self) -> None:
        self._refresh_cursor()

    def _refresh_cursor(self) -> None:
        if self._cursor >= 0:
            self.refresh_line(self._cursor)


class YearChartHeader(Widget):
    """The column headings over a chart, drawn from the chart's own layout (as a strip, so
    the leading spaces that line the headings up with the rows are kept)."""

    def __init__(self, chart: YearChart, **kw: Any) -> None:
        super().__init__(**kw)
        self.chart = chart
        chart.header = self

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y > 0:
            return Strip.blank(width, self.rich_style)
        segments = list(self.chart.header_text().render(self.app.console))
        return Strip(segments).adjust_cell_length(width).apply_style(self.rich_style)


class YearChartDetail(Widget):
    """One line on what is under a chart's cursor; the chart refreshes it on every move."""

    DEFAULT_CSS = """
    YearChartDetail { height: 1; padding: 0 1; background: $panel; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, chart: YearChart, **kw: Any) -> None:
        super().__init__(**kw)
        self.chart = chart
        chart.detail = self
