"""Checks of a whole plan. Every finding names its record and says, in both languages, what
is wrong and what to type. Errors make a plan unfit to hand in (`validate` exits 1); warnings
are what a pillar still lacks, shown on the dashboard to guide the working group."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..i18n import get_language, t
from . import framework as frameworks
from . import narrative
from .budget import UNSPECIFIED, source_order
from .codes import code_list, nomenclature_level, reference_code_ok
from .format import rupiah
from .labels import field_label
from .plan import Plan
from .records import Programme, SwotItem
from .vocab import (
    FUNDING_SOURCES,
    HORIZON_YEARS,
    HORIZONS,
    INDICATOR_KINDS,
    INNOVATION_KINDS,
    INSTITUTION_BODIES,
    PENTAHELIX_ROLES,
    PRIORITIES,
    QUADRANTS,
    RATINGS,
    READINESS_ASPECTS,
    REGION_KINDS,
    STATUSES,
    STRATEGY_KINDS,
    Vocabulary,
    budget_source_label,
)

ERROR = "error"
WARNING = "warning"

# Which SWOT quadrants each TOWS strategy kind draws on.
KIND_QUADRANTS = {"SO": {"S", "O"}, "WO": {"W", "O"}, "ST": {"S", "T"}, "WT": {"W", "T"}}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    record_id: str = ""
    pillar: str = ""
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str | None = None) -> str:
        # A param "x_en" is the English form of "x" (a vocabulary label), "x" the Indonesian:
        # both catalogs then name the same field {x}, which the i18n test requires of every
        # message. A language without its own form of a label gets the Indonesian one.
        lang = lang or get_language()
        params = self.params
        if lang != "id":  # ("record_id" is no Indonesian form of "record")
            suffix = f"_{lang}"
            params = {**params, **{k[: -len(suffix)]: v for k, v in params.items() if k.endswith(suffix)}}
        return t("finding." + self.code, lang, **params)

    def param(self, name: str, lang: str) -> Any:
        """A parameter in `lang`'s form ("section_en"), or its Indonesian one ("section")."""
        return self.params.get(f"{name}_{lang}", self.params.get(name)) if lang != "id" else self.params.get(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "severity": self.severity, "record_id": self.record_id,
            "pillar": self.pillar, "message_id": self.message("id"), "message_en": self.message("en"),
        }


# how a check reports what it finds (validate's list.append)
_Add = Callable[[Finding], None]


def _choice_params(field: str, vocab: Vocabulary, value: str) -> dict[str, str]:
    """A choice the vocabulary does not know, named in the officer's words: the field's label
    and the choices' labels, in both languages (never the stored keys)."""
    return {"field": field_label(field, "id"), "field_en": field_label(field, "en"), "field_key": field, "value": value,
            "choices": ", ".join(c.id for c in vocab), "choices_en": ", ".join(c.en for c in vocab)}


def _quadrants_param(kind: str) -> dict[str, str]:
    """"kekuatan (S) dan peluang (O)": what a strategy kind draws on, in words ("SO uses SO"
    would say nothing)."""
    def named(lang: str) -> str:
        names = [f"{QUADRANTS.label(q, lang).lower()} ({q})" for q in QUADRANTS.keys if q in KIND_QUADRANTS[kind]]
        return t("finding.and", lang, first=names[0], second=names[1])
    return {"allowed": named("id"), "allowed_en": named("en")}


