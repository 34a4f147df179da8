"""Escape on a form with changes: simpan (save it), buang (throw the changes away) or lanjut
mengisi (back to the form as it was, the answer the cursor starts on)."""

from __future__ import annotations

from ...i18n import t
from .. import keys
from .question import Question


class LeaveForm(Question):
    BINDINGS = keys.prefixed("leave_form.")

    def __init__(self) -> None:
        super().__init__(t("ui.leave.title"), t("ui.leave.text"), [
            ("save", t("ui.leave.save_button")),
            ("discard", t("ui.leave.discard_button")),
            ("continue", t("ui.leave.continue_button")),
        ], safe="continue")
