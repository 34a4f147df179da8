"""The dashboard: the plan's facts, a card per pillar of the plan's framework (six for the
Gerakan's pillars and the Kota Cerdas aspects, up to nine) with its counts and what it still
lacks, the quick wins and the open conflicts. Keys 1-9 (or enter on a card) open a pillar.

Validation of a big plan runs in a thread worker, so the cards show their counts at once and
their gaps a moment later; a small plan is checked on the spot (and snapshots stay exact).
"""

from __future__ import annotations

from collections import defaultdict
from typing import cast

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from ...i18n import get_language, t
from ...model.plan import Plan
from ...model.records import Programme
from ...model.validation import Finding, validate
from .. import keys
from ..app import app_of
from ..widgets.pillar_card import PillarCard, lacks_lines, plan_errors
from ..widgets.top_bar import TopBar
from .base import PlanScreen, footer, plan_title

# Up to this many records, validation is quick enough to run before the first frame.
VALIDATE_INLINE_MAX = 3000
# The quick-wins list shows this many; the rest are a count (each pillar screen has them all).
QUICK_WINS_SHOWN = 200


def book_lacks(findings: list[Finding], lang: str) -> Text:
    """The line of what the masterplan book still lacks: its empty narrative sections by name,
    no dasar hukum, institutions without members (plan-wide findings: the pillar cards count
    their own records' gaps, a dimension's narrative included nowhere but here)."""
    sections = [f.param("section", lang) for f in findings if f.code == "narrative.empty"]
    bodies = [f.param("body", lang) for f in findings if f.code == "member.body_empty"]
    parts = []
    if sections:
        parts.append(t("book.lacks_sections", n=len(sections), names=", ".join(sections)))
    if any(f.code == "regulation.none" for f in findings):
        parts.append(t("book.lacks_regulations"))
    if bodies:
        parts.append(t("book.lacks_bodies", names=", ".join(bodies)))
    if not parts:
        return Text("✓ " + t("book.lacks_none"), style="green", no_wrap=True, overflow="ellipsis")
    return Text("! " + t("book.lacks", parts="; ".join(parts)), style="yellow", no_wrap=True, overflow="ellipsis")


