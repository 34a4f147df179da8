"""Helpers of the sheet tests: the sample plan copied, the command line run as a person
runs it, and workbooks changed the way Excel changes them (openpyxl in normal mode:
load, edit cells, save)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
from cli_support import SAMPLE, run  # noqa: F401  # run: the sheet tests import it from here

from smartcity_tui.store import PlanStore

ROOT = Path(__file__).resolve().parents[2]


def sample_copy(folder: Path, name: str = "plan.json") -> Path:
    target = folder / name
    shutil.copyfile(SAMPLE, target)
    return target


def states(plan: Path) -> dict[str, dict]:
    with PlanStore.open(plan, readonly=True) as store:
        return {s.id: s.to_dict() for s in store.states()}


def changed_fields(before: dict[str, dict], after: dict[str, dict]) -> dict[str, set[str]]:
    """record id -> the fields whose stored values or dots differ."""
    out: dict[str, set[str]] = {}
    for rid, new in after.items():
        old = before.get(rid)
        if old is None:
            out[rid] = {"<new>"}
            continue
        names = {n for n in {**old["f"], **new["f"]} if old["f"].get(n) != new["f"].get(n)}
        if names:
            out[rid] = names
    return out


def header_index(ws, header: str) -> int:
    """1-based column of a header in row 1."""
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)


def row_of(ws, header: str, value: Any) -> int:
    col = header_index(ws, header)
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, col).value == value:
            return row
    raise KeyError(value)


def write_rows(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A workbook of the given sheets (header row first), as an officer might type one."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path