def _source_params(source: str) -> dict[str, str]:
    return {"source": budget_source_label(source, "id"), "source_en": budget_source_label(source, "en")}


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


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
    strays = plan.outside_framework()
    if strays and fw.known:
        add(Finding("plan.outside_framework", ERROR, info.id, params={
            "n": len(strays), "framework": fw.label("id"), "framework_en": fw.label("en"),
            "keys": ", ".join(sorted({r.pillar for r in strays}))}))

    # --- readiness ---
    seen_aspects = set()
    for r in plan.readiness:
        seen_aspects.add(r.aspect)
        if r.aspect not in READINESS_ASPECTS:
            add(Finding("readiness.bad_aspect", ERROR, r.id, params={"topic": _short(r.topic), "value": r.aspect}))
        if r.rating not in RATINGS:
            add(Finding("readiness.bad_rating", ERROR, r.id, params={"topic": _short(r.topic), "value": r.rating}))
    for aspect in READINESS_ASPECTS:
        if aspect.key not in seen_aspects:
            add(Finding("readiness.aspect_missing", WARNING, info.id,
                        params={"aspect": aspect.id, "aspect_en": aspect.en}))

    def in_period(year: int) -> bool:
        return not years or year in years

    period = {"start": info.start_year, "end": info.end_year}

    # --- SWOT ---
    for s in plan.swot:
        p: dict[str, Any] = {"text": _short(s.text)}
        if s.pillar not in keys:
            add(Finding("record.bad_pillar", ERROR, s.id, s.pillar, {**p, "value": s.pillar}))
        elif s.element and fw.dimension(s.pillar).element(s.element) is None:
            add(Finding("record.bad_element", ERROR, s.id, s.pillar, {**p, "value": s.element}))
        if not s.text.strip():
            add(Finding("swot.empty_text", ERROR, s.id, s.pillar, p))
        if s.quadrant not in QUADRANTS:
            add(Finding("swot.bad_quadrant", ERROR, s.id, s.pillar, {**p, "value": s.quadrant}))

    # --- strategies ---
    for st in plan.strategies:
        p = {"text": _short(st.text)}
        if st.pillar not in keys:
            add(Finding("record.bad_pillar", ERROR, st.id, st.pillar, {**p, "value": st.pillar}))
        if not st.text.strip():
            add(Finding("strategy.empty_text", ERROR, st.id, st.pillar, p))
        if st.kind not in STRATEGY_KINDS:
            add(Finding("strategy.bad_kind", ERROR, st.id, st.pillar, {**p, "value": st.kind}))
        if not st.swot_ids:
            add(Finding("strategy.no_swot", WARNING, st.id, st.pillar, p))
        for sid in st.swot_ids:
            item = plan.get(sid)
            if not isinstance(item, SwotItem):
                add(Finding("strategy.missing_swot", ERROR, st.id, st.pillar, {**p, "ref": sid}))
                continue
            if item.pillar != st.pillar:
                add(Finding("strategy.swot_other_pillar", WARNING, st.id, st.pillar,
                            {**p, "item": _short(item.text)}))
            if st.kind in KIND_QUADRANTS and item.quadrant not in KIND_QUADRANTS[st.kind]:
                add(Finding("strategy.swot_quadrant", WARNING, st.id, st.pillar,
                            {**p, "item": _short(item.text), "kind": st.kind, "quadrant": item.quadrant,
                             **_quadrants_param(st.kind)}))

    # --- programmes ---
    codes: dict[str, str] = {}
    for pr in plan.programmes:
        _validate_programme(plan, pr, add, in_period, period, codes)

    # --- indicators ---
    for ind in plan.indicators:
        p = {"name": _short(ind.name)}
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
                        {**p, **_choice_params("kind", INDICATOR_KINDS, ind.kind)}))

    # --- milestones ---
    for m in plan.milestones:
        p = {"title": _short(m.title), "year": m.year}
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

    _validate_targets(plan, add)

    # --- what each pillar still lacks ---
    for dim in fw.dimensions:
        key = dim.key
        names = {"pillar": dim.label("id"), "pillar_en": dim.label("en")}
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
        add(Finding("record.conflict", WARNING, rid, plan.pillar_of(rec) if rec else "", {"id": rid[:8]}))
    return out


