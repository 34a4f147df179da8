"""How programmes tie to the RPJMD, for the matrix a reviewer asks for (misi -> sasaran ->
program).

A programme names the missions (`mission_numbers`) and the plan's targets (`target_ids`) it
serves, picked from the plan's own in the programme form; a target may name its mission,
so serving it serves that mission too. A programme that names neither (one written before
the links existed) is read from the free-text reference an officer typed ("RPJMD 2025-2029
Misi 1", "Misi 2 dan 3"), and the book says so in a note."""

from __future__ import annotations

import re

from ..model.plan import Plan
from ..model.records import PlanTarget, Programme
from .common import Context, table
from .tree import Block, Inline, Paragraph, Section, lines, plain

# "Misi 1", "misi 2 dan 3", "Misi 1, 3", "mission 2": the numbers after the word
_MISSION = re.compile(r"\b(?:misi|mission)\s*((?:\d{1,2}(?:\s*(?:,|/|&|dan|and)\s*)?)+)", re.IGNORECASE)
_NUMBER = re.compile(r"\d{1,2}")


def missions_in_text(reference: str, n_missions: int) -> list[int]:
    """The mission numbers a free-text reference names."""
    found: list[int] = []
    for m in _MISSION.finditer(reference):
        for n in _NUMBER.findall(m.group(1)):
            k = int(n)
            if 1 <= k <= n_missions and k not in found:
                found.append(k)
    return sorted(found)


def targets_of(plan: Plan, p: Programme) -> list[PlanTarget]:
    """The plan's targets a programme serves, in the plan's order."""
    wanted = set(p.target_ids)
    return [x for x in plan.targets if x.id in wanted]


def linked(p: Programme) -> bool:
    """Whether the programme names its missions or targets itself (not only in its reference)."""
    return bool(p.mission_numbers or p.target_ids)


def missions_of(plan: Plan, p: Programme) -> list[int]:
    """The RPJMD missions (numbered from 1) a programme serves, as far as the plan says."""
    n = len(plan.info.missions)
    if not linked(p):
        return missions_in_text(p.reference, n)
    found = {k for k in p.mission_numbers if 1 <= k <= n}
    found |= {x.mission for x in targets_of(plan, p) if 1 <= x.mission <= n}
    return sorted(found)


def target_label(plan: Plan, x: PlanTarget, lang_label: str) -> str:
    return f"{lang_label} {plan.target_number(x.id)}: {' '.join(x.text.split())}"


def rpjmd_matrix(ctx: Context) -> Section:
    title = plain(ctx.L("sec.rpjmd"))
    plan = ctx.plan
    missions = list(plan.info.missions)
    progs = [(g, p) for g in ctx.groups for p in ctx.programmes(g)]
    if not progs:
        return Section(title, [ctx.note("no_programmes")])
    served = {p.id: missions_of(plan, p) for _, p in progs}

    def targets_cell(p: Programme, mission: int) -> Inline:
        mine = [x for x in targets_of(plan, p) if x.mission in (mission, 0)]
        return lines(*(plain(target_label(plan, x, ctx.L("target"))) for x in mine)) or plain("-")

    rows: list[list[Inline]] = []
    for k, mission in enumerate(missions, 1):
        serving = [(g, p) for g, p in progs if k in served[p.id]]
        for i, (g, p) in enumerate(serving):
            # a mission's later rows carry its number: a page break in its group left them
            # under an empty cell, the mission named only on the page before
            rows.append([plain(f"{k}. {mission.strip()}" if i == 0 else f"{k}."), targets_cell(p, k), plain(p.code),
                         plain(p.name), plain(g.label(ctx.lang))])
        if not serving:
            rows.append([plain(f"{k}. {mission.strip()}"), (), plain("-"),
                         plain(ctx.L("no_programme_for_mission")), ()])
    unlinked = [(g, p) for g, p in progs if not served[p.id]]
    for i, (g, p) in enumerate(unlinked):
        rows.append([plain(ctx.L("not_linked") if i == 0 else ""), targets_cell(p, 0), plain(p.code), plain(p.name),
                     plain(g.label(ctx.lang))])
    header = [ctx.L(f"col.{k}") for k in ("mission", "target", "code", "programme", "dimension")]
    blocks: list[Block] = [Paragraph(plain(ctx.L("rpjmd_intro"))), table(
        ctx.L("table.rpjmd"), header, rows, source=ctx.source("programmes"), widths=(5, 5, 2, 5, 3),
        kind="rpjmd", nowrap=(2,))]
    if any(not linked(p) and served[p.id] for _, p in progs):
        blocks.append(ctx.note("rpjmd_from_reference"))
    return Section(title, blocks)
