"""The vocabulary of a masterplan: the framework's dimensions and elements (read from data,
model/framework.py) and the closed choice lists.

Every choice is stored by a stable ASCII key (what travels in bundles and plan files) and
shown by its label in Bahasa Indonesia or English. Keys never change once released: a plan
file written today must still read the same in five years, when the plan is revised.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..i18n import word
from .framework import Dimension, Element, Framework
from .framework import default as default_framework


@dataclass(frozen=True)
class Choice:
    key: str
    id: str  # label in Bahasa Indonesia
    en: str  # label in English
    # the vocabulary's name (set by Vocabulary): a third language's catalogs hold the label
    # as "vocab.<area>.<key>" (i18n.word)
    area: str = ""

    @property
    def message_key(self) -> str:
        return f"vocab.{self.area}.{self.key}"

    def label(self, lang: str = "id") -> str:
        if lang == "id":
            return self.id
        if lang == "en":
            return self.en
        return word(self.message_key, lang, self.id, self.en)


def _c(key: str, id_: str, en: str) -> Choice:
    return Choice(key, id_, en)


# The dimensions (pillars) and their elements are data (model/framework.py, frameworks/*.toml):
# each plan is on the framework its PlanInfo names (`Plan.framework`), and code that has a plan
# asks it. These names stand for the default framework, the six pillars of the Gerakan Menuju
# 100 Smart City, for code that has no plan at hand (and the tests of the six pillars).
Pillar = Dimension
DEFAULT_FRAMEWORK: Framework = default_framework()
PILLARS: tuple[Pillar, ...] = DEFAULT_FRAMEWORK.dimensions
PILLAR_KEYS: tuple[str, ...] = tuple(p.key for p in PILLARS)
_PILLAR_BY_KEY = {p.key: p for p in PILLARS}


def pillar(key: str) -> Pillar:
    """The default framework's pillar with this key; KeyError names the key when it is not
    one of the six. (A plan's own: `plan.framework.dimension(key)`.)"""
    try:
        return _PILLAR_BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown pillar {key!r}; one of {', '.join(PILLAR_KEYS)}") from None


def find_element(key: str) -> tuple[Pillar, Element] | None:
    for p in PILLARS:
        e = p.element(key)
        if e is not None:
            return p, e
    return None


VOCABULARIES: list[Vocabulary] = []


class Vocabulary:
    """A closed list of choices, looked up by key. `name` names it in the catalogs of a
    language other than the built-in two ("vocab.<name>.<key>")."""

    def __init__(self, name: str, *choices: Choice) -> None:
        self.name = name
        self.choices = tuple(c if c.area else replace(c, area=name) for c in choices)
        self._by_key = {c.key: c for c in self.choices}
        VOCABULARIES.append(self)

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.choices)

    def get(self, key: str) -> Choice | None:
        return self._by_key.get(key)

    def label(self, key: str, lang: str = "id") -> str:
        c = self._by_key.get(key)
        return c.label(lang) if c else key


QUADRANTS = Vocabulary(
    "quadrant",
    _c("S", "Kekuatan", "Strength"),
    _c("W", "Kelemahan", "Weakness"),
    _c("O", "Peluang", "Opportunity"),
    _c("T", "Ancaman", "Threat"),
)

# TOWS: each strategy kind pairs an internal quadrant with an external one.
STRATEGY_KINDS = Vocabulary(
    "strategy_kind",
    _c("SO", "SO (kekuatan-peluang)", "SO (strength-opportunity)"),
    _c("WO", "WO (kelemahan-peluang)", "WO (weakness-opportunity)"),
    _c("ST", "ST (kekuatan-ancaman)", "ST (strength-threat)"),
    _c("WT", "WT (kelemahan-ancaman)", "WT (weakness-threat)"),
)

# The guide's three horizons, each with the years it stands for, which validation checks
# against the programme's own years (HORIZON_YEARS; docs/design-notes.md, "Horizons").
HORIZONS = Vocabulary(
    "horizon",
    _c("short", "Jangka pendek (1 tahun)", "Short term (1 year)"),
    _c("medium", "Jangka menengah (2-5 tahun)", "Medium term (2-5 years)"),
    _c("long", "Jangka panjang (lebih dari 5 tahun)", "Long term (over 5 years)"),
)
# horizon key -> (fewest, most) years a programme of that horizon runs; None: no upper bound
HORIZON_YEARS: dict[str, tuple[int, int | None]] = {"short": (1, 1), "medium": (2, 5), "long": (6, None)}

PRIORITIES = Vocabulary(
    "priority",
    _c("high", "Tinggi", "High"),
    _c("medium", "Sedang", "Medium"),
    _c("low", "Rendah", "Low"),
)

INNOVATION_KINDS = Vocabulary(
    "innovation",
    _c("programme", "Program", "Programme"),
    _c("product", "Produk", "Product"),
    _c("method", "Metode", "Method"),
    _c("conceptual", "Konseptual", "Conceptual"),
    _c("technology", "Teknologi", "Technology"),
)

