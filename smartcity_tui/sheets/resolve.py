"""A row's values turned into the record it will be: an existing record with the row's fields
changed, or a new one. The fields a sheet has no column for stay as they are (a sheet is
never a full copy of a record), and a year the sheet has no column for keeps its budget or
target.

Indicators and milestones find their programme by its id (the export's "Id Program"), or,
when that cell is empty, by its code, then by its name, among the plan's programmes and the
new programmes of the same import (a Program sheet and an Indikator sheet from one RPJMD
list arrive together)."""

from __future__ import annotations

from typing import Any

from ..model.plan import Plan
from ..model.records import Indicator, Milestone, Programme, Record, Strategy, SwotItem, new_id
from ..model.search import fold
from .budget_rows import changed_cells, from_totals
from .columns import RECORD_CLASSES, SheetSpec
from .limits import MAX_CELL_CHARS
from .problems import Problem
from .rows import RowValues


class ProgrammeFinder:
    """Programmes by id, code and name: the plan's, and the new ones of this import."""

    def __init__(self, plan: Plan) -> None:
        self.by_id: dict[str, Programme] = {p.id: p for p in plan.programmes}
        self.by_code: dict[str, list[Programme]] = {}
        self.by_name: dict[str, list[Programme]] = {}
        for p in plan.programmes:
            self._index(p)

    def _index(self, p: Programme) -> None:
        if p.code.strip():
            self.by_code.setdefault(fold(p.code), []).append(p)
        if p.name.strip():
            self.by_name.setdefault(fold(p.name), []).append(p)

    def add(self, p: Programme) -> None:
        """A programme of this import (new or with a new code or name)."""
        old = self.by_id.get(p.id)
        if old is not None:
            for table, value in ((self.by_code, old.code), (self.by_name, old.name)):
                found = table.get(fold(value), [])
                if old in found:
                    found.remove(old)
        self.by_id[p.id] = p
        self._index(p)

    def find(self, row: RowValues) -> tuple[str | None, Problem | None]:
        """(programme id, None), (None, None) when the row names no programme, or (None,
        problem) when it names one that is not there or is not one."""
        if "id" in row.links:
            pid = row.links["id"]
            if pid in self.by_id:
                return pid, None
            letter, header = row.place("programme_id")
            return None, Problem("unknown_programme_id", row.sheet, row.row, letter, header, {"value": pid})
        for how, table in (("code", self.by_code), ("name", self.by_name)):
            if how in row.links:
                found = table.get(fold(row.links[how]), [])
                letter, header = row.place(how)
                if len(found) == 1:
                    return found[0].id, None
                key = "ambiguous_programme" if found else "unknown_programme"
                params = {"value": row.links[how], "n": len(found)}
                return None, Problem(key, row.sheet, row.row, letter, header, params)
        return None, None


def twin_key(record: Record) -> tuple[Any, ...] | None:
    """What makes a row without an id the same as a record the plan holds: a programme's
    code (its name must agree too: `Twins.clash`); a SWOT item's pillar, quadrant and text;
    a strategy's pillar and text; an indicator's programme and name; a milestone's
    programme, year and title. None for a record that has none (an empty code or text), or
    of a kind without one."""
    if isinstance(record, Programme):
        return ("programme", fold(record.code)) if record.code.strip() else None
    if isinstance(record, SwotItem):
        return ("swot", record.pillar, record.quadrant, fold(record.text)) if record.text.strip() else None
    if isinstance(record, Strategy):
        return ("strategy", record.pillar, fold(record.text)) if record.text.strip() else None
    if isinstance(record, Indicator):
        return ("indicator", record.programme_id, fold(record.name)) if record.name.strip() else None
    if isinstance(record, Milestone):
        return ("milestone", record.programme_id, record.year, fold(record.title)) if record.title.strip() else None
    return None


