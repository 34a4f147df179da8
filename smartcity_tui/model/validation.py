"""Checks of a whole plan. Every finding names its record and says, in both languages, what
is wrong and what to type. Errors make a plan unfit to hand in (`validate` exits 1); warnings
are what a pillar still lacks, shown on the dashboard to guide the working group."""

from __future__ import annotations

from typing import Any

from ..i18n import Words, t
from . import framework as frameworks
from . import narrative
from .codes import reference_code_ok
from .finding import ERROR as ERROR  # (re-exported: validation is where callers look)
from .finding import WARNING as WARNING
from .finding import Add, choice_params, element_params, short
from .finding import Finding as Finding
from .plan import Plan
from .records import Programme, SwotItem
from .validation_programmes import validate_programme, validate_targets
from .vocab import (
    INDICATOR_KINDS,
    INSTITUTION_BODIES,
    PENTAHELIX_ROLES,
    QUADRANTS,
    RATINGS,
    READINESS_ASPECTS,
    REGION_KINDS,
    STRATEGY_KINDS,
)

# Which SWOT quadrants each TOWS strategy kind draws on.
KIND_QUADRANTS = {"SO": {"S", "O"}, "WO": {"W", "O"}, "ST": {"S", "T"}, "WT": {"W", "T"}}


def _quadrants_param(kind: str) -> dict[str, Words]:
    """"kekuatan (S) dan peluang (O)": what a strategy kind draws on, in words ("SO uses SO"
    would say nothing)."""
    def named(lang: str) -> str:
        names = [f"{QUADRANTS.label(q, lang).lower()} ({q})" for q in QUADRANTS.keys if q in KIND_QUADRANTS[kind]]
        return t("finding.and", lang, first=names[0], second=names[1])
    return {"allowed": Words(named)}


