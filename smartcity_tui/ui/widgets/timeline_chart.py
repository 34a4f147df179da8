"""A pillar's timeline (linimasa) as a Gantt chart: one line per programme with its bar across
the plan's years (★ a quick win), and under it one line per milestone with its mark in the
year's column, placed by quarter.

A Line API widget like the roadmap's chart (both are a YearChart, drawn with the same column
rules): the lines are a list, only those on screen are drawn, so a pillar with thousands of
milestones costs no more widgets than an empty one. The chart never writes: it asks its pane
with a message.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.message import Message

from ...i18n import t
from ...model.roadmap import BAR_DONE, BAR_MILESTONE
from .. import keys
from .programme_detail import years_text
from .roadmap_layout import Columns, columns, fit
from .timeline_lines import Line, MilestoneLine, ProgrammeLine, quarter_offset
from .year_chart import YearChart, YearChartDetail, YearChartHeader

# the actions that need a milestone under the cursor
ON_MILESTONE = {"edit_milestone", "delete_milestone", "toggle_done", "shift_year"}


def quarter_text(quarter: int) -> str:
    return t("timeline.quarter", q=quarter) if 1 <= quarter <= 4 else ""


class TimelineChart(YearChart):
    BINDINGS = keys.prefixed("timeline.")
    COMPONENT_PREFIX = "timeline-chart"
    NO_PERIOD = "timeline.no_period"
    COMPONENT_CLASSES = {
        "timeline-chart--bar", "timeline-chart--bar-quick", "timeline-chart--empty",
        "timeline-chart--muted", "timeline-chart--star", "timeline-chart--mark",
        "timeline-chart--mark-done", "timeline-chart--warn", "timeline-chart--programme",
        "timeline-chart--cursor", "timeline-chart--cursor-blurred",
    }
    DEFAULT_CSS = """
    TimelineChart { height: 1fr; overflow-x: hidden; background: $surface; }
    TimelineChart > .timeline-chart--bar { background: $primary; color: $text; text-style: bold; }
    TimelineChart > .timeline-chart--bar-quick { background: $warning; color: $text; text-style: bold; }
    TimelineChart > .timeline-chart--empty { color: $text-muted; }
    TimelineChart > .timeline-chart--muted { color: $text-muted; }
    TimelineChart > .timeline-chart--star { color: $warning; text-style: bold; }
    TimelineChart > .timeline-chart--mark { color: $text-accent; text-style: bold; }
    TimelineChart > .timeline-chart--mark-done { color: $text-success; text-style: bold; }
    TimelineChart > .timeline-chart--warn { color: $text-warning; text-style: bold; }
    TimelineChart > .timeline-chart--programme { text-style: bold; }
    TimelineChart > .timeline-chart--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    TimelineChart > .timeline-chart--cursor-blurred {
        background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground;
    }
    """

    class Request(Message):
        """The officer asked for a write: `action` is new, edit, delete, done or shift."""

        def __init__(self, action: str, line: Line, step: int = 0) -> None:
            super().__init__()
            self.action, self.line, self.step = action, line, step

    _lines: list[Line]

    # --- data --------------------------------------------------------------------------------

    def set_lines(self, lines: list[Line], years: tuple[int, ...], keep: str | None = None) -> None:
        """New lines from the plan; the cursor stays on its record (`keep`, or the one it was
        on), else near where it was."""
        keep = keep or self.current_id
        old = self._cursor
        self._lines = lines
        self.years = years
        self._relayout()
        ids = [line.record_id for line in lines]
        target = ids.index(keep) if keep in ids else min(max(old, 0), len(lines) - 1)
        self._cursor = -1
        self._move_to(target)
        self.refresh()

    @property
    def lines(self) -> list[Line]:
        return self._lines

    def _line_id(self, line: Line) -> str | None:
        return line.record_id

    def line_text(self, index: int) -> str:
        """The plain text of one line as drawn (tests and the screen reader's sake)."""
        return self._draw(self._lines[index], self.line_width).plain

    # --- layout and drawing --------------------------------------------------------------------

    def _columns(self) -> Columns:
        progs = [line.programme for line in self._lines if isinstance(line, ProgrammeLine)]
        return columns(self.line_width, self.years, [p.code for p in progs], [])

    def _header_names(self, text: Text, cols: Columns) -> None:
        n = sum(1 for line in self._lines if isinstance(line, ProgrammeLine))
        text.append(fit(t("timeline.col.name", n=n), cols.name))

    def _draw(self, line: Line, width: int) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        if self._cols is None:
            return text
        if isinstance(line, ProgrammeLine):
            self._draw_programme(text, line)
        else:
            self._draw_milestone(text, line)
        return text

    def _draw_programme(self, text: Text, line: ProgrammeLine) -> None:
        cols = self._cols
        assert cols is not None
        p = line.programme
        text.append("★ " if p.quick_win else "  ", style=self._style("star"))
        text.append(fit(p.code, cols.code), style=self._style("muted"))
        text.append(fit(p.name or t("ui.unnamed"), cols.name), style=self._style("programme"))
        text.append(" ")
        self._draw_bar(text, line.cells, p.quick_win)

    def _draw_milestone(self, text: Text, line: MilestoneLine) -> None:
        cols = self._cols
        assert cols is not None
        m = line.milestone
        inside = m.year in self.years  # else no column shows its year: the label says it
        warn = line.outside_programme or (bool(self.years) and not inside)  # (no period: no warning)
        text.append("! " if warn else "  ", style=self._style("warn"))
        text.append(" " * cols.code)
        mark = BAR_DONE if m.done else BAR_MILESTONE
        when = " ".join(b for b in ("" if inside else str(m.year or "?"), quarter_text(m.quarter)) if b)
        label = f"  {mark} " + (f"{when} " if when else "") + (m.title or t("ui.unnamed"))
        text.append(fit(label, cols.name), style="" if not m.done else self._style("muted"))
        text.append(" ")
        w = cols.year
        style = self._style("warn" if warn else "mark-done" if m.done else "mark")
        for y in self.years:
            if y != m.year:
                text.append(" " * w)
                continue
            at = quarter_offset(m.quarter, w)
            text.append(" " * at)
            text.append(mark, style=style)
            text.append(" " * (w - at - 1))

    # --- cursor --------------------------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        kind_before = type(self.current)
        super()._move_to(index)
        if type(self.current) is not kind_before:
            # a milestone's keys are off on a programme's line: the footer says so (and only
            # then is redrawn: a footer costs more than the two lines a cursor move repaints)
            self.refresh_bindings()

    def _double_clicked(self) -> None:
        self.action_edit_milestone()

    # --- requests to the pane ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ON_MILESTONE:
            return True if isinstance(self.current, MilestoneLine) else None  # shown dimmed
        if action == "new_milestone":
            return True if self.current is not None else None
        return True

    def _request(self, action: str, step: int = 0) -> None:
        line = self.current
        if line is not None:
            self.post_message(self.Request(action, line, step))

    def action_new_milestone(self) -> None:
        self._request("new")

    def action_edit_milestone(self) -> None:
        if isinstance(self.current, MilestoneLine):
            self._request("edit")

    def action_delete_milestone(self) -> None:
        if isinstance(self.current, MilestoneLine):
            self._request("delete")

    def action_toggle_done(self) -> None:
        if isinstance(self.current, MilestoneLine):
            self._request("done")

    def action_shift_year(self, step: int) -> None:
        if isinstance(self.current, MilestoneLine):
            self._request("shift", step)


class TimelineHeader(YearChartHeader):
    """The column headings over the chart, from the chart's own layout."""

    DEFAULT_CSS = """
    TimelineHeader { height: 1; background: $panel; }
    """


class TimelineDetail(YearChartDetail):
    """The line under the cursor in full: a milestone's year, quarter, state, title and
    deliverable; a programme's years and how many of its milestones are done."""

    chart: TimelineChart

    def render(self) -> Content:
        line = self.chart.current
        if line is None:
            return Content("")
        p = line.programme
        if isinstance(line, ProgrammeLine):
            bits = [f"{p.code} {p.name}".strip() or t("ui.unnamed"), years_text(p),
                    t("timeline.n_milestones", done=line.done, n=line.total) if line.total
                    else t("timeline.no_milestone")]
            return Content(" · ".join(bits))
        m = line.milestone
        when = " ".join(b for b in (str(m.year or "?"), quarter_text(m.quarter)) if b)
        bits = [when, t("timeline.detail.done" if m.done else "timeline.detail.open"), m.title or t("ui.unnamed")]
        if m.deliverable:
            bits.append(t("timeline.detail.deliverable", text=m.deliverable))
        if self.chart.years and m.year not in self.chart.years:
            bits.append(t("timeline.detail.outside_period"))
        elif line.outside_programme:
            bits.append(t("timeline.detail.outside_programme", years=years_text(p)))
        return Content(" · ".join(bits))