class Twins:
    """The plan's records by `twin_key`. An RPJMD list imported twice, or a sheet whose new
    rows were imported before and is imported again after another fix, would otherwise add
    every one of those rows a second time: a row without an id whose key is that of exactly
    one record of the plan updates that record instead (a programme: its code, and its name
    too, see `clash`). A record is matched once per import (two equal rows in one file are
    two records, as typed), and never one that a row of the file names by its id."""

    def __init__(self, plan: Plan) -> None:
        self._by_key: dict[tuple[Any, ...], list[Record]] = {}
        for record in plan.records.values():
            key = twin_key(record)
            if key is not None:
                self._by_key.setdefault(key, []).append(record)
        self.taken: set[str] = set()
        self.matched = 0  # rows matched so, said in a note of the preview

    def of(self, record: Record) -> Record | None:
        key = twin_key(record)
        found = [r for r in self._by_key.get(key, []) if r.id not in self.taken] if key else []
        if len(found) != 1 or len(self._by_key.get(key or (), [])) != 1:
            return None  # none, or the plan holds several: a new record, as the row says
        if isinstance(record, Programme) and _named_otherwise(record, found[0]):
            return None  # the same code for another programme: `clash` says so
        self.taken.add(found[0].id)
        self.matched += 1
        return found[0]

    def clash(self, record: Record) -> Programme | None:
        """The plan's programme that already has this new programme's code under another
        name. The row is then refused, not guessed at: it may be that programme renamed
        (updating it would be right) or a new one given a code in use (updating it would
        overwrite another programme); the officer says which, with the id or a new code."""
        key = twin_key(record)
        if not isinstance(record, Programme) or key is None:
            return None
        found = self._by_key.get(key, [])
        if len(found) == 1 and isinstance(found[0], Programme) and _named_otherwise(record, found[0]):
            return found[0]
        return None


def _named_otherwise(new: Programme, held: Record) -> bool:
    return isinstance(held, Programme) and bool(new.name.strip()) and fold(new.name) != fold(held.name)


def _with_years(current: dict[int, Any], given: dict[int, Any]) -> dict[int, Any]:
    out = dict(current)
    for year, value in given.items():
        if value is None:
            out.pop(year, None)
        else:
            out[year] = value
    return dict(sorted(out.items()))


def build_record(row: RowValues, spec: SheetSpec, existing: Record | None,
                 programme_id: str | None, plan: Plan) -> Record:
    """The record this row makes: `existing` with the row's fields, or a new record."""
    changes: dict[str, Any] = dict(row.fields)
    changes.pop("programme_id", None)
    if programme_id is not None:
        changes["programme_id"] = programme_id
    for name, given in row.years.items():
        if spec.kind == "programme" and name == "budget":
            if existing is None:  # the yearly totals of a new programme (budget_rows.py)
                changes["budget_by_source"] = from_totals(given)
            continue
        current = getattr(existing, name) if existing is not None else {}
        changes[name] = _with_years(current, given)
    if existing is not None:
        for name, value in list(changes.items()):
            old = getattr(existing, name, None)
            if value == old or _reads_back(spec, name, old, value):
                del changes[name]  # only what differs is replaced (and an untouched row costs no copy)
        return existing.replace(**changes) if changes else existing
    cls = RECORD_CLASSES[spec.kind]
    if spec.kind == "programme":
        # a list without years takes the plan's period, as the form proposes it (noted)
        info = plan.info
        changes.setdefault("start_year", 0)
        changes.setdefault("end_year", 0)
        if not changes["start_year"] and not changes["end_year"] and info.start_year:
            changes["start_year"], changes["end_year"] = info.start_year, info.end_year
    return cls(id=new_id(), **changes)


def _reads_back(spec: SheetSpec, name: str, stored: Any, read: Any) -> bool:
    """Whether the cell holds what the export writes for the stored value: a text with a
    trailing space or a Windows line break, or longer than a cell holds, comes back tidied
    or cut. Then the stored value is kept, so an untouched row is unchanged."""
    col = spec.column(name)
    if col is None or col.per_year or col.shown is not None or name == "programme_id":
        return False
    try:
        shown = col.kind.to_cell(stored, "id")
        if isinstance(shown, str):
            shown = shown[:MAX_CELL_CHARS]
        return bool(col.kind.from_cell(shown) == read)
    except Exception:  # a stored value the kind cannot show (a newer writer's): not the same
        return False


def changed_fields(before: Record, after: Record) -> tuple[str, ...]:
    """The fields that differ: what an update will write, and nothing else. (Model values
    compare as their stored forms do: a year table in another order is the same table; a
    programme's budget by the cells that differ.)"""
    out = tuple(n for n in before.field_types() if getattr(before, n) != getattr(after, n))
    if isinstance(before, Programme) and isinstance(after, Programme):
        out += changed_cells(before.budget_by_source, after.budget_by_source)
    return out