class QuickWins(OptionList):
    """The quick-wins list; up from its first line goes back to the cards above."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0  # enter works at once, on the first quick win

    def action_cursor_up(self) -> None:
        if not self.highlighted:
            cards = list(self.screen.query(PillarCard))
            cards[len(cards) // 2].focus()
            return
        super().action_cursor_up()


class DashboardScreen(PlanScreen):
    # its rules: dashboard.tcss, loaded with the app's (ui/styles.py)
    BINDINGS = keys.prefixed("dashboard.")
    AUTO_FOCUS = "PillarCard"
    _facts: tuple[str, ...] = ("",)  # the facts line, long to short (show_plan)

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with Vertical(id="dash"):
            yield Static(id="facts", markup=False)
            yield Static(id="vision", markup=False)
            yield Static(id="plan-lacks")
            yield Grid(*self._cards(), id="cards", classes=self._grid_class())
            yield QuickWins(id="quick-wins")
        yield footer()

    def _cards(self) -> list[PillarCard]:
        """A card per dimension of the plan's framework (1-9), three to a row."""
        self._card_keys = app_of(self).plan.framework.keys
        return [PillarCard(d, id=f"card-{d.key}", classes="card") for d in app_of(self).plan.framework.dimensions]

    def _grid_class(self) -> str:
        # six cards and fewer: two rows, as the six pillars always had; seven to nine: three
        return "-three-rows" if len(self._card_keys) > 6 else ""

    def _sync_cards(self, plan: Plan) -> None:
        """Cards again when the plan's framework is another (a bundle adopted into a new plan)."""
        if plan.framework.keys == self._card_keys:
            return
        grid = self.query_one("#cards", Grid)
        grid.remove_children()
        grid.mount_all(self._cards())
        grid.set_class(len(self._card_keys) > 6, "-three-rows")

    def on_mount(self) -> None:
        self.query_one("#quick-wins", OptionList).border_title = t("ui.dash.quick_wins")
        self.sync()
        self.call_after_refresh(app_of(self).first_frame_drawn, "dashboard")

    def _show_facts(self) -> None:
        room = self.app.size.width - 2  # the line's padding
        fits = (f for f in self._facts if cell_len(f) <= room)
        self.query_one("#facts", Static).update(next(fits, self._facts[-1]))

    def on_resize(self) -> None:
        self._show_facts()

    def show_plan(self, plan: Plan) -> None:
        info = plan.info
        lang = get_language()
        self.query_one(TopBar).where = t("ui.dash.where", plan=plan_title(plan))
        period = f"{info.start_year}-{info.end_year}" if info.start_year else t("ui.dash.no_period")
        # the unresolved conflicts only when there are some: "Konflik belum diselesaikan: 0"
        # would push the team's name off an 80-column screen to say nothing
        conflicts = len(plan.conflict_ids)
        team = app_of(self).open_store.team or "-"

        def facts(key: str) -> str:
            return t(key, province=info.province or "-", period=period, conflicts=conflicts, team=team)

        self._facts = (facts("ui.dash.facts" if conflicts else "ui.dash.facts_settled"),)
        if conflicts:  # where the long line is cut, the short one keeps the count and the team whole
            self._facts += (facts("ui.dash.facts_short"),)
        self._show_facts()
        vision = info.vision.strip() or t("ui.dash.no_vision")
        self.query_one("#vision", Static).update(t("ui.dash.vision", vision=vision))
        counts = plan.counts()
        self._sync_cards(plan)
        for card in self.query(PillarCard):
            card.counts = counts.get(card.pillar_key)
        self._show_quick_wins(plan, lang)
        if len(plan.records) <= VALIDATE_INLINE_MAX:
            self._show_findings(validate(plan))
        else:
            for card in self.query(PillarCard):
                card.lacks = None
            self.query_one("#plan-lacks", Static).update(Text(t("book.lacks_checking"), style="dim"))
            # started once the counts are on screen: the checking thread competes with the
            # painting for the interpreter lock
            self.call_after_refresh(
                self.run_worker, lambda: validate(plan), thread=True, exclusive=True, group="validate",
                name=f"validate-{self.seen_version}")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "validate" or event.state != WorkerState.SUCCESS:
            return
        if worker.name == f"validate-{self.seen_version}":  # not a stale result
            self._show_findings(cast("list[Finding]", worker.result))

    def _show_findings(self, findings: list[Finding]) -> None:
        by_pillar: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            if f.pillar:
                by_pillar[f.pillar].append(f)
        for card in self.query(PillarCard):
            card.lacks = lacks_lines(by_pillar[card.pillar_key])
        line = book_lacks(findings, get_language())
        errors = plan_errors(findings)  # (records outside the framework, a framework missing)
        self.query_one("#plan-lacks", Static).update(line if errors is None else errors + line)

    def _show_quick_wins(self, plan: Plan, lang: str) -> None:
        wins = plan.quick_wins()
        ol = self.query_one("#quick-wins", OptionList)
        ol.border_title = t("ui.dash.quick_wins_n", n=len(wins))
        options = []
        for p in wins[:QUICK_WINS_SHOWN]:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append("★ ", style="yellow")
            if p.code:
                line.append(p.code + " ", style="bold")
            line.append(p.name or t("ui.unnamed"))
            line.append(f" · {plan.framework.name_of(p.pillar, lang)}", style="dim")
            if p.start_year:
                line.append(f" · {p.start_year}", style="dim")
            options.append(Option(line, id=p.id))
        if len(wins) > QUICK_WINS_SHOWN:
            more = t("ui.dash.more_quick_wins", n=len(wins) - QUICK_WINS_SHOWN)
            options.append(Option(more, disabled=True))
        if not wins:
            options.append(Option(t("ui.dash.no_quick_wins"), disabled=True))
        highlighted = ol.highlighted
        ol.set_options(options)
        if highlighted is not None and options:
            ol.highlighted = min(highlighted, len(options) - 1)

    # --- keys ------------------------------------------------------------------------------

    def action_open_card(self) -> None:
        if isinstance(self.focused, PillarCard):
            app_of(self).action_open_pillar(self.focused.pillar_key)

    def action_findings(self) -> None:
        """v: what validation finds, for the card under the cursor (the whole plan from the
        quick-wins list): what the card's "! 8 peringatan" counts, to read and open."""
        from .findings import show_findings

        card = self.focused if isinstance(self.focused, PillarCard) else None
        show_findings(app_of(self), card.pillar_key if card is not None else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        app = app_of(self)
        prog = app.open_store.get(event.option.id) if event.option.id else None
        if isinstance(prog, Programme):
            app.pillar_screen(prog.pillar).show_record(prog.id)

    def action_move_card(self, dx: int, dy: int) -> None:
        cards = list(self.query(PillarCard))
        if not isinstance(self.focused, PillarCard):
            cards[0].focus()
            return
        cols = 3
        i = cards.index(self.focused)
        row, col = divmod(i, cols)
        col = min(max(col + dx, 0), cols - 1)
        row = row + dy
        if row >= (len(cards) + cols - 1) // cols:
            self.query_one("#quick-wins").focus()
            return
        cards[min(max(row, 0) * cols + col, len(cards) - 1)].focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move_card", "open_card"):
            # the quick-wins list has its own arrows and enter
            return isinstance(self.focused, PillarCard)
        return True
