"""A region's own list of official programme codes (Permendagri 90/2019 as Bappeda has it
from SIPD), imported from .xlsx or .csv into the plan: code, name, and where the list gives
them the sub-kegiatan's output, indicator and unit.

The lines that head a group (urusan "2", bidang "2.16") and lines without a code are
skipped and counted; a code of no known shape refuses the import with its row and column,
like any bad sheet. Each line becomes a NomenclatureCode record whose id comes from the
code (model/codes.py), so a list imported on two laptops is one list after a merge, and an
updated list changes the names it changes. A line missing from a newer list is not deleted
(a programme may still carry its code); docs/sheets.md says why the list lives in the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import Words, t
from ..model.codes import is_heading_code, nomenclature_id, nomenclature_level
from ..model.records import NomenclatureCode, Record
from . import kinds as k
from .columns import SHEETS, Column, SheetSpec
from .mapping import SheetMapping, match_columns
from .problems import Problem
from .reading import Book
from .resolve import changed_fields
from .rows import read_rows, sheet_problems

CODE_LIST = SheetSpec(
    "nomenclature", "Kode", "Codes", (),
    (
        Column("code", "Kode", "Code", k.Text(), (
            "kode nomenklatur", "kode rekening", "kode sub kegiatan", "kode kegiatan", "kode program",
            "code", "kode urusan"), width=20),
        Column("name", "Nomenklatur", "Name", k.Text(), (
            "nama", "uraian", "nomenklatur urusan kabupaten kota", "nomenklatur urusan provinsi",
            "nama program", "nama kegiatan", "nama sub kegiatan", "program kegiatan sub kegiatan",
            "name", "urusan bidang program kegiatan sub kegiatan"), width=60),
        Column("output", "Kinerja", "Output", k.Text(),
               ("keluaran", "output", "kinerja keluaran", "kinerja"), width=40),
        Column("indicator", "Indikator", "Indicator", k.Text(),
               ("indikator kinerja", "indicator", "indikator"), width=40),
        Column("unit", "Satuan", "Unit", k.Text(), ("unit", "satuan"), width=12),
    ),
    required=("code", "name"),
    rows=lambda plan: [],
)


@dataclass
class CodeImport:
    """What a code list import would do, or did."""

    records: list[NomenclatureCode] = field(default_factory=list)  # new or changed
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    headings: int = 0  # urusan and bidang lines, skipped
    no_code: int = 0  # lines without a code, skipped
    problems: list[Problem] = field(default_factory=list)
    restore: list[str] = field(default_factory=list)  # ids deleted here (an undone import) to bring back


def preview_codes(store: Any, book: Book) -> CodeImport:
    plan = store.plan()
    out = CodeImport()
    seen: dict[str, tuple[str, int, str]] = {}
    for sheet in book.sheets:
        mapping = SheetMapping(sheet.name, CODE_LIST.kind, match_columns(sheet.header, CODE_LIST))
        out.problems += sheet_problems(sheet, mapping)
        keys = {m.key for m in mapping.columns if m.key}
        missing = [c for c in CODE_LIST.required if c not in keys]
        if missing and any(sheet.header):
            col = CODE_LIST.column(missing[0])
            out.problems.append(Problem("missing_code_column", sheet.name, 1, params={
                "header": Words(col.header) if col else missing[0]}))
            continue
        rows, bad = read_rows(sheet, mapping, CODE_LIST, lambda _id: "")
        out.problems += bad
        for row in rows:
            code = row.fields.get("code", "")
            if not code:
                out.no_code += 1
                continue
            if is_heading_code(code):
                out.headings += 1
                continue
            letter, header = row.place("code")
            if nomenclature_level(code) is None:
                out.problems.append(Problem("bad_code", row.sheet, row.row, letter, header, {"code": code}))
                continue
            name = row.fields.get("name", "")
            first = seen.get(code)
            if first is not None:
                if first[2] != name:
                    out.problems.append(Problem("code_twice", row.sheet, row.row, letter, header,
                                                {"code": code, "other_sheet": first[0], "other_row": first[1]}))
                continue
            seen[code] = (row.sheet, row.row, name)
            _add(out, store, plan, NomenclatureCode(id=nomenclature_id(plan.id, code), **row.fields))
    return _wrong_file(out, book)


def _wrong_file(out: CodeImport, book: Book) -> CodeImport:
    """The wrong file picked: the plan's own exported sheets (three or more of its sheet
    names), or a list in which not one code has the right shape. One line says so, instead
    of one per row."""
    own = {name.casefold() for spec in SHEETS for name in (spec.id, spec.en)}
    exported = [sh.name for sh in book.sheets if sh.name.casefold() in own]
    if len(exported) >= 3:
        out.problems = [Problem("own_export", params={"sheets": ", ".join(exported[:4])})]
        return out
    bad = [p for p in out.problems if p.key == "bad_code"]
    if not bad or out.new or out.changed or out.unchanged:
        return out
    examples = ", ".join(list(dict.fromkeys(str(p.params["code"]) for p in bad))[:5])
    first = bad[0]
    out.problems = [Problem("not_a_code_list", first.sheet, first.row, first.column, first.header,
                            {"n": len(bad), "examples": examples})]
    return out


def _add(out: CodeImport, store: Any, plan: Any, record: NomenclatureCode) -> None:
    existing: Record | None = plan.get(record.id)
    if existing is None and store.state(record.id) is not None:
        out.restore.append(record.id)
        out.records.append(record)
        out.changed += 1
    elif existing is None:
        out.records.append(record)
        out.new += 1
    elif changed_fields(existing, record):
        out.records.append(record)
        out.changed += 1
    else:
        out.unchanged += 1


def apply_codes(store: Any, result: CodeImport, file_name: str) -> None:
    """New lines in one write, changed ones each with only what changed; one undo step."""
    label = t("codes.undo_label", file=file_name)
    new = [r for r in result.records if store.state(r.id) is None]
    again = [r for r in result.records if store.state(r.id) is not None]
    if not result.records:
        return
    before = store.journal.recorded
    try:
        with store.undo_step(label):
            if new:
                store.add_many(new, label=label)
            for r in again:
                if r.id in result.restore:
                    store.restore(r.id)
                store.save(r, label=label)
    except BaseException:
        if store.journal.recorded != before:
            try:
                store.undo()
            except Exception:
                pass
        raise
