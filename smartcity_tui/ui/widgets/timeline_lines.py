"""What a pillar's timeline shows, line by line, as plain data: each programme (its bar across
the plan's years) followed by its milestones in year and quarter order. Built once per plan
version; the chart only draws the lines on screen from this list."""

from __future__ import annotations

from dataclasses import dataclass

from ...model.plan import Plan
from ...model.records import Milestone, Programme
from ...model.roadmap import year_cell
from .roadmap_layout import label_span


@dataclass(frozen=True)
class ProgrammeLine:
    programme: Programme
    cells: tuple[str, ...]  # one per plan year: model.roadmap's bar marks
    done: int  # milestones done
    total: int  # milestones

    @property
    def record_id(self) -> str:
        return self.programme.id


@dataclass(frozen=True)
class MilestoneLine:
    programme: Programme
    milestone: Milestone

    @property
    def record_id(self) -> str:
        return self.milestone.id

    @property
    def outside_programme(self) -> bool:
        """The programme's years are set and this milestone's year is not one of them."""
        years = self.programme.years
        return bool(len(years)) and self.milestone.year not in years


Line = ProgrammeLine | MilestoneLine


def programme_order(p: Programme) -> tuple[int, str, str, str]:
    # a Gantt reads top-down in time: first what starts first
    return (p.start_year or 9999, p.code, p.name.casefold(), p.id)


def milestone_order(m: Milestone) -> tuple[int, int, str, str]:
    return (m.year or 9999, m.quarter, m.title.casefold(), m.id)


def timeline_lines(plan: Plan, pillar: str) -> list[Line]:
    years = list(plan.info.years)
    lines: list[Line] = []
    for p in sorted(plan.programmes_for(pillar), key=programme_order):
        milestones = sorted(plan.milestones_of(p.id), key=milestone_order)
        cells = tuple(year_cell(p, milestones, y) for y in years)
        lines.append(ProgrammeLine(p, cells, sum(1 for m in milestones if m.done), len(milestones)))
        lines.extend(MilestoneLine(p, m) for m in milestones)
    return lines


def quarter_offset(quarter: int, width: int) -> int:
    """Where in a year cell `width` wide a milestone of `quarter` sits: quarters spread left to
    right under the year's heading, never in the blanks beside it (a TW4 mark in the last cell
    of a five-cell year sat right next to the next year's heading, and past the last one); a
    whole-year milestone (0) in the middle, where the bar draws its mark."""
    start, cells = label_span(width)
    if not 1 <= quarter <= 4:
        return min(max((width - 1) // 2, start), start + cells - 1)
    return start + min(cells - 1, max(0, round((quarter - 0.5) * cells / 4 - 0.5)))
