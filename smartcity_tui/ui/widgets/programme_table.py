"""A pillar's programmes: a sortable table with the selected programme's details beside it.

The view never writes: it asks for an edit or a delete with a message and the screen that
holds the store acts, then hands the fresh Plan back through `show`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static

from ...i18n import get_language, t
from ...model.format import rupiah
from ...model.plan import Plan
from ...model.records import Programme
from ...model.vocab import HORIZONS, PRIORITIES
from .programme_detail import detail_view, years_text

SORT_KEY = "u"
# Order of the sort key; each entry sorts the pillar's programmes a way a working group asks.
SORTS = ("code", "horizon", "start_year", "agency", "priority")
_HORIZON_RANK = {k: i for i, k in enumerate(HORIZONS.keys)}
_PRIORITY_RANK = {k: i for i, k in enumerate(PRIORITIES.keys)}  # high first
_LAST = "\uffff"  # empty values sort after every real one


def sort_key(sort: str) -> Callable[[Programme], tuple[Any, ...]]:
    def code(p: Programme) -> tuple[Any, ...]:
        return (p.code, p.name.casefold(), p.id)

    keys: dict[str, Callable[[Programme], tuple[Any, ...]]] = {
        "code": code,
        "horizon": lambda p: (_HORIZON_RANK.get(p.horizon, 99), p.start_year or 9999, *code(p)),
        "start_year": lambda p: (p.start_year or 9999, *code(p)),
        "agency": lambda p: (p.lead_agency.casefold() or _LAST, *code(p)),
        "priority": lambda p: (_PRIORITY_RANK.get(p.priority, 99), *code(p)),
    }
    return keys[sort]


COLUMNS = ("code", "name", "horizon", "years", "agency", "priority", "quick_win", "budget")
DETAIL_WIDTH = 44  # the detail pane's width beside the table on wide screens
# Below this width the pane goes under the table: the table's columns need some 110 columns
# for the names and agencies a plan has ("Dinas Komunikasi dan Informatika"), so at 120 a
# pane beside it left every agency cut to "Dinas ..." (issue 13 #5).
NARROW = 150


class ProgrammeView(Widget):
    DEFAULT_CSS = """
    ProgrammeView { height: 1fr; layout: vertical; }
    ProgrammeView > #prog-header { height: 1; color: $text-muted; padding: 0 1; }
    ProgrammeView > #prog-body { layout: horizontal; height: 1fr; }
    ProgrammeView #prog-table { width: 1fr; height: 1fr; }
    ProgrammeView #prog-detail {
        width: {DETAIL_WIDTH}; height: 1fr; border-left: solid $primary-muted; padding: 0 1;
    }
    ProgrammeView #prog-detail:focus { border-left: solid $accent; }
    ProgrammeView.-narrow > #prog-body { layout: vertical; }
    ProgrammeView.-narrow #prog-table { width: 1fr; height: auto; max-height: 50%; }
    ProgrammeView.-narrow #prog-detail {
        width: 1fr; height: 1fr; border-left: none; border-top: solid $primary-muted;
    }
    ProgrammeView.-narrow #prog-detail:focus { border-top: solid $accent; }
    """.replace("{DETAIL_WIDTH}", str(DETAIL_WIDTH))

    BINDINGS = [
        # Same keys as the SWOT and strategy views; "s" is taken by the pillar screen (SWOT),
        # so sorting is "u" (urutkan).
        Binding("n,insert", "new", "prog.key.new", id="programme.new"),
        Binding("enter,e", "edit", "prog.key.edit", id="programme.edit"),
        Binding("delete,x", "delete", "prog.key.delete", id="programme.delete"),
        Binding(SORT_KEY, "cycle_sort", "prog.key.sort", id="programme.sort"),
    ]

    class EditRequested(Message):
        """Open the form: for the programme with this id, or for a new one when None."""

        def __init__(self, programme_id: str | None) -> None:
            super().__init__()
            self.programme_id = programme_id

    class DeleteRequested(Message):
        def __init__(self, programme_id: str) -> None:
            super().__init__()
            self.programme_id = programme_id

    def __init__(self, pillar: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.pillar = pillar
        self.sort = "code"
        self.plan: Plan | None = None
        self._rows: list[Programme] = []
        self._selected_id: str | None = None
        self._columns_for: tuple[dict[str, int], str] | tuple[()] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="prog-header")
        with Container(id="prog-body"):
            table: DataTable[str | Text] = DataTable(id="prog-table", cursor_type="row", zebra_stripes=True,
                                         cell_padding=0)
            yield table
            with VerticalScroll(id="prog-detail"):
                yield Static(id="prog-detail-text")

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#prog-table", DataTable)

    @property
    def selected_id(self) -> str | None:
        """The programme under the cursor."""
        return self._selected_id

    # --- filling ---------------------------------------------------------------------------

    def show(self, plan: Plan) -> None:
        """Refresh from a Plan; the cursor stays on the same programme (or near its old row
        when that programme is gone)."""
        self.plan = plan
        if self.is_mounted:
            self._fill()

    def on_mount(self) -> None:
        if self.plan is not None:  # show() came before the widget was in the DOM
            self._fill()

    def _fill(self) -> None:
        if self.plan is None:
            return
        table = self.table
        keep_id, keep_row = self._selected_id, table.cursor_row
        self._rows = sorted(self.plan.programmes_for(self.pillar), key=sort_key(self.sort))
        widths = self._column_widths()
        lang = get_language()
        if (widths, lang) == self._columns_for:
            table.clear()  # same columns: keep them, the table then skips a full re-layout
        else:
            table.clear(columns=True)
            self._columns_for = (widths, lang)
            for key in COLUMNS:
                label: str | Text = t("prog.col." + key, lang)
                if key == "budget":
                    label = Text(t("prog.col." + key, lang), justify="right")
                table.add_column(label, width=widths[key], key=key)
            # the new columns fit the pane: a sideways scroll left from the old, wider ones
            # would hide the code and name
            table.scroll_to(x=0, animate=False, immediate=True)
        for p in self._rows:
            table.add_row(*self._cells(p, widths, lang), key=p.id)
        if self._rows:
            ids = [p.id for p in self._rows]
            row = ids.index(keep_id) if keep_id in ids else min(max(keep_row, 0), len(ids) - 1)
            table.move_cursor(row=row, animate=False)
            self._selected_id = ids[row]
        else:
            self._selected_id = None
        self._show_header()
        self._show_detail()

    def select(self, programme_id: str) -> bool:
        """Put the cursor on this programme (after adding it, say); False when not listed."""
        ids = [p.id for p in self._rows]
        if programme_id not in ids:
            return False
        self.table.move_cursor(row=ids.index(programme_id), animate=False)
        self._selected_id = programme_id
        self._show_detail()
        return True

    def _cells(self, p: Programme, widths: dict[str, int], lang: str) -> list[str | Text]:
        def cut(text: str, key: str) -> str:
            room = widths[key] - 1  # one column of gap before the next cell
            return text if len(text) <= room else text[: max(room - 1, 0)] + "…"

        return [
            cut(p.code, "code"),
            cut(p.name, "name"),
            cut(t(f"prog.horizon_short.{p.horizon}", lang), "horizon"),
            cut(years_text(p), "years"),
            cut(p.lead_agency, "agency"),
            cut(PRIORITIES.label(p.priority, lang), "priority"),
            t("prog.quick_win_mark", lang) if p.quick_win else "",
            Text(rupiah(p.total_budget), justify="right"),
        ]

    def _column_widths(self) -> dict[str, int]:
        """Fixed columns sized to their content, the rest shared by name and agency, so the
        table fits its pane at 80 columns instead of scrolling sideways."""
        lang = get_language()
        w = {
            "code": max([len(t("prog.col.code", lang))] + [len(p.code) for p in self._rows]) + 1,
            # a heading longer than its cells ("Horizon" over "Long") must still fit, or it runs
            # into the next heading ("HorizonYears")
            "horizon": max([len(t("prog.col.horizon", lang))]
                           + [len(t(f"prog.horizon_short.{h}", lang)) for h in HORIZONS.keys]) + 1,
            "years": max([len(t("prog.col.years", lang))] + [len(years_text(p)) for p in self._rows]) + 1,
            "priority": max([len(t("prog.col.priority", lang))] + [len(c.label(lang)) for c in PRIORITIES]) + 1,
            "quick_win": max(len(t("prog.col.quick_win", lang)), len(t("prog.quick_win_mark", lang))) + 1,
            "budget": max([len(t("prog.col.budget", lang))] + [len(rupiah(p.total_budget)) for p in self._rows]),
        }
        w["code"] = min(w["code"], 12)
        total = self.size.width or 80
        if total >= NARROW:
            total -= DETAIL_WIDTH
        room = max(total - 2 - sum(w.values()), 20)  # 2: the table's vertical scrollbar
        # name and agency share the rest, two fifths to the agency; room either does not
        # need goes to the other, so a wide window shows both whole
        longest_name = max([len(p.name) for p in self._rows], default=0) + 1
        longest_agency = max([len(p.lead_agency) for p in self._rows], default=0) + 1
        agency = min(max(room * 2 // 5, 8), max(longest_agency, 8))
        agency = max(agency, min(longest_agency, room - longest_name))
        w["agency"] = agency
        w["name"] = room - agency
        return w

    def _show_header(self) -> None:
        lang = get_language()
        self.query_one("#prog-header", Static).update(
            t("prog.header", lang, count=len(self._rows), sort=t(f"prog.sort.{self.sort}", lang), sort_key=SORT_KEY))

    def _show_detail(self) -> None:
        text = self.query_one("#prog-detail-text", Static)
        if self.plan is None:
            return
        if not self._rows:
            text.update(Text(t("prog.empty"), style="dim"))
            return
        prog = self.plan.get(self._selected_id) if self._selected_id else None
        text.update(detail_view(self.plan, prog if isinstance(prog, Programme) else None,
                                changed_by=self._changed_by(prog)))

    def _changed_by(self, prog: object) -> str:
        from ...bundle.authors import record_authors
        from ..app import SmartCityApp
        from ..who_wrote import changed_by

        # (the view also runs on its own, over a plan without a store: a test host, a picker)
        store = self.app.store if isinstance(self.app, SmartCityApp) else None
        if not isinstance(prog, Programme) or store is None:
            return ""
        return changed_by(record_authors(store, prog.id))

    # --- events ----------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self._refit()
        # A resize's layout can settle after this event (a scrollbar coming or going around
        # the view): look again once it has, so the columns always fit the final width.
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        # Only a change of width can change the columns; a taller window needs no refill.
        if self.plan is not None and self._columns_for[:1] != (self._column_widths(),):
            self._fill()

    @on(DataTable.RowHighlighted, "#prog-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Read the cursor now, not the event's row: a refill may have moved it since.
        row = self.table.cursor_row
        if 0 <= row < len(self._rows) and self._rows[row].id != self._selected_id:
            self._selected_id = self._rows[row].id
            self._show_detail()

    @on(DataTable.RowSelected, "#prog-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # --- actions ---------------------------------------------------------------------------

    def action_new(self) -> None:
        self.post_message(self.EditRequested(None))

    def action_edit(self) -> None:
        if self._selected_id is not None:
            self.post_message(self.EditRequested(self._selected_id))

    def action_delete(self) -> None:
        if self._selected_id is not None:
            self.post_message(self.DeleteRequested(self._selected_id))

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._fill()

    def set_sort(self, sort: str) -> None:
        """Sort by one of SORTS (the command palette offers each directly)."""
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
        self.sort = sort
        self._fill()
