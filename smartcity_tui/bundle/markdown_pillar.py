"""The per-pillar chapter of the Markdown draft: SWOT as a 2x2 table, TOWS strategies with the
SWOT items they use, programmes, quick wins, indicators with baseline and yearly targets, and
the timeline of programmes by year."""

from __future__ import annotations

from ..i18n import t
from ..model.format import number, rupiah
from ..model.plan import Plan
from ..model.records import Programme, SwotItem
from ..model.roadmap import year_cell
from ..model.vocab import HORIZONS, PRIORITIES, QUADRANTS, STRATEGY_KINDS, Pillar, pillar
from .markdown_text import BR, bold, bullets, inline, table


def L(key: str, lang: str, **params: object) -> str:
    return t(f"bundle.md.{key}", lang, **params)


def swot_codes(plan: Plan, pillars: tuple[Pillar, ...]) -> dict[str, tuple[str, str]]:
    """id -> (pillar key, code such as 'S2'): items numbered per pillar and quadrant in plan
    order, so strategies can name the items they use briefly."""
    codes: dict[str, tuple[str, str]] = {}
    for p in pillars:
        for q in QUADRANTS.keys:
            for n, item in enumerate(plan.swot_for(p.key, q), 1):
                codes[item.id] = (p.key, f"{q}{n}")
    return codes


def programme_years(p: Programme) -> str:
    if p.start_year and p.end_year and p.end_year != p.start_year:
        return f"{p.start_year}-{p.end_year}"
    return str(p.start_year or p.end_year or "-")


def chapter(plan: Plan, pillar: Pillar, codes: dict[str, tuple[str, str]], lang: str) -> str:
    parts = [f"## {pillar.number}. {inline(pillar.label(lang))}"]
    parts += _swot(plan, pillar, codes, lang)
    parts += _strategies(plan, pillar, codes, lang)
    progs = plan.programmes_for(pillar.key)
    parts += _programmes(progs, pillar, lang)
    parts += _quick_wins(progs, lang)
    parts += _indicators(plan, progs, lang)
    parts += _timeline(plan, progs, lang)
    return "\n\n".join(parts)


def _item(code: str, item: SwotItem) -> str:
    return f"{code}. {inline(item.text)}"


def _swot(plan: Plan, pillar: Pillar, codes, lang: str) -> list[str]:
    def cell(q: str) -> str:
        items = [_item(codes[i.id][1], i) for i in plan.swot_for(pillar.key, q)]
        return BR.join([bold(inline(QUADRANTS.label(q, lang))), *items])

    rows = [
        [bold(L("internal", lang)), cell("S"), cell("W")],
        [bold(L("external", lang)), cell("O"), cell("T")],
    ]
    return [f"### {L('swot', lang)}", table(["", L("helpful", lang), L("harmful", lang)], rows)]


def _strategies(plan: Plan, this: Pillar, codes, lang: str) -> list[str]:
    rank = {k: i for i, k in enumerate(STRATEGY_KINDS.keys)}
    strategies = sorted(plan.strategies_for(this.key), key=lambda s: rank.get(s.kind, 99))
    head = f"### {L('strategies', lang)}"
    if not strategies:
        return [head, L("none", lang)]
    rows = []
    for s in strategies:
        used = []
        for sid in s.swot_ids:
            if sid in codes:
                key, code = codes[sid]
                used.append(code if key == this.key else f"{code} ({inline(pillar(key).label(lang))})")
        rows.append([inline(s.kind), inline(s.text), ", ".join(used)])
    return [head, table([L("kind", lang), L("strategy", lang), L("uses", lang)], rows)]


def _programmes(progs: list[Programme], pillar: Pillar, lang: str) -> list[str]:
    head = f"### {L('programmes', lang)}"
    if not progs:
        return [head, L("none", lang)]
    rows = []
    for p in progs:
        element = pillar.element(p.element)
        element_text = inline(element.label(lang)) if element else inline(p.element)
        if p.subtopic:
            element_text += f" ({inline(p.subtopic)})" if element_text else inline(p.subtopic)
        rows.append([
            inline(p.code), inline(p.name), element_text, inline(p.lead_agency),
            inline(HORIZONS.label(p.horizon, lang)), programme_years(p),
            inline(PRIORITIES.label(p.priority, lang)), rupiah(p.total_budget),
        ])
    rows.append(["", bold(L("budget_total", lang)), "", "", "", "", "",
                 bold(rupiah(sum(p.total_budget for p in progs)))])
    header = [L(k, lang) for k in ("code", "programme", "element", "lead_agency", "horizon", "years",
                                    "priority", "budget")]
    return [head, table(header, rows, right={7})]


def _quick_wins(progs: list[Programme], lang: str) -> list[str]:
    head = f"### {L('quick_wins', lang)}"
    wins = [p for p in progs if p.quick_win]
    if not wins:
        return [head, L("none", lang)]
    items = []
    for p in wins:
        label = " ".join(x for x in (inline(p.code), inline(p.name)) if x)
        extra = ", ".join(x for x in (inline(p.lead_agency), programme_years(p)) if x and x != "-")
        items.append(f"{label} ({extra})" if extra else label)
    return [head, bullets(items)]


def _years(plan: Plan, extra: set[int]) -> list[int]:
    """The plan's years, plus any year a target or milestone names outside them: a value
    typed for 2031 in a 2025-2029 plan is shown, not silently left out."""
    return sorted(set(plan.info.years) | {y for y in extra if y})


def _indicators(plan: Plan, progs: list[Programme], lang: str) -> list[str]:
    head = f"### {L('indicators', lang)}"
    pairs = [(p, i) for p in progs for i in plan.indicators_of(p.id)]
    if not pairs:
        return [head, L("none", lang)]
    years = _years(plan, {y for _, i in pairs for y in i.targets})
    rows = []
    for p, i in pairs:
        unit = inline(i.unit)
        rows.append([inline(p.code or p.name), inline(i.name), unit, number(i.baseline),
                     *(number(i.targets[y]) if y in i.targets else "-" for y in years)])
    header = [L("programme", lang), L("indicator", lang), L("unit", lang), L("baseline", lang),
              *(str(y) for y in years)]
    return [head, table(header, rows, right=set(range(3, 4 + len(years))))]


def _timeline(plan: Plan, progs: list[Programme], lang: str) -> list[str]:
    head = f"### {L('timeline', lang)}"
    if not progs:
        return [head, L("none", lang)]
    milestones = {p.id: plan.milestones_of(p.id) for p in progs}
    years = _years(plan, {m.year for ms in milestones.values() for m in ms})
    rows = []
    for p in progs:
        ms = milestones[p.id]
        cells = []
        for y in years:
            due = [m for m in ms if m.year == y]
            texts = [year_cell(p, ms, y)] + [
                (f"Q{m.quarter} " if m.quarter else "") + inline(m.title) for m in due]
            cells.append(BR.join(texts))
        rows.append([inline(" ".join(x for x in (p.code, p.name) if x)), *cells])
    return [head, table([L("programme", lang), *(str(y) for y in years)], rows)]
