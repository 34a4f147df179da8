"""How the interface changes the plan: a widget or screen posts a `PlanWrite` message, and the
app's `PlanWriter` (the one place that calls the store's write methods) carries it out.

    self.post_message(PlanWrite.delete(item.id, t("ui.swot.did_delete")))

The message bubbles up to the app, which runs the write at once: the store makes it durable
before it returns, the top bar's save state follows, and the plan version the screens watch
moves on, so every screen that shows the plan redraws itself (see docs/design-notes.md, "UI
data flow"). A write that fails leaves the plan as it was; the writer says why in the
officer's language and hands the failure to whoever asked (`failed`), so a form can stay
open until the write succeeds or the officer gives up. `then` gets what the store returned
(the record added, the report of a merge).

Everything that would refuse or reroute writes for every screen at once (a read-only plan,
say) belongs in `PlanWriter.run`, not in the screens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual.message import Message

from ..i18n import t
from ..model.records import Record
from ..store import PlanReadOnly, PlanStore, StoreError

if TYPE_CHECKING:
    from textual.app import App

    from .app import SmartCityApp

T = TypeVar("T")


def _ignore(_value: object) -> None:
    return None


class PlanWrite(Message, Generic[T]):
    """One change to the plan, asked for by the widget that posts it. `write` runs against
    the open store; several store calls in it (inside `store.undo_step`) are one undo step."""

    def __init__(self, write: Callable[[PlanStore], T], *, then: Callable[[T], object] | None = None,
                 failed: Callable[[StoreError], object] | None = None, undo_hint: bool = False) -> None:
        super().__init__()
        self.write = write
        self.then: Callable[[T], object] = then or _ignore
        self.failed: Callable[[StoreError], object] = failed or _ignore
        self.undo_hint = undo_hint  # say, once written, that ctrl+z brings it back

    @classmethod
    def add(cls, record: Record, label: str, *, then: Callable[[Record], object] | None = None
            ) -> PlanWrite[Record]:
        return PlanWrite(lambda store: store.add(record, label=label), then=then)

    @classmethod
    def save(cls, record: Record, label: str, *, then: Callable[[Record], object] | None = None
             ) -> PlanWrite[Record]:
        return PlanWrite(lambda store: store.save(record, label=label), then=then)

    @classmethod
    def update(cls, record_id: str, label: str, *, then: Callable[[Any], object] | None = None,
               **fields: Any) -> PlanWrite[Any]:
        return PlanWrite(lambda store: store.update(record_id, label=label, **fields), then=then)

    @classmethod
    def delete(cls, record_id: str, label: str) -> PlanWrite[None]:
        """A delete asks no question: it is undoable, and the officer is told so."""
        return PlanWrite(lambda store: store.delete(record_id, label=label), undo_hint=True)


class PlanWriter:
    """Carries out every PlanWrite of the app, one at a time, on the UI thread."""

    def __init__(self, app: SmartCityApp) -> None:
        self.app = app

    def run(self, request: PlanWrite[Any]) -> bool:
        """Write; True when the plan changed as asked. On failure the plan and the store are
        as they were, the top bar says the save failed, and `request.failed` has the error.
        A read-only plan is not written at all: the officer is told why and what to do (copy
        the plan to the laptop), and `request.failed` gets the PlanReadOnly."""
        store = self.app.store
        if store is None:
            return False
        if store.readonly:
            refused = PlanReadOnly(store.path, store.readonly_reason)
            say_read_only(self.app, refused.message())
            request.failed(refused)
            return False
        try:
            result = request.write(store)
        except StoreError as e:
            self.app.save_failed = True
            self.app.save_note = t("ui.save.failed")
            self.app.notify(e.message(), title=t("ui.save.failed"), severity="error", timeout=15)
            request.failed(e)
            return False
        request.then(result)
        if request.undo_hint:
            self.app.notify(t("ui.deleted_undo_hint"), timeout=4)
        return True


def say_read_only(app: App[Any], message: str) -> None:
    app.notify(message, title=t("ui.readonly.title"), severity="warning", timeout=12)


def refuse_when_read_only(app: App[Any]) -> bool:
    """True (and the officer told why, and what to do) when the open plan can only be read:
    keys that open an edit form ask this first, so nobody fills in a form that cannot be
    saved. Writes themselves are refused in `PlanWriter.run`."""
    store = getattr(app, "store", None)
    if not isinstance(store, PlanStore) or not store.readonly:
        return False
    reason = store.readonly_reason
    say_read_only(app, t("ui.readonly.no_edit", reason=reason) if reason is not None
                  else t("ui.readonly.no_edit_asked"))
    return True


def undo_or_redo(app: App[Any], which: str) -> PlanWrite[str | None]:
    """ctrl+z / ctrl+y as a write, saying what was undone (or that there was nothing)."""

    def said(label: str | None) -> None:
        if label is None:
            app.notify(t(f"ui.{which}.nothing"), timeout=3)
        else:
            app.notify(t(f"ui.{which}.done", what=label), timeout=3)

    return PlanWrite(lambda store: store.undo() if which == "undo" else store.redo(), then=said)
