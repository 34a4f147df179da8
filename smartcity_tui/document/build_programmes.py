"""BAB IV Rencana Pengembangan: per dimension its narrative, the programme matrix, a profile
per programme and the indicator table; then the quick wins across dimensions and the matrix
linking the RPJMD missions to the programmes (links.py)."""

from __future__ import annotations

from functools import lru_cache

from ..model import narrative as model_narrative
from ..model.budget import source_order
from ..model.codes import code_list
from ..model.records import Indicator, Programme, Strategy
from ..model.vocab import (
    HORIZONS,
    INDICATOR_KINDS,
    INNOVATION_KINDS,
    PENTAHELIX_ROLES,
    PRIORITIES,
    STATUSES,
)
from . import narrative
from .common import (
    Context,
    Group,
    baseline_text,
    code_name,
    foreign,
    money,
    money_or_dash,
    number,
    programme_years,
    ranged,
    table,
)
from .links import linked, missions_of, rpjmd_matrix, target_label, targets_of
from .tree import Block, Chapter, Inline, Paragraph, Section, Table, lines, plain, strong


def development_plan(ctx: Context) -> Chapter:
    sections = [_dimension(ctx, g) for g in ctx.groups]
    sections += [_quick_wins(ctx), rpjmd_matrix(ctx)]
    return Chapter(ctx.L("ch.development"), [Paragraph(ctx.R("development_intro"))], sections)


def _dimension(ctx: Context, g: Group) -> Section:
    label = g.label(ctx.lang)
    blocks = ctx.narrative("dimension", g.key) if g.pillar is not None else _outside_texts(ctx)
    progs = ctx.programmes(g)
    if not progs:
        return Section(plain(label), [*blocks, ctx.note("no_programmes")])
    blocks.append(_matrix(ctx, g, progs))
    profiles = Section(plain(ctx.L("sec.profiles")), sections=[
        Section(plain(code_name(p) or ctx.L("unnamed")), [profile_table(ctx, g, p)], numbered=False)
        for p in progs])
    return Section(plain(label), blocks, [profiles, _indicators(ctx, g, progs)])


def _outside_texts(ctx: Context) -> list[Block]:
    """The narratives of dimensions outside the framework, each under its key, so the book
    still holds every text a group wrote (model/narrative.outside_sections)."""
    out: list[Block] = []
    for r in model_narrative.outside_sections(ctx.plan):
        out.append(Paragraph(strong(ctx.L("outside_narrative", value=r.pillar))))
        out += narrative.blocks(r.text)
    return out


def _element(g: Group, p: Programme, lang: str) -> str:
    return _element_text(g, p.element, p.subtopic, lang)


@lru_cache(maxsize=4096)
def _element_text(g: Group, key: str, subtopic: str, lang: str) -> str:
    element = g.pillar.element(key) if g.pillar is not None else None
    text = element.label(lang) if element else key.strip()
    if subtopic.strip():
        text = f"{text} ({subtopic.strip()})" if text else subtopic.strip()
    return text


def _matrix(ctx: Context, g: Group, progs: list[Programme]) -> Table:
    # The official Permendagri 90 code under the pokja's own code, in the same column: a
    # verifier ties each row to SIPD/Renstra at a glance, and a portrait page has no room for
    # a ninth column. The heading names it only when some programme of the table has one.
    coded = any(p.nomenclature_code.strip() for p in progs)
    rows = [[lines(plain(p.code), plain(p.nomenclature_code)), plain(p.name), plain(_element(g, p, ctx.lang)),
             plain(p.lead_agency),
             plain(ranged(HORIZONS.label(p.horizon, ctx.lang))), plain(programme_years(p)),
             plain(PRIORITIES.label(p.priority, ctx.lang)), plain(money(p.total_budget))] for p in progs]
    rows.append([(), strong(ctx.L("col.total")), (), (), (), (), (), strong(money(sum(p.total_budget for p in progs)))])
    header = [ctx.L(f"col.{k}") for k in ("code_nomenclature" if coded else "code", "programme", "element",
                                          "lead_agency", "horizon", "years", "priority", "indicative_budget")]
    label = g.label(ctx.lang)
    return table(ctx.L("table.programmes", dimension=label), header, rows, source=ctx.pokja_source(g),
                 align="lllllclr", widths=(3, 7, 4, 4, 3, 3, 2, 4), kind="programmes", total_rows=1,
                 nowrap=(0,))


