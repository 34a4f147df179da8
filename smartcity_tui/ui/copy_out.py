"""Copy out (`c` on the pillar screen): the record under the cursor as readable text, in the
language on screen, to the clipboard, for a chat or an email to the table that wrote it.

Textual sends the text to the terminal (OSC 52), which puts it on the system clipboard:
Windows Terminal, VS Code, iTerm2, kitty, tmux with `set-clipboard on` do; the old Windows
console (conhost) ignores it, so the notice says so.
"""

from __future__ import annotations

from ..i18n import get_language, t
from ..model.labels import field_label
from ..model.plan import Plan
from ..model.records import Milestone, Programme, Record, Strategy, SwotItem
from ..model.vocab import QUADRANTS, STRATEGY_KINDS, pillar
from .app import SmartCityApp
from .widgets.programme_detail import detail_text, years_text


def _pillar_label(key: str, lang: str) -> str:
    try:
        return pillar(key).label(lang)
    except KeyError:
        return key


def _lines(pairs: list[tuple[str, str]], lang: str) -> list[str]:
    """"Label: value" for each field with a value."""
    return [f"{field_label(name, lang)}: {value}" for name, value in pairs if value]


def _swot(item: SwotItem, lang: str) -> list[str]:
    try:
        element_choice = pillar(item.pillar).element(item.element) if item.element else None
    except KeyError:
        element_choice = None
    element = element_choice.label(lang) if element_choice else item.element
    head = f"{_pillar_label(item.pillar, lang)} · SWOT {item.quadrant} ({QUADRANTS.label(item.quadrant, lang)})"
    return [head, item.text, *_lines([("element", element), ("subtopic", item.subtopic),
                                      ("source_agency", item.source_agency)], lang)]


def _strategy(plan: Plan, s: Strategy, lang: str) -> list[str]:
    out = [f"{_pillar_label(s.pillar, lang)} · {STRATEGY_KINDS.label(s.kind, lang)}", s.text]
    items = [plan.get(i) for i in s.swot_ids]
    listed = [f"- {i.quadrant}: {i.text}" for i in items if isinstance(i, SwotItem)]
    if listed:
        out += [f"{field_label('swot_ids', lang)}:", *listed]
    return out


def _milestone(plan: Plan, m: Milestone, lang: str) -> list[str]:
    prog = plan.get(m.programme_id)
    when = str(m.year) + (" " + t("prog.detail.quarter", lang, quarter=m.quarter) if m.quarter else "")
    out = []
    if isinstance(prog, Programme):
        out.append(f"{prog.code} {prog.name}".strip() + f" ({years_text(prog)})")
    out += [f"{when} · {m.title}", *_lines([
        ("deliverable", m.deliverable), ("lead_agency", m.agency), ("evidence", m.evidence),
        ("done", t("prog.detail.yes", lang) if m.done else t("prog.detail.no", lang))], lang)]
    return out


def record_text(plan: Plan, record: Record, lang: str | None = None, changed_by: str = "") -> str:
    """The record as a person would write it in a message, with who wrote it (`changed_by`,
    who_wrote.py): the reader knows which table to ask. "" for a kind not listed here."""
    lng = lang or get_language()
    if isinstance(record, SwotItem):
        lines = [*_swot(record, lng), changed_by]
    elif isinstance(record, Strategy):
        lines = [*_strategy(plan, record, lng), changed_by]
    elif isinstance(record, Programme):
        lines = [_pillar_label(record.pillar, lng), detail_text(plan, record, lng, changed_by).plain]
    elif isinstance(record, Milestone):
        lines = [*_milestone(plan, record, lng), changed_by]
    else:
        return ""
    return "\n".join(line for line in lines if line).strip() + "\n"


def copy_record(app: SmartCityApp, record_id: str | None) -> None:
    """Put the record's text on the clipboard and say so (and where it may not arrive)."""
    from ..bundle.authors import record_authors
    from .who_wrote import changed_by

    plan = app.plan
    record = plan.get(record_id) if record_id else None
    if record is None or record_id is None:
        text = ""
    else:
        text = record_text(plan, record, changed_by=changed_by(record_authors(app.open_store, record_id)))
    if not text:
        app.notify(t("ui.authors.nothing_selected"), severity="warning")
        return
    app.copy_to_clipboard(text)
    app.notify(t("ui.copy.done_hint"), title=t("ui.copy.done"), timeout=8)