def validate(plan: Plan) -> list[Finding]:
    out: list[Finding] = []
    add = out.append
    info = plan.info
    years = info.years

    # --- the plan's own facts ---
    if not info.region.strip():
        add(Finding("plan.region_missing", ERROR, info.id))
    if info.region_kind not in REGION_KINDS:
        add(Finding("plan.bad_region_kind", ERROR, info.id, params={"value": info.region_kind}))
    if not info.start_year or not info.end_year:
        add(Finding("plan.period_missing", ERROR, info.id))
    elif info.end_year < info.start_year:
        add(Finding("plan.period_order", ERROR, info.id, params={"start": info.start_year, "end": info.end_year}))
    if not info.vision.strip():
        add(Finding("plan.vision_missing", WARNING, info.id))
    if not info.missions:
        add(Finding("plan.missions_missing", WARNING, info.id))
    fw = plan.framework
    keys = fw.keys
    if not fw.known:
        add(Finding("plan.framework_unknown", ERROR, info.id,
                    params={"framework": f"{fw.id} {fw.version}", "folder": str(frameworks.region_folder())}))
    strays = [*plan.outside_framework(), *narrative.outside_sections(plan)]
    if strays and fw.known:
        add(Finding("plan.outside_framework", ERROR, info.id, params={
            "n": len(strays), "framework": Words(fw.label),
            "keys": ", ".join(sorted({r.pillar for r in strays}))}))

    # --- readiness ---
    seen_aspects = set()
    for r in plan.readiness:
        seen_aspects.add(r.aspect)
        if r.aspect not in READINESS_ASPECTS:
            add(Finding("readiness.bad_aspect", ERROR, r.id, params={"topic": short(r.topic), "value": r.aspect}))
        if r.rating not in RATINGS:
            add(Finding("readiness.bad_rating", ERROR, r.id, params={"topic": short(r.topic), "value": r.rating}))
    for aspect in READINESS_ASPECTS:
        if aspect.key not in seen_aspects:
            add(Finding("readiness.aspect_missing", WARNING, info.id,
                        params={"aspect": Words(aspect.label)}))

    def in_period(year: int) -> bool:
        return not years or year in years

    period = {"start": info.start_year, "end": info.end_year}

    # --- SWOT ---
    # Two groups typing the same item (or one merged draft typed twice) leave it twice: the
    # second is said, so the secretariat deletes one; a strategy may cite either
    seen: set[tuple[str, str, str]] = set()
    for s in plan.swot:
        p: dict[str, Any] = {"text": short(s.text)}
        same = (s.pillar, s.quadrant, " ".join(s.text.casefold().split()))
        if same[2] and same in seen:
            add(Finding("swot.duplicate", WARNING, s.id, s.pillar, {**p, "quadrant": s.quadrant}))
        seen.add(same)
        if s.pillar not in keys:
            add(Finding("record.bad_pillar", ERROR, s.id, s.pillar, {**p, "value": s.pillar}))
        elif s.element and fw.dimension(s.pillar).element(s.element) is None:
            add(Finding("record.bad_element", ERROR, s.id, s.pillar,
                        {**p, "value": s.element, **element_params(fw.get(s.pillar))}))
        if not s.text.strip():
            add(Finding("swot.empty_text", ERROR, s.id, s.pillar, p))
        if s.quadrant not in QUADRANTS:
            add(Finding("swot.bad_quadrant", ERROR, s.id, s.pillar, {**p, "value": s.quadrant}))

    # --- strategies ---
    for st in plan.strategies:
        p = {"text": short(st.text)}
        if st.pillar not in keys:
            add(Finding("record.bad_pillar", ERROR, st.id, st.pillar, {**p, "value": st.pillar}))
        if not st.text.strip():
            add(Finding("strategy.empty_text", ERROR, st.id, st.pillar, p))
        if st.kind not in STRATEGY_KINDS:
            add(Finding("strategy.bad_kind", ERROR, st.id, st.pillar, {**p, "value": st.kind}))
        if not st.swot_ids:
            add(Finding("strategy.no_swot", WARNING, st.id, st.pillar, p))
        gone = [sid for sid in st.swot_ids if not isinstance(plan.get(sid), SwotItem)]
        if gone:  # one finding, by count: an id ("c6605afb-...") tells an officer nothing
            add(Finding("strategy.missing_swot", ERROR, st.id, st.pillar, {**p, "n": len(gone)}))
        for sid in st.swot_ids:
            item = plan.get(sid)
            if not isinstance(item, SwotItem):
                continue
            if item.pillar != st.pillar:
                add(Finding("strategy.swot_other_pillar", WARNING, st.id, st.pillar,
                            {**p, "item": short(item.text)}))
            if st.kind in KIND_QUADRANTS and item.quadrant not in KIND_QUADRANTS[st.kind]:
                add(Finding("strategy.swot_quadrant", WARNING, st.id, st.pillar,
                            {**p, "item": short(item.text), "kind": st.kind, "quadrant": item.quadrant,
                             **_quadrants_param(st.kind)}))

    # --- programmes ---
    codes: dict[str, str] = {}
    for pr in plan.programmes:
        validate_programme(plan, pr, add, in_period, period, codes)

    # --- indicators ---
    for ind in plan.indicators:
        p = {"name": short(ind.name)}
        prog = plan.get(ind.programme_id)
        pil = plan.pillar_of(ind)
        if not isinstance(prog, Programme):
            add(Finding("indicator.missing_programme", ERROR, ind.id, pil, p))
        if not ind.name.strip():
            add(Finding("indicator.empty_name", ERROR, ind.id, pil, p))
        bad_years = sorted(y for y in ind.targets if not in_period(y))
        if bad_years:
            add(Finding("indicator.target_outside_period", ERROR, ind.id, pil,
                        {**p, "years": ", ".join(map(str, bad_years)), **period}))
        # a target for a year the programme does not run: allowed (an outcome measured after
        # the programme ends), but worth a look, as a milestone outside its years is
        if isinstance(prog, Programme) and prog.years:
            outside = sorted(y for y in ind.targets if in_period(y) and y not in prog.years)
            if outside:
                add(Finding("indicator.target_outside_programme", WARNING, ind.id, pil,
                            {**p, "years": ", ".join(map(str, outside)), "start": prog.start_year,
                             "end": prog.end_year}))
        if ind.baseline is None:
            add(Finding("indicator.no_baseline", WARNING, ind.id, pil, p))
        if not ind.targets:
            add(Finding("indicator.no_targets", WARNING, ind.id, pil, p))
        if ind.reference_code and not reference_code_ok(ind.reference_code):
            add(Finding("indicator.bad_reference_code", ERROR, ind.id, pil, {**p, "code": ind.reference_code}))
        if ind.kind and ind.kind not in INDICATOR_KINDS:
            add(Finding("indicator.bad_choice", ERROR, ind.id, pil,
                        {**p, **choice_params("kind", INDICATOR_KINDS, ind.kind)}))

    # --- milestones ---
    for m in plan.milestones:
        p = {"title": short(m.title), "year": m.year}
        prog = plan.get(m.programme_id)
        pil = plan.pillar_of(m)
        if not isinstance(prog, Programme):
            add(Finding("milestone.missing_programme", ERROR, m.id, pil, p))
        if not m.title.strip():
            add(Finding("milestone.empty_title", ERROR, m.id, pil, p))
        if not in_period(m.year):
            add(Finding("milestone.outside_period", ERROR, m.id, pil, {**p, **period}))
        elif isinstance(prog, Programme) and prog.years and m.year not in prog.years:
            add(Finding("milestone.outside_programme", WARNING, m.id, pil,
                        {**p, "start": prog.start_year, "end": prog.end_year}))
        if m.quarter not in (0, 1, 2, 3, 4):
            add(Finding("milestone.bad_quarter", ERROR, m.id, pil, {**p, "value": m.quarter}))

    validate_targets(plan, add)

    # --- what each pillar still lacks ---
    for dim in fw.dimensions:
        key = dim.key
        names = {"pillar": Words(dim.label)}
        if not plan.programmes_for(key):
            add(Finding("pillar.no_programme", WARNING, "", key, names))
        elif not plan.quick_wins(key):
            add(Finding("pillar.no_quick_win", WARNING, "", key, names))
        missing = [q.key for q in QUADRANTS if not plan.swot_for(key, q.key)]
        if missing:
            add(Finding("pillar.swot_missing", WARNING, "", key,
                        {**names, "quadrants": ", ".join(missing)}))
        if not plan.strategies_for(key):
            add(Finding("pillar.no_strategy", WARNING, "", key, names))

    _validate_narrative(plan, add)

    for rid in sorted(plan.conflict_ids):
        rec = plan.get(rid)
        add(Finding("record.conflict", WARNING, rid, plan.pillar_of(rec) if rec else "",
                    {"record": _record_words(rec, rid)}))
    return out