def _validate_programme(plan: Plan, pr: Programme, add: _Add, in_period: Callable[[int], bool], period: dict[str, int],
                        codes: dict[str, str]) -> None:
    p = {"name": _short(pr.name or pr.code)}
    fw = plan.framework
    if pr.pillar not in fw.keys:
        add(Finding("record.bad_pillar", ERROR, pr.id, pr.pillar, {"text": p["name"], "value": pr.pillar}))
    elif pr.element and fw.dimension(pr.pillar).element(pr.element) is None:
        add(Finding("record.bad_element", ERROR, pr.id, pr.pillar, {"text": p["name"], "value": pr.element}))
    if not pr.name.strip():
        add(Finding("programme.empty_name", ERROR, pr.id, pr.pillar, p))
    if pr.nomenclature_code:
        _check_nomenclature(plan, pr, add, p)
    if pr.code:
        if pr.code in codes:
            add(Finding("programme.duplicate_code", WARNING, pr.id, pr.pillar, {**p, "code": pr.code}))
        codes[pr.code] = pr.id
    if not pr.start_year or not pr.end_year:
        add(Finding("programme.years_missing", ERROR, pr.id, pr.pillar, p))
    else:
        if pr.end_year < pr.start_year:
            add(Finding("programme.end_before_start", ERROR, pr.id, pr.pillar,
                        {**p, "start": pr.start_year, "end": pr.end_year}))
        bad = [y for y in (pr.start_year, pr.end_year) if not in_period(y)]
        if bad:
            add(Finding("programme.outside_period", ERROR, pr.id, pr.pillar,
                        {**p, "year": bad[0], **period}))
        if pr.quick_win and pr.end_year > pr.start_year:
            # a warning: guides and books vary, and a quick win may carry its running costs on
            add(Finding("programme.quick_win_too_long", WARNING, pr.id, pr.pillar,
                        {**p, "start": pr.start_year, "end": pr.end_year}))
        _check_horizon(pr, add, p)
    _check_budget(pr, add, p, in_period, period)
    if not 0 <= pr.progress <= 100:
        add(Finding("programme.progress_range", ERROR, pr.id, pr.pillar, {**p, "value": pr.progress}))
    for sid in pr.strategy_ids:
        st = plan.get(sid)
        if st is None or st.KIND != "strategy":
            add(Finding("programme.missing_strategy", ERROR, pr.id, pr.pillar, {**p, "ref": sid}))
    n_missions = len(plan.info.missions)
    for k in pr.mission_numbers:
        if not 1 <= k <= n_missions:
            add(Finding("programme.bad_mission", WARNING, pr.id, pr.pillar, {**p, "mission": k, "count": n_missions}))
    for tid in pr.target_ids:
        target = plan.get(tid)
        if target is None or target.KIND != "target":
            add(Finding("programme.missing_target", WARNING, pr.id, pr.pillar, p))
    checks = (
        ("horizon", HORIZONS, [pr.horizon]), ("priority", PRIORITIES, [pr.priority]),
        ("status", STATUSES, [pr.status]), ("innovation", INNOVATION_KINDS, [pr.innovation] if pr.innovation else []),
        ("funding_sources", FUNDING_SOURCES, pr.funding_sources),
        ("funding_sources", FUNDING_SOURCES, [s for s in pr.budget_by_source if s != UNSPECIFIED]),
        ("stakeholders", PENTAHELIX_ROLES, [s.role for s in pr.stakeholders]),
    )
    for field_name, vocab, values in checks:
        for v in dict.fromkeys(values):
            if v not in vocab:
                add(Finding("programme.bad_choice", ERROR, pr.id, pr.pillar,
                            {**p, **_choice_params(field_name, vocab, v)}))
    if not pr.lead_agency.strip():
        add(Finding("programme.no_lead_agency", WARNING, pr.id, pr.pillar, p))
    if not plan.indicators_of(pr.id):
        add(Finding("programme.no_indicator", WARNING, pr.id, pr.pillar, p))
    if not pr.funding_sources:
        add(Finding("programme.no_funding", WARNING, pr.id, pr.pillar, p))


def _check_horizon(pr: Programme, add: _Add, p: dict[str, Any]) -> None:
    """The horizon says how many years a programme runs (vocab.HORIZON_YEARS): a 4-year
    programme called long-term, or a 3-year one short-term, is worth a second look."""
    bounds = HORIZON_YEARS.get(pr.horizon)
    n = pr.end_year - pr.start_year + 1
    if bounds is None or n < 1:
        return
    low, high = bounds
    if n < low or (high is not None and n > high):
        fits = next((k for k, (lo, hi) in HORIZON_YEARS.items() if lo <= n and (hi is None or n <= hi)), pr.horizon)
        add(Finding("programme.horizon_years", WARNING, pr.id, pr.pillar, {
            **p, "n": n, "start": pr.start_year, "end": pr.end_year,
            "horizon": HORIZONS.label(pr.horizon, "id"), "horizon_en": HORIZONS.label(pr.horizon, "en"),
            "fits": HORIZONS.label(fits, "id"), "fits_en": HORIZONS.label(fits, "en")}))


