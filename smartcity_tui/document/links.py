"""How programmes tie to the RPJMD, for the matrix a reviewer asks for (misi -> program).

Programmes do not yet hold a structured link to a mission or a target (it is planned with
the Bappeda verifier's fields); until then the link is read from the free-text reference an
officer typed ("RPJMD 2025-2029 Misi 1", "Misi 2 dan 3"). `missions_of` is the one place to
change when the structured field arrives: the matrix below then shows it unchanged."""

from __future__ import annotations

import re

from ..model.records import Programme
from .common import Context, table
from .tree import Inline, Paragraph, Section, plain

# "Misi 1", "misi 2 dan 3", "Misi 1, 3", "mission 2": the numbers after the word
_MISSION = re.compile(r"\b(?:misi|mission)\s*((?:\d{1,2}(?:\s*(?:,|/|&|dan|and)\s*)?)+)", re.IGNORECASE)
_NUMBER = re.compile(r"\d{1,2}")


def missions_of(p: Programme, n_missions: int) -> list[int]:
    """The RPJMD missions (numbered from 1) a programme serves, as far as the plan says."""
    found: list[int] = []
    for m in _MISSION.finditer(p.reference):
        for n in _NUMBER.findall(m.group(1)):
            k = int(n)
            if 1 <= k <= n_missions and k not in found:
                found.append(k)
    return sorted(found)


def rpjmd_matrix(ctx: Context) -> Section:
    title = plain(ctx.L("sec.rpjmd"))
    missions = list(ctx.plan.info.missions)
    progs = [(g, p) for g in ctx.groups for p in ctx.programmes(g)]
    if not progs:
        return Section(title, [ctx.note("no_programmes")])
    rows: list[list[Inline]] = []
    linked: set[str] = set()
    for k, mission in enumerate(missions, 1):
        serving = [(g, p) for g, p in progs if k in missions_of(p, len(missions))]
        for i, (g, p) in enumerate(serving):
            linked.add(p.id)
            rows.append([plain(f"{k}. {mission.strip()}" if i == 0 else ""), plain(p.code), plain(p.name),
                         plain(g.label(ctx.lang)), plain(p.reference or "-")])
        if not serving:
            rows.append([plain(f"{k}. {mission.strip()}"), plain("-"), plain(ctx.L("no_programme_for_mission")),
                         (), ()])
    unlinked = [(g, p) for g, p in progs if p.id not in linked]
    for i, (g, p) in enumerate(unlinked):
        rows.append([plain(ctx.L("not_linked") if i == 0 else ""), plain(p.code), plain(p.name),
                     plain(g.label(ctx.lang)), plain(p.reference or "-")])
    header = [ctx.L(f"col.{k}") for k in ("mission", "code", "programme", "dimension", "reference")]
    return Section(title, [Paragraph(plain(ctx.L("rpjmd_intro"))), table(
        ctx.L("table.rpjmd"), header, rows, source=ctx.source("programmes"), widths=(5, 2, 5, 3, 4),
        kind="rpjmd", nowrap=(1,)), ctx.note("rpjmd_from_reference")])
