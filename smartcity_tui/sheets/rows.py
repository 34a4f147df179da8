"""One sheet's rows as field values, through its mapping: every cell of every mapped column
read by its column's kind, and every problem placed at its sheet, row and column.

Nothing here knows the plan's records beyond a pillar lookup (an element is read within its
row's pillar, which an updated record may keep from the plan); preview.py decides what a row
means for the plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from ..i18n import Words
from .columns import Column, SheetSpec
from .limits import MAX_CELL_CHARS, MAX_ROWS
from .mapping import ColumnMatch, SheetMapping, column_letter, column_of
from .problems import CellProblem, Problem
from .reading import ErrorValue, Formula, SheetData


@dataclass
class RowValues:
    sheet: str
    row: int  # as the spreadsheet shows it
    record_id: str  # "" for a row that adds a record
    fields: dict[str, Any] = field(default_factory=dict)  # field -> model value
    years: dict[str, dict[int, Any]] = field(default_factory=dict)  # per-year field -> {year: value|None}
    links: dict[str, str] = field(default_factory=dict)  # "id" / "code" / "name" -> the programme named
    places: dict[str, ColumnMatch] = field(default_factory=dict)  # field or link -> its column

    def place(self, name: str) -> tuple[str, str]:
        m = self.places.get(name)
        return (m.letter, m.header) if m else ("", "")


def sheet_problems(sheet: SheetData, mapping: SheetMapping) -> list[Problem]:
    """What is wrong with the sheet as a whole, before any row is read."""
    name = sheet.name
    out: list[Problem] = []
    if sheet.too_many_rows:
        out.append(Problem("too_many_rows", name, params={"max": MAX_ROWS}))
    filled = sum(1 for h in sheet.header if h)
    wide_below = sheet.rows and sum(1 for c in sheet.rows[0][1] if c is not None and c != "") > max(filled, 2)
    if not filled or (filled == 1 and wide_below):
        # no header row: an empty row 1, or a report's title above headers none of which
        # the app knows (header_row.py finds those it knows)
        out.append(Problem("no_header", name, sheet.header_row, params={"examples": header_examples(mapping.spec)}))
        return out
    for rng in sheet.merged:
        top = rng.split(":")[0]
        row = int("".join(ch for ch in top if ch.isdigit()))
        col = "".join(ch for ch in top if ch.isalpha())
        out.append(Problem("merged_cells", name, row, col, _header_at(sheet, col), {"range": rng}))
    if sheet.mixed_delimiter:
        row, other = sheet.mixed_delimiter
        out.append(Problem("mixed_delimiter", name, row, params={"delimiter": sheet.delimiter, "other": other}))
    for _key, matches in mapping.keys().items():
        if len(matches) > 1:
            a, b = matches[0], matches[1]
            out.append(Problem("same_field_twice", name, sheet.header_row, b.letter, b.header,
                               {"other": a.letter, "other_header": a.header}))
    return out


def header_examples(spec: SheetSpec | None) -> Words:
    """A few headers of the sheet being read, for the hint under a missing header row: the
    columns that find a row's record (a programme's code and name) and those a new row needs,
    in the sheet's order. A Kesiapan sheet is told Aspek, Topik, not Program's headers."""
    from .columns import PROGRAMME

    spec = spec or PROGRAMME
    wanted = [c for c in spec.columns
              if c.importable and c.key != "id" and (c.key in spec.required or c.link in ("code", "name"))]
    others = [c for c in spec.columns if c.importable and c.key != "id" and c not in wanted]
    chosen = [c for c in spec.columns if c in wanted[:3] or c in others[:max(0, 3 - len(wanted))]]
    return Words(lambda lang: ", ".join(c.header(lang) for c in chosen))


def _header_at(sheet: SheetData, letter: str) -> str:
    for i, h in enumerate(sheet.header):
        if column_letter(i) == letter:
            return h
    return ""


# What a mapped column does with its value (decided once per column, not once per cell)
_LINK, _YEAR, _ID, _FIELD = range(4)


@dataclass(frozen=True)
class _Slot:
    match: ColumnMatch
    col: Column
    year: int | None
    empty: Any  # what an empty cell reads as
    role: int
    name: str  # the field, link or per-year field it fills
    place: str  # the key of `RowValues.places`


def _slots(mapping: SheetMapping, spec: SheetSpec) -> list[_Slot]:
    slots = []
    for m in mapping.columns:
        found = column_of(spec, m.key) if m.key else None
        if not (found and found[0].importable):
            continue
        col, year = found
        if col.link and col.link != "id":
            role, name, place = _LINK, col.link, col.link
        elif col.per_year:
            role, name, place = _YEAR, col.key, f"{col.key}:{year}"
        elif col.key == "id":
            role, name, place = _ID, "id", "id"
        else:
            role, name, place = _FIELD, col.field, col.field
        slots.append(_Slot(m, col, year, col.kind.from_cell(None), role, name, place))
    # the id and the pillar first: an element is read within its row's pillar
    slots.sort(key=lambda c: (c.name != "id", c.name != "pillar", c.name == "element"))
    return slots


def read_rows(sheet: SheetData, mapping: SheetMapping, spec: SheetSpec,
              pillar_of: Callable[[str], str]) -> tuple[list[RowValues], list[Problem]]:
    """Every data row's values, and every bad cell. `pillar_of(record_id)` is the plan's
    pillar of an existing record, for rows that do not give one."""
    slots = _slots(mapping, spec)
    width = len(sheet.header)
    no_header = [i for i, h in enumerate(sheet.header) if not h]
    out: list[RowValues] = []
    problems: list[Problem] = []
    name = sheet.name
    value: Any  # a cell's model value, of its column's kind
    for number, cells in sheet.rows:
        n = len(cells)
        stray = next((i for i in (*no_header, *range(width, n)) if i < n and cells[i] is not None and cells[i] != ""),
                     None)
        if stray is not None:
            problems.append(Problem("data_without_header", name, number, column_letter(stray)))
            continue
        values = RowValues(name, number, "")
        bad = False
        for slot in slots:
            index = slot.match.index
            raw = cells[index] if index < n else None
            if raw is None:
                value = [] if isinstance(slot.empty, list) else slot.empty
            else:
                pillar = ""
                if slot.name == "element":
                    pillar = values.fields.get("pillar") or pillar_of(values.record_id)
                try:
                    value = slot.col.kind.from_cell(_plain(raw), pillar)
                except CellProblem as e:
                    m = slot.match
                    problems.append(Problem(e.key, name, number, m.letter, m.header, e.params))
                    bad = True
                    continue
            role = slot.role
            if role == _FIELD:
                values.fields[slot.name] = value
                if slot.col.link == "id" and value:
                    values.links["id"] = value
            elif role == _YEAR:
                values.years.setdefault(slot.name, {})[cast(int, slot.year)] = value  # a _YEAR slot has its year
                values.places.setdefault(slot.name, slot.match)
            elif role == _ID:
                values.record_id = value
            elif value:
                values.links[slot.name] = value
            values.places[slot.place] = slot.match
        if not bad:
            out.append(values)
    return out, problems


def _plain(raw: Any) -> Any:
    """The cell as a column's kind reads it, or the problem every column shares."""
    if isinstance(raw, Formula):
        raise CellProblem("formula", value=raw.text[:60])
    if isinstance(raw, ErrorValue):
        raise CellProblem("error_value", value=raw.text)
    if isinstance(raw, str) and len(raw) > MAX_CELL_CHARS:
        raise CellProblem("cell_too_long", n=len(raw), max=MAX_CELL_CHARS)
    return raw