# The sources a region's budget lines name. Keys are stored and never change (the first eight
# are those of the first release; dak, dana_desa, bumd and hibah came with the budget per
# source); the order is the order of the forms, the sheets and the book.
FUNDING_SOURCES = Vocabulary(
    "funding_source",
    _c("apbd", "APBD Kabupaten/Kota", "Local budget (APBD)"),
    _c("apbd_prov", "APBD Provinsi (bantuan keuangan)", "Provincial budget (financial assistance)"),
    _c("apbn", "APBN", "National budget (APBN)"),
    _c("dak", "DAK", "Special allocation fund (DAK)"),
    _c("dana_desa", "Dana Desa", "Village fund (Dana Desa)"),
    _c("bumd", "BUMD/BUM Desa", "Regional or village enterprise (BUMD/BUM Desa)"),
    _c("csr", "CSR/TJSL", "Corporate social responsibility (CSR/TJSL)"),
    _c("kpbu", "KPBU", "Public-private partnership (KPBU)"),
    _c("private", "Swasta", "Private"),
    _c("community", "Swadaya masyarakat", "Community self-help (swadaya)"),
    _c("hibah", "Hibah", "Grant (hibah)"),
    _c("other", "Lainnya", "Other"),
)
# The sources that are the region's own budget (APBD), for the book's APBD / non-APBD split.
REGIONAL_BUDGET_SOURCES = frozenset({"apbd"})

# Where an amount stands whose source nobody has said yet: budgets written before they were
# held per source (one amount per year) land here, never under a guessed source.
UNSPECIFIED_SOURCE = Choice("unspecified", "Belum dirinci per sumber", "Not yet split by source", "budget_source")


# Every key a budget line may stand under: the funding sources, then the "not yet split" share.
BUDGET_SOURCES = Vocabulary("budget_source", *FUNDING_SOURCES, UNSPECIFIED_SOURCE)


def budget_source_label(key: str, lang: str = "id") -> str:
    """The name of a budget line's source: a funding source, or the "not yet split" share."""
    if key == UNSPECIFIED_SOURCE.key:
        return UNSPECIFIED_SOURCE.label(lang)
    return FUNDING_SOURCES.label(key, lang)


# What monev scores an indicator as (keluaran / hasil / dampak).
INDICATOR_KINDS = Vocabulary(
    "indicator_kind",
    _c("output", "Keluaran (output)", "Output"),
    _c("outcome", "Hasil (outcome)", "Outcome"),
    _c("impact", "Dampak (impact)", "Impact"),
)

PENTAHELIX_ROLES = Vocabulary(
    "pentahelix",
    _c("government", "Pemerintah", "Government"),
    _c("academia", "Akademisi", "Academia"),
    _c("business", "Bisnis", "Business"),
    _c("community", "Komunitas", "Community"),
    _c("media", "Media", "Media"),
)

STATUSES = Vocabulary(
    "status",
    _c("planned", "Direncanakan", "Planned"),
    _c("ongoing", "Dalam pelaksanaan", "Ongoing"),
    _c("done", "Selesai", "Done"),
    _c("postponed", "Ditunda", "Postponed"),
    _c("cancelled", "Dibatalkan", "Cancelled"),
)

REGION_KINDS = Vocabulary(
    "region_kind",
    _c("kabupaten", "Kabupaten", "Regency"),
    _c("kota", "Kota", "City"),
)

READINESS_ASPECTS = Vocabulary(
    "readiness_aspect",
    _c("struktur", "Struktur", "Structure"),
    _c("infrastruktur", "Infrastruktur", "Infrastructure"),
    _c("suprastruktur", "Suprastruktur", "Superstructure"),
)

RATINGS = Vocabulary(
    "rating",
    _c("baik", "Baik", "Good"),
    _c("sedang", "Sedang", "Fair"),
    _c("kurang", "Kurang", "Poor"),
)

# The sections of the masterplan book whose prose the plan holds (NarrativeSection.section),
# in book order; model/narrative.py says which chapter each belongs to. "dimension" is the
# narrative of one dimension (one per pillar), the others exist once per plan.
NARRATIVE_SECTIONS = Vocabulary(
    "narrative_section",
    _c("background", "Latar Belakang", "Background"),
    _c("purpose", "Maksud dan Tujuan", "Purpose and Objectives"),
    _c("scope", "Ruang Lingkup", "Scope"),
    _c("methodology", "Metodologi", "Methodology"),
    _c("regional_profile", "Gambaran Umum Daerah", "Overview of the Region"),
    _c("dimension", "Narasi Dimensi", "Dimension Narrative"),
    _c("financing", "Pembiayaan", "Financing"),
    _c("institutions", "Kelembagaan", "Institutions"),
    _c("closing", "Penutup", "Closing"),
)

# The Smart City institutions (kelembagaan) a masterplan names, and the ministry evaluates.
INSTITUTION_BODIES = Vocabulary(
    "institution",
    _c("council", "Dewan Smart City", "Smart City Council"),
    _c("team", "Tim Pelaksana Smart City", "Smart City Implementation Team"),
    _c("forum", "Forum Smart City", "Smart City Forum"),
)


def vocab_words(lang: str = "id") -> dict[str, str]:
    """Every vocabulary label by the key a third language's catalog gives it, in `lang` (a
    translator's list: docs/language.md)."""
    return {c.message_key: c.label(lang) for v in VOCABULARIES for c in v}
