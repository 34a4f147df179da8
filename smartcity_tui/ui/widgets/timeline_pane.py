"""The timeline view of a pillar screen: the Gantt chart with its headings, the line under the
cursor in full, a legend when there is room; and the writes the chart asks for, posted from
here to the app (so undo and the save state stay in one place): add and edit with the
milestone form, delete, mark done, move a year earlier or later."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from ...i18n import t
from ...model.plan import Plan
from ...model.records import Milestone, Programme
from ..app import app_of
from ..plan_writes import PlanWrite
from ..record_edits import RecordEdits
from .programme_detail import years_text
from .timeline_chart import TimelineChart, TimelineDetail, TimelineHeader
from .timeline_lines import Line, MilestoneLine, timeline_lines


class TimelinePane(Vertical):
    DEFAULT_CSS = """
    TimelinePane { height: 1fr; }
    TimelinePane #timeline-legend { height: 1; padding: 0 1; color: $text-muted; display: none; }
    """  # the legend shows on tall screens: pillar.tcss (a widget's own CSS cannot see the screen)

    def __init__(self, pillar_key: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.pillar_key = pillar_key
        self.edits = RecordEdits(self)  # a milestone just added: the cursor goes there

    def compose(self) -> ComposeResult:
        chart = TimelineChart(id="timeline-chart")
        yield TimelineHeader(chart, id="timeline-header")
        yield chart
        yield TimelineDetail(chart, id="timeline-detail")
        yield Static(t("timeline.legend"), id="timeline-legend", markup=False)

    @property
    def chart(self) -> TimelineChart:
        return self.query_one(TimelineChart)

    def show(self, plan: Plan) -> None:
        chart = self.chart
        chart.empty_text = t("timeline.empty")
        keep = self.edits.take_selection()
        chart.set_lines(timeline_lines(plan, self.pillar_key), tuple(plan.info.years), keep=keep)

    @property
    def focus_target(self) -> Widget:
        """Where the focus goes when the view opens: the chart."""
        return self.chart

    def select(self, record_id: str) -> bool:
        return self.chart.select(record_id)

    # --- the writes the chart asks for -----------------------------------------------------------

    def on_timeline_chart_request(self, message: TimelineChart.Request) -> None:
        message.stop()
        line = message.line
        if message.action == "new":
            self._new(line)
            return
        if not isinstance(line, MilestoneLine):
            return
        current = app_of(self).open_store.get(line.milestone.id)
        if not isinstance(current, Milestone):
            return
        if message.action == "edit":
            self._open_form(current, is_new=False)
        elif message.action == "delete":
            self.edits.delete(current.id, t("timeline.did_delete", title=current.title))
        elif message.action == "done":
            label = t("timeline.did_reopen" if current.done else "timeline.did_done", title=current.title)
            self.edits.post(PlanWrite.update(current.id, label, done=not current.done))
        elif message.action == "shift":
            self._shift(current, line, message.step)

    def _new(self, line: Line) -> None:
        p = line.programme
        info = app_of(self).plan.info
        period = range(info.start_year, info.end_year + 1) if info.start_year else range(0)
        if isinstance(line, MilestoneLine) and line.milestone.year and not line.outside_programme:
            year = line.milestone.year  # beside the milestone the cursor is on
        elif p.start_year and (not len(period) or p.start_year in period):
            year = p.start_year
        else:
            year = info.start_year
        self._open_form(Milestone(programme_id=p.id, year=year), is_new=True)

    def _open_form(self, milestone: Milestone, *, is_new: bool) -> None:
        from ..screens.milestone_form import MilestoneForm

        plan = app_of(self).plan
        programme = plan.get(milestone.programme_id)
        if not isinstance(programme, Programme):
            return
        form = MilestoneForm(plan.info, programme, milestone, is_new=is_new)
        if is_new:
            self.edits.add(form, lambda m: t("timeline.did_add", title=m.title))
        else:
            self.edits.edit(form, lambda m: t("timeline.did_edit", title=m.title))

    def _shift(self, m: Milestone, line: MilestoneLine, step: int) -> None:
        info = app_of(self).plan.info
        year = (m.year or info.start_year) + step
        if info.start_year and info.end_year and not info.start_year <= year <= info.end_year:
            self.app.notify(t("timeline.move_outside_period", year=year, start=info.start_year, end=info.end_year),
                            severity="warning", timeout=4)
            return

        def moved(_record: object) -> None:
            years = line.programme.years
            if len(years) and year not in years:
                self.app.notify(t("timeline.move_outside_programme", year=year, years=years_text(line.programme)),
                                severity="warning", timeout=4)

        label = t("timeline.did_move", year=year, title=m.title)
        self.edits.post(PlanWrite.update(m.id, label, then=moved, year=year))
