"""The roadmap chart: every programme as one line with a bar across the plan's years, grouped
under a heading per pillar, and a cursor on one programme.

A Line API widget: the rows are data (a list), and only the lines on screen are drawn, so a
plan of 1,500 programmes opens as fast as one of five, the widget count never grows with the
rows, and a cursor move repaints two lines. Filters are applied to the rows already built,
without asking the model again.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.content import Content
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ...i18n import get_language, t
from ...model.format import group_thousands
from ...model.roadmap import BAR_DONE, BAR_EMPTY, BAR_MILESTONE, RoadmapFilter, RoadmapRow
from ...model.vocab import HORIZONS, pillar
from .. import keys
from .programme_detail import years_text
from .roadmap_layout import MARK_W, Columns, columns, fit, year_label


@dataclass(frozen=True)
class Group:
    """A pillar's heading line; the cursor never rests on it."""

    pillar: str
    count: int


class RoadmapChart(ScrollView, can_focus=True):
    BINDINGS = keys.prefixed("roadmap_chart.")
    COMPONENT_CLASSES = {
        "roadmap-chart--group", "roadmap-chart--bar", "roadmap-chart--bar-quick",
        "roadmap-chart--empty", "roadmap-chart--muted", "roadmap-chart--star",
        "roadmap-chart--cursor", "roadmap-chart--cursor-blurred",
    }
    DEFAULT_CSS = """
    RoadmapChart { height: 1fr; overflow-x: hidden; background: $surface; }
    RoadmapChart > .roadmap-chart--group { text-style: bold; color: $text-accent; background: $panel; }
    RoadmapChart > .roadmap-chart--bar { background: $primary; color: $text; text-style: bold; }
    RoadmapChart > .roadmap-chart--bar-quick { background: $warning; color: $text; text-style: bold; }
    RoadmapChart > .roadmap-chart--empty { color: $text-muted; }
    RoadmapChart > .roadmap-chart--muted { color: $text-muted; }
    RoadmapChart > .roadmap-chart--star { color: $warning; text-style: bold; }
    RoadmapChart > .roadmap-chart--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    RoadmapChart > .roadmap-chart--cursor-blurred {
        background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground;
    }
    """

    class Selected(Message):
        def __init__(self, chart: "RoadmapChart", programme_id: str) -> None:
            super().__init__()
            self.chart, self.programme_id = chart, programme_id

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.years: tuple[int, ...] = ()
        self.filter = RoadmapFilter()
        self.total = 0  # programmes before filtering
        self.empty_text = ""
        self.header: RoadmapHeader | None = None
        self.detail: RoadmapDetail | None = None
        self._all: list[RoadmapRow] = []
        self._lines: list[Group | RoadmapRow] = []
        self._cursor = -1  # index into _lines, always a RoadmapRow (or -1: none)
        self._cols: Columns | None = None
        self._cache: dict[int, Strip] = {}

    # --- data --------------------------------------------------------------------------------

    def set_rows(self, rows: list[RoadmapRow], years: tuple[int, ...]) -> None:
        """New rows from the model (the plan changed); the cursor stays on its programme."""
        self._all = rows
        self.years = years
        self.total = len(rows)
        self._rebuild(keep=self.current_id)

    def set_filter(self, flt: RoadmapFilter) -> None:
        self.filter = flt
        self._rebuild(keep=self.current_id)

    @property
    def shown(self) -> int:
        return sum(1 for line in self._lines if isinstance(line, RoadmapRow))

    @property
    def row_ids(self) -> list[str]:
        return [line.programme.id for line in self._lines if isinstance(line, RoadmapRow)]

    @property
    def current(self) -> RoadmapRow | None:
        line = self._lines[self._cursor] if 0 <= self._cursor < len(self._lines) else None
        return line if isinstance(line, RoadmapRow) else None

    @property
    def current_id(self) -> str | None:
        row = self.current
        return row.programme.id if row else None

    def select(self, programme_id: str) -> bool:
        for i, line in enumerate(self._lines):
            if isinstance(line, RoadmapRow) and line.programme.id == programme_id:
                self._move_to(i)
                return True
        return False

    def _rebuild(self, keep: str | None) -> None:
        old_cursor = self._cursor
        flt = self.filter
        lines: list[Group | RoadmapRow] = []
        current: str | None = None
        block: list[RoadmapRow] = []
        for row in self._all:
            if not flt.accepts(row.programme):
                continue
            if row.programme.pillar != current:
                if block:
                    lines.append(Group(current or "", len(block)))
                    lines.extend(block)
                current, block = row.programme.pillar, []
            block.append(row)
        if block:
            lines.append(Group(current or "", len(block)))
            lines.extend(block)
        self._lines = lines
        self._cache.clear()
        self._relayout()
        rows_at = [i for i, line in enumerate(lines) if isinstance(line, RoadmapRow)]
        target = -1
        if keep is not None:
            target = next((i for i in rows_at if lines[i].programme.id == keep), -1)  # type: ignore[union-attr]
        if target < 0 and rows_at:
            target = min(rows_at, key=lambda i: abs(i - max(old_cursor, 0)))
        self._cursor = -1
        self._move_to(target, force=True)
        self.refresh()

    # --- layout --------------------------------------------------------------------------------

    @property
    def line_width(self) -> int:
        return self.scrollable_content_region.width or self.size.width or 80

    def _relayout(self) -> None:
        rows = [line for line in self._lines if isinstance(line, RoadmapRow)]
        self._cols = columns(self.line_width, self.years, [r.programme.code for r in rows],
                             [r.programme.lead_agency for r in rows])
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
        shown, total = group_thousands(self.shown), group_thousands(self.total)
        count = t("roadmap.col.name_all", n=total) if self.shown == self.total else \
            t("roadmap.col.name_some", shown=shown, total=total)
        text.append(fit(count, cols.name))
        text.append(fit(t("roadmap.col.agency"), cols.agency))
        text.append(" ")
        if not cols.years:
            text.append(t("roadmap.no_period"), style="not bold italic")
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
            strip = self._draw(self._lines[index], width)
            self._cache[index] = strip
        if index == self._cursor:
            cursor = "cursor" if self.has_focus else "cursor-blurred"
            strip = strip.apply_style(self._style(cursor))
        return strip.apply_style(base)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"roadmap-chart--{name}", partial=True)

    def _draw(self, line: Group | RoadmapRow, width: int) -> Strip:
        text = Text(no_wrap=True, overflow="crop", end="")
        if isinstance(line, Group):
            try:
                p = pillar(line.pillar)
                key = "roadmap.group_one" if line.count == 1 else "roadmap.group"
                label = t(key, number=p.number, pillar=p.label(get_language()), n=group_thousands(line.count))
            except KeyError:
                label = t("roadmap.group_other", n=line.count)
            text.append(" " + fit(label, width - 1), style=self._style("group"))
        else:
            self._draw_row(text, line)
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width)

    def _draw_row(self, text: Text, row: RoadmapRow) -> None:
        cols = self._cols
        assert cols is not None
        p = row.programme
        text.append("★ " if p.quick_win else "  ", style=self._style("star"))
        text.append(fit(p.code, cols.code), style=self._style("muted"))
        text.append(fit(p.name or t("ui.unnamed"), cols.name))
        text.append(fit(p.lead_agency, cols.agency), style=self._style("muted"))
        text.append(" ")
        bar = self._style("bar-quick" if p.quick_win else "bar")
        w = cols.year
        for cell in row.cells:
            if cell == BAR_EMPTY:
                text.append(BAR_EMPTY.center(w), style=self._style("empty"))
            elif cell in (BAR_MILESTONE, BAR_DONE):
                text.append(cell.center(w), style=bar)
            else:
                text.append(" " * w, style=bar)

    # --- cursor --------------------------------------------------------------------------------

    def _move_to(self, index: int, *, force: bool = False) -> None:
        if index == self._cursor and not force:
            return
        old = self._cursor
        self._cursor = index
        if 0 <= old < len(self._lines):
            self.refresh_line(old)
        if index >= 0:
            self.refresh_line(index)
            # show the pillar heading above the first row of a group
            top = index - 1 if index > 0 and isinstance(self._lines[index - 1], Group) else index
            first, height = int(self.scroll_offset.y), self.scrollable_content_region.height
            if top < first or index >= first + height:  # scroll only when it must: a scroll repaints the bar too
                self.scroll_to_region(Region(0, top, 1, index - top + 1), animate=False, force=True)
        if self.detail is not None:
            self.detail.refresh()  # now, so the line changes in the cursor's own frame

    def _step(self, start: int, direction: int) -> int:
        """The nearest programme line from `start` in `direction`, or the cursor if none."""
        i = start
        while 0 <= i < len(self._lines):
            if isinstance(self._lines[i], RoadmapRow):
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

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Selected(self, self.current_id))

    def on_click(self, event) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self._lines) and isinstance(self._lines[index], RoadmapRow):
            if index == self._cursor and event.chain >= 2:
                self.action_open()
            self._move_to(index)

    def on_focus(self) -> None:
        self._refresh_cursor()

    def on_blur(self) -> None:
        self._refresh_cursor()

    def _refresh_cursor(self) -> None:
        if self._cursor >= 0:
            self.refresh_line(self._cursor)


