"""q with something this session would lose: the undo history lives only as long as the app
runs (every edit is already saved in the file), and a form open with changes holds typed
work not saved yet. So quitting then asks first: q again quits; escape, or enter on the
first button, stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...i18n import t
from .. import keys
from .question import Question

if TYPE_CHECKING:
    from ..app import SmartCityApp


class QuitConfirm(Question):
    BINDINGS = keys.prefixed("quit_confirm.")

    def __init__(self, *, form_open: bool = False) -> None:
        text = t("ui.quit.text")
        if form_open:
            text = f"{t('ui.quit.form_open')} {text}"
        super().__init__(t("ui.quit.title"), text, [
            ("stay", t("ui.quit.stay_button")),
            ("quit", t("ui.quit.quit_button")),
        ], safe="stay")


def quit_or_ask(app: SmartCityApp) -> None:
    """Quit, or ask first when quitting would lose this session's undo history or a form's
    unsaved changes."""
    from .form import SavingForm

    store = app.store
    form_changed = any(isinstance(s, SavingForm) and s.changed() for s in app.screen_stack)
    undoable = store is not None and not store.readonly and store.journal.can_undo
    if not (form_changed or undoable):
        app.exit(0)
        return
    if isinstance(app.screen, QuitConfirm):
        return

    def answered(answer: str | None) -> None:
        if answer == "quit":
            app.exit(0)

    app.push_screen(QuitConfirm(form_open=form_changed), answered)
