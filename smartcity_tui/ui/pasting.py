"""A paste lands whole. Windows Terminal and tmux send a paste as one bracketed event, which
Textual hands to the focused field; its one-line Input keeps only the first line of it, so a
paragraph copied from an email or a Word document lost the rest without a word. Into a
one-line field the lines come joined by spaces; a TextArea (narrative sections) gets them as
they are. (The key guard, key_guard.py, drops key presses only: a paste is never dropped.)
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input


def for_field(event: events.Paste, focused: Widget | None) -> events.Paste:
    """The paste as the focused field should receive it."""
    if not isinstance(focused, Input) or len(event.text.splitlines()) < 2:
        return event
    lines = [line.strip() for line in event.text.splitlines()]
    return events.Paste(" ".join(line for line in lines if line))
