"""The checks of a programme (its choices, years, horizon, budget cells and codes) and of
the plan's targets: validation's largest part, apart (model/validation.py runs them)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from ..i18n import Words
from .budget import UNSPECIFIED, source_order
from .codes import code_list, nomenclature_level
from .finding import ERROR, WARNING, Add, Finding, choice_params, element_params, short, source_params
from .format import rupiah
from .plan import Plan
from .records import Programme
from .vocab import FUNDING_SOURCES, HORIZON_YEARS, HORIZONS, INNOVATION_KINDS, PENTAHELIX_ROLES, PRIORITIES, STATUSES


def validate_programme(plan: Plan, pr: Programme, add: Add, in_period: Callable[[int], bool], period: dict[str, int],
                        codes: dict[str, str]) -> None:
    p = {"name": short(pr.name or pr.code)}
    fw = plan.framework
    if pr.pillar not in fw.keys:
        add(Finding("record.bad_pillar", ERROR, pr.id, pr.pillar, {"text": p["name"], "value": pr.pillar}))
    elif pr.element and fw.dimension(pr.pillar).element(pr.element) is None:
        add(Finding("record.bad_element", ERROR, pr.id, pr.pillar, {"text": p["name"], "value": pr.element,
                                                                     **element_params(fw.get(pr.pillar))}))
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
    gone = [sid for sid in pr.strategy_ids if (st := plan.get(sid)) is None or st.KIND != "strategy"]
    if gone:  # by count, not by id: "(c6605afb-...)" tells an officer nothing
        add(Finding("programme.missing_strategy", ERROR, pr.id, pr.pillar, {**p, "n": len(gone)}))
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
                            {**p, **choice_params(field_name, vocab, v)}))
    if not pr.lead_agency.strip():
        add(Finding("programme.no_lead_agency", WARNING, pr.id, pr.pillar, p))
    if not plan.indicators_of(pr.id):
        add(Finding("programme.no_indicator", WARNING, pr.id, pr.pillar, p))
    if not pr.funding_sources:
        add(Finding("programme.no_funding", WARNING, pr.id, pr.pillar, p))


def _check_horizon(pr: Programme, add: Add, p: dict[str, Any]) -> None:
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
            "horizon": Words(partial(HORIZONS.label, pr.horizon)), "fits": Words(partial(HORIZONS.label, fits))}))


def _check_budget(pr: Programme, add: Add, p: dict[str, Any], in_period: Callable[[int], bool],
                  period: dict[str, int]) -> None:
    """Each cell of the budget (source x year), then the sources against the list of funding
    sources: a listed source without an amount, an amount under a source not listed, and
    amounts nobody has split by source yet."""
    budget = pr.budget_by_source
    for source in source_order(budget):
        for year, amount in sorted(budget[source].items()):
            where = {**p, "year": year, **source_params(source)}
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
                            {**p, **source_params(source)}))
    listed = set(pr.funding_sources)
    for source in source_order(funded - listed - {UNSPECIFIED}):
        if source in FUNDING_SOURCES:
            add(Finding("programme.amount_unlisted_source", WARNING, pr.id, pr.pillar, {**p, **source_params(source)}))


def validate_targets(plan: Plan, add: Add) -> None:
    """The plan's targets (sasaran): each says what it aims at, and names a mission the plan has."""
    n_missions = len(plan.info.missions)
    for number, x in enumerate(plan.targets, 1):
        p = {"number": number, "text": short(x.text or x.indicator)}
        if not x.text.strip():
            add(Finding("target.empty_text", WARNING, x.id, "", p))
        if x.mission and not 1 <= x.mission <= n_missions:
            add(Finding("target.bad_mission", WARNING, x.id, "", {**p, "mission": x.mission, "count": n_missions}))


def _check_nomenclature(plan: Plan, pr: Programme, add: Add, p: dict[str, Any]) -> None:
    """The shape always; membership only when the region has imported its code list."""
    code = pr.nomenclature_code
    if nomenclature_level(code) is None:
        add(Finding("programme.bad_nomenclature_code", ERROR, pr.id, pr.pillar, {**p, "code": code}))
        return
    codes = code_list(plan)
    if len(codes) and codes.get(code) is None:
        add(Finding("programme.nomenclature_not_in_list", WARNING, pr.id, pr.pillar, {**p, "code": code}))
