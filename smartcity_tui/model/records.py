"""The records a masterplan is made of, as plain dataclasses.

Each record kind has a stable `KIND` key and a UUID4 `id`. A record's fields travel as a flat
mapping of JSON/TOML-safe values (`to_fields` / `from_fields`): str, int, float, bool, lists
and string-keyed tables, never None (an absent optional value is simply left out). Years used
as keys (budget and targets per year) are stored as strings, since JSON and TOML keys are.

`from_fields` is tolerant: a value of the wrong type falls back to the field's default, so a
record edited by a newer or buggy writer still opens. Validation, not decoding, reports it.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Self

from . import budget as budget_cells
from .field_codecs import BAD, decode, encode
from .field_codecs import Stakeholder as Stakeholder  # (a programme's part, imported from here)


def new_id() -> str:
    return str(uuid.uuid4())


# What every whole number and every year must stay within, whoever wrote it (a form, a
# command, a bundle): TOML 1.0 holds signed 64-bit integers only, and a year outside YEARS
# is a typo (forms and commands ask for four digits; 0 stands for "not set yet").
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
YEARS = range(1900, 2201)




class Record:
    """Base of every record kind: identity plus a field codec driven by annotations."""

    KIND: ClassVar[str]
    # Fields added after the first release, stored only when they differ from their default
    # ("", 0, [], None): a record that never had one stays byte-identical (plan files, bundles
    # written before, and a form saved unchanged writes nothing for them, so it can make no
    # conflict).
    SPARSE: ClassVar[frozenset[str]] = frozenset()
    # Model fields stored as several fields of their own (a programme's budget, one field per
    # cell): not in field_types(); the class's to_fields/from_fields handle them.
    EXPANDED: ClassVar[frozenset[str]] = frozenset()
    id: str
    # caches of field_types and _defaults, set on each record class on first use
    _field_types: ClassVar[dict[str, str]]
    _sparse_defaults: ClassVar[dict[str, Any]]

    if TYPE_CHECKING:  # every record kind is a @dataclass (this base has no fields of its own)
        __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

        def __init__(self, id: str, **fields: Any) -> None: ...

    @classmethod
    def field_types(cls) -> dict[str, str]:
        cached = cls.__dict__.get("_field_types")
        if cached is None:
            cached = {f.name: str(f.type) for f in dataclasses.fields(cls)
                      if f.name != "id" and f.name not in cls.EXPANDED}
            cls._field_types = cached
        return cached

    @classmethod
    def _defaults(cls) -> dict[str, Any]:
        cached = cls.__dict__.get("_sparse_defaults")
        if cached is None:
            cached = {}
            for f in dataclasses.fields(cls):
                if f.name in cls.SPARSE:
                    factory = f.default_factory
                    cached[f.name] = factory() if factory is not dataclasses.MISSING else f.default
            cls._sparse_defaults = cached
        return cached

    @classmethod
    def dynamic_field_type(cls, name: str) -> str | None:
        """The type of a stored field whose name is not a model field (a budget cell), or
        None: a field this version does not know."""
        return None

    def to_fields(self) -> dict[str, Any]:
        """Stored form of every field; None (an empty optional) is left out."""
        out = {}
        defaults = self._defaults() if self.SPARSE else {}
        for name, type_name in self.field_types().items():
            value = getattr(self, name)
            if value is None or (name in defaults and value == defaults[name] and type(value) is type(defaults[name])):
                continue
            out[name] = encode(type_name, value)
        return out

    @classmethod
    def from_fields(cls, record_id: str, fields: dict[str, Any]) -> Self:
        kwargs: dict[str, Any] = {}
        for name, type_name in cls.field_types().items():
            if name in fields:
                value = decode(type_name, fields[name])
                if value is not BAD:
                    kwargs[name] = value
        return cls(id=record_id, **kwargs)

    def replace(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)


@dataclass
class PlanInfo(Record):
    """The plan's own facts; one per plan, with the plan id as its record id."""

    KIND: ClassVar[str] = "plan"
    SPARSE: ClassVar[frozenset[str]] = frozenset({"framework", "framework_version"})
    id: str = field(default_factory=new_id)
    region: str = ""
    region_kind: str = "kabupaten"
    province: str = ""
    start_year: int = 0
    end_year: int = 0
    vision: str = ""
    missions: list[str] = field(default_factory=list)  # the RPJMD's missions, in its order
    # (the targets, sasaran, are records of their own: PlanTarget)
    draft_round: str = ""  # the round this draft comes from, e.g. "Draf hasil Bimtek Tahap III"
    # The framework the plan is drafted along (model/framework.py): its id and version. Left
    # out when it is the six pillars as every plan before frameworks had them, so those plan
    # files, and bundles of them, stay byte-identical (framework.plan_ref reads "" so).
    framework: str = ""
    framework_version: str = ""

    @property
    def years(self) -> range:
        if self.start_year and self.end_year >= self.start_year:
            return range(self.start_year, self.end_year + 1)
        return range(0)