def _check_budget(pr: Programme, add: _Add, p: dict[str, Any], in_period: Callable[[int], bool],
                  period: dict[str, int]) -> None:
    """Each cell of the budget (source x year), then the sources against the list of funding
    sources: a listed source without an amount, an amount under a source not listed, and
    amounts nobody has split by source yet."""
    budget = pr.budget_by_source
    for source in source_order(budget):
        for year, amount in sorted(budget[source].items()):
            where = {**p, "year": year, **_source_params(source)}
            if amount < 0:
                add(Finding("programme.negative_budget", ERROR, pr.id, pr.pillar, where))
            if not in_period(year):
                add(Finding("programme.budget_outside_period", ERROR, pr.id, pr.pillar, {**where, **period}))
            elif pr.years and year not in pr.years:
                add(Finding("programme.budget_outside_years", WARNING, pr.id, pr.pillar, where))
    funded = {s for s, years in budget.items() if any(years.values())}
    unsplit = sum(budget.get(UNSPECIFIED, {}).values())
    if unsplit:
        add(Finding("programme.budget_not_split", WARNING, pr.id, pr.pillar, {**p, "amount": rupiah(unsplit)}))
    else:
        for source in dict.fromkeys(pr.funding_sources):
            if source not in funded and source in FUNDING_SOURCES:
                add(Finding("programme.source_without_amount", WARNING, pr.id, pr.pillar,
                            {**p, **_source_params(source)}))
    listed = set(pr.funding_sources)
    for source in source_order(funded - listed - {UNSPECIFIED}):
        if source in FUNDING_SOURCES:
            add(Finding("programme.amount_unlisted_source", WARNING, pr.id, pr.pillar, {**p, **_source_params(source)}))


def _validate_targets(plan: Plan, add: _Add) -> None:
    """The plan's targets (sasaran): each says what it aims at, and names a mission the plan has."""
    n_missions = len(plan.info.missions)
    for number, x in enumerate(plan.targets, 1):
        p = {"number": number, "text": _short(x.text or x.indicator)}
        if not x.text.strip():
            add(Finding("target.empty_text", WARNING, x.id, "", p))
        if x.mission and not 1 <= x.mission <= n_missions:
            add(Finding("target.bad_mission", WARNING, x.id, "", {**p, "mission": x.mission, "count": n_missions}))


def _check_nomenclature(plan: Plan, pr: Programme, add: _Add, p: dict[str, Any]) -> None:
    """The shape always; membership only when the region has imported its code list."""
    code = pr.nomenclature_code
    if nomenclature_level(code) is None:
        add(Finding("programme.bad_nomenclature_code", ERROR, pr.id, pr.pillar, {**p, "code": code}))
        return
    codes = code_list(plan)
    if len(codes) and codes.get(code) is None:
        add(Finding("programme.nomenclature_not_in_list", WARNING, pr.id, pr.pillar, {**p, "code": code}))


def _validate_narrative(plan: Plan, add: _Add) -> None:
    """What the book still lacks in prose, dasar hukum and kelembagaan: warnings, since a
    draft between workshops is allowed to be unfinished; the document prints a note there."""
    # Plan-wide findings, a dimension's narrative too (its key is in params["dimension"]): a
    # pillar card counts what its own records lack, and the narrative is the book's.
    for s in narrative.empty_sections(plan):
        add(Finding("narrative.empty", WARNING, s.record_id, "",
                    {"section": s.title("id"), "section_en": s.title("en"), "dimension": s.pillar}))
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
        p = {"name": _short(m.name or m.role or m.agency)}
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
                        {"body": body.id, "body_en": body.en}))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]
