"""The roadmap (peta jalan, key r): every programme of every pillar against the plan's years,
grouped by pillar, with filters by pillar (d), horizon (j), agency (o) and quick win (p).
Enter opens the programme on its pillar screen with it selected; escape clears the filters,
then goes back.

The screen asks the model for the rows once per plan version; a filter change only re-reads
the rows already built (see RoadmapChart), so it repaints at once on a plan of 10,000 records.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from ...i18n import get_language, t
from ...model import roadmap as rm
from ...model.plan import Plan
from ...model.vocab import HORIZONS
from .. import keys
from ..app import app_of
from ..widgets.roadmap_chart import RoadmapChart, RoadmapDetail, RoadmapHeader
from ..widgets.top_bar import TopBar
from .base import PlanScreen, footer, plan_title

HORIZON_CYCLE = ("", *HORIZONS.keys)
FILTER_GAP = "   "


def filter_lines(groups: list[Content], width: int) -> Content:
    """The filters on one line when they fit in `width`, else two to a line in two aligned
    columns: a filter is never broken across lines (at 80 columns a long pillar name pushed
    the last filter's value onto a line of its own, away from its label)."""
    one = Content(FILTER_GAP).join(groups)
    if width <= 0 or one.cell_length <= width:
        return one
    first = max(g.cell_length for g in groups[::2])
    rows = [Content(FILTER_GAP).join([groups[i].pad_right(first - groups[i].cell_length), *groups[i + 1:i + 2]])
            for i in range(0, len(groups), 2)]
    return Content("\n").join(rows)


class RoadmapScreen(PlanScreen):
    BINDINGS = keys.prefixed("roadmap.")
    HELP_KEY = "roadmap.legend"  # on the help screen (F1) too: under 30 rows the screen has no room for it
    # its rules: roadmap.tcss, loaded with the app's (ui/styles.py)

    def __init__(self) -> None:
        super().__init__()
        self.agencies: list[str] = []

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        yield Static(id="roadmap-filters")
        chart = RoadmapChart(id="roadmap-chart")
        yield RoadmapHeader(chart, id="roadmap-header")
        yield chart
        yield RoadmapDetail(chart, id="roadmap-detail")
        yield Static(t("roadmap.legend"), id="roadmap-legend", markup=False)
        yield footer()

    @property
    def chart(self) -> RoadmapChart:
        return self.query_one(RoadmapChart)

    def on_mount(self) -> None:
        self.chart.focus()
        self.sync()

    async def relanguage(self) -> None:
        """Build the screen again in the language just chosen (F4), keeping the filters and
        the programme under the cursor: the switch changes the words and nothing else."""
        flt, current = self.chart.filter, self.chart.current_id
        await self.recompose()
        self.chart.filter = flt
        self.seen_version = -1
        self.sync()
        if current is not None:
            self.chart.select(current)
        self.chart.focus()

    def show_plan(self, plan: Plan) -> None:
        self.query_one(TopBar).where = t("roadmap.where", plan=plan_title(plan))
        self.agencies = rm.agencies(plan)
        chart = self.chart
        chart.empty_text = t("roadmap.empty", n=len(plan.framework.dimensions))
        chart.set_rows(rm.rows(plan), tuple(plan.info.years))
        self._show_filters()

    # --- what is on show -----------------------------------------------------------------------

    def _show_filters(self) -> None:
        chart = self.chart
        flt = chart.filter
        lang = get_language()
        parts = [
            ("d", t("roadmap.f.pillar"), app_of(self).plan.framework.name_of(flt.pillar, lang) if flt.pillar else ""),
            ("j", t("roadmap.f.horizon"), t(f"prog.horizon_short.{flt.horizon}") if flt.horizon else ""),
            ("o", t("roadmap.f.agency"), flt.agency),
            ("p", t("roadmap.f.quick_win"), t("roadmap.f.only") if flt.quick_win_only else ""),
        ]
        groups = [
            Content.assemble((self._key_of(f"roadmap.{key_id}"), "bold $accent"), f" {label}: ",
                             (value or t("roadmap.f.all"), "bold $text-warning" if value else ""))
            for key_id, (_, label, value) in zip(("pillar", "horizon", "agency", "quick_win"), parts, strict=True)
        ]
        self.query_one("#roadmap-filters", Static).update(filter_lines(groups, self.size.width - 2))
        chart.empty_text = t("roadmap.empty_filtered") if chart.total else \
            t("roadmap.empty", n=len(app_of(self).plan.framework.dimensions))

    def on_resize(self) -> None:
        self._show_filters()  # one line or two: it depends on the width

    def _key_of(self, binding_id: str) -> str:
        """The key the user has for this binding now (remapped or default), as the footer shows it."""
        remapped = app_of(self).settings.keys.get(binding_id)
        raw = remapped or keys.BY_ID[binding_id].keys
        return keys.display(raw.split(",")[0])

    def on_roadmap_chart_selected(self, event: RoadmapChart.Selected) -> None:
        from ..navigation import jump

        jump(app_of(self), event.programme_id)

    # --- filters -------------------------------------------------------------------------------

    def set_filter(self, **changes: Any) -> None:
        self.chart.set_filter(replace(self.chart.filter, **changes))
        self._show_filters()

    def action_filter_pillar(self) -> None:
        from .picker import ChoicePicker

        lang = get_language()
        dims = app_of(self).plan.framework.dimensions
        choices = [("", t("roadmap.f.all_pillars"))] + [(p.key, f"{p.number} {p.label(lang)}") for p in dims]
        hotkeys = {"0": ""} | {str(p.number): p.key for p in dims}
        picker = ChoicePicker(t("roadmap.pick_pillar"), choices, current=self.chart.filter.pillar,
                              hotkeys=hotkeys, hint=t("roadmap.pick_pillar_hint", n=len(dims)))
        self.app.push_screen(picker, lambda key: None if key is None else self.set_filter(pillar=key))

    def action_cycle_horizon(self) -> None:
        current = self.chart.filter.horizon
        i = HORIZON_CYCLE.index(current) if current in HORIZON_CYCLE else 0
        self.set_filter(horizon=HORIZON_CYCLE[(i + 1) % len(HORIZON_CYCLE)])

    def action_filter_agency(self) -> None:
        from .picker import ChoicePicker

        choices = [("", t("roadmap.f.all_agencies"))] + [(a, a) for a in self.agencies]
        picker = ChoicePicker(t("roadmap.pick_agency"), choices, current=self.chart.filter.agency)
        self.app.push_screen(picker, lambda name: None if name is None else self.set_filter(agency=name))

    def action_toggle_quick_win(self) -> None:
        self.set_filter(quick_win_only=not self.chart.filter.quick_win_only)

    def action_clear_filters(self) -> None:
        self.set_filter(pillar="", horizon="", agency="", quick_win_only=False)

    def action_back(self) -> None:
        app_of(self).action_open_dashboard()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            # escape clears the filters first; with none set it falls through to "back"
            return self.chart.filter != rm.RoadmapFilter()
        return True
