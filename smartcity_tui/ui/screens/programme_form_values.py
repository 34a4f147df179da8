"""What the programme form holds, as typed, and how it becomes records.

Kept apart from the widgets so the checks can be read (and tested) without a terminal: the
form gathers a `ProgrammeDraft` of raw strings, `check` says per field what to type, and
`build` turns a clean draft into the Programme and Indicators the store will save.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ...i18n import language, t
from ...model.budget import source_order
from ...model.codes import nomenclature_level, reference_code_ok
from ...model.format import group_thousands, number, parse_rupiah
from ...model.plan import Plan
from ...model.records import Indicator, Programme, Record, Stakeholder, new_id
from ...model.validation import ERROR, Finding, validate
from ...model.vocab import budget_source_label
from .programme_form_keep import keep_stored


@dataclass
class ProgrammeFormResult:
    programme: Programme
    indicators: list[Indicator]
    removed_indicator_ids: list[str]


@dataclass
class StakeholderDraft:
    name: str = ""
    role: str = "government"


@dataclass
class IndicatorDraft:
    key: str  # the row's widget key; errors are filed under it
    id: str | None = None  # None for a row added in this form
    name: str = ""
    unit: str = ""
    baseline: str = ""
    targets: dict[int, str] = field(default_factory=dict)
    reference_code: str = ""  # Bappenas reference code
    # what monev scores (all optional)
    kind: str = ""  # INDICATOR_KINDS key or ""
    baseline_year: str = ""
    end_target: str = ""
    data_source: str = ""
    definition: str = ""
    evidence: str = ""

    def is_blank(self) -> bool:
        texts = (self.name, self.unit, self.baseline, self.baseline_year, self.end_target, self.data_source,
                 self.definition, self.evidence, self.reference_code, *self.targets.values())
        return not (self.kind or any(x.strip() for x in texts))


@dataclass
class ProgrammeDraft:
    code: str = ""
    nomenclature_code: str = ""  # Permendagri 90/2019
    name: str = ""
    description: str = ""
    element: str = ""
    subtopic: str = ""
    pillar: str = ""  # its dimension; another only when a record outside the framework is moved
    strategy_ids: list[str] = field(default_factory=list)
    lead_agency: str = ""
    supporting: str = ""  # comma-separated, as typed
    stakeholders: list[StakeholderDraft] = field(default_factory=list)
    reference: str = ""
    innovation: str = ""
    horizon: str = "medium"
    start_year: str = ""
    end_year: str = ""
    quick_win: bool = False
    priority: str = "medium"
    funding_sources: list[str] = field(default_factory=list)
    budget: dict[str, dict[int, str]] = field(default_factory=dict)  # source -> year -> amount as typed
    status: str = "planned"
    progress: str = ""
    indicators: list[IndicatorDraft] = field(default_factory=list)
    # what a Bappeda verifier asks (all optional)
    location: str = ""
    beneficiaries: str = ""
    regulation_needs: str = ""
    mission_numbers: list[int] = field(default_factory=list)
    target_ids: list[str] = field(default_factory=list)

    def budget_sources(self) -> list[str]:
        """The sources the form shows a line of amounts for: those ticked and those holding
        an amount (one unticked keeps its amounts in view), the not-split share only while it
        holds one."""
        held = {s for s, years in self.budget.items() if any(v.strip() for v in years.values())}
        return source_order(held | set(self.funding_sources))


# --- numbers as officers type them ------------------------------------------------------

_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+")
_GROUPED_COMMAS = re.compile(r"-?\d{1,3}(,\d{3})+")


def parse_number(text: str) -> float | None:
    """An indicator value typed the Indonesian way ("1.834", "76,5") or plainly ("76.5").
    Blank is None; anything else that is not a number raises ValueError.

    A dot is a thousands separator when a comma is present or the dots group by three
    ("1.834"); otherwise it is a decimal point, so an English "76.5" still reads right. On the
    English screens, commas grouping by three are thousands ("1,834.5", as they are shown)."""
    s = text.strip().replace(" ", "")
    if not s:
        return None
    if language().decimal == "." and _GROUPED_COMMAS.fullmatch(s.partition(".")[0]):
        s = s.replace(",", "")  # 1,834.5 as the English screens show it
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif _GROUPED.fullmatch(s):
        s = s.replace(".", "")
    value = float(s)  # ValueError names the text
    if not math.isfinite(value):
        raise ValueError(text)
    return int(s) if s.lstrip("-").isdigit() else value  # "300" stays 300, as typed (not 300.0)


def show_number(value: float | None) -> str:
    return "" if value is None else number(value)


def show_amount(value: int | None) -> str:
    """A budget in its input: grouped like the table shows it, without the Rp the label gives."""
    return "" if value is None else group_thousands(value)


def nomenclature(text: str) -> str:
    """A nomenclature code as typed: trimmed, and "x.xx.01" read as the decrees write it."""
    code = text.strip()
    return code.upper() if nomenclature_level(code.upper()) is not None else code


def split_agencies(text: str) -> list[str]:
    return [a.strip() for a in text.split(",") if a.strip()]


# --- from a record to a draft ------------------------------------------------------------

def draft_of(programme: Programme | None, indicators: list[Indicator]) -> ProgrammeDraft:
    p = programme or Programme()
    return ProgrammeDraft(
        code=p.code, nomenclature_code=p.nomenclature_code, name=p.name, description=p.description,
        element=p.element, pillar=p.pillar,
        subtopic=p.subtopic, strategy_ids=list(p.strategy_ids), lead_agency=p.lead_agency,
        supporting=", ".join(p.supporting_agencies),
        stakeholders=[StakeholderDraft(s.name, s.role) for s in p.stakeholders],
        reference=p.reference, innovation=p.innovation, horizon=p.horizon,
        start_year=str(p.start_year) if p.start_year else "",
        end_year=str(p.end_year) if p.end_year else "",
        quick_win=p.quick_win, priority=p.priority, funding_sources=list(p.funding_sources),
        budget={s: {y: show_amount(v) for y, v in years.items()} for s, years in p.budget_by_source.items()},
        status=p.status, progress=str(p.progress) if programme is not None else "",
        indicators=[
            IndicatorDraft(key=i.id, id=i.id, name=i.name, unit=i.unit, baseline=show_number(i.baseline),
                           targets={y: show_number(v) for y, v in i.targets.items()}, kind=i.kind,
                           baseline_year=str(i.baseline_year) if i.baseline_year else "",
                           end_target=show_number(i.end_target), data_source=i.data_source,
                           definition=i.definition, evidence=i.evidence,
                           reference_code=i.reference_code)
            for i in indicators
        ],
        location=p.location, beneficiaries=p.beneficiaries, regulation_needs=p.regulation_needs,
        mission_numbers=list(p.mission_numbers), target_ids=list(p.target_ids),
    )


# --- checks: field key -> what to type ---------------------------------------------------

def check(draft: ProgrammeDraft, years: range, lang: str | None = None) -> dict[str, str]:
    """Every field that cannot be saved as typed, with a message saying what to type.
    Keys: "name", "start_year", "end_year", "budget-<source>-<year>", "progress",
    "indicator-<row key>". A stakeholder row without a name is left out, not an error. (A
    quick win over a year is no error: validation warns of it, as practice varies.)"""
    errs: dict[str, str] = {}
    period = {"start": years.start, "end": years.stop - 1} if years else {}

    if not draft.name.strip():
        errs["name"] = t("prog.err.name_empty", lang)
    code = nomenclature(draft.nomenclature_code)
    if code and nomenclature_level(code) is None:
        errs["nomenclature_code"] = t("codepick.err.shape", lang)

    def year_of(key: str, text: str) -> int | None:
        text = text.strip()
        if not text:
            errs[key] = t("prog.err.year_missing", lang, example=years.start if years else 2025)
            return None
        if not text.isdigit():
            errs[key] = t("prog.err.year_missing", lang, example=years.start if years else 2025)
            return None
        year = int(text)
        if years and year not in years:
            errs[key] = t("prog.err.year_outside", lang, **period)
            return None
        return year

    start = year_of("start_year", draft.start_year)
    end = year_of("end_year", draft.end_year)
    if start is not None and end is not None and end < start:
        errs["end_year"] = t("prog.err.end_before_start", lang, start=start)

    for source, amounts in sorted(draft.budget.items()):
        for year, text in sorted(amounts.items()):
            if not text.strip():
                continue
            key = f"budget-{source}-{year}"
            try:
                amount = parse_rupiah(text)
            except ValueError:
                errs[key] = t("prog.err.budget_number", lang)
                continue
            if amount < 0:
                errs[key] = t("prog.err.budget_negative", lang)
            elif years and year not in years:
                errs[key] = t("prog.err.year_outside_plan", lang, year=year, **period)

    progress = draft.progress.strip()
    if progress and (not progress.isdigit() or not 0 <= int(progress) <= 100):
        errs["progress"] = t("prog.err.progress_range", lang)

    for ind in draft.indicators:
        if ind.id is None and ind.is_blank():
            continue  # an added row left empty is simply not saved
        problems = _indicator_problems(ind, years, period, lang)
        if problems:
            errs[f"indicator-{ind.key}"] = " ".join(problems)
    return errs


def _indicator_problems(ind: IndicatorDraft, years: range, period: dict[str, int], lang: str | None) -> list[str]:
    out = []
    if not ind.name.strip():
        out.append(t("prog.err.indicator_name", lang))
    if ind.reference_code.strip() and not reference_code_ok(ind.reference_code.strip()):
        out.append(t("codepick.err.reference", lang))
    try:
        parse_number(ind.baseline)
    except ValueError:
        out.append(f"{t('prog.form.indicator_baseline', lang)}: {t('prog.err.number', lang)}")
    for year, text in sorted(ind.targets.items()):
        if not text.strip():
            continue
        try:
            parse_number(text)
        except ValueError:
            out.append(f"{year}: {t('prog.err.number', lang)}")
            continue
        if years and year not in years:
            out.append(t("prog.err.year_outside_plan", lang, year=year, **period))
    try:
        parse_number(ind.end_target)
    except ValueError:
        out.append(f"{t('prog.form.indicator_end', lang)}: {t('prog.err.number', lang)}")
    base_year = ind.baseline_year.strip()
    if base_year and not (base_year.isdigit() and 1900 <= int(base_year) <= 2200):
        out.append(t("prog.err.baseline_year", lang))
    return out


# --- a clean draft becomes records -------------------------------------------------------

def build(draft: ProgrammeDraft, pillar: str, programme: Programme | None,
          indicators: list[Indicator], new_ids: dict[str, str] | None = None) -> ProgrammeFormResult:
    """The records a clean draft (check() found nothing) stands for. An existing programme
    keeps its id, so the store writes only the fields that changed. `new_ids` (the form's,
    kept across saves) gives a new programme and each new indicator row the same id every
    time: a save that failed half way (the programme written, an indicator not) is saved
    again onto the same records, not into a second programme."""
    ids = new_ids if new_ids is not None else {}
    base = programme or Programme(id=ids.setdefault("programme", new_id()), pillar=pillar)
    prog = base.replace(
        pillar=draft.pillar or base.pillar,
        code=draft.code.strip(), nomenclature_code=nomenclature(draft.nomenclature_code),
        name=draft.name.strip(), description=draft.description.strip(),
        element=draft.element, subtopic=draft.subtopic.strip(), strategy_ids=list(draft.strategy_ids),
        lead_agency=draft.lead_agency.strip(), supporting_agencies=split_agencies(draft.supporting),
        stakeholders=[Stakeholder(s.name.strip(), s.role) for s in draft.stakeholders if s.name.strip()],
        reference=draft.reference.strip(), innovation=draft.innovation, horizon=draft.horizon,
        start_year=int(draft.start_year), end_year=int(draft.end_year), quick_win=draft.quick_win,
        priority=draft.priority, funding_sources=list(draft.funding_sources),
        budget_by_source={s: years for s, amounts in sorted(draft.budget.items())
                          if (years := {y: parse_rupiah(v) for y, v in sorted(amounts.items()) if v.strip()})},
        status=draft.status, progress=int(draft.progress) if draft.progress.strip() else 0,
        location=draft.location.strip(), beneficiaries=draft.beneficiaries.strip(),
        regulation_needs=draft.regulation_needs.strip(), mission_numbers=list(draft.mission_numbers),
        target_ids=list(draft.target_ids),
    )
    originals = {i.id: i for i in indicators}
    rows = [ind for ind in draft.indicators if not (ind.id is None and ind.is_blank())]
    old_orders = [originals[ind.id].order if ind.id in originals else None for ind in rows]
    kept: list[Indicator] = []
    for ind, order in zip(rows, indicator_orders(old_orders), strict=True):
        fields: dict[str, Any] = dict(
            name=ind.name.strip(), unit=ind.unit.strip(), baseline=parse_number(ind.baseline),
            targets={y: v for y, v in ((y, parse_number(s)) for y, s in sorted(ind.targets.items())) if v is not None},
            order=order, reference_code=ind.reference_code.strip(),
            kind=ind.kind, end_target=parse_number(ind.end_target),
            baseline_year=int(ind.baseline_year) if ind.baseline_year.strip() else 0,
            data_source=ind.data_source.strip(), definition=ind.definition.strip(), evidence=ind.evidence.strip(),
        )
        old = originals.get(ind.id or "")
        kept.append(old.replace(**fields) if old else
                    Indicator(id=ids.setdefault(ind.key, new_id()), programme_id=prog.id, **fields))
    kept_ids = {i.id for i in kept}
    removed = [i.id for i in indicators if i.id not in kept_ids]
    shown = draft_of(programme, indicators) if programme is not None else None  # left as shown: kept as stored
    return keep_stored(draft, shown, programme, indicators, ProgrammeFormResult(prog, kept, removed))


def indicator_orders(old: list[int | None]) -> list[int]:
    """The `order` of each indicator in the form's sequence (`old`: each one's stored order,
    None for one added in the form). An indicator that stands where it stood keeps its
    order, so a form saved unchanged writes no order at all (renumbering from 0 made two
    groups who merely saved the same programme conflict). Only indicators out of sequence
    (moved) and new ones get a number, between their neighbours; new ones at the end get 0,
    which the store turns into "after every record"."""
    n = len(old)
    # keep the longest run of stored orders that is already in sequence (ties stay: equal
    # orders are shown by id, as the form listed them)
    best: list[int] = [1 if o is not None else 0 for o in old]
    prev: list[int] = [-1] * n
    for i in range(n):
        if old[i] is None:
            continue
        for j in range(i):
            oj, oi = old[j], old[i]
            if oj is not None and oi is not None and oj <= oi and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    keep: set[int] = set()
    if any(best):
        i = max(range(n), key=lambda k: (best[k], -k))
        while i != -1:
            keep.add(i)
            i = prev[i]
    out: list[int] = [0] * n
    i = 0
    while i < n:
        if i in keep:
            out[i] = old[i] or 0
            i += 1
            continue
        end = next((k for k in range(i, n) if k in keep), n)
        count = end - i
        low = out[i - 1] if i else None
        if end == n:
            if all(o is None for o in old[i:]):
                out[i:] = [0] * count  # only new ones: the store puts them after every record
            else:
                out[i:] = [(low or 0) + 1 + k for k in range(count)]
            break
        high = old[end] or 0
        first = low + 1 if low is not None else high - count
        if first >= 1 and first + count - 1 < high:
            out[i:end] = [first + k for k in range(count)]
            i = end
        else:
            keep.discard(end)  # no room between the neighbours: the next one moves too
    return out


def model_findings(plan: Plan, result: ProgrammeFormResult) -> list[Finding]:
    """What the plan's own validation says of the edited programme and its indicators."""
    prog = result.programme
    records: dict[str, Record] = {sid: r for sid in prog.strategy_ids if (r := plan.get(sid)) is not None}
    records[prog.id] = prog
    records.update({i.id: i for i in result.indicators})
    own = {prog.id} | {i.id for i in result.indicators}
    return [f for f in validate(Plan(plan.info, records)) if f.record_id in own]


def model_errors(findings: list[Finding], lang: str | None = None) -> list[str]:
    """What the plan's own validation still rejects in the edited programme (a stored choice
    this version does not know, a strategy deleted meanwhile); the field checks above catch
    what an officer can type, this catches the rest. Not a dimension or element the framework
    lacks: the form shows the stored one as such and keeps it (dimension_fields.py)."""
    kept = ("record.bad_pillar", "record.bad_element")
    return [f.message(lang) for f in findings if f.severity == ERROR and f.code not in kept]


def budget_outside_years(findings: list[Finding], result: ProgrammeFormResult) -> list[str]:
    """The budget cells ("budget-<source>-<year>") holding money for a year the programme does
    not run. Validation's own rule (a warning there), so the form asks about exactly what
    `validate` would report, and the rule lives in one place. The finding names its source
    in words: it is matched back to the source key by that label."""
    sources = {budget_source_label(s, "id"): s for s in result.programme.budget_by_source}
    return [f"budget-{sources[label]}-{f.param('year', 'id')}" for f in findings
            if f.code == "programme.budget_outside_years" and (label := f.param("source", "id")) in sources]