@dataclass
class Readiness(Record):
    """One line of the readiness analysis (analisis kesiapan)."""

    KIND: ClassVar[str] = "readiness"
    id: str = field(default_factory=new_id)
    aspect: str = "struktur"  # READINESS_ASPECTS key
    topic: str = ""  # e.g. "Sumber daya manusia", "Jaringan TIK"
    rating: str = "sedang"  # RATINGS key
    description: str = ""
    gap: str = ""
    order: int = 0


@dataclass
class SwotItem(Record):
    KIND: ClassVar[str] = "swot"
    id: str = field(default_factory=new_id)
    pillar: str = ""
    quadrant: str = "S"  # QUADRANTS key
    text: str = ""
    element: str = ""  # element key of the pillar, or "" for none
    subtopic: str = ""  # free text beside the fixed element
    source_agency: str = ""
    order: int = 0


@dataclass
class Strategy(Record):
    KIND: ClassVar[str] = "strategy"
    id: str = field(default_factory=new_id)
    pillar: str = ""
    kind: str = "SO"  # STRATEGY_KINDS key
    text: str = ""
    swot_ids: list[str] = field(default_factory=list)
    order: int = 0


@dataclass
class Programme(Record):
    KIND: ClassVar[str] = "programme"
    SPARSE: ClassVar[frozenset[str]] = frozenset({
        "nomenclature_code", "location", "beneficiaries", "regulation_needs", "mission_numbers", "target_ids"})
    EXPANDED: ClassVar[frozenset[str]] = frozenset({"budget_by_source"})
    id: str = field(default_factory=new_id)
    code: str = ""
    name: str = ""
    description: str = ""
    pillar: str = ""
    element: str = ""
    subtopic: str = ""
    strategy_ids: list[str] = field(default_factory=list)
    lead_agency: str = ""
    supporting_agencies: list[str] = field(default_factory=list)
    stakeholders: list[Stakeholder] = field(default_factory=list)
    reference: str = ""  # RPJMD / Renstra OPD reference, as the document names it
    innovation: str = ""  # INNOVATION_KINDS key
    horizon: str = "medium"  # HORIZONS key
    start_year: int = 0
    end_year: int = 0
    quick_win: bool = False
    priority: str = "medium"  # PRIORITIES key
    funding_sources: list[str] = field(default_factory=list)
    # indicative budget in rupiah: {FUNDING_SOURCES key or "unspecified": {year: amount}},
    # stored one field per cell (model/budget.py)
    budget_by_source: dict[str, dict[int, int]] = field(default_factory=dict)
    status: str = "planned"  # STATUSES key
    progress: int = 0  # capaian, percent
    # Permendagri 90/2019 code: program, kegiatan or sub-kegiatan level (model/codes.py)
    nomenclature_code: str = ""
    # What a Bappeda verifier asks of a programme (all optional, stored only when set)
    location: str = ""  # kecamatan / desa where it runs
    beneficiaries: str = ""  # kelompok sasaran / penerima manfaat
    regulation_needs: str = ""  # kebutuhan regulasi: the Perbup, SK ... it needs
    mission_numbers: list[int] = field(default_factory=list)  # the RPJMD missions it serves, from 1
    target_ids: list[str] = field(default_factory=list)  # the plan's targets (sasaran) it serves

    @property
    def budget(self) -> dict[int, int]:
        """Indicative budget per year, every source added up."""
        return budget_cells.per_year(self.budget_by_source)

    @property
    def total_budget(self) -> int:
        return sum(amount for years in self.budget_by_source.values() for amount in years.values())

    @property
    def years(self) -> range:
        if self.start_year and self.end_year >= self.start_year:
            return range(self.start_year, self.end_year + 1)
        return range(0)

    @classmethod
    def dynamic_field_type(cls, name: str) -> str | None:
        return "int" if budget_cells.is_cell(name) else None

    def to_fields(self) -> dict[str, Any]:
        out = super().to_fields()
        out.update(budget_cells.to_cells(self.budget_by_source))
        return out

    @classmethod
    def from_fields(cls, record_id: str, fields: dict[str, Any]) -> Self:
        record = super().from_fields(record_id, fields)
        record.budget_by_source = budget_cells.from_cells(fields)
        return record


@dataclass
class Indicator(Record):
    KIND: ClassVar[str] = "indicator"
    SPARSE: ClassVar[frozenset[str]] = frozenset({
        "reference_code", "kind", "baseline_year", "definition", "data_source", "end_target", "evidence"})
    id: str = field(default_factory=new_id)
    programme_id: str = ""
    name: str = ""
    unit: str = ""
    baseline: float | None = None
    targets: dict[int, float] = field(default_factory=dict)
    order: int = 0
    reference_code: str = ""  # Bappenas development indicator reference code
    # What monev scores (all optional, stored only when set)
    kind: str = ""  # INDICATOR_KINDS key: output, outcome, impact
    baseline_year: int = 0  # the year the baseline was measured (tahun dasar); 0: not said
    definition: str = ""  # definisi operasional / cara ukur
    data_source: str = ""  # sumber data, e.g. "e-PPGBM" or "SSGI"
    end_target: float | None = None  # target at the end of the plan period (target akhir)
    evidence: str = ""  # data dukung of the baseline: document, number, link or file name


