"""What an import would do, before anything changes: every row as new, changed or unchanged
(with the fields it changes), counted per pillar, and every problem that refuses it.

`preview_import(store, book, mapping)` reads nothing from disk and writes nothing; the
import screen calls it again whenever the officer changes the mapping, and `apply_import`
(apply.py) writes exactly what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, cast

from ..i18n import Words, t
from ..model.plan import Plan
from ..model.records import Programme, Record
from ..model.vocab import PILLAR_KEYS, budget_source_label
from .budget_rows import changed_cells, totals_differ, with_line
from .checks import new_errors
from .columns import SHEETS, SPEC_BY_KIND, SheetSpec
from .dimension_kinds import on_framework
from .mapping import Mapping
from .problems import Problem
from .reading import Book
from .resolve import ProgrammeFinder, Twins, build_record, changed_fields
from .rows import RowValues, read_rows, sheet_problems

PLAN_WIDE = "plan"  # the area of records without a pillar (readiness)
AREAS = (*PILLAR_KEYS, PLAN_WIDE)  # of the default framework; a preview's: ImportPreview.counts
_KIND_ORDER = {s.kind: i for i, s in enumerate(SHEETS)}  # programmes before what links to them


@dataclass(frozen=True)
class RowOutcome:
    sheet: str
    row: int
    kind: str
    status: str  # "new", "changed" or "unchanged"
    record: Record  # as the import leaves it
    area: str  # pillar key, or PLAN_WIDE
    changed: tuple[str, ...] = ()  # the fields an update writes


_RANK = {"unchanged": 0, "changed": 1, "new": 2}


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    def add(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


@dataclass
class ImportPreview:
    book: Book
    mapping: Mapping
    plan: Plan  # the plan view it was computed on; apply recomputes if the plan moved on
    outcomes: list[RowOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def _records(self) -> list[RowOutcome]:
        """One outcome per record, the strongest (new, then changed): a programme's own row
        and its rows on the Anggaran sheet are one record, and counted per row the preview
        said "2 diubah" where the import then said "1 diubah"."""
        strongest: dict[str, RowOutcome] = {}
        for o in self.outcomes:
            seen = strongest.get(o.record.id)
            if seen is None or _RANK[o.status] > _RANK[seen.status]:
                strongest[o.record.id] = o
        return list(strongest.values())

    def counts(self) -> dict[str, Counts]:
        """Per area (the dimensions of the plan's framework, then PLAN_WIDE): records new,
        changed and unchanged."""
        out = {a: Counts() for a in (*self.plan.framework.keys, PLAN_WIDE)}
        for o in self._records():
            out.setdefault(o.area, Counts()).add(o.status)
        return out

    def by_sheet(self) -> dict[str, Counts]:
        out: dict[str, Counts] = {}
        for o in self.outcomes:
            out.setdefault(o.sheet, Counts()).add(o.status)
        return out

    def total(self) -> Counts:
        """Records new, changed and unchanged (as `counts`, over the whole plan)."""
        c = Counts()
        for o in self._records():
            c.add(o.status)
        return c

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.book.path), "ok": self.ok,
            "areas": {a: vars(c) for a, c in self.counts().items()},
            "sheets": {s: vars(c) for s, c in self.by_sheet().items()},
            "rows": [{"sheet": o.sheet, "row": o.row, "kind": o.kind, "status": o.status, "id": o.record.id,
                      "area": o.area, "changed": list(o.changed)} for o in self.outcomes if o.status != "unchanged"],
            "problems": [p.to_json() for p in self.problems],
            "notes": [n.to_json() for n in self.notes],
        }


def preview_import(store: Any, book: Book, mapping: Mapping) -> ImportPreview:
    """`store` is a PlanStore (or anything with plan() and state(id))."""
    plan: Plan = store.plan()
    out = ImportPreview(book, mapping, plan, notes=list(book.notes))
    if book.plan_id and book.plan_id != plan.id:
        out.problems.append(Problem("other_plan", params={"label": book.plan_label or book.plan_id}))
        return out
    chosen = [m for m in mapping.sheets if m.kind]
    out.notes += [Problem("sheet_ignored", m.sheet) for m in mapping.sheets if not m.kind]
    if not chosen:
        out.problems.append(Problem("nothing_to_import", params={"names": ", ".join(s.name for s in book.sheets)}))
        return out
    finder = ProgrammeFinder(plan)
    twins = Twins(plan)
    seen_ids: dict[str, RowValues] = {}
    rows_by_record: dict[str, RowValues] = {}
    changed_records: dict[str, Record] = {}  # every record as this import leaves it so far
    plan_years = 0
    # an Anggaran sheet says per source what the Program sheet's yearly totals would say at once
    budget_sheet = any(m.kind == "budget" for m in chosen)
    totals_ignored = False
    totals_edited: list[int] = []  # rows of the Program sheet whose yearly totals were edited
    budget_rows: dict[tuple[str, str], RowValues] = {}  # (programme id, source) -> its Anggaran row
    for m in sorted(chosen, key=lambda m: _KIND_ORDER[m.kind or ""]):
        spec = SPEC_BY_KIND[m.kind or ""]
        sheet = book.sheet(m.sheet)
        if sheet is None:
            continue
        problems = sheet_problems(sheet, m)
        out.problems += problems
        if any(p.key in ("too_many_rows", "no_header") for p in problems):
            continue
        ignored = m.ignored()
        if ignored:
            out.notes.append(Problem("columns_ignored", m.sheet, params={
                "columns": ", ".join(f"{c.letter} ({c.header})" for c in ignored)}))

        def pillar_of(record_id: str) -> str:
            return getattr(plan.get(record_id), "pillar", "")

        read = m
        if spec.kind == "programme" and budget_sheet:
            # its yearly totals are not read at all: the Anggaran sheet says the same per source
            for c in m.columns:
                if c.key and c.key.startswith("budget:"):
                    read, totals_ignored = read.with_column(c.index, None), True
        with on_framework(plan.framework, plan):  # pillar and element cells name the plan's own
            rows, bad = read_rows(sheet, read, spec, pillar_of)
        out.problems += bad
        twins.taken.update(row.record_id for row in rows if row.record_id)
        keys = {k.partition(":")[0] for k in m.keys()}  # noqa: SIM118 - SheetMapping.keys(), not a dict
        missing = [k for k in spec.required if k not in keys]
        missing_said = False
        for row in rows:
            if spec.kind == "budget":
                outcome = _budget_outcome(plan, row, finder, changed_records, budget_rows, out.problems)
                if outcome is not None:
                    out.outcomes.append(outcome)
                    rows_by_record.setdefault(outcome.record.id, row)
                    if outcome.status != "unchanged":
                        changed_records[outcome.record.id] = outcome.record
                continue
            if row.record_id:
                first = seen_ids.get(row.record_id)
                if first is not None:
                    letter, header = row.place("id")
                    out.problems.append(Problem("duplicate_id", row.sheet, row.row, letter, header,
                                                {"other_sheet": first.sheet, "other_row": first.row}))
                    continue
                seen_ids[row.record_id] = row
            elif missing:
                if not missing_said:  # once per sheet, at its first new row
                    col = spec.column(missing[0])
                    out.problems.append(Problem("missing_column", m.sheet, row.row, params={
                        "header": Words(col.header) if col else missing[0]}))
                    missing_said = True
                continue
            if spec.kind == "programme" and row.record_id and "budget" in row.years:
                # a total the export added up: the money is changed per source (budget_rows.py)
                existing = plan.get(row.record_id)
                if isinstance(existing, Programme) and totals_differ(existing, row.years.pop("budget")):
                    totals_edited.append(row.row)
            outcome = _outcome(store, plan, spec, row, finder, twins, out.problems)
            if outcome is None:
                continue
            if outcome.kind == "programme" and outcome.status != "unchanged":
                finder.add(cast(Programme, outcome.record))  # a programme row's record
                if outcome.status == "new" and not (row.fields.get("start_year") or row.fields.get("end_year")):
                    plan_years += plan.info.start_year > 0
            out.outcomes.append(outcome)
            rows_by_record[outcome.record.id] = row
            if outcome.status != "unchanged":
                changed_records[outcome.record.id] = outcome.record
    if twins.matched:
        out.notes.append(Problem("matched_without_id", params={"n": twins.matched}))
    if totals_ignored:
        out.notes.append(Problem("budget_totals_ignored"))
    if totals_edited:
        out.notes.append(Problem("budget_totals_not_read", params={
            "rows": ", ".join(map(str, totals_edited[:20])) + (" ..." if len(totals_edited) > 20 else "")}))
    # a programme whose budget rows came after its own row is written as they leave it
    out.outcomes = [replace(o, record=changed_records[o.record.id])
                    if o.status != "unchanged" and o.record.id in changed_records else o for o in out.outcomes]
    # indicators and milestones take the pillar of their programme, which may be new
    out.outcomes = [_with_area(o, finder, plan.framework.keys) for o in out.outcomes]
    if plan_years:
        out.notes.append(Problem("plan_period_taken", params={"n": plan_years, "start": plan.info.start_year,
                                                              "end": plan.info.end_year}))
    if changed_records and not out.problems:
        after = Plan(plan.info, {**plan.records, **changed_records}, plan.conflict_ids)
        out.problems += new_errors(plan, after, rows_by_record)
    return out


def _with_area(o: RowOutcome, finder: ProgrammeFinder, keys: tuple[str, ...]) -> RowOutcome:
    if o.kind not in ("indicator", "milestone"):
        return o
    prog = finder.by_id.get(getattr(o.record, "programme_id", ""))
    area = prog.pillar if prog and prog.pillar in keys else PLAN_WIDE
    return o if area == o.area else RowOutcome(o.sheet, o.row, o.kind, o.status, o.record, area, o.changed)


def _budget_outcome(plan: Plan, row: RowValues, finder: ProgrammeFinder, current: dict[str, Record],
                    seen: dict[tuple[str, str], RowValues], problems: list[Problem]) -> RowOutcome | None:
    """A row of the Anggaran sheet: one source's amounts per year for one programme (which
    may be new in this import, or changed by its own row or an earlier budget row).

    A second row for the same programme and source is refused, naming both rows: a row is
    that source's whole line, an empty cell no money, so the later row would silently clear
    what the earlier one holds (docs/sheets.md says why the two are not added up)."""
    pid, problem = finder.find(row)
    if problem is not None:
        problems.append(problem)
        return None
    if pid is None:
        problems.append(Problem("no_programme", row.sheet, row.row))
        return None
    source = row.fields.get("source", "")
    if not source:
        letter, header = row.place("source")
        problems.append(Problem("no_source", row.sheet, row.row, letter, header))
        return None
    base = current.get(pid) or finder.by_id.get(pid) or plan.get(pid)
    if not isinstance(base, Programme):
        problems.append(Problem("no_programme", row.sheet, row.row))
        return None
    first = seen.setdefault((pid, source), row)
    if first is not row:
        letter, header = row.place("source")
        problems.append(Problem("duplicate_budget_line", row.sheet, row.row, letter, header, {
            "other_sheet": first.sheet, "other_row": first.row, "programme": base.code or base.name,
            "source": Words(partial(budget_source_label, source))}))
        return None
    after = with_line(base, source, row.years.get("budget", {}))
    cells = changed_cells(base.budget_by_source, after)
    record = base.replace(budget_by_source=after) if cells else base
    new = plan.get(pid) is None
    status = "new" if new else "changed" if cells else "unchanged"
    if cells and not new and pid in plan.conflict_ids:
        problems.append(Problem("record_in_conflict", row.sheet, row.row))
        return None
    area = record.pillar if record.pillar in plan.framework.keys else PLAN_WIDE
    return RowOutcome(row.sheet, row.row, "budget", status, record, area, cells)


def _outcome(store: Any, plan: Plan, spec: SheetSpec, row: RowValues, finder: ProgrammeFinder,
             twins: Twins, problems: list[Problem]) -> RowOutcome | None:
    existing: Record | None = None
    if row.record_id:
        letter, header = row.place("id")
        existing = plan.get(row.record_id)
        if existing is None:
            state = store.state(row.record_id)
            key = "deleted_id" if state is not None and state.kind == spec.kind else "unknown_id"
            problems.append(Problem(key, row.sheet, row.row, letter, header, {"value": row.record_id}))
            return None
        if spec.kind != existing.KIND:
            problems.append(Problem("id_of_other_kind", row.sheet, row.row, letter, header,
                                    {"kind": Words(partial(t, f"merge.kind.{existing.KIND}"))}))
            return None
    programme_id = None
    kept_link = existing is not None and row.links.get("id") == getattr(existing, "programme_id", None)
    if spec.kind in ("indicator", "milestone") and not kept_link:
        # (a link the sheet leaves as it was is kept even when its programme is gone: the
        # plan's own validation names that orphan; an unchanged export always imports)
        programme_id, problem = finder.find(row)
        if problem is not None:
            problems.append(problem)
            return None
        if programme_id is None and existing is None:
            problems.append(Problem("no_programme", row.sheet, row.row))
            return None
    record = build_record(row, spec, existing, programme_id, plan)
    if existing is None:
        twin = twins.of(record)  # the same record, imported before without its id
        if twin is not None:
            existing = twin
            record = build_record(row, spec, twin, programme_id, plan)
        elif (held := twins.clash(record)) is not None:
            letter, header = row.place("code")
            problems.append(Problem("code_in_use", row.sheet, row.row, letter, header,
                                    {"code": held.code, "name": held.name}))
            return None
    empty = _empty_required(spec, row, existing)
    if empty is not None:
        problems.append(empty)
        return None
    changed: tuple[str, ...]
    if existing is None:
        status, changed = "new", ()
    else:
        changed = () if record is existing else changed_fields(existing, record)
        status = "changed" if changed else "unchanged"
        if changed and record.id in plan.conflict_ids:
            problems.append(Problem("record_in_conflict", row.sheet, row.row))
            return None
    area = getattr(record, "pillar", "") if spec.kind in ("programme", "swot", "strategy") else PLAN_WIDE
    return RowOutcome(row.sheet, row.row, spec.kind, status, record, area or PLAN_WIDE, changed)


def _empty_required(spec: SheetSpec, row: RowValues, existing: Record | None) -> Problem | None:
    """A cell a row cannot do without (a programme's Dimensi) that is empty: said as empty,
    at its cell. Otherwise the plan's validation would name a pillar '' as unknown, and a
    total or a footnote under an RPJMD list ("JUMLAH", "Sumber: Bappeda") reads as a
    programme whose pillar is wrong. A record the plan already holds without the value, in a
    row that leaves it so, is not refused: an unchanged export always imports."""
    for key in spec.required:
        if key in row.fields and not row.fields[key] and (existing is None or getattr(existing, key, None)):
            col = spec.column(key)
            letter, header = row.place(key)
            return Problem("required_empty", row.sheet, row.row, letter, header,
                           {"column": Words(col.header) if col else key})
    return None
