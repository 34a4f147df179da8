"""The columns of every sheet, as data: one entry per field. Export writes them in this
order; import matches a sheet's headers against their labels and aliases, in either language.

A field added to a record later is one `Column(...)` line in its sheet's tuple (sheets.md).
`per_year` columns (budget, targets) become one column per plan year, "Anggaran 2025";
`shown` columns are written for people and ignored on import (a total, a programme's name on
the indicator sheet); `link` columns find the programme an indicator, milestone or budget
line belongs to.

The Anggaran sheet is not a sheet of records: each row is one programme's budget from one
funding source (a `BudgetLine`), a column per year, which is how an analyst reads and sums
it; its import writes the programme's budget cells (preview.py, budget_rows.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..i18n import word
from ..model.plan import Plan
from ..model.records import Indicator, Milestone, PlanTarget, Programme, Readiness, Record, Strategy, SwotItem
from ..model.vocab import (
    FUNDING_SOURCES,
    HORIZONS,
    INDICATOR_KINDS,
    INNOVATION_KINDS,
    PENTAHELIX_ROLES,
    PRIORITIES,
    QUADRANTS,
    RATINGS,
    READINESS_ASPECTS,
    STATUSES,
    STRATEGY_KINDS,
)
from . import kinds as k
from .column_values import (
    by_pillar,
    child_rows,
    orphans_last,
    programme_code,
    programme_name,
    programme_pillar,
    programme_rows,
    strategy_texts,
    swot_texts,
    target_texts,
    total,
)
from .dimension_kinds import ElementKind, PillarKind

Shown = Callable[[Record, Plan, str], Any]


@dataclass(frozen=True)
class Column:
    key: str  # what the mapping calls it; the record field it writes, unless `shown`/`link`
    id: str  # header in Bahasa Indonesia
    en: str  # header in English
    kind: k.Kind
    aliases: tuple[str, ...] = ()
    width: int = 16
    per_year: bool = False
    shown: Shown | None = None
    link: str = ""  # "id", "code" or "name": finds the programme of an indicator or milestone
    sheet: str = ""  # its sheet's kind (set by SheetSpec): "sheet.<sheet>.<key>" in a catalog

    @property
    def field(self) -> str:
        if self.link == "id":
            return "programme_id"
        return "" if self.shown or self.link else self.key

    @property
    def importable(self) -> bool:
        return bool(self.field or self.link)

    @property
    def message_key(self) -> str:
        return f"sheet.{self.sheet}.{self.key}"

    def header(self, lang: str, year: int | None = None) -> str:
        label = word(self.message_key, lang, self.id, self.en)
        return f"{label} {year}" if year is not None else label


@dataclass(frozen=True)
class SheetSpec:
    kind: str  # the record kind of its rows
    id: str  # sheet name in Bahasa Indonesia
    en: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    required: tuple[str, ...]  # column keys a new row cannot do without
    rows: Callable[[Plan], Sequence[Record]]
    bare_year: str = ""  # the per-year column a header that is only a year ("2025") means

    def __post_init__(self) -> None:
        # each column knows its sheet, for the key a third language's catalog gives its header
        object.__setattr__(self, "columns", tuple(replace(c, sheet=self.kind) for c in self.columns))

    @property
    def message_key(self) -> str:
        return f"sheet.{self.kind}"

    def name(self, lang: str) -> str:
        return word(self.message_key, lang, self.id, self.en)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


ID_COLUMN = Column("id", "Id (jangan diubah)", "Id (do not edit)", k.RecordId(),
                   ("id", "record id", "id data"), width=38)
PILLAR = Column("pillar", "Dimensi", "Pillar", PillarKind(),
                ("pilar", "dimensi smart city", "dimension", "pillar", "dimensi"), width=20)
ELEMENT = Column("element", "Elemen", "Element", ElementKind(), ("element",), width=24)
SUBTOPIC = Column("subtopic", "Subtopik", "Sub-topic", k.Text(), ("sub topik", "subtopic", "sub-topik"))


def _link_columns(lang_name: tuple[str, str] = ("Nama Program", "Programme name")) -> tuple[Column, ...]:
    return (
        Column("programme_code", "Kode Program", "Programme code", k.Text(), ("programme code", "program code"),
               width=12, link="code"),
        Column("programme_name", *lang_name, k.Text(), ("program", "programme", "program name", "nama program"),
               width=36, link="name"),
    )


def _link_shown(record: Record, plan: Plan, lang: str, which: str) -> Any:
    return (programme_code if which == "code" else programme_name)(record, plan, lang)


HORIZON_WORDS = {"pendek": "short", "menengah": "medium", "panjang": "long", "1 tahun": "short",
                 "5 tahun": "medium", "10 tahun": "long", "short term": "short", "medium term": "medium",
                 "long term": "long", "jangka pendek": "short", "jangka menengah": "medium",
                 "jangka panjang": "long"}
STATUS_WORDS = {"rencana": "planned", "berlangsung": "ongoing", "sedang berjalan": "ongoing", "berjalan": "ongoing",
                "dalam proses": "ongoing", "tunda": "postponed", "tuntas": "done", "batal": "cancelled"}
FUNDING_WORDS = {"apbd kabupaten": "apbd", "apbd kota": "apbd", "apbd kab": "apbd", "apbd": "apbd",
                 "apbd prov": "apbd_prov", "apbd provinsi": "apbd_prov", "bantuan keuangan provinsi": "apbd_prov",
                 "bankeu provinsi": "apbd_prov", "bankeu": "apbd_prov", "ppp": "kpbu", "swadaya": "community",
                 "csr": "csr", "tjsl": "csr", "dana alokasi khusus": "dak", "dak fisik": "dak", "dak nonfisik": "dak",
                 "apbdes": "dana_desa", "apb desa": "dana_desa", "bumd": "bumd", "bum desa": "bumd",
                 "bumdes": "bumd", "grant": "hibah"}
INDICATOR_WORDS = {"keluaran": "output", "hasil": "outcome", "dampak": "impact"}

PROGRAMME = SheetSpec(
    "programme", "Program", "Programmes", ("program", "programmes", "programs", "daftar program", "programme"),
    (
        Column("code", "Kode", "Code", k.Text(), ("kode program", "code", "programme code", "program code"), width=10),
        Column("name", "Nama Program", "Programme name", k.Text(),
               ("nama", "program", "programme", "program name", "name", "nama program kegiatan",
                "uraian program", "nama kegiatan"), width=40),
        Column("nomenclature_code", "Kode Nomenklatur", "Nomenclature code", k.Text(),
               ("kode nomenklatur", "nomenclature code", "kode permendagri", "kode permendagri 90",
                "kode sipd", "kode sub kegiatan", "kode kegiatan", "kode nomenklatur program",
                "kode rekening"), width=20),
        PILLAR, ELEMENT, SUBTOPIC,
        Column("description", "Uraian", "Description", k.Text(),
               ("deskripsi", "keterangan", "penjelasan", "description", "uraian"), width=40),
        Column("lead_agency", "OPD Penanggung Jawab", "Responsible agency", k.Text(),
               ("opd", "perangkat daerah", "pd penanggung jawab", "penanggung jawab", "lead agency",
                "responsible agency", "agency", "opd pelaksana", "perangkat daerah penanggung jawab",
                "unit kerja", "opd pengampu"), width=24),
        Column("supporting_agencies", "OPD Pendukung", "Supporting agencies", k.TextList(),
               ("perangkat daerah pendukung", "opd terkait", "supporting agency", "supporting agencies"), width=28),
        Column("stakeholders", "Pemangku Kepentingan", "Stakeholders", k.Stakeholders(PENTAHELIX_ROLES),
               ("pentahelix", "mitra", "stakeholder", "stakeholders"), width=32),
        Column("reference", "Rujukan RPJMD/Renstra", "RPJMD/Renstra reference", k.Text(),
               ("rujukan", "referensi", "reference", "sumber program", "rujukan rpjmd", "rujukan renstra"), width=24),
        Column("innovation", "Jenis Inovasi", "Innovation kind", k.Choice(INNOVATION_KINDS),
               ("inovasi", "innovation", "jenis inovasi")),
        Column("horizon", "Jangka", "Horizon", k.Choice(HORIZONS, HORIZON_WORDS, default="medium"),
               ("jangka waktu", "term", "horizon"), width=22),
        Column("start_year", "Tahun Mulai", "Start year", k.YEAR,
               ("mulai", "tahun awal", "start", "start year"), width=12),
        Column("end_year", "Tahun Selesai", "End year", k.YEAR,
               ("selesai", "tahun akhir", "end", "end year"), width=12),
        Column("quick_win", "Program Percepatan", "Quick win", k.YesNo(),
               ("quick win", "quickwin", "percepatan", "program percepatan"), width=12),
        Column("priority", "Prioritas", "Priority", k.Choice(PRIORITIES, default="medium"), ("priority",), width=12),
        Column("funding_sources", "Sumber Dana", "Funding sources", k.ChoiceList(FUNDING_SOURCES, FUNDING_WORDS),
               ("sumber pendanaan", "sumber anggaran", "funding", "funding source", "funding sources"), width=20),
        # the year's indicative budget from every source (the Anggaran sheet splits it); read
        # back only when the file has no Anggaran sheet (an RPJMD list), see budget_rows.py
        Column("budget", "Anggaran", "Budget", k.RUPIAH,
               ("anggaran", "pagu", "pagu indikatif", "alokasi", "alokasi anggaran", "rencana anggaran",
                "budget", "dana", "kebutuhan anggaran", "indikasi anggaran"), width=18, per_year=True),
        Column("total_budget", "Total Anggaran", "Total budget", k.RUPIAH, (), width=20, shown=total),
        Column("status", "Status", "Status", k.Choice(STATUSES, STATUS_WORDS, default="planned"), (), width=18),
        Column("progress", "Capaian (%)", "Progress (%)", k.PERCENT,
               ("progres", "capaian", "progress", "kemajuan", "kemajuan (%)", "realisasi"), width=12),
        Column("location", "Lokasi", "Location", k.Text(),
               ("lokasi", "lokasi kegiatan", "kecamatan desa", "location"), width=24),
        Column("beneficiaries", "Kelompok Sasaran", "Target group", k.Text(),
               ("penerima manfaat", "kelompok sasaran penerima manfaat", "sasaran penerima manfaat",
                "beneficiaries", "target group"), width=24),
        Column("regulation_needs", "Kebutuhan Regulasi", "Regulation needed", k.Text(),
               ("regulasi", "kebutuhan regulasi", "regulation", "regulation needed"), width=24),
        Column("mission_numbers", "Misi RPJMD", "RPJMD missions", k.WholeList(1, 99, hint="not_a_mission_list"),
               ("misi", "nomor misi", "mission", "missions", "rpjmd missions"), width=10),
        Column("target_texts", "Sasaran", "Targets", k.Text(), (), width=30, shown=target_texts),
        Column("target_ids", "Id Sasaran", "Target ids", k.IdList(), ("target ids", "id sasaran"), width=38),
        Column("strategy_texts", "Strategi", "Strategies", k.Text(), (), width=40, shown=strategy_texts),
        Column("strategy_ids", "Id Strategi", "Strategy ids", k.IdList(), ("strategy ids", "id strategi"), width=38),
        ID_COLUMN,
    ),
    required=("name", "pillar"),
    rows=programme_rows,
    bare_year="budget",
)

INDICATOR = SheetSpec(
    "indicator", "Indikator", "Indicators", ("indikator", "indicators", "indicator", "indikator kinerja"),
    (
        *_link_columns(),
        Column("programme_pillar", "Dimensi", "Pillar", k.Text(), (), width=20, shown=programme_pillar),
        Column("name", "Indikator", "Indicator", k.Text(),
               ("nama indikator", "indicator", "indicator name", "indikator kinerja", "indikator program",
                "indikator"), width=40),
        Column("reference_code", "Kode Referensi Bappenas", "Bappenas reference code", k.Text(),
               ("kode referensi", "kode indikator", "kode referensi indikator", "reference code",
                "kode bappenas", "bappenas code"), width=20),
        Column("unit", "Satuan", "Unit", k.Text(), ("unit", "satuan"), width=12),
        Column("kind", "Jenis", "Type", k.Choice(INDICATOR_KINDS, INDICATOR_WORDS),
               ("jenis indikator", "tipe", "type", "indicator type"), width=16),
        Column("baseline", "Kondisi Awal", "Baseline", k.Number(),
               ("baseline", "nilai awal", "capaian awal", "nilai dasar", "kondisi kinerja awal"), width=12),
        Column("baseline_year", "Tahun Kondisi Awal", "Baseline year", k.YEAR,
               ("tahun dasar", "tahun baseline", "baseline year", "tahun awal"), width=12),
        Column("targets", "Target", "Target", k.Number(), ("target", "sasaran", "target tahun"), width=12,
               per_year=True),
        Column("end_target", "Target Akhir", "End target", k.Number(),
               ("target akhir periode", "target akhir", "end target", "kondisi akhir"), width=12),
        Column("data_source", "Sumber Data", "Data source", k.Text(), ("sumber data", "data source"), width=18),
        Column("definition", "Definisi Operasional", "Operational definition", k.Text(),
               ("definisi", "cara ukur", "formula", "operational definition", "definition"), width=30),
        Column("evidence", "Data Dukung", "Evidence", k.Text(), ("bukti", "data dukung", "evidence"), width=24),
        Column("programme_id", "Id Program", "Programme id", k.RecordId(), ("programme id", "id program"),
               width=38, link="id"),
        ID_COLUMN,
    ),
    required=("name",),
    rows=orphans_last(child_rows(lambda plan: plan.indicators_of), "indicators"),
    bare_year="targets",
)

SWOT = SheetSpec(
    "swot", "SWOT", "SWOT", ("swot", "analisis swot", "swot analysis"),
    (
        PILLAR,
        Column("quadrant", "Kuadran", "Quadrant", k.Choice(QUADRANTS, {
            "strengths": "S", "weaknesses": "W", "opportunities": "O", "threats": "T"}),
            ("jenis", "swot", "kategori", "quadrant", "kuadran"), width=14),
        ELEMENT, SUBTOPIC,
        Column("text", "Butir", "Item", k.Text(), ("teks", "text", "uraian", "isi", "pernyataan", "item", "butir swot"),
               width=60),
        Column("source_agency", "Sumber (OPD)", "Source agency", k.Text(),
               ("opd", "sumber", "source", "source agency", "sumber opd"), width=20),
        ID_COLUMN,
    ),
    required=("pillar", "quadrant", "text"),
    rows=by_pillar("swot", lambda r: (QUADRANTS.keys.index(r.quadrant) if r.quadrant in QUADRANTS else 9, r.order)),
)

STRATEGY = SheetSpec(
    "strategy", "Strategi", "Strategies", ("strategi", "strategies", "strategy", "strategi tows"),
    (
        PILLAR,
        Column("kind", "Jenis", "Kind", k.Choice(STRATEGY_KINDS), ("tipe", "jenis strategi", "tows", "kind", "type"),
               width=26),
        Column("text", "Strategi", "Strategy", k.Text(), ("uraian", "teks", "strategy", "text", "isi"), width=60),
        Column("swot_texts", "Butir SWOT", "SWOT items", k.Text(), (), width=40, shown=swot_texts),
        Column("swot_ids", "Id Butir SWOT", "SWOT item ids", k.IdList(), ("swot item ids", "id butir swot"), width=38),
        ID_COLUMN,
    ),
    required=("pillar", "kind", "text"),
    rows=by_pillar("strategies", lambda r: (STRATEGY_KINDS.keys.index(r.kind) if r.kind in STRATEGY_KINDS else 9,
                                              r.order)),
)

MILESTONE = SheetSpec(
    "milestone", "Tonggak", "Milestones", ("tonggak", "milestones", "milestone", "rencana aksi"),
    (
        *_link_columns(),
        Column("year", "Tahun", "Year", k.YEAR, ("year", "tahun"), width=8),
        Column("quarter", "Triwulan", "Quarter", k.QUARTER, ("tw", "kuartal", "quarter", "triwulan"), width=9),
        Column("title", "Tonggak", "Milestone", k.Text(), ("judul", "kegiatan", "title", "milestone", "uraian"),
               width=44),
        Column("deliverable", "Keluaran", "Deliverable", k.Text(), ("output", "hasil", "deliverable"), width=32),
        Column("agency", "OPD Penanggung Jawab", "Responsible agency", k.Text(),
               ("opd", "penanggung jawab", "pelaksana", "responsible agency", "agency"), width=24),
        Column("done", "Selesai", "Done", k.YesNo(), ("tercapai", "done", "selesai"), width=9),
        Column("evidence", "Data Dukung", "Evidence", k.Text(), ("bukti", "data dukung", "evidence"), width=24),
        Column("programme_id", "Id Program", "Programme id", k.RecordId(), ("programme id", "id program"),
               width=38, link="id"),
        ID_COLUMN,
    ),
    required=("year", "title"),
    rows=orphans_last(child_rows(lambda plan: plan.milestones_of), "milestones"),
)

READINESS = SheetSpec(
    "readiness", "Kesiapan", "Readiness", ("kesiapan", "readiness", "analisis kesiapan"),
    (
        Column("aspect", "Aspek", "Aspect", k.Choice(READINESS_ASPECTS), ("aspect", "aspek"), width=16),
        Column("topic", "Topik", "Topic", k.Text(), ("komponen", "sub aspek", "topic", "topik"), width=30),
        Column("rating", "Penilaian", "Rating", k.Choice(RATINGS), ("nilai", "kondisi", "tingkat kesiapan", "rating"),
               width=12),
        Column("description", "Uraian", "Description", k.Text(), ("deskripsi", "keterangan", "description"), width=50),
        Column("gap", "Kesenjangan", "Gap", k.Text(), ("gap", "kesenjangan"), width=40),
        ID_COLUMN,
    ),
    required=("aspect", "topic"),
    rows=lambda plan: list(plan.readiness),
)

# The two sheets that are not a record kind's own table of one kind of record per row
# (budget_sheets.py); imported here, after everything they use is defined.
from .budget_sheets import BUDGET, TARGET  # noqa: E402

SHEETS: tuple[SheetSpec, ...] = (PROGRAMME, BUDGET, INDICATOR, SWOT, STRATEGY, MILESTONE, READINESS, TARGET)
SPEC_BY_KIND = {s.kind: s for s in SHEETS}
RECORD_CLASSES: dict[str, type[Record]] = {
    "programme": Programme, "indicator": Indicator, "swot": SwotItem, "strategy": Strategy,
    "milestone": Milestone, "readiness": Readiness, "target": PlanTarget,
}


def shown_value(column: Column, record: Record, plan: Plan, lang: str) -> Any:
    """The cell a column shows for a record (export)."""
    if column.shown is not None:
        return column.shown(record, plan, lang)
    if column.link in ("code", "name"):
        return _link_shown(record, plan, lang, column.link)
    return column.kind.to_cell(getattr(record, column.field), lang)


def sheet_words(lang: str = "id") -> dict[str, str]:
    """Every sheet name and column header by the key a third language's catalog gives it, in
    `lang` (a translator's list: docs/language.md)."""
    out = {"sheet.yes": k.yes_no_word(True, lang), "sheet.no": k.yes_no_word(False, lang)}
    for spec in SHEETS:
        out[spec.message_key] = spec.name(lang)
        out.update({c.message_key: c.header(lang) for c in spec.columns})
    return out
