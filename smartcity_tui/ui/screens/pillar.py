"""One pillar's screen (keys 1-6): its SWOT as a 2x2 of quadrants, its TOWS strategies, its
programmes and their timeline (milestones per year, a Gantt bar per programme). s / t / p / l
(or ] and [) switch views; escape goes back to the dashboard.

Only the view on show is drawn from the plan; the others catch up when they are opened, so
a pillar with hundreds of records opens as fast as an empty one.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import TabbedContent

from ...i18n import get_language, t
from ...model.framework import Dimension
from ...model.plan import Plan
from .. import keys
from ..app import app_of
from ..widgets.programmes_pane import ProgrammesPane
from ..widgets.strategy_view import StrategyTable, StrategyView
from ..widgets.swot_board import SwotBoard
from ..widgets.timeline_pane import TimelinePane
from ..widgets.top_bar import TopBar
from ..widgets.view_pane import ViewPane
from .base import PlanScreen, footer, plan_title

VIEWS = ("swot", "strategies", "programmes", "timeline")


class PillarScreen(PlanScreen):
    # its rules: pillar.tcss, loaded with the app's (ui/styles.py)
    BINDINGS = keys.prefixed("pillar.")
    # The S quadrant has the cursor from the start: Textual gave it first to the tab bar,
    # and on_mount moved it on: each move restyled the tabs and the quadrants (20 of 127
    # stylings of an opening), for nothing shown.
    AUTO_FOCUS = "#q-S"

    def __init__(self, pillar_key: str) -> None:
        super().__init__()
        self.pillar_key = pillar_key
        self._drawn: dict[str, int] = {}  # view -> plan version it was last drawn at
        self._select_on_mount: str | None = None
        self._first_view = "swot"  # the view a (re)composed screen opens on

    @property
    def pillar(self) -> Dimension:
        """The dimension of the plan's framework this screen shows."""
        return app_of(self).plan.framework.shown(self.pillar_key)

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with TabbedContent(initial=self._first_view, id="views"):
            with ViewPane(t("ui.pillar.tab_swot"), id="swot"):
                yield SwotBoard(self.pillar_key, id="swot-board")
            with ViewPane(t("ui.pillar.tab_strategies"), id="strategies"):
                yield StrategyView(self.pillar_key, id="strategy-view")
            with ViewPane(t("ui.pillar.tab_programmes"), id="programmes"):
                yield ProgrammesPane(self.pillar_key, id="programme-view")
            with ViewPane(t("timeline.tab"), id="timeline"):
                yield TimelinePane(self.pillar_key, id="timeline-view")
        yield footer()

    def on_mount(self) -> None:
        if self._select_on_mount is not None:
            self.call_after_refresh(self.select_record, self._select_on_mount)
            self._select_on_mount = None
        else:
            self.query_one(SwotBoard).quadrant("S").focus()

    @property
    def view(self) -> str:
        return self.query_one(TabbedContent).active or "swot"

    def show_plan(self, plan: Plan) -> None:
        lang = get_language()
        where = (f"{self.pillar.number} {self.pillar.label(lang)}" if self.pillar_key in plan.framework.keys
                 else t("frame.screen.outside", value=self.pillar_key))
        self.query_one(TopBar).where = f"{where} · {plan_title(plan)}"
        self._draw(self.view, plan)

    def _draw(self, view: str, plan: Plan) -> None:
        if view == "swot":
            self.query_one(SwotBoard).show(plan)
        elif view == "strategies":
            self.query_one(StrategyView).show(plan)
        elif view == "timeline":
            self.query_one(TimelinePane).show(plan)
        else:
            self.query_one(ProgrammesPane).show(plan)
        self._drawn[view] = app_of(self).plan_version

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # (a tab clicked, or focus moving into a view; keys come through action_view)
        view = event.pane.id or "swot"
        if view != self.view:
            # Stale: another view became active after this message was sent. Acting on it
            # would focus this view, whose pane would then take the tabs back, and two such
            # messages in flight chased each other for ever (a screen flicking between SWOT
            # and strategies, seen coming back from the findings list under load).
            return
        self._show_view(view)

    def _show_view(self, view: str) -> None:
        """The view drawn if the plan moved on since, and focused."""
        app = app_of(self)
        if app.store is not None and self._drawn.get(view) != app.plan_version:
            self._draw(view, app.plan)
        self._focus_view(view)

    def _focus_view(self, view: str) -> None:
        target: Widget
        if view == "swot":
            board = self.query_one(SwotBoard)
            if isinstance(self.focused, type(board.quadrant("S"))):
                return  # a quadrant already: keep it
            target = board.quadrant("S")
        elif view == "strategies":
            target = self.query_one(StrategyTable)
        elif view == "timeline":
            target = self.query_one(TimelinePane).focus_target
        else:
            target = self.query_one(ProgrammesPane).focus_target
        # At once, not on Widget.focus's next turn: the view left behind is hidden already,
        # and a widget of it still focused when its Hide arrives hands the focus to a sibling
        # in that same hidden view, whose tab then takes over again (the findings list opened
        # the SWOT view instead of the strategies view, about once in 50 loaded runs).
        self.set_focus(target)

    # --- keys --------------------------------------------------------------------------------

    def action_view(self, view: str) -> None:
        if view in VIEWS:
            self.query_one(TabbedContent).active = view
            # at once, not when the tab's message arrives: a key typed right after the view
            # key (`l` then `e`) goes to the view just opened
            self._show_view(view)

    def action_next_view(self, step: int) -> None:
        i = VIEWS.index(self.view) if self.view in VIEWS else 0
        self.action_view(VIEWS[(i + step) % len(VIEWS)])

    def action_back(self) -> None:
        app_of(self).action_open_dashboard()

    def action_who(self) -> None:
        from ..who_wrote import tell_who

        tell_who(app_of(self), self._selected_id())

    def action_copy(self) -> None:
        from ..copy_out import copy_record

        copy_record(app_of(self), self._selected_id())

    def action_findings(self) -> None:
        from .findings import show_findings

        show_findings(app_of(self), self.pillar_key)

    def action_move_elsewhere(self) -> None:
        """m where the quadrant's own m (move the item) does not take it: another view, or an
        empty quadrant. The app's m would open the merge screen; docs/keys.md promises m moves
        here, so it says what moves where instead."""
        from .help import key_of

        app = app_of(self)
        remapped = app.settings.keys

        def key(binding_id: str) -> str:
            return key_of(remapped, binding_id)

        if self.view == "swot":
            said = t("pillar.move_empty")
        elif self.view == "timeline":
            said = t("pillar.move_timeline", earlier=key("timeline.earlier"), later=key("timeline.later"),
                     move=key("swot.move"), dashboard=key("app.dashboard"), merge=key("dashboard.merge"))
        else:
            said = t("pillar.move_none", move=key("swot.move"), swot=key("pillar.swot"),
                     dashboard=key("app.dashboard"), merge=key("dashboard.merge"))
        app.notify(said, timeout=5)

    def show_view(self, view: str) -> None:
        """Open on `view` now, or as soon as the screen is built (a finding about the pillar)."""
        if self.is_mounted:
            self.action_view(view)
        else:
            self._first_view = view

    def select_record(self, record_id: str, view: str | None = None) -> bool:
        """Put the cursor on a record of this pillar (search and roadmap land here): a SWOT
        item in its quadrant, a strategy, a programme, a milestone on the timeline; an
        indicator selects its programme. `view="timeline"` selects a programme there rather
        than in the programmes view. False when the record is not one of this pillar's."""
        from ...model.records import Indicator, Milestone, Programme, Strategy, SwotItem
        from ..widgets.programme_table import ProgrammeView

        plan = app_of(self).plan
        record = plan.get(record_id)
        if isinstance(record, Indicator):
            record = plan.get(record.programme_id)
        views = {SwotItem: "swot", Strategy: "strategies", Programme: "programmes", Milestone: "timeline"}
        if record is None:
            return False
        view = view if view == "timeline" and isinstance(record, Programme) else views.get(type(record))
        if view is None or plan.pillar_of(record) != self.pillar_key:
            return False
        board = self.query_one(SwotBoard)
        if isinstance(record, SwotItem) and board.element_filter and record.element != board.element_filter:
            board.element_filter = ""  # a filter hiding the item would hide the jump
        self.action_view(view)
        self._draw(view, plan)
        target: Widget
        if view == "timeline":
            chart = self.query_one(TimelinePane).chart
            chart.select(record.id)
            target = chart
        elif isinstance(record, SwotItem):
            quadrant = board.quadrant(record.quadrant)
            quadrant.select_id(record.id)
            target = quadrant
        elif isinstance(record, Strategy):
            table = self.query_one(StrategyTable)
            table.move_cursor(row=table.get_row_index(record.id), animate=False)
            target = table
        else:
            view_widget = self.query_one(ProgrammeView)
            view_widget.select(record.id)
            target = view_widget.table
        target.focus()
        return True

    def show_record(self, record_id: str) -> None:
        """Select a record now, or as soon as the screen is built (when it was pushed just
        now: the dashboard's quick-wins list lands here)."""
        if self.is_mounted:
            self.select_record(record_id)
        else:
            # The tabs open on the record's view: the tab bar activates its first tab on
            # mount, and a switch made before that message is handled was undone by it.
            self._first_view = self.view_of(record_id) or self._first_view
            self._select_on_mount = record_id

    def select_restored(self, record_ids: list[str]) -> bool:
        """Ctrl+Z brought records back: the cursor on one of them, the one in the view on show
        first (a programme's milestones come back with it: the programmes view keeps to the
        programme). False when none is this pillar's."""
        shown = self.view
        for record_id in sorted(record_ids, key=lambda rid: self.view_of(rid) != shown):
            if self.select_record(record_id):
                return True
        return False

    def view_of(self, record_id: str) -> str | None:
        from ...model.records import Indicator, Milestone, Programme, Strategy, SwotItem

        plan = app_of(self).plan
        record = plan.get(record_id)
        if isinstance(record, Indicator):
            record = plan.get(record.programme_id)
        views = {SwotItem: "swot", Strategy: "strategies", Programme: "programmes", Milestone: "timeline"}
        return views.get(type(record)) if record is not None else None


    # --- language switch ---------------------------------------------------------------------------

    def _selected_id(self) -> str | None:
        from ..widgets.programme_table import ProgrammeView
        from ..widgets.quadrant_list import QuadrantList

        view = self.view
        if view == "swot":
            return self.focused.current_id() if isinstance(self.focused, QuadrantList) else None
        if view == "strategies":
            return self.query_one(StrategyTable).current_id()
        if view == "timeline":
            return self.query_one(TimelinePane).chart.current_id
        return self.query_one(ProgrammeView).selected_id

    async def relanguage(self) -> None:
        """Build the screen again in the language just chosen (every tab, heading and column is
        made with t()), keeping the view, the SWOT filter, the sort and the record under the
        cursor, so the switch changes the words and nothing else."""
        from ..widgets.programme_table import ProgrammeView

        view, selected = self.view, self._selected_id()
        element_filter = self.query_one(SwotBoard).element_filter
        sort = self.query_one(ProgrammeView).sort
        self._first_view = view  # the new tabs open on it: no detour through the SWOT view
        await self.recompose()
        self._first_view = "swot"
        self.query_one(SwotBoard).element_filter = element_filter
        self.query_one(ProgrammeView).sort = sort
        self._drawn.clear()
        self.seen_version = -1
        self.action_view(view)
        self.sync()
        if selected is None or not self.select_record(selected, view):
            self._focus_view(view)