@dataclass
class Milestone(Record):
    """A milestone (tonggak) of a programme in one year, optionally one quarter."""

    KIND: ClassVar[str] = "milestone"
    SPARSE: ClassVar[frozenset[str]] = frozenset({"agency", "evidence"})
    id: str = field(default_factory=new_id)
    programme_id: str = ""
    year: int = 0
    quarter: int = 0  # 1-4, or 0 for the whole year
    title: str = ""
    deliverable: str = ""
    done: bool = False
    agency: str = ""  # the agency responsible for it; "" = the programme's lead agency
    evidence: str = ""  # data dukung that it is done: document, number, link or file name


@dataclass
class PlanTarget(Record):
    """One target (sasaran) of the plan, with the indicator that measures it: a row of the
    RPJMD's sasaran table. One record each, so groups editing different targets never
    conflict; programmes point to the targets they serve (Programme.target_ids). Targets
    written before they were records (a list of texts on the plan) became these records,
    with ids derived from the plan id and their place (model/legacy.py)."""

    KIND: ClassVar[str] = "target"
    SPARSE: ClassVar[frozenset[str]] = frozenset({
        "mission", "indicator", "unit", "baseline_year", "data_source"})
    id: str = field(default_factory=new_id)
    text: str = ""  # the sasaran: "Meningkatnya kualitas pelayanan publik berbasis elektronik"
    mission: int = 0  # the RPJMD mission (numbered from 1) it serves; 0: not said
    indicator: str = ""  # indikator sasaran
    unit: str = ""
    baseline: float | None = None  # kondisi awal
    baseline_year: int = 0
    end_target: float | None = None  # target akhir periode
    data_source: str = ""
    order: int = 0


@dataclass
class NomenclatureCode(Record):
    """One line of the region's own list of official programme codes (Permendagri 90/2019,
    as Bappeda has it from SIPD), imported with `smartcity-tui codes import`. Its id is
    derived from the plan id and the code (model/codes.py), so two laptops importing the
    same list make the same records; see docs/sheets.md for why the list lives in the plan."""

    KIND: ClassVar[str] = "nomenclature"
    SPARSE: ClassVar[frozenset[str]] = frozenset({"output", "indicator", "unit"})
    id: str = field(default_factory=new_id)
    code: str = ""
    name: str = ""
    output: str = ""  # a sub-kegiatan's official output (kinerja/keluaran)
    indicator: str = ""
    unit: str = ""


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (PlanInfo, Readiness, SwotItem, Strategy, Programme, Indicator, Milestone, NomenclatureCode,
                PlanTarget)
}


def record_type(kind: str) -> type[Record]:
    try:
        return RECORD_TYPES[kind]
    except KeyError:
        raise KeyError(f"unknown record kind {kind!r}") from None



# --- the narrative of the masterplan book (model/narrative.py says how to find and edit it) ---

@dataclass
class NarrativeSection(Record):
    """The prose of one section of the book (latar belakang, metodologi, a dimension's
    narrative...): Markdown with emphasis and lists, no raw HTML (document/narrative.py
    reads it). One record per section, with an id derived from the plan id and the section
    (narrative.section_id), so two groups who each start the same section write the same
    record and their texts meet as a conflict instead of standing as two sections."""

    KIND: ClassVar[str] = "narrative"
    id: str = field(default_factory=new_id)
    section: str = ""  # NARRATIVE_SECTIONS key
    pillar: str = ""  # the dimension of a "dimension" section; "" for the others
    text: str = ""


@dataclass
class Regulation(Record):
    """One law or regulation the plan rests on (dasar hukum), as the book cites it:
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah". One record each, so
    groups adding different regulations never conflict."""

    KIND: ClassVar[str] = "regulation"
    id: str = field(default_factory=new_id)
    text: str = ""
    order: int = 0


@dataclass
class InstitutionMember(Record):
    """One seat in the Smart City institutions (kelembagaan): the Dewan Smart City, the Tim
    Pelaksana or the Forum. One record per member, so edits to different members merge."""

    KIND: ClassVar[str] = "member"
    id: str = field(default_factory=new_id)
    body: str = "council"  # INSTITUTION_BODIES key
    role: str = ""  # role in the body: "Ketua", "Sekretaris", "Anggota", "Koordinator ..."
    name: str = ""  # a person's name; may stay empty when the seat goes with an office
    agency: str = ""  # the agency or organisation the member comes from
    pentahelix: str = ""  # PENTAHELIX_ROLES key, or "" when not said
    order: int = 0


RECORD_TYPES.update({cls.KIND: cls for cls in (NarrativeSection, Regulation, InstitutionMember)})
