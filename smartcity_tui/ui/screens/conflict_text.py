"""What the conflicts screen says about a conflict: the box above the decision (where the record
is, who deleted or edited what) and, at 120 columns and up, the whole record beside it. Text
only: the screen (conflicts.py) decides when to show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from ...bundle.merge_conflicts import Conflict
from ...i18n import t
from ...model.plan import Plan
from ...model.records import record_type
from ...model.revision import RecordState, meaning
from ...store import PlanStore
from ..widgets.conflict_values import field_label, value_text
from . import conflict_resolve as resolve
from .merge_preview import area_label

TitleOf = Callable[[str], str]


def head(c: Conflict, plan: Plan, store: PlanStore, title_of: TitleOf) -> Text:
    """Where the record is, its title, and what happened to it."""
    text = Text()
    text.append(f"{area_label(c.area, plan.framework)} · {t(f'merge.kind.{c.kind}')}\n", style="dim")
    text.append(c.title + "\n", style="bold")
    if c.parent_deleted:
        deleters = ", ".join(sorted({w.who for w in c.deleted_by}))
        editors = ", ".join(resolve.child_writers(store, c)) or "?"
        text.append(t("exchange.conflict.parent_deleted_by", who=deleters, editors=editors,
                      programme=c.parent_title, kind=t(f"merge.kind.{c.kind}").lower()))
        _edits_made_meanwhile(c, text, plan, title_of)
    elif c.delete_vs_edit:
        deleters = ", ".join(sorted({w.who for w in c.deleted_by}))
        editors = ", ".join(sorted({w.who for f in c.edited_meanwhile for w in f.values}))
        text.append(t("exchange.conflict.deleted_by", who=deleters, editors=editors or "?"))
        _edits_made_meanwhile(c, text, plan, title_of)
    else:
        text.append(t("exchange.conflict.explain"))
    return text


def _edits_made_meanwhile(c: Conflict, text: Text, plan: Plan, title_of: TitleOf) -> None:
    """One line per field and value edited while the record was being deleted; groups
    (or sessions) that typed the same value share its line."""
    for f in c.edited_meanwhile:
        lines: list[tuple[Any, list[str]]] = []
        for w in f.values:
            same = next((who for v, who in lines if meaning(f.field, v) == meaning(f.field, w.value)), None)
            if same is None:
                lines.append((w.value, [w.who]))
            elif w.who not in same:
                same.append(w.who)
        for value, who in lines:
            text.append(f"\n• {field_label(f.field)}: ", style="bold")
            text.append(value_text(f.field, value, c.kind, title_of, plan.framework))
            text.append(f"  ({', '.join(who)})", style="dim")


def whole_record(c: Conflict, state: RecordState, plan: Plan, title_of: TitleOf) -> Text:
    """Every field the record has now, one a line."""
    text = Text()
    for name in record_type(c.kind).field_types():
        value = state.value(name)
        if name in ("order", "pillar") or value in (None, "", [], {}):
            continue
        if text:
            text.append("\n")
        text.append(f"{field_label(name)}: ", style="bold")
        text.append(value_text(name, value, c.kind, title_of, plan.framework))
    return text