# The field that names a record, per kind, in the order tried (as the conflicts list titles them).
_NAME_FIELDS = ("name", "text", "title", "topic", "region", "role", "deliverable")


def _record_words(rec: Any, rid: str) -> Words:
    """A record as an officer knows it: its kind and its name ("Program 'LIV-04 Integrasi
    RDTR'"), never its internal id, which only a record with no name at all falls back to."""
    kind = getattr(rec, "KIND", "")
    code = getattr(rec, "code", "") if kind == "programme" else ""
    name = next((v for f in _NAME_FIELDS if isinstance(v := getattr(rec, f, ""), str) and v.strip()), "")
    title = short(" ".join(x for x in (code, name) if x), 60) or rid[:8]

    def say(lang: str) -> str:
        key = f"merge.kind.{kind}"
        label = t(key, lang)
        return f"{label} '{title}'" if kind and label != key else f"'{title}'"

    return Words(say)


def _validate_narrative(plan: Plan, add: Add) -> None:
    """What the book still lacks in prose, dasar hukum and kelembagaan: warnings, since a
    draft between workshops is allowed to be unfinished; the document prints a note there."""
    # Plan-wide findings, a dimension's narrative too (its key is in params["dimension"]): a
    # pillar card counts what its own records lack, and the narrative is the book's.
    for s in narrative.empty_sections(plan):
        add(Finding("narrative.empty", WARNING, s.record_id, "",
                    {"section": Words(s.title), "dimension": s.pillar}))
    for r in narrative.unknown_sections(plan):
        add(Finding("narrative.unknown_section", WARNING, r.id, "", {"value": r.section}))
    regulations = narrative.regulations(plan)
    if not regulations:
        add(Finding("regulation.none", WARNING, plan.info.id))
    for reg in regulations:
        if not reg.text.strip():
            add(Finding("regulation.empty_text", WARNING, reg.id))
    members = narrative.members(plan)
    for m in members:
        p = {"name": short(m.name or m.role or m.agency)}
        if m.body not in INSTITUTION_BODIES:
            add(Finding("member.bad_body", ERROR, m.id, "", {**p, "value": m.body}))
        if m.pentahelix and m.pentahelix not in PENTAHELIX_ROLES:
            add(Finding("member.bad_pentahelix", ERROR, m.id, "", {**p, "value": m.pentahelix}))
        if not (m.name.strip() or m.role.strip() or m.agency.strip()):
            add(Finding("member.empty", WARNING, m.id))
    seated = {m.body for m in members}
    for body in INSTITUTION_BODIES:
        if body.key not in seated:
            add(Finding("member.body_empty", WARNING, plan.info.id, "",
                        {"body": Words(body.label)}))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]
