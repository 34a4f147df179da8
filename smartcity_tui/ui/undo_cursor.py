"""Ctrl+Z (and Ctrl+Y) with the cursor on what came back: a record the undo restored (a delete
undone, an add redone) is selected, scrolled into view, on the screen on show, so the officer
sees the undo work. Without it the cursor stayed where the delete had left it, and a record
restored at the end of a long quadrant came back out of sight.

Which records came back is read from the plan itself, before and after: the ids the plan
holds after the write and did not hold before (the journal's changes are the store's own).
Only the screen on show moves its cursor: an undo on the dashboard opens no screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .plan_writes import PlanWrite, undo_or_redo

if TYPE_CHECKING:
    from ..store import PlanStore
    from .app import SmartCityApp


def undo_or_redo_selecting(app: SmartCityApp, which: str) -> PlanWrite[str | None]:
    """`plan_writes.undo_or_redo`, then the cursor on a record it brought back."""
    request = undo_or_redo(app, which)
    write, said = request.write, request.then
    before: set[str] = set()

    def undo(store: PlanStore) -> str | None:
        before.update(store.plan().records)  # (the plan is the store's cached one: no cost)
        return write(store)

    def then(label: str | None) -> object:
        restored = [rid for rid in app.plan.records if rid not in before] if label is not None else []
        if restored:
            # after the redraw the write asked for (app._publish, queued first)
            app.call_later(select_restored, app, restored)
        return said(label)

    request.write, request.then = undo, then
    return request


def select_restored(app: SmartCityApp, record_ids: list[str]) -> None:
    """The cursor on one of `record_ids`, where the screen on show lists it."""
    from .screens.document import DocumentScreen
    from .screens.pillar import PillarScreen
    from .screens.plan_info import PlanInfoScreen
    from .widgets.book_lists import EntryList

    screen = app.screen
    if isinstance(screen, PillarScreen):
        screen.select_restored(record_ids)
    elif isinstance(screen, PlanInfoScreen):
        next((True for rid in record_ids if screen.select_record(rid)), False)
    elif isinstance(screen, DocumentScreen):
        shown = {"regulations": "#regulation-list", "members": "#member-list"}.get(screen.view)
        entries = screen.query_one(shown, EntryList) if shown else None
        restored = next((rid for rid in record_ids if entries is not None and rid in entries.rows), None)
        if entries is not None and restored is not None:
            entries.select_id(restored)
            entries.focus()
