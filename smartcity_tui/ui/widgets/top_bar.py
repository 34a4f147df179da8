"""The one-line bar on top of every plan screen: where you are, and whether your last edit is
on disk. The save state is never hidden: officers must know before they pull a flash drive."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.visual import VisualType
from textual.widgets import Static

from ...i18n import get_language, t
from ...model.format import clock, date
from ...model.records import PlanInfo
from ...model.vocab import REGION_KINDS
from ...store import PlanStore
from ..app import app_of


def region_title(info: PlanInfo) -> str:
    """"Kabupaten Sukamaju", "Sukamaju Regency": the order is the language's (the top bar's
    title, the plan facts)."""
    kind = REGION_KINDS.label(info.region_kind, get_language())
    return " ".join(t("ui.region_title", kind=kind, region=info.region).split())


def save_note(store: PlanStore, now: _dt.datetime) -> str:
    """"Tersimpan pukul 14.03" (a day before today: with the date); "Hanya baca" for a plan that
    can only be read here (a write-protected drive, a read-only folder or file)."""
    if store.readonly:
        return t("ui.save.readonly")
    try:
        when = _dt.datetime.fromisoformat(store.saved_at)
    except ValueError:
        return t("ui.save.ok_unknown")
    if when.tzinfo is not None and now.tzinfo is not None:
        when = when.astimezone(now.tzinfo)
    hhmm = clock(when)
    if when.date() == now.date():
        return t("ui.save.ok", time=hhmm)
    return t("ui.save.ok_on", day=date(when), time=hhmm)


class SaveState(Static):
    """The save note. Red when the last write failed; highlighted from a save until the next
    key press (a second save in the same minute reads the same, and must be seen to happen);
    marked while the plan can only be read."""

    def on_mount(self) -> None:
        app = app_of(self)
        self.watch(app, "save_note", self._update)
        self.watch(app, "save_failed", self._update)
        self.watch(app, "save_fresh", self._update)

    def _update(self, _value: object = None) -> None:
        app = app_of(self)
        # (a save changes the note and two flags, and each calls this: the words, whose width
        # lays the bar out again, are set once)
        if app.save_note != self.content:
            self.update(app.save_note)
        self.set_class(app.save_failed, "-failed")
        self.set_class(app.save_fresh and not app.save_failed, "-fresh")
        self.set_class(app.store is not None and app.store.readonly, "-readonly")


PART = " · "


def fitted(where: str, room: int) -> str:
    """The parts of "1 Smart Governance · Kabupaten Sukamaju" that fit whole in `room`
    columns, from the first: the screen's name before the region's, the region before the
    dashboard's "Rencana Induk Smart City". Only a first part too long for the line is cut
    (with an ellipsis, by the line's style): never "Rencana Induk Sma…"."""
    parts = where.split(PART)
    while len(parts) > 1 and cell_len(PART.join(parts)) > room:
        parts.pop()
    return PART.join(parts)


class WhereLine(Static):
    """The top bar's "where you are". Its content stays whole (what a test or a screen reader
    reads); what is drawn is what fits."""

    def render(self) -> VisualType:
        content = self.visual
        if not isinstance(content, Content) or not self.content_size.width:
            return content
        return Content(fitted(content.plain, self.content_size.width))


class TopBar(Horizontal):
    where: reactive[str] = reactive("", init=False)  # "1 Smart Governance · Kabupaten Sukamaju"

    def __init__(self, where: str = "", **kw: Any) -> None:
        super().__init__(**kw)
        self.set_reactive(TopBar.where, where)

    def compose(self) -> ComposeResult:
        yield WhereLine(self.where, id="where", markup=False)
        yield SaveState(id="save-state")

    def watch_where(self, text: str) -> None:
        # the place takes the bar's room left of the save note (app.tcss): its words change no size
        self.query_one("#where", WhereLine).update(text, layout=False)
