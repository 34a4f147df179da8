"""BAB VI Pembiayaan: the officers' narrative beside the tables computed from the programmes'
budgets: per dimension and year, per programme and year, and per funding source. Amounts are
an indicative budget (indikasi anggaran), not an appropriation, and the book says so."""

from __future__ import annotations

from collections import defaultdict

from ..model.records import Programme
from ..model.vocab import FUNDING_SOURCES
from .common import Context, money_or_dash, table
from .tree import Chapter, Inline, Paragraph, Section, plain, strong

MIXED = "*mixed"  # the row of programmes whose budget is not split by source
UNNAMED = ""  # the row of programmes that name no source


def budget_by_source(p: Programme) -> dict[str, dict[int, int]] | None:
    """Budget per funding source and year, as far as the plan says. Programmes hold one
    amount per year for all their sources until budgets per source are held: a programme with
    one source has it all there, one with none is "not named", one with several is not split
    (None). When budgets per source arrive, this returns them and the tables follow."""
    sources = list(dict.fromkeys(p.funding_sources))
    if len(sources) > 1:
        return None
    return {sources[0] if sources else UNNAMED: dict(p.budget)}


def financing(ctx: Context) -> Chapter:
    progs = [(g, p) for g in ctx.groups for p in ctx.programmes(g)]
    years = ctx.years_with(y for _, p in progs for y in p.budget)
    blocks = [*ctx.narrative("financing"), ctx.note("indicative_budget")]
    if not progs:
        return Chapter(ctx.L("ch.financing"), [*blocks, ctx.note("no_programmes")])
    sections = [_per_dimension(ctx, progs, years), _per_programme(ctx, progs, years), _per_source(ctx, progs, years)]
    return Chapter(ctx.L("ch.financing"), blocks, sections)


def _amounts(budgets: list[dict[int, int]], years: list[int], bold: bool = False) -> list[Inline]:
    cells = [sum(b.get(y, 0) for b in budgets) for y in years]
    cells.append(sum(cells))
    make = strong if bold else plain
    return [make(money_or_dash(n)) for n in cells]


def _header(ctx: Context, first: list[str], years: list[int]) -> list[str]:
    return [*first, *map(str, years), ctx.L("col.total")]


def _per_dimension(ctx: Context, progs, years: list[int]) -> Section:
    by_group: dict[str, list[dict[int, int]]] = defaultdict(list)
    for g, p in progs:
        by_group[g.key].append(p.budget)
    rows = [[plain(g.label(ctx.lang)), *_amounts(by_group[g.key], years)] for g in ctx.groups]
    rows.append([strong(ctx.L("col.total")), *_amounts([p.budget for _, p in progs], years, bold=True)])
    return Section(plain(ctx.L("sec.finance_dimension")), [table(
        ctx.L("table.finance_dimension"), _header(ctx, [ctx.L("col.dimension")], years), rows,
        source=ctx.source("budget"), align="l" + "r" * (len(years) + 1), widths=(3, *(2,) * (len(years) + 1)),
        wide=True, kind="finance", total_rows=1)])


def _per_programme(ctx: Context, progs, years: list[int]) -> Section:
    rows = []
    for g in ctx.groups:
        mine = [p for gg, p in progs if gg.key == g.key]
        if not mine:
            continue
        rows += [[plain(p.code), plain(p.name), *_amounts([p.budget], years)] for p in mine]
        rows.append([(), strong(ctx.L("subtotal", dimension=g.label(ctx.lang))),
                     *_amounts([p.budget for p in mine], years, bold=True)])
    rows.append([(), strong(ctx.L("col.total")), *_amounts([p.budget for _, p in progs], years, bold=True)])
    return Section(plain(ctx.L("sec.finance_programme")), [table(
        ctx.L("table.finance_programme"), _header(ctx, [ctx.L("col.code"), ctx.L("col.programme")], years), rows,
        source=ctx.source("budget"), align="ll" + "r" * (len(years) + 1), widths=(2, 5, *(2,) * (len(years) + 1)),
        wide=True, kind="finance", total_rows=1, nowrap=(0,))])


def _per_source(ctx: Context, progs, years: list[int]) -> Section:
    budgets: dict[str, list[dict[int, int]]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for _, p in progs:
        split = budget_by_source(p)
        for source, budget in (split or {MIXED: p.budget}).items():
            budgets[source].append(budget)
            counts[source] += 1
    others = sorted(k for k in budgets if k not in FUNDING_SOURCES and k not in (MIXED, UNNAMED))
    order = [*FUNDING_SOURCES.keys, *others, MIXED, UNNAMED]
    rows = []
    for key in order:
        if key not in budgets:
            continue
        if key == MIXED:
            label = ctx.L("source_row.mixed")
        elif key == UNNAMED:
            label = ctx.L("source_row.unnamed")
        else:
            label = FUNDING_SOURCES.label(key, ctx.lang)
        rows.append([plain(label), plain(str(counts[key])), *_amounts(budgets[key], years)])
    rows.append([strong(ctx.L("col.total")), strong(str(len(progs))),
                 *_amounts([p.budget for _, p in progs], years, bold=True)])
    blocks = [table(ctx.L("table.finance_source"),
                    _header(ctx, [ctx.L("col.funding_source"), ctx.L("col.programme_count")], years), rows,
                    source=ctx.source("budget"), align="lr" + "r" * (len(years) + 1),
                    widths=(4, 2, *(2,) * (len(years) + 1)), wide=True, kind="finance", total_rows=1)]
    if MIXED in budgets:
        blocks.append(ctx.note("not_split_by_source", n=counts[MIXED]))
    return Section(plain(ctx.L("sec.finance_source")), [Paragraph(plain(ctx.L("finance_source_intro"))), *blocks])
