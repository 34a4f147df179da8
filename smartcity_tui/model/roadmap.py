"""The roadmap (peta jalan): programmes against the plan's years, for the roadmap and timeline
screens and the Markdown draft. Pure functions over a Plan; nothing here builds widgets."""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Plan
from .records import Milestone, Programme

BAR_FULL = "█"
BAR_MILESTONE = "◆"
BAR_DONE = "✓"
BAR_EMPTY = "·"


@dataclass(frozen=True)
class RoadmapFilter:
    pillar: str = ""  # "" = all
    horizon: str = ""
    agency: str = ""  # the lead agency or a supporting one, whole name, case-insensitive
    quick_win_only: bool = False

    def accepts(self, p: Programme) -> bool:
        if self.pillar and p.pillar != self.pillar:
            return False
        if self.horizon and p.horizon != self.horizon:
            return False
        if self.quick_win_only and not p.quick_win:
            return False
        if self.agency:
            # whole names: picking "Dinas Kesehatan" must not bring "Dinas Kesehatan Hewan"
            needle = self.agency.strip().casefold()
            agencies = [p.lead_agency, *p.supporting_agencies]
            if not any(needle == a.strip().casefold() for a in agencies):
                return False
        return True


@dataclass(frozen=True)
class RoadmapRow:
    programme: Programme
    cells: tuple[str, ...]  # one per plan year


def year_cell(p: Programme, milestones: list[Milestone], year: int) -> str:
    """What one year of a programme's bar shows: ◆ a milestone due, ✓ all of that year's
    milestones done, █ active, · outside the programme's years."""
    if year not in p.years:
        return BAR_EMPTY
    due = [m for m in milestones if m.year == year]
    if due and all(m.done for m in due):
        return BAR_DONE
    if due:
        return BAR_MILESTONE
    return BAR_FULL


def rows(plan: Plan, flt: RoadmapFilter = RoadmapFilter()) -> list[RoadmapRow]:
    """Programmes grouped by pillar (in pillar order), then by start year and code."""
    years = list(plan.info.years)
    rank = {k: i for i, k in enumerate(plan.framework.keys)}
    progs = sorted((p for p in plan.programmes if flt.accepts(p)),
                   key=lambda p: (rank.get(p.pillar, 99), p.start_year, p.code, p.name, p.id))
    out = []
    for p in progs:
        ms = plan.milestones_of(p.id)
        out.append(RoadmapRow(p, tuple(year_cell(p, ms, y) for y in years)))
    return out


def agencies(plan: Plan) -> list[str]:
    """Every lead agency named in the plan, sorted: the choices of the agency filter."""
    return sorted({p.lead_agency for p in plan.programmes if p.lead_agency}, key=str.casefold)


@dataclass(frozen=True)
class OutsidePeriod:
    record_id: str
    kind: str  # "programme" or "milestone"
    title: str
    years: str  # e.g. "2024-2026" or "2030"


def outside_period(plan: Plan, start: int, end: int) -> list[OutsidePeriod]:
    """What a change of the plan period to start-end would leave outside it: the warning the
    plan screen shows before the officer confirms the new period."""
    out = []
    inside = range(start, end + 1)
    for p in plan.programmes:
        if p.start_year and p.end_year and (p.start_year not in inside or p.end_year not in inside):
            years = f"{p.start_year}-{p.end_year}" if p.end_year != p.start_year else str(p.start_year)
            out.append(OutsidePeriod(p.id, "programme", p.name, years))
    for m in plan.milestones:
        if m.year and m.year not in inside:
            out.append(OutsidePeriod(m.id, "milestone", m.title, str(m.year)))
    return out
