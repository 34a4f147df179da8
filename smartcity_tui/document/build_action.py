"""BAB V Rencana Aksi dan Peta Jalan: per dimension the milestones by year and quarter with
their deliverable and the responsible agency (the milestone's own, else the programme's
lead); then the roadmap of every programme against
the plan's years."""

from __future__ import annotations

from ..model.roadmap import BAR_DONE, BAR_EMPTY, BAR_FULL, BAR_MILESTONE, year_cell
from .common import Context, Group, programme_years, table
from .tree import Chapter, Paragraph, Section, plain


def action_plan_and_roadmap(ctx: Context) -> Chapter:
    action = Section(plain(ctx.L("sec.action_plan")), [Paragraph(plain(ctx.L("action_intro")))],
                     [_actions(ctx, g) for g in ctx.groups])
    return Chapter(ctx.L("ch.action"), sections=[action, _roadmap(ctx)])


def _actions(ctx: Context, g: Group) -> Section:
    label = g.label(ctx.lang)
    found = [(m, p) for p in ctx.programmes(g) for m in ctx.plan.milestones_of(p.id)]
    if not found:
        return Section(plain(label), [ctx.note("no_milestones")])
    found.sort(key=lambda mp: (mp[0].year, mp[0].quarter, mp[1].code, mp[0].title, mp[0].id))
    rows = [[plain(str(m.year or "-")), plain(ctx.quarter(m.quarter) or "-"), plain(p.code or p.name),
             plain(m.title), plain(m.deliverable or "-"), plain(m.agency.strip() or p.lead_agency or "-"),
             plain(ctx.L("done") if m.done else ctx.L("not_done"))] for m, p in found]
    header = [ctx.L(f"col.{k}") for k in ("year", "quarter", "code", "milestone", "deliverable", "lead_agency",
                                          "status")]
    return Section(plain(label), [table(
        ctx.L("table.action", dimension=label), header, rows, source=ctx.pokja_source(g),
        align="cclllll", widths=(2, 2, 2, 6, 5, 4, 2), kind="action", nowrap=(2,))])


def _roadmap(ctx: Context) -> Section:
    title = plain(ctx.L("sec.roadmap"))
    progs = [(g, p) for g in ctx.groups for p in
             sorted(ctx.programmes(g), key=lambda p: (p.start_year, p.code, p.name, p.id))]
    if not progs:
        return Section(title, [ctx.note("no_programmes")])
    years = ctx.years
    rows = []
    for g, p in progs:
        ms = ctx.plan.milestones_of(p.id)
        rows.append([plain(g.label(ctx.lang)), plain(p.code), plain(p.name), plain(programme_years(p)),
                     *(plain(year_cell(p, ms, y)) for y in years)])
    header = [ctx.L("col.dimension"), ctx.L("col.code"), ctx.L("col.programme"), ctx.L("col.years"), *map(str, years)]
    legend = "; ".join(f"{glyph} {ctx.L(key)}" for glyph, key in (
        (BAR_FULL, "legend.active"), (BAR_MILESTONE, "legend.milestone"), (BAR_DONE, "legend.done"),
        (BAR_EMPTY, "legend.outside")))
    return Section(title, [Paragraph(plain(ctx.L("roadmap_intro"))), Paragraph(plain(legend), note=True), table(
        ctx.L("table.roadmap"), header, rows, source=ctx.source("programmes"), align="llll" + "c" * len(years),
        widths=(4, 2, 9, 3, *(2,) * len(years)), wide=True, kind="roadmap", nowrap=(1,))])