def profile_table(ctx: Context, g: Group, p: Programme) -> Table:
    """Every field a programme holds, as the two-column profile a BAB IV prints. A field
    added to programmes later gets a row here."""
    L = ctx.L
    rows: list[tuple[str, Inline]] = [
        (L("row.code"), plain(p.code or "-")),
        (L("row.nomenclature"), plain(_nomenclature(ctx, p))),
        (L("row.programme"), plain(p.name or "-")),
        (L("col.description"), plain(p.description or "-")),
        (L("col.dimension_element"), plain("; ".join(x for x in (g.label(ctx.lang), _element(g, p, ctx.lang)) if x))),
        (L("col.location"), plain(p.location.strip() or "-")),
        (L("col.beneficiaries"), plain(p.beneficiaries.strip() or "-")),
        (L("col.strategies"), _strategies(ctx, p)),
        (L("row.lead_agency"), plain(p.lead_agency or "-")),
        (L("col.supporting_agencies"), plain(", ".join(a.strip() for a in p.supporting_agencies if a.strip()) or "-")),
        (L("col.stakeholders"), lines(*(plain(f"{s.name.strip()} ({PENTAHELIX_ROLES.label(s.role, ctx.lang)})")
                                        for s in p.stakeholders if s.name.strip())) or plain("-")),
        (L("col.rpjmd_links"), _rpjmd_links(ctx, p)),
        (L("col.reference"), plain(p.reference or "-")),
        (L("col.innovation"), plain(INNOVATION_KINDS.label(p.innovation, ctx.lang) if p.innovation else "-")),
        (L("col.horizon_years"), plain(f"{ranged(HORIZONS.label(p.horizon, ctx.lang))}; {programme_years(p)}")),
        (L("col.quick_win"), plain(ctx.yes_no(p.quick_win))),
        (L("col.priority"), plain(PRIORITIES.label(p.priority, ctx.lang))),
        (L("col.funding_sources"),
         plain(", ".join(ctx.source_label(f) for f in p.funding_sources) or "-")),
        (L("col.budget_per_source"), _budget(ctx, p)),
        (L("col.regulation_needs"), plain(p.regulation_needs.strip() or "-")),
        (L("col.indicators"), _indicator_lines(ctx, p)),
        (L("col.milestones"), _milestone_lines(ctx, p)),
        (L("col.status"), plain(L("status_progress", status=STATUSES.label(p.status, ctx.lang), progress=p.progress))),
    ]
    return table(L("table.profile", programme=p.code.strip() or p.name.strip() or L("unnamed")),
                 [L("col.component"), L("col.particulars")],
                 [[foreign(k, ctx.lang), v] for k, v in rows], source=ctx.pokja_source(g),
                 widths=(2, 6), kind="profile")


def _nomenclature(ctx: Context, p: Programme) -> str:
    """The programme's Permendagri 90 code, with its official name when the region's code
    list (imported from Bappeda) holds it: "2.16.03 Program Aplikasi Informatika"."""
    code = p.nomenclature_code.strip()
    if not code:
        return "-"
    found = code_list(ctx.plan).get(code)
    return f"{code} {' '.join(found.name.split())}".strip() if found else code


def _strategies(ctx: Context, p: Programme) -> Inline:
    found = []
    for sid in p.strategy_ids:
        s = ctx.plan.get(sid)
        if isinstance(s, Strategy):
            found.append(plain(f"{s.kind}: {s.text.strip()}"))
    return lines(*found) or plain("-")


def _rpjmd_links(ctx: Context, p: Programme) -> Inline:
    """The missions and targets a programme serves, as the plan words them."""
    missions = ctx.plan.info.missions
    found = [plain(f"{ctx.L('mission')} {k}: {' '.join(missions[k - 1].split())}")
             for k in missions_of(ctx.plan, p) if linked(p)]
    found += [plain(target_label(ctx.plan, x, ctx.L("target"))) for x in targets_of(ctx.plan, p)]
    return lines(*found) or plain("-")


def _budget(ctx: Context, p: Programme) -> Inline:
    """One line per source: its amount per year, then the programme's total."""
    split = {s: y for s, y in p.budget_by_source.items() if y}
    if not split:
        return plain("-")
    rows = [plain(f"{ctx.source_label(s)}: " + "; ".join(
        f"{y} {money(split[s][y])}" for y in sorted(split[s]))) for s in source_order(split)]
    return lines(*rows, strong(f"{ctx.L('col.total')}: {money(p.total_budget)}"))


def _indicator_lines(ctx: Context, p: Programme) -> Inline:
    found = []
    for i in ctx.plan.indicators_of(p.id):
        # the unit in the list after the colon, not in parentheses: a unit often holds its own
        # ("nilai IKM (25-100)"), and parentheses in parentheses read badly in a book
        unit = ctx.L("indicator_unit", unit=i.unit.strip()) if i.unit.strip() else ""
        kind = f" [{INDICATOR_KINDS.label(i.kind, ctx.lang)}]" if i.kind else ""
        targets = "; ".join(f"{y}: {number(i.targets[y])}" for y in sorted(i.targets))
        text = ctx.L("indicator_line", name=i.name.strip(), unit=unit, kind=kind,
                     baseline=baseline_text(i.baseline, i.baseline_year), targets=targets or "-")
        extras = [ctx.L("indicator_reference", code=i.reference_code.strip()) if i.reference_code.strip() else "",
                  ctx.L("indicator_end", value=number(i.end_target)) if i.end_target is not None else "",
                  ctx.L("indicator_source", source=i.data_source.strip()) if i.data_source.strip() else "",
                  ctx.L("evidence_line", evidence=i.evidence.strip()) if i.evidence.strip() else ""]
        found.append(plain("; ".join([text, *(x for x in extras if x)])))
        if i.definition.strip():
            found.append(plain(ctx.L("indicator_definition", definition=" ".join(i.definition.split()))))
    return lines(*found) or plain("-")


