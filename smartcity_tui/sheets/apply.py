"""Writing what a preview showed: the new records and, of each changed record, only the fields
that changed (so a merge with another team's edits of the same records stays clean), in one
durable write and one undo step (PlanStore.save_many).

Nothing is written when the preview has a problem. A write that fails (a full disk, a pulled
flash drive) leaves the plan exactly as it was before the import, and the error says what
happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import t
from .preview import ImportPreview, preview_import
from .problems import Problem


class ImportRefused(Exception):
    """The sheet has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    label: str  # the undo step's label


def apply_import(store: Any, preview: ImportPreview, *, label: str = "") -> ImportResult:
    """Write the preview's new and changed records through `store` (a PlanStore) as one undo
    step. If the plan changed since the preview was made (another write in the app), the
    preview is made again on the plan as it is now."""
    if store.plan() is not preview.plan:
        preview = preview_import(store, preview.book, preview.mapping)
    if preview.problems:
        raise ImportRefused(preview.problems)
    # (a programme's own row and its rows on the Anggaran sheet carry the same record: once)
    new = list({o.record.id: o.record for o in preview.outcomes if o.status == "new"}.values())
    added = {r.id for r in new}
    changed = list({o.record.id: o.record for o in preview.outcomes
                    if o.status == "changed" and o.record.id not in added}.values())
    total = preview.total()
    label = label or t("sheets.undo_label", file=preview.book.path.name)
    if not new and not changed:
        return ImportResult(0, 0, total.unchanged, label)
    # one durable write: all of it lands or none of it does, one undo step
    store.save_many([*new, *changed], label=label)
    return ImportResult(len(new), len(changed), total.unchanged, label)
