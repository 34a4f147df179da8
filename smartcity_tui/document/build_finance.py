"""BAB VI Pembiayaan: the officers' narrative beside the tables computed from the programmes'
budgets: per dimension and year, per programme and year, per funding source, and the
region's own budget (APBD) against the other sources. Amounts are an indicative budget
(indikasi anggaran), not an appropriation, and the book says so."""

from __future__ import annotations

from collections import defaultdict

from ..model.budget import UNSPECIFIED, source_order
from ..model.records import Programme
from ..model.vocab import REGIONAL_BUDGET_SOURCES, budget_source_label
from .common import Context, Group, money_or_dash, number, table
from .tree import BREAK, Block, Chapter, Inline, Paragraph, Section, Span, Table, plain, strong

# The three rows of the APBD / non-APBD table
APBD, NON_APBD = "*apbd", "*non_apbd"


def budget_by_source(p: Programme) -> dict[str, dict[int, int]]:
    """A programme's indicative budget per funding source and year, as the plan holds it
    (amounts nobody has put under a source yet are under "unspecified")."""
    return {s: y for s, y in p.budget_by_source.items() if y}


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


def _per_dimension(ctx: Context, progs: list[tuple[Group, Programme]], years: list[int]) -> Section:
    by_group: dict[str, list[dict[int, int]]] = defaultdict(list)
    for g, p in progs:
        by_group[g.key].append(p.budget)
    rows = [[plain(g.label(ctx.lang)), *_amounts(by_group[g.key], years)] for g in ctx.groups]
    rows.append([strong(ctx.L("col.total")), *_amounts([p.budget for _, p in progs], years, bold=True)])
    return Section(plain(ctx.L("sec.finance_dimension")), [table(
        ctx.L("table.finance_dimension"), _header(ctx, [ctx.L("col.dimension")], years), rows,
        source=ctx.source("budget"), align="l" + "r" * (len(years) + 1), widths=(3, *(2,) * (len(years) + 1)),
        wide=True, kind="finance", total_rows=1)])


def _per_programme(ctx: Context, progs: list[tuple[Group, Programme]], years: list[int]) -> Section:
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


def _per_source(ctx: Context, progs: list[tuple[Group, Programme]], years: list[int]) -> Section:
    budgets: dict[str, list[dict[int, int]]] = defaultdict(list)
    for _, p in progs:
        for source, budget in budget_by_source(p).items():
            budgets[source].append(budget)
    rows = [[plain(ctx.source_label(key)), plain(str(len(budgets[key]))), *_amounts(budgets[key], years)]
            for key in source_order(budgets)]
    # The total counts programmes, each once (what a reviewer asks: how many programmes the
    # sources fund); the rows count a programme under each of its sources, so their sum can be
    # larger. A verifier adding up the column then finds, in the total row itself, why the
    # numbers differ, instead of a total that seems wrong (a blank total would hide the count).
    listed = sum(len(budgets[key]) for key in budgets)
    label = strong(ctx.L("col.total"))
    if listed > len(progs):
        note = plain(ctx.L("source_row.count_note", listed=number(listed)))
        label = (*label, BREAK, *(Span(x.text, em=True) for x in note))
    rows.append([label, strong(str(len(progs))), *_amounts([p.budget for _, p in progs], years, bold=True)])
    blocks: list[Block]
    blocks = [table(ctx.L("table.finance_source"),
                    _header(ctx, [ctx.L("col.funding_source"), ctx.L("col.programme_count")], years), rows,
                    source=ctx.source("budget"), align="lr" + "r" * (len(years) + 1),
                    widths=(4, 2, *(2,) * (len(years) + 1)), wide=True, kind="finance", total_rows=1),
              _apbd_split(ctx, budgets, progs, years)]
    if UNSPECIFIED in budgets:
        blocks.append(ctx.note("not_split_by_source", n=len(budgets[UNSPECIFIED])))
    return Section(plain(ctx.L("sec.finance_source")), [Paragraph(plain(ctx.L(
        "finance_source_intro", apbd=ctx.source_label("apbd")))), *blocks])


def _apbd_split(ctx: Context, budgets: dict[str, list[dict[int, int]]], progs: list[tuple[Group, Programme]],
                years: list[int]) -> Table:
    """The burden on the region's own budget (APBD) against every other source: what the
    reviewer asks first, since KPBU, APBN or CSR money is no spending of the regency."""
    groups: dict[str, list[dict[int, int]]] = {APBD: [], NON_APBD: [], UNSPECIFIED: []}
    for key, found in budgets.items():
        group = UNSPECIFIED if key == UNSPECIFIED else APBD if key in REGIONAL_BUDGET_SOURCES else NON_APBD
        groups[group] += found
    labels = {APBD: ctx.source_label("apbd"), NON_APBD: ctx.L("source_row.non_apbd"),
              UNSPECIFIED: budget_source_label(UNSPECIFIED, ctx.lang)}
    rows = [[plain(labels[g]), *_amounts(groups[g], years)] for g in (APBD, NON_APBD, UNSPECIFIED)
            if groups[g] or g != UNSPECIFIED]
    rows.append([strong(ctx.L("col.total")), *_amounts([p.budget for _, p in progs], years, bold=True)])
    return table(ctx.L("table.finance_apbd"), _header(ctx, [ctx.L("col.funding_source")], years), rows,
                 source=ctx.source("budget"), align="l" + "r" * (len(years) + 1),
                 widths=(4, *(2,) * (len(years) + 1)), wide=True, kind="finance", total_rows=1)
