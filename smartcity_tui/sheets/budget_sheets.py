"""The Anggaran and Sasaran sheets.

Anggaran is not a sheet of records: each row is one programme's indicative budget from one
funding source (a `BudgetLine`), with a column per year, which is how an analyst reads and
sums it. Its import writes the programme's budget cells (budget_rows.py). Sasaran is the
plan's targets, one row per target record, like the other sheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.budget import source_order
from ..model.plan import Plan
from ..model.vocab import BUDGET_SOURCES
from . import kinds as k
from .column_values import programme_pillar, programme_rows, total
from .columns import (
    FUNDING_WORDS,
    ID_COLUMN,
    Column,
    SheetSpec,
    _link_columns,
)

# a line's source: a funding source, or the share not yet split ("Belum dirinci per sumber")
SOURCE_WORDS = {**FUNDING_WORDS, "belum dirinci": "unspecified", "gabungan": "unspecified"}


@dataclass(frozen=True)
class BudgetLine:
    """A row of the Anggaran sheet: one programme's indicative budget from one source."""

    programme_id: str
    source: str  # a FUNDING_SOURCES key, or "unspecified"
    budget: dict[int, int] = field(default_factory=dict)
    id: str = ""  # (rows of this sheet are not records: the programme's id is in "Id Program")


def _budget_lines(plan: Plan) -> list[Any]:
    """Per programme (in the Program sheet's order), a line per source it lists or holds an
    amount from: a listed source without amounts is a row to fill in."""
    out: list[Any] = []
    for p in programme_rows(plan):
        held = {s for s, y in p.budget_by_source.items() if y}
        for source in source_order(held | set(p.funding_sources)):
            out.append(BudgetLine(p.id, source, dict(p.budget_by_source.get(source, {}))))
    return out


BUDGET: SheetSpec = SheetSpec(
    "budget", "Anggaran", "Budget", ("anggaran", "budget", "indikasi anggaran", "pagu indikatif", "pendanaan"),
    (
        *_link_columns(),
        Column("programme_pillar", "Dimensi", "Pillar", k.Text(), (), width=20, shown=programme_pillar),
        Column("source", "Sumber Dana", "Funding source", k.Choice(BUDGET_SOURCES, SOURCE_WORDS),
               ("sumber pendanaan", "sumber anggaran", "sumber", "funding source", "source"), width=28),
        Column("budget", "Anggaran", "Budget", k.RUPIAH,
               ("anggaran", "pagu", "pagu indikatif", "alokasi", "budget", "indikasi anggaran"), width=18,
               per_year=True),
        Column("total_budget", "Jumlah", "Total", k.RUPIAH, ("total",), width=20, shown=total),
        Column("programme_id", "Id Program", "Programme id", k.RecordId(), ("programme id", "id program"),
               width=38, link="id"),
    ),
    required=("source",),
    rows=_budget_lines,
    bare_year="budget",
)

TARGET: SheetSpec = SheetSpec(
    "target", "Sasaran", "Targets", ("sasaran", "targets", "target", "sasaran rpjmd", "tujuan dan sasaran"),
    (
        Column("text", "Sasaran", "Target", k.Text(), ("sasaran", "uraian sasaran", "target", "goal"), width=40),
        Column("mission", "Misi", "Mission", k.Whole(0, 99, hint="not_a_mission"), ("misi", "nomor misi", "mission"),
               width=8),
        Column("indicator", "Indikator Sasaran", "Target indicator", k.Text(),
               ("indikator", "indikator sasaran", "indikator kinerja utama", "iku", "indicator"), width=36),
        Column("unit", "Satuan", "Unit", k.Text(), ("unit", "satuan"), width=12),
        Column("baseline", "Kondisi Awal", "Baseline", k.Number(),
               ("baseline", "nilai awal", "capaian awal", "kondisi kinerja awal"), width=12),
        Column("baseline_year", "Tahun Kondisi Awal", "Baseline year", k.YEAR,
               ("tahun dasar", "tahun baseline", "baseline year"), width=12),
        Column("end_target", "Target Akhir", "End target", k.Number(),
               ("target akhir periode", "target akhir", "end target", "kondisi akhir"), width=12),
        Column("data_source", "Sumber Data", "Data source", k.Text(), ("sumber data", "data source"), width=18),
        ID_COLUMN,
    ),
    required=("text",),
    rows=lambda plan: list(plan.targets),
)
