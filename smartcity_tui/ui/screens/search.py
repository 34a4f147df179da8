"""Search (key /): one field, and every text of the plan that holds all the typed words, as
you type. Enter (or a click) opens the result on its own screen with it selected; escape
backs out to where you were.

A modal layer over the current screen, so the plan's own keys (1-6, r, q) are letters in the
search field here, never a surprise jump. The search runs a moment after the last keystroke
(a light debounce), and on a big plan its index is built in a thread while the field opens.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import get_language, t
from ...model.format import group_thousands
from ...model.plan import Plan
from ...model.records import Strategy, SwotItem
from ...model.search import Hit, fold, search
from ...model.vocab import QUADRANTS
from .. import keys
from ..app import app_of
from ..widgets.roadmap_layout import fit
from .base import AppModal

DEBOUNCE = 0.08  # seconds after the last keystroke
LIMIT = 200  # results shown; more words narrow it down
WARM_INDEX_FROM = 2000  # records: build the search index in a thread before the first key
KIND_W = 12  # "Strategi SO", "Indikator", "Kelemahan"
# "Smart Environment", whole on every width: cut to "Environment" on a narrow screen, the
# pillar read as an English word on an Indonesian screen (the names are the same in both).
PILLAR_W = 18
TITLE_FIELD = {"swot": "text", "strategy": "text", "programme": "name", "indicator": "name",
               "milestone": "title", "readiness": "topic", "target": "text"}


class ResultList(OptionList):
    """The hits; up from the first one, or typing, goes back to the search field."""

    def action_cursor_up(self) -> None:
        if not self.highlighted:
            self.screen.query_one("#search-input", Input).focus()
        else:
            super().action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character:
            field = self.screen.query_one("#search-input", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)
            event.stop()


class SearchScreen(AppModal[Hit | None]):
    BINDINGS = keys.prefixed("search.")
    # its rules: search.tcss, loaded with the app's (ui/styles.py)

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.hits: list[Hit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = t("search.title")
            box.border_subtitle = t("search.keys_hint")
            yield Input(self.query_text, placeholder=t("search.placeholder"), id="search-input", compact=True)
            yield Static(t("search.hint"), id="search-status", markup=False)
            yield ResultList(id="search-results")

    def on_mount(self) -> None:
        field = self.query_one("#search-input", Input)
        field.focus()
        plan = app_of(self).plan
        if len(plan.records) >= WARM_INDEX_FROM:
            # the first search on a big plan builds the index (a few hundred ms): do it now,
            # off the UI thread, while the officer is still typing
            self.run_worker(lambda: search(plan, "a", limit=1), thread=True, group="warm-index")
        if self.query_text:
            field.select_all()
            self.run_search()

    # --- searching -------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.run_search)

    def run_search(self) -> None:
        self._timer = None
        query = self.query_one("#search-input", Input).value
        self.query_text = query
        plan = app_of(self).plan
        self.hits = search(plan, query, limit=LIMIT)
        results = self.query_one(ResultList)
        # each result is cut to the list's width here: a wrapped result would read as two
        width = (results.scrollable_content_region.width or 78) - 1
        results.set_options([Option(self._line(plan, h, query, width), id=str(i))
                             for i, h in enumerate(self.hits)])
        if self.hits:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update(t("search.hint"))
        elif not self.hits:
            status.update(t("search.none", query=query.strip()))
        elif len(self.hits) >= LIMIT:
            status.update(t("search.count_max", n=group_thousands(LIMIT)))
        else:
            status.update(t("search.count", n=group_thousands(len(self.hits)), count=len(self.hits)))

    def _line(self, plan: Plan, hit: Hit, query: str, width: int) -> Text:
        lang = get_language()
        record = plan.info if hit.kind == "plan" else plan.get(hit.record_id)
        if isinstance(record, SwotItem):
            kind = QUADRANTS.label(record.quadrant, lang)
        elif isinstance(record, Strategy):
            kind = f"{t('search.kind.strategy')} {record.kind}"
        else:
            kind = t(f"search.kind.{hit.kind}")
        if hit.kind == "plan":
            where = t(f"search.field.{hit.field}")
        elif hit.pillar in (framework := app_of(self).plan.framework).keys:
            where = framework.dimension(hit.pillar).label(lang)
        else:
            where = ""
        words = fold(query).split()
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(fit(kind, KIND_W), style="bold")
        line.append(fit(where, PILLAR_W), style="dim")
        title = " ".join(hit.title.split()) or t("ui.unnamed")
        room = width - KIND_W - PILLAR_W
        if len(title) > room and hit.field == TITLE_FIELD.get(hit.kind):
            title = hit.snippet  # a long title: show the part around the match
        line.append_text(_marked(fit(title, room).rstrip(), words))
        if hit.kind != "plan" and hit.field != TITLE_FIELD.get(hit.kind):
            label = t(f"search.field.{hit.field}") + ": "
            line.append("\n" + " " * KIND_W)
            line.append(label, style="dim italic")
            line.append_text(_marked(fit(hit.snippet, width - KIND_W - len(label)).rstrip(), words, base="dim"))
        return line

    # --- choosing --------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:  # enter typed faster than the debounce: search first
            self._timer.stop()
            self.run_search()
        results = self.query_one(ResultList)
        if self.hits:
            self.dismiss(self.hits[results.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[int(event.option.id or 0)])

    def action_to_results(self) -> None:
        self.query_one(ResultList).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_results":
            return bool(self.hits) and isinstance(self.focused, Input)
        return True


def _marked(text: str, words: list[str], base: str = "") -> Text:
    """`text` with each typed word underlined and bold where it occurs (case ignored)."""
    out = Text(text, style=base)
    lower = text.casefold()
    for word in words:
        start = lower.find(word)
        while start >= 0 and word:
            out.stylize("bold underline", start, start + len(word))
            start = lower.find(word, start + len(word))
    return out
