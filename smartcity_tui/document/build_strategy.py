"""BAB III Analisis Strategis: vision, missions and the targets (sasaran) table with their
indicators; then per dimension its SWOT as a 2x2 matrix (items numbered S1, W1, ...) and its
TOWS strategies with the items they cite."""

from __future__ import annotations

from ..model.records import SwotItem
from ..model.vocab import QUADRANTS, STRATEGY_KINDS
from .common import Context, Group, baseline_text, number, table
from .tree import Block, Chapter, Inline, ListBlock, Paragraph, Section, lines, plain, prefixed, strong


def strategic_analysis(ctx: Context) -> Chapter:
    return Chapter(ctx.L("ch.strategic"), sections=[_vision(ctx), _swot_and_tows(ctx)])


def _vision(ctx: Context) -> Section:
    info = ctx.plan.info
    vision = Section(plain(ctx.L("sec.vision")),
                     [Paragraph(plain(info.vision))] if info.vision.strip() else [ctx.note("none")])
    missions = [m for m in info.missions if m.strip()]
    mission = Section(plain(ctx.L("sec.missions")),
                      [ListBlock([[Paragraph(plain(m))] for m in missions], ordered=True)] if missions
                      else [ctx.note("none")])
    target = Section(plain(ctx.L("sec.targets")), _targets(ctx))
    return Section(plain(ctx.L("sec.vision_missions")), [Paragraph(plain(ctx.L("vision_intro")))],
                   [vision, mission, target])


def _targets(ctx: Context) -> list[Block]:
    """The sasaran table: each target with its indicator, unit, baseline (and its year), the
    target at the end of the period, its data source and the mission it serves."""
    targets = [x for x in ctx.plan.targets if x.text.strip() or x.indicator.strip()]
    if not targets:
        return [ctx.note("none")]
    n_missions = len(ctx.plan.info.missions)
    rows = [[plain(str(n)), plain(" ".join(x.text.split())), plain(x.indicator or "-"), plain(x.unit or "-"),
             plain(baseline_text(x.baseline, x.baseline_year)), plain(number(x.end_target)),
             plain(x.data_source or "-"), plain(str(x.mission) if 1 <= x.mission <= n_missions else "-")]
            for n, x in enumerate(targets, 1)]
    header = [ctx.L(f"col.{k}") for k in ("no", "target", "target_indicator", "unit", "baseline_year",
                                          "end_target", "data_source", "mission_no")]
    return [table(ctx.L("table.targets"), header, rows, source=ctx.source("rpjmd"), align="clllrrlc",
                  widths=(1, 5, 5, 2, 3, 2, 3, 1), kind="targets")]


def _swot_and_tows(ctx: Context) -> Section:
    sec = Section(plain(ctx.L("sec.swot_tows")), [Paragraph(plain(ctx.L("swot_intro")))])
    for g in ctx.groups:
        label = g.label(ctx.lang)
        sec.sections.append(Section(plain(label), [*_swot_table(ctx, g), *_tows(ctx, g)]))
    return sec


def _swot_table(ctx: Context, g: Group) -> list[Block]:
    if not any(ctx.swot(g, q) for q in QUADRANTS.keys):
        return [ctx.note("no_swot")]
    codes = ctx.swot_codes

    def cell(q: str) -> Inline:
        items = [prefixed(f"{codes[i.id]}. ", i.text) for i in ctx.swot(g, q)]
        return lines(strong(QUADRANTS.label(q, ctx.lang)), *(items or [plain("-")]))

    rows = [[strong(ctx.L("col.internal")), cell("S"), cell("W")],
            [strong(ctx.L("col.external")), cell("O"), cell("T")]]
    label = g.label(ctx.lang)
    return [table(ctx.L("table.swot", dimension=label), ["", ctx.L("col.helpful"), ctx.L("col.harmful")], rows,
                  source=ctx.pokja_source(g), widths=(2, 7, 7), kind="swot")]


def _tows(ctx: Context, g: Group) -> list[Block]:
    rank = {k: i for i, k in enumerate(STRATEGY_KINDS.keys)}
    strategies = sorted(ctx.strategies(g), key=lambda s: rank.get(s.kind, 99))
    if not strategies:
        return [ctx.note("no_strategies")]
    codes = ctx.swot_codes
    rows = []
    for s in strategies:
        cited = []
        for sid in s.swot_ids:
            item = ctx.plan.get(sid)
            if sid not in codes or not isinstance(item, SwotItem):  # (what codes number is a SWOT item)
                continue
            other = ctx.group_of(item.pillar)
            cited.append(codes[sid] if other.key == g.key else f"{codes[sid]} ({other.label(ctx.lang)})")
        rows.append([plain(s.kind), plain(s.text), plain(", ".join(cited) or "-")])
    label = g.label(ctx.lang)
    return [table(ctx.L("table.tows", dimension=label), [ctx.L("col.kind"), ctx.L("col.strategy"), ctx.L("col.cites")],
                  rows, source=ctx.pokja_source(g), widths=(1, 8, 3), kind="tows")]
