"""render_markdown: the masterplan draft (rencana induk) as one Markdown document.

Valid CommonMark with GFM tables, for a secretariat to hand out or turn into Word with
pandoc: title facts, vision and missions, readiness, a chapter per pillar
(markdown_pillar.py), the roadmap of the whole plan and open merge conflicts as an appendix.
Deterministic: no dates or clocks, so the same plan gives the same bytes in every bundle."""

from __future__ import annotations

from typing import Any, Iterable

from ..i18n import t
from ..model.format import number, rupiah
from ..model.plan import Plan
from ..model.revision import DELETED, RecordState
from ..model.roadmap import BAR_DONE, BAR_EMPTY, BAR_FULL, BAR_MILESTONE, rows as roadmap_rows
from ..model.vocab import PILLARS, RATINGS, READINESS_ASPECTS, REGION_KINDS, pillar
from .markdown_pillar import L, chapter, programme_years, swot_codes
from .markdown_text import BR, bullets, inline, numbered, table

_NAME_FIELDS = ("name", "text", "title", "topic", "region")


def render_markdown(plan: Plan, *, lang: str = "id", conflicts: Iterable[RecordState] = ()) -> str:
    codes = swot_codes(plan, PILLARS)
    parts = [_title(plan, lang), *_facts(plan, list(conflicts), lang), *_vision(plan, lang),
             *_readiness(plan, lang)]
    parts += [chapter(plan, p, codes, lang) for p in PILLARS]
    parts += _roadmap(plan, lang)
    parts += _conflicts(list(conflicts), lang)
    return "\n\n".join(p for p in parts if p) + "\n"


def _period(plan: Plan) -> str:
    info = plan.info
    if info.start_year and info.end_year:
        return f"{info.start_year}-{info.end_year}"
    return str(info.start_year or info.end_year or "")


def _title(plan: Plan, lang: str) -> str:
    title = L("title", lang, region_name=_region_name(plan, lang), period=_period(plan))
    return "# " + " ".join(title.split()).rstrip(",")


def _region_name(plan: Plan, lang: str) -> str:
    info = plan.info
    name = L("region_name", lang, kind=inline(REGION_KINDS.label(info.region_kind, lang)),
             region=inline(info.region))
    return " ".join(name.split())


def _facts(plan: Plan, conflicts: list[RecordState], lang: str) -> list[str]:
    info = plan.info
    progs = plan.programmes
    facts = [
        (L("region", lang), _region_name(plan, lang)),
        (L("province", lang), inline(info.province)),
        (L("period", lang), _period(plan)),
        (L("programmes_total", lang), number(len(progs))),
        (L("quick_wins_total", lang), number(sum(1 for p in progs if p.quick_win))),
        (L("budget_total", lang), rupiah(sum(p.total_budget for p in progs))),
    ]
    if conflicts:
        facts.append((L("conflicts_total", lang), number(len(conflicts))))
    return [f"## {L('facts', lang)}", bullets([f"{k}: {v}" for k, v in facts if v])]


def _vision(plan: Plan, lang: str) -> list[str]:
    info = plan.info
    out = [f"## {L('vision', lang)}", inline(info.vision) or L("none", lang),
           f"## {L('missions', lang)}",
           numbered([inline(m) for m in info.missions]) if info.missions else L("none", lang)]
    if info.targets:
        out += [f"## {L('targets', lang)}", bullets([inline(x) for x in info.targets])]
    return out


def _readiness(plan: Plan, lang: str) -> list[str]:
    head = f"## {L('readiness', lang)}"
    if not plan.readiness:
        return [head, L("none", lang)]
    rows = [[inline(READINESS_ASPECTS.label(r.aspect, lang)), inline(r.topic),
             inline(RATINGS.label(r.rating, lang)), inline(r.description), inline(r.gap)]
            for r in plan.readiness]
    header = [L(k, lang) for k in ("aspect", "topic", "rating", "description", "gap")]
    return [head, table(header, rows)]


def _roadmap(plan: Plan, lang: str) -> list[str]:
    head = f"## {L('roadmap', lang)}"
    rows = roadmap_rows(plan)
    years = list(plan.info.years)
    if not rows:
        return [head, L("none", lang)]
    body = [[inline(pillar(r.programme.pillar).label(lang)) if r.programme.pillar in _KEYS else inline(r.programme.pillar),
             inline(r.programme.code), inline(r.programme.name), programme_years(r.programme), *r.cells]
            for r in rows]
    header = [L("pillar", lang), L("code", lang), L("programme", lang), L("years", lang), *map(str, years)]
    legend = "; ".join(f"{g} {L(k, lang)}" for g, k in (
        (BAR_FULL, "legend_active"), (BAR_MILESTONE, "legend_milestone"),
        (BAR_DONE, "legend_done"), (BAR_EMPTY, "legend_outside")))
    return [head, table(header, body), legend]


_KEYS = {p.key for p in PILLARS}


def _record_title(state: RecordState, lang: str) -> str:
    kind = L(f"kind.{state.kind}", lang) if state.kind in _KIND_LABELED else inline(state.kind)
    name = next((state.value(f) for f in _NAME_FIELDS if isinstance(state.value(f), str) and state.value(f)), "")
    code = state.value("code") if isinstance(state.value("code"), str) else ""
    label = " ".join(x for x in (code, name[:80] + ("..." if len(name) > 80 else "")) if x)
    return f"{kind}: {inline(label)}" if label else kind


_KIND_LABELED = {"plan", "readiness", "swot", "strategy", "programme", "indicator", "milestone"}


def _value_text(v: Any, lang: str) -> str:
    if v is None:
        return L("empty", lang)
    if isinstance(v, bool):
        return L("yes" if v else "no", lang)
    if isinstance(v, (int, float)):
        return number(v)
    if isinstance(v, str):
        return inline(v) if v.strip() else L("empty", lang)
    if isinstance(v, list):
        texts = [_value_text(x.get("name", x) if isinstance(x, dict) else x, lang) for x in v]
        return ", ".join(texts) if texts else L("empty", lang)
    if isinstance(v, dict):
        return "; ".join(f"{inline(k)}: {_value_text(x, lang)}" for k, x in v.items()) or L("empty", lang)
    return inline(v)


def _field_label(name: str, lang: str) -> str:
    """The field's name for people (the merge catalog names them), else its key."""
    key = f"merge.field.{name}"
    label = t(key, lang)
    return inline(name if label == key else label)


def _conflicts(conflicts: list[RecordState], lang: str) -> list[str]:
    if not conflicts:
        return []
    rows = []
    for state in sorted(conflicts, key=lambda s: (s.kind, s.id)):
        title = _record_title(state, lang)
        if state.delete_conflict():
            rows.append([title, L("deleted_vs_edit", lang), ""])
        for name, sibs in sorted(state.field_conflicts().items()):
            if name == DELETED:
                if not state.delete_conflict():
                    values = [L("deleted", lang) if isinstance(s.value, dict) else _value_text(s.value, lang)
                              for s in sibs]
                    rows.append([title, L("deleted_vs_edit", lang), BR.join(values)])
                continue
            rows.append([title, _field_label(name, lang), BR.join(_value_text(s.value, lang) for s in sibs)])
    header = [L("record", lang), L("field", lang), L("values", lang)]
    return [f"## {L('conflicts', lang)}", L("conflicts_intro", lang), table(header, rows)]
