"""A short question with a few answers as buttons: what to do with a form left with changes
(leave_form.py), whether to quit and lose this session's undo history (quit_confirm.py).

The button the cursor starts on is the answer that loses nothing, so a stray enter is safe;
and key presses typed before the question appeared (the rest of a pasted text in a console
without bracketed paste) are not taken as answers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..app import SmartCityApp
from .base import AppModal


class Question(AppModal[str | None]):
    def __init__(self, title: str, text: str, answers: list[tuple[str, str]], safe: str) -> None:
        """`answers`: (answer, button label) in the order shown; `safe`: the one focused first."""
        super().__init__()
        self.title_text = title
        self.text = text
        self.answers = answers
        self.safe = safe

    def compose(self) -> ComposeResult:
        with Vertical(classes="form question") as box:
            box.border_title = self.title_text
            yield Static(self.text, classes="question-text", markup=False)
            with Horizontal(classes="buttons"):
                for answer, label in self.answers:
                    yield Button(label, id=f"answer-{answer}",
                                 variant="primary" if answer == self.safe else "default")

    def on_mount(self) -> None:
        if isinstance(self.app, SmartCityApp):
            self.app.drop_keys_typed_until_now()
        self.query_one(f"#answer-{self.safe}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer((event.button.id or "").removeprefix("answer-"))

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
