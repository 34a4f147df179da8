"""The undo journal of one session: each user action is one Edit of field changes.

Undo writes each change's `before` value again, as a new write with a new dot; redo writes
`after` again. Nothing is rewound, so undo is as mergeable as any other edit. The journal
lives in memory: it is about this session's slips, while the backups guard whole sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class _Tombstone:
    def __repr__(self) -> str:
        return "TOMBSTONE"


# Stands for "a deletion" in a change; the store turns it into a tombstone holding the
# version vector at the moment of writing.
TOMBSTONE: Any = _Tombstone()

MAX_STEPS = 500


@dataclass(frozen=True)
class Siblings:
    """The values a field held side by side before a decision (a conflict, or a delete that
    raced an edit), in dot order, the shown one last. Undoing the decision writes them back,
    each under a new dot of its own, so the conflict is open again with every value: never a
    rewind, so a copy that already received the decision merges with the reopened state.
    Tombstones are written back as they were (not afresh), so a delete that raced an edit
    races it again."""

    values: tuple[Any, ...]


@dataclass(frozen=True)
class Change:
    record_id: str
    field: str
    before: Any
    after: Any

    def reversed(self) -> Change:
        before = self.before
        if isinstance(before, dict) and self.field == "_deleted":
            before = TOMBSTONE  # an old tombstone is written afresh, with today's context
        return Change(self.record_id, self.field, self.after, before)


@dataclass(frozen=True)
class Edit:
    label: str
    changes: tuple[Change, ...]


class Journal:
    def __init__(self) -> None:
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self.recorded = 0  # edits recorded so far (undo_step counts its writes with it)

    def record(self, edit: Edit) -> None:
        self.recorded += 1
        self._undo.append(edit)
        del self._undo[:-MAX_STEPS]
        self._redo.clear()

    def take_undo(self) -> Edit | None:
        if not self._undo:
            return None
        edit = self._undo.pop()
        self._redo.append(edit)
        return edit

    def take_redo(self) -> Edit | None:
        if not self._redo:
            return None
        edit = self._redo.pop()
        self._undo.append(edit)
        return edit

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def next_undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    def squash(self, count: int, label: str = "") -> None:
        """Make the last `count` recorded edits one step, as one user action (a form that
        saves a programme and its indicators). Per field the first `before` and the last
        `after` are kept, so undo restores what was there before the whole action."""
        count = min(count, len(self._undo))
        if count < 1:
            return
        edits = self._undo[-count:]
        del self._undo[-count:]
        merged: dict[tuple[str, str], Change] = {}
        for edit in edits:
            for c in edit.changes:
                first = merged.get((c.record_id, c.field))
                merged[(c.record_id, c.field)] = (
                    c if first is None else Change(c.record_id, c.field, first.before, c.after))
        self._undo.append(Edit(label or edits[-1].label, tuple(merged.values())))