def _milestone_lines(ctx: Context, p: Programme) -> Inline:
    found = []
    for m in ctx.plan.milestones_of(p.id):
        when = " ".join(x for x in (str(m.year or ""), ctx.quarter(m.quarter)) if x)
        text = f"{when}: {m.title.strip()}" if when else m.title.strip()
        if m.deliverable.strip():
            text += f" ({ctx.L('deliverable')}: {m.deliverable.strip()})"
        if m.agency.strip():
            text += f"; {m.agency.strip()}"
        if m.done:
            text += f" [{ctx.L('done')}]"
        if m.evidence.strip():
            text += f"; {ctx.L('evidence_line', evidence=m.evidence.strip())}"
        found.append(plain(text))
    return lines(*found) or plain("-")


def _indicators(ctx: Context, g: Group, progs: list[Programme]) -> Section:
    title = plain(ctx.L("sec.indicators"))
    pairs = [(p, i) for p in progs for i in ctx.plan.indicators_of(p.id)]
    if not pairs:
        return Section(title, [ctx.note("no_indicators")])
    years = ctx.years_with(y for _, i in pairs for y in i.targets)
    # The Bappenas reference code has its own column beside the indicator, where monev looks
    # for it; a table none of whose indicators has one is printed as before, without it.
    coded = any(i.reference_code.strip() for _, i in pairs)
    rows = [[plain(p.code or p.name), plain(i.name), *([plain(i.reference_code.strip() or "-")] if coded else []),
             plain(_kind(ctx, i)), plain(i.unit), plain(baseline_text(i.baseline, i.baseline_year)),
             *(plain(number(i.targets[y]) if y in i.targets else "-") for y in years),
             plain(number(i.end_target)), plain(i.data_source.strip() or "-")] for p, i in pairs]
    header = [ctx.L("col.code"), ctx.L("col.indicator"), *([ctx.L("col.reference_code")] if coded else []),
              ctx.L("col.indicator_kind"), ctx.L("col.unit"), ctx.L("col.baseline_year"), *map(str, years),
              ctx.L("col.end_target"), ctx.L("col.data_source")]
    label = g.label(ctx.lang)
    extra = 1 if coded else 0
    return Section(title, [table(ctx.L("table.indicators", dimension=label), header, rows,
                                 source=ctx.pokja_source(g),
                                 align="lllll" + "l" * extra + "r" * (len(years) + 1) + "l",
                                 widths=(2, 6, *(3,) * extra, 2, 2, 3, *(2,) * len(years), 2, 3), wide=True,
                                 kind="indicators", nowrap=(0, 2) if coded else (0,))])


def _kind(ctx: Context, i: Indicator) -> str:
    """Keluaran / Hasil / Dampak, short, for a table column."""
    return ctx.L(f"indicator_kind.{i.kind}") if i.kind in INDICATOR_KINDS else (i.kind or "-")


def _quick_wins(ctx: Context) -> Section:
    title = ctx.R("sec.quick_wins")
    wins = [(g, p) for g in ctx.groups for p in ctx.programmes(g) if p.quick_win]
    if not wins:
        return Section(title, [ctx.note("no_quick_wins")])
    rows = [[plain(p.code), plain(p.name), plain(g.label(ctx.lang)), plain(p.lead_agency), plain(programme_years(p)),
             lines(*(plain(i.name) for i in ctx.plan.indicators_of(p.id))) or plain("-"),
             plain(money_or_dash(p.total_budget))] for g, p in wins]
    rows.append([(), strong(ctx.L("col.total")), (), (), (), (), strong(money(sum(p.total_budget for _, p in wins)))])
    header = [ctx.L(f"col.{k}") for k in ("code", "programme", "dimension", "lead_agency", "years", "indicators",
                                          "indicative_budget")]
    tb = table(ctx.L("table.quick_wins"), header, rows, source=ctx.source("programmes"), align="llllclr",
               widths=(2, 5, 3, 4, 2, 5, 4), kind="quick_wins", total_rows=1, nowrap=(0,))
    tb.title = ctx.R("table.quick_wins")
    return Section(title, [Paragraph(ctx.R("quick_wins_intro")), tb])
