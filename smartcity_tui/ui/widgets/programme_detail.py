"""The detail pane's text: every field of one programme, its indicators and its milestones.

Rich renderables rather than widgets, so moving the cursor through a long table only swaps
one renderable (cheap on a 10,000-record plan) and the pane wraps at whatever width it gets.
`detail_view` is what the pane draws (a strategy's wrapped lines stay under its text, not
under its kind); `detail_text` the same as one text, for copying out.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ...i18n import get_language, t
from ...model.budget import source_order
from ...model.codes import code_list
from ...model.format import number, rupiah
from ...model.plan import Plan
from ...model.records import Programme, Strategy
from ...model.vocab import (
    FUNDING_SOURCES,
    HORIZONS,
    INDICATOR_KINDS,
    INNOVATION_KINDS,
    PENTAHELIX_ROLES,
    PRIORITIES,
    STATUSES,
    budget_source_label,
)

LABEL_STYLE = "bold"
HEADING_STYLE = "bold underline"
DIM = "dim"


def years_text(p: Programme) -> str:
    if p.start_year and p.end_year and p.end_year != p.start_year:
        return f"{p.start_year}-{p.end_year}"
    return str(p.start_year or p.end_year or "") or "-"


def _field(out: Text, label: str, value: str) -> None:
    out.append(f"{label}: ", style=LABEL_STYLE)
    out.append((value or t("prog.detail.none_set")) + "\n")


@dataclass(frozen=True)
class Hanging:
    """A line whose text wraps under itself, not under its lead ("  WO " and a strategy)."""

    lead: Text
    body: Text


def detail_text(plan: Plan, p: Programme | None, lang: str | None = None, changed_by: str = "") -> Text:
    """`changed_by`: who changed the programme ("Diubah oleh Pokja Ekonomi", who_wrote.py)."""
    out = Text()
    for part in _parts(plan, p, lang, changed_by):
        if isinstance(part, Hanging):
            out.append_text(part.lead)
            out.append_text(part.body)
            out.append("\n")
        else:
            out.append_text(part)
    return out


def detail_view(plan: Plan, p: Programme | None, lang: str | None = None, changed_by: str = "") -> RenderableType:
    """What the detail pane draws: `detail_text`, with each strategy as a two-column grid."""
    shown: list[RenderableType] = []
    run = Text()
    for part in _parts(plan, p, lang, changed_by):
        if isinstance(part, Hanging):
            if run.plain.endswith("\n"):  # (a Group starts each renderable on a line of its own)
                run.right_crop(1)
            if run:
                shown.append(run)
            run = Text()
            # (a table cell drops a text's leading spaces: the indent is padding)
            indent = len(part.lead.plain) - len(part.lead.plain.lstrip(" "))
            lead = part.lead[indent:]
            grid = Table.grid()
            grid.add_column(width=cell_len(lead.plain), no_wrap=True)
            grid.add_column(ratio=1)
            grid.add_row(lead, part.body)
            shown.append(Padding(grid, (0, 0, 0, indent)))
        else:
            run.append_text(part)
    if run:
        shown.append(run)
    return shown[0] if len(shown) == 1 else Group(*shown)


def _parts(plan: Plan, p: Programme | None, lang: str | None, changed_by: str) -> list[Text | Hanging]:
    if p is None:
        return [Text(t("prog.detail.none", lang), style=DIM)]
    lng = lang or get_language()

    def L(key: str) -> str:
        return t("prog.detail." + key, lng)

    pieces: list[Text | Hanging] = []
    out = Text()
    pieces.append(out)
    head = f"{p.code}  {p.name}" if p.code else p.name
    if p.quick_win:  # the same mark as the table's quick win column
        out.append(t("prog.quick_win_mark", lng) + " ", style="bold")
    out.append(head + "\n", style="bold")
    if p.description:
        out.append(p.description + "\n", style="italic")
    if changed_by:
        out.append(changed_by + "\n", style=DIM)
    out.append("\n")

    if p.nomenclature_code:  # with its name from the region's code list
        codes = code_list(plan)
        found = codes.get(p.nomenclature_code)
        name = found.name if found else t("codepick.detail_not_in_list", lng) if len(codes) else ""
        _field(out, t("codepick.detail", lng), f"{p.nomenclature_code} · {name}" if name else p.nomenclature_code)
    element = plan.framework.shown(p.pillar).element(p.element)
    _field(out, L("element"), element.label(lng) if element else p.element)
    if p.subtopic:
        _field(out, L("subtopic"), p.subtopic)
    strategies = [plan.get(sid) for sid in p.strategy_ids]
    if strategies:
        out.append(f"{L('strategies')}:\n", style=LABEL_STYLE)
        for st in strategies:
            if not isinstance(st, Strategy):
                continue
            pieces.append(Hanging(Text(f"  {st.kind} ", style="bold"), Text(st.text)))
        out = Text()
        pieces.append(out)
    else:
        _field(out, L("strategies"), "")
    _field(out, L("lead_agency"), p.lead_agency)
    _field(out, L("supporting"), ", ".join(p.supporting_agencies))
    _field(out, L("stakeholders"), ", ".join(
        f"{s.name} ({PENTAHELIX_ROLES.label(s.role, lng)})" for s in p.stakeholders))
    missions = plan.info.missions
    _field(out, L("missions"), "; ".join(
        f"{n}. {' '.join(missions[n - 1].split())}" if 1 <= n <= len(missions) else f"? {n}"
        for n in p.mission_numbers))
    _field(out, L("targets"), "; ".join(
        f"{plan.target_number(tid)}. {' '.join(getattr(plan.get(tid), 'text', '?').split())}" for tid in p.target_ids))
    _field(out, L("reference"), p.reference)
    _field(out, L("innovation"), INNOVATION_KINDS.label(p.innovation, lng) if p.innovation else "")
    _field(out, L("location"), p.location)
    _field(out, L("beneficiaries"), p.beneficiaries)
    _field(out, L("regulation_needs"), p.regulation_needs)
    _field(out, L("horizon"), HORIZONS.label(p.horizon, lng))
    _field(out, L("years"), years_text(p))
    _field(out, L("quick_win"), L("yes") if p.quick_win else L("no"))
    _field(out, L("priority"), PRIORITIES.label(p.priority, lng))
    _field(out, L("funding"), ", ".join(FUNDING_SOURCES.label(f, lng) for f in p.funding_sources))
    _field(out, L("status"), f"{STATUSES.label(p.status, lng)} · {L('progress').lower()} {p.progress}%")

    out.append(f"{L('budget')}:\n", style=LABEL_STYLE)
    split = {s: y for s, y in p.budget_by_source.items() if y}
    for source in source_order(split):
        out.append(f"  {budget_source_label(source, lng)}\n", style="italic")
        for year, amount in sorted(split[source].items()):
            out.append(f"    {year}  {rupiah(amount)}\n")
    out.append(f"  {L('total')}  ", style=LABEL_STYLE)
    out.append(rupiah(p.total_budget) + "\n", style=LABEL_STYLE)

    indicators = plan.indicators_of(p.id)
    out.append(f"\n{L('indicators')}\n", style=HEADING_STYLE)
    if not indicators:
        out.append(t("prog.detail.none_set", lng) + "\n", style=DIM)
    for ind in indicators:
        unit = f" ({ind.unit})" if ind.unit else ""
        kind = f" [{INDICATOR_KINDS.label(ind.kind, lng)}]" if ind.kind else ""
        out.append(f"• {ind.name}{unit}{kind}", style="bold")
        if ind.reference_code:
            out.append(" · " + t("codepick.detail_reference", lng, code=ind.reference_code), style=DIM)
        out.append("\n")
        base = f"{L('baseline')} {number(ind.baseline)}" + (f" ({ind.baseline_year})" if ind.baseline_year else "")
        parts = [base, *(f"{y}: {number(v)}" for y, v in sorted(ind.targets.items()))]
        if ind.end_target is not None:
            parts.append(f"{L('end_target')} {number(ind.end_target)}")
        out.append("  " + " · ".join(parts) + "\n")
        extra = [f"{L('data_source')}: {ind.data_source}" if ind.data_source else "",
                 f"{L('evidence')}: {ind.evidence}" if ind.evidence else ""]
        if any(extra):
            out.append("  " + " · ".join(x for x in extra if x) + "\n", style=DIM)

    milestones = plan.milestones_of(p.id)
    out.append(f"\n{L('milestones')}\n", style=HEADING_STYLE)
    if not milestones:
        out.append(t("prog.detail.none_set", lng) + "\n", style=DIM)
    for m in milestones:
        when = f"{m.year}" + (f" {t('prog.detail.quarter', lng, quarter=m.quarter)}" if m.quarter else "")
        out.append(f"{'✓' if m.done else '○'} {when} ", style="bold")
        out.append(m.title)
        if m.deliverable:
            out.append(f" — {m.deliverable}", style=DIM)
        if m.agency:
            out.append(f" · {m.agency}", style=DIM)
        if m.evidence:
            out.append(f" · {L('evidence')}: {m.evidence}", style=DIM)
        out.append("\n")
    out.rstrip()
    return pieces
