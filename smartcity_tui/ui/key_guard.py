"""Key presses that must not run as commands: those typed while a form was still open and
handled only after it closed, or typed before a question appeared.

A console without bracketed paste (Windows 10's conhost) delivers a pasted text as key
presses, all at once (Textual's Windows driver reads up to 1024 of them in one go). The keys
after a line break would otherwise reach the screen under the form: `x` deletes, `n` opens a
form, a digit switches pillars, `q` quits. A person's next key press is typed after the form
has closed and counts as usual. Events carry the time they were read (Textual's clock), so
the rule is exact: nothing is guessed from how fast someone types.
"""

from __future__ import annotations

from textual import events
from textual.message import Message


class KeyGuard:
    def __init__(self) -> None:
        self._dropped_before = 0.0

    def drop_typed_until_now(self) -> None:
        """Key presses read up to now and not handled yet are dropped."""
        self._dropped_before = Message().time  # a fresh message: stamped by Textual's clock

    def drops(self, event: events.Event) -> bool:
        return isinstance(event, events.Key) and event.time < self._dropped_before
