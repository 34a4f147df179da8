"""The roadmap chart: every programme as one line with a bar across the plan's years, grouped
under a heading per pillar, and a cursor on one programme.

A Line API widget (see YearChart): the rows are data (a list), and only the lines on screen
are drawn, so a plan of 1,500 programmes opens as fast as one of five, the widget count never
grows with the rows, and a cursor move repaints two lines. Filters are applied to the rows
already built, without asking the model again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.content import Content
from textual.geometry import Region
from textual.message import Message

from ...i18n import get_language, t
from ...model.format import group_thousands
from ...model.roadmap import RoadmapFilter, RoadmapRow
from ...model.vocab import HORIZONS
from .. import keys
from .programme_detail import years_text
from .roadmap_layout import Columns, columns, fit
from .year_chart import YearChart, YearChartDetail, YearChartHeader


@dataclass(frozen=True)
class Group:
    """A pillar's heading line; the cursor never rests on it."""

    pillar: str
    count: int


class RoadmapChart(YearChart):
    BINDINGS = keys.prefixed("roadmap_chart.")
    COMPONENT_PREFIX = "roadmap-chart"
    NO_PERIOD = "roadmap.no_period"
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
        def __init__(self, chart: RoadmapChart, programme_id: str) -> None:
            super().__init__()
            self.chart, self.programme_id = chart, programme_id

    _lines: list[Group | RoadmapRow]

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.filter = RoadmapFilter()
        self.total = 0  # programmes before filtering
        self._all: list[RoadmapRow] = []

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

    def _can_rest_on(self, line: Group | RoadmapRow) -> bool:
        return isinstance(line, RoadmapRow)

    def _line_id(self, line: Group | RoadmapRow) -> str | None:
        return line.programme.id if isinstance(line, RoadmapRow) else None

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
            target = next((i for i in rows_at if lines[i].programme.id == keep), -1)  # type: ignore[union-attr]  # rows_at holds programme lines only, which mypy cannot narrow
        if target < 0 and rows_at:
            target = min(rows_at, key=lambda i: abs(i - max(old_cursor, 0)))
        self._cursor = -1
        self._move_to(target, force=True)
        self.refresh()

    # --- layout and drawing --------------------------------------------------------------------

    def _columns(self) -> Columns:
        rows = [line for line in self._lines if isinstance(line, RoadmapRow)]
        return columns(self.line_width, self.years, [r.programme.code for r in rows],
                       [r.programme.lead_agency for r in rows])

    def _header_names(self, text: Text, cols: Columns) -> None:
        shown, total = group_thousands(self.shown), group_thousands(self.total)
        count = t("roadmap.col.name_all", n=total) if self.shown == self.total else \
            t("roadmap.col.name_some", shown=shown, total=total)
        text.append(fit(count, cols.name))
        text.append(fit(t("roadmap.col.agency"), cols.agency))

    def _draw(self, line: Group | RoadmapRow, width: int) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        if isinstance(line, Group):
            from ..app import app_of

            p = app_of(self).plan.framework.get(line.pillar)
            if p is not None:
                label = t("roadmap.group", number=p.number, pillar=p.label(get_language()),
                          n=group_thousands(line.count), count=line.count)
            else:
                label = t("roadmap.group_other", n=group_thousands(line.count), count=line.count)
            text.append(" " + fit(label, width - 1), style=self._style("group"))
        else:
            self._draw_row(text, line)
        return text

    def _draw_row(self, text: Text, row: RoadmapRow) -> None:
        cols = self._cols
        assert cols is not None
        p = row.programme
        text.append("★ " if p.quick_win else "  ", style=self._style("star"))
        text.append(fit(p.code, cols.code), style=self._style("muted"))
        text.append(fit(p.name or t("ui.unnamed"), cols.name))
        text.append(fit(p.lead_agency, cols.agency), style=self._style("muted"))
        text.append(" ")
        self._draw_bar(text, row.cells, p.quick_win)

    # --- cursor --------------------------------------------------------------------------------

    def _move_to(self, index: int, *, force: bool = False) -> None:
        if index != self._cursor or force:  # the same row again: nothing to repaint
            super()._move_to(index)

    def _reveal(self, index: int) -> None:
        # show the pillar heading above the first row of a group
        top = index - 1 if index > 0 and isinstance(self._lines[index - 1], Group) else index
        first, height = int(self.scroll_offset.y), self.scrollable_content_region.height
        if top < first or index >= first + height:  # scroll only when it must: a scroll repaints the bar too
            self.scroll_to_region(Region(0, top, 1, index - top + 1), animate=False, force=True)

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Selected(self, self.current_id))

    def _double_clicked(self) -> None:
        self.action_open()


class RoadmapHeader(YearChartHeader):
    """The column headings over the roadmap chart."""

    DEFAULT_CSS = """
    RoadmapHeader { height: 1; background: $panel; }
    """


class RoadmapDetail(YearChartDetail):
    """The programme under the cursor in two lines: code and name in full, then years,
    horizon, quick win and agency. One line was cut at 80 columns before the agency, which
    the chart shows beside the name only where there is room."""

    DEFAULT_CSS = """
    RoadmapDetail { height: 2; }
    """

    chart: RoadmapChart

    def render(self) -> Content:
        row = self.chart.current
        if row is None:
            return Content("")
        p = row.programme
        bits = [years_text(p), t(f"prog.horizon_short.{p.horizon}") if p.horizon in HORIZONS else "",
                t("roadmap.quick_win_mark") if p.quick_win else "", p.lead_agency]
        name = f"{p.code} {p.name}".strip() or t("ui.unnamed")
        return Content(name + "\n" + " · ".join(b for b in bits if b))
