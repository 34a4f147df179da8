"""The front of the book: the key facts (with the total indikasi anggaran on the first
pages), BAB I Pendahuluan (background, purpose, dasar hukum, scope, method, outline) and
BAB II Gambaran Umum Daerah with the readiness analysis."""

from __future__ import annotations

from ..model import narrative as model_narrative
from ..model.vocab import RATINGS, READINESS_ASPECTS, REGION_KINDS
from .common import Context, foreign, money, number, period, table
from .tree import Block, Chapter, ListBlock, Paragraph, Section, Span, plain


def region_name(ctx: Context) -> str:
    info = ctx.plan.info
    name = ctx.L("region_name", kind=REGION_KINDS.label(info.region_kind, ctx.lang), region=info.region.strip())
    return " ".join(name.split())


def summary(ctx: Context) -> Chapter:
    info = ctx.plan.info
    progs = ctx.plan.programmes
    total = sum(p.total_budget for p in progs)
    facts = [
        (ctx.L("fact.region"), region_name(ctx)),
        (ctx.L("fact.province"), info.province.strip()),
        (ctx.L("fact.period"), period(ctx.plan)),
        (ctx.L("fact.draft_round"), " ".join(info.draft_round.split())),
        (ctx.L("fact.programmes"), number(len(progs))),
        (ctx.L("fact.quick_wins"), number(sum(1 for p in progs if p.quick_win))),
        (ctx.L("fact.budget_total"), money(total)),
    ]
    if ctx.conflicts:
        facts.append((ctx.L("fact.conflicts"), number(len(ctx.conflicts))))
    items: list[list[Block]] = [[Paragraph((*foreign(k, ctx.lang), Span(f": {v}")))] for k, v in facts if v]
    blocks: list[Block] = [ListBlock(items), ctx.note("indicative_budget")]
    if info.vision.strip():
        blocks.insert(0, Paragraph(plain(ctx.L("fact.vision_line", vision=" ".join(info.vision.split())))))
    return Chapter(ctx.L("ch.summary"), blocks, numbered=False)


def introduction(ctx: Context, outline: list[tuple[str, str, str]]) -> Chapter:
    """BAB I. `outline` is (key, chapter label, title) of every numbered chapter, for the
    "Sistematika Penulisan" section, which describes the book the builder makes."""
    sections = [
        Section(plain(ctx.L("sec.background")), ctx.narrative("background")),
        Section(plain(ctx.L("sec.purpose")), ctx.narrative("purpose")),
        Section(plain(ctx.L("sec.legal_basis")), _legal_basis(ctx)),
        Section(plain(ctx.L("sec.scope")), ctx.narrative("scope")),
        Section(plain(ctx.L("sec.methodology")), ctx.narrative("methodology")),
        Section(plain(ctx.L("sec.outline")), _outline(ctx, outline)),
    ]
    return Chapter(ctx.L("ch.introduction"), sections=sections)


def _legal_basis(ctx: Context) -> list[Block]:
    regs = [r for r in model_narrative.regulations(ctx.plan) if r.text.strip()]
    if not regs:
        return [ctx.note("no_regulations")]
    items: list[list[Block]] = [[Paragraph(plain(" ".join(r.text.split())))] for r in regs]
    return [Paragraph(plain(ctx.L("legal_basis_intro"))), ListBlock(items, ordered=True)]


def _outline(ctx: Context, outline: list[tuple[str, str, str]]) -> list[Block]:
    items: list[list[Block]] = [[Paragraph((Span(f"{label} {title}: "), *ctx.R("outline." + key)))]
                                for key, label, title in outline]
    return [Paragraph(plain(ctx.L("outline_intro"))), ListBlock(items)]


def region_and_readiness(ctx: Context) -> Chapter:
    """BAB II: the region's profile (narrative) and the readiness analysis, one table per
    aspect (struktur, infrastruktur, suprastruktur) with rating, description and gap."""
    readiness = Section(plain(ctx.L("sec.readiness")), [Paragraph(plain(ctx.L("readiness_intro")))])
    known = set(READINESS_ASPECTS.keys)
    aspects = [*READINESS_ASPECTS.keys, *sorted({r.aspect for r in ctx.plan.readiness} - known)]
    for aspect in aspects:
        rows = [r for r in ctx.plan.readiness if r.aspect == aspect]
        label = READINESS_ASPECTS.label(aspect, ctx.lang)
        if not rows:
            readiness.sections.append(Section(plain(label), [ctx.note("none")]))
            continue
        body = [[plain(r.topic), plain(RATINGS.label(r.rating, ctx.lang)), plain(r.description), plain(r.gap)]
                for r in rows]
        header = [ctx.L("col.topic"), ctx.L("col.rating"), ctx.L("col.description"), ctx.L("col.gap")]
        readiness.sections.append(Section(plain(label), [table(
            ctx.L("table.readiness", aspect=label), header, body, source=ctx.source("readiness"),
            widths=(3, 2, 6, 6), kind="readiness")]))
    profile = Section(plain(ctx.L("sec.regional_profile")), ctx.narrative("regional_profile"))
    return Chapter(ctx.L("ch.region"), sections=[profile, readiness])