class RoadmapHeader(Widget):
    """The column headings over the chart, drawn from the chart's own layout (as a strip, so
    the leading spaces that line the headings up with the rows are kept)."""

    DEFAULT_CSS = """
    RoadmapHeader { height: 1; background: $panel; }
    """

    def __init__(self, chart: RoadmapChart, **kw) -> None:
        super().__init__(**kw)
        self.chart = chart
        chart.header = self

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y > 0:
            return Strip.blank(width, self.rich_style)
        segments = list(self.chart.header_text().render(self.app.console))
        return Strip(segments).adjust_cell_length(width).apply_style(self.rich_style)


class RoadmapDetail(Widget):
    """The programme under the cursor in one line: code and name in full, years, horizon,
    quick win and agency (the agency last: it is the longest, and the chart shows it beside
    the name wherever there is room)."""

    DEFAULT_CSS = """
    RoadmapDetail { height: 1; padding: 0 1; background: $panel; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, chart: RoadmapChart, **kw) -> None:
        super().__init__(**kw)
        self.chart = chart
        chart.detail = self

    def render(self) -> Content:
        row = self.chart.current
        if row is None:
            return Content("")
        p = row.programme
        bits = [f"{p.code} {p.name}".strip() or t("ui.unnamed"), years_text(p),
                t(f"prog.horizon_short.{p.horizon}") if p.horizon in HORIZONS else "",
                t("roadmap.quick_win_mark") if p.quick_win else "", p.lead_agency]
        return Content(" · ".join(b for b in bits if b))
