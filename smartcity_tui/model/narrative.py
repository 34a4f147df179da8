"""The narrative of the masterplan book as the plan holds it: the sections of prose (one
NarrativeSection record each), the regulations of the dasar hukum and the members of the
Smart City institutions. Where each section's record is, what is still empty, and the record
a screen hands to `PlanStore.save` to change one.

A section's record id is derived from the plan id and the section (`section_id`): the first
group to write "Latar Belakang" creates it, and a second group who also starts it on another
laptop creates the *same* record, so a merge sees two values of one field (a conflict a person
settles), never two competing sections. A section is never deleted; emptying its text is how
it is taken back.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from ..i18n import t
from .framework import Dimension
from .plan import Plan
from .records import InstitutionMember, NarrativeSection, Regulation
from .vocab import INSTITUTION_BODIES, NARRATIVE_SECTIONS

# Fixed forever: changing it would give every section of every plan a new id.
_NAMESPACE = uuid.UUID("2b0f7c61-4d0e-4a36-9a53-3c1e1f5a9d27")

# The sections that exist once per plan, in book order, and the one that exists per dimension.
PLAN_SECTIONS = ("background", "purpose", "scope", "methodology", "regional_profile",
                 "financing", "institutions", "closing")
DIMENSION = "dimension"


def section_id(plan_id: str, section: str, pillar: str = "") -> str:
    """The record id of a section of this plan: the same on every laptop."""
    return str(uuid.uuid5(_NAMESPACE, f"{plan_id}/narrative/{section}/{pillar}"))


_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+", re.M)


def word_count(text: str) -> int:
    """Words as a reader counts them: list markers ("-", "1.") and lone punctuation are not."""
    return sum(1 for w in _LIST_MARKER.sub("", text).split() if any(c.isalnum() for c in w))


@dataclass(frozen=True)
class SectionSlot:
    """One section of prose the book has a place for, written or not."""

    section: str  # NARRATIVE_SECTIONS key
    pillar: str  # the dimension's key for a "dimension" section, else ""
    record_id: str  # the id its record has, or will have when first written
    text: str  # "" when nothing is written yet
    dimension: Dimension | None = None  # the plan framework's dimension of a "dimension" section

    def title(self, lang: str = "id") -> str:
        if self.section == DIMENSION:
            return self.dimension.label(lang) if self.dimension else t("frame.screen.outside", lang, value=self.pillar)
        return NARRATIVE_SECTIONS.label(self.section, lang)

    @property
    def words(self) -> int:
        return word_count(self.text)

    @property
    def empty(self) -> bool:
        return not self.text.strip()


def _records(plan: Plan) -> dict[tuple[str, str], NarrativeSection]:
    """(section, pillar) -> its record. Should a plan hold two records for one section (one
    written by another tool with a random id), the one with the derived id wins, else the
    lowest id: the same choice on every laptop."""
    found: dict[tuple[str, str], NarrativeSection] = {}
    for r in sorted(plan._kind(NarrativeSection), key=lambda r: r.id):
        key = (r.section, r.pillar if r.section == DIMENSION else "")
        if key not in found or r.id == section_id(plan.id, *key):
            found[key] = r
    return found


def slots(plan: Plan) -> list[SectionSlot]:
    """Every section the book has a place for, in book order (BAB I first, the dimensions in
    pillar order), each with its text so far."""
    records = _records(plan)

    def slot(section: str, pillar: str = "") -> SectionSlot:
        rec = records.get((section, pillar))
        rid = rec.id if rec is not None else section_id(plan.id, section, pillar)
        return SectionSlot(section, pillar, rid, rec.text if rec is not None else "", plan.framework.get(pillar))

    first, rest = PLAN_SECTIONS[:5], PLAN_SECTIONS[5:]
    # a dimension's text outside the framework (its dimension not placed by a reframe) after
    # the framework's own: still read, edited and copied on the document screen, never hidden
    strays = [slot(DIMENSION, r.pillar) for r in outside_sections(plan)]
    return [*(slot(s) for s in first), *(slot(DIMENSION, p.key) for p in plan.framework.dimensions),
            *strays, *(slot(s) for s in rest)]


def slot(plan: Plan, section: str, pillar: str = "") -> SectionSlot:
    key = (section, pillar if section == DIMENSION else "")
    return next(s for s in slots(plan) if (s.section, s.pillar) == key)


def edited(plan: Plan, section: str, text: str, pillar: str = "") -> NarrativeSection:
    """The record that holds `text` for this section: give it to `PlanStore.save`, which
    creates the record the first time and otherwise writes only the changed text."""
    s = slot(plan, section, pillar)
    return NarrativeSection(id=s.record_id, section=section, pillar=s.pillar, text=text)


def empty_sections(plan: Plan) -> list[SectionSlot]:
    return [s for s in slots(plan) if s.empty]


def unknown_sections(plan: Plan) -> list[NarrativeSection]:
    """Records of a section this version does not know (a newer app's): kept, not printed."""
    return [r for r in plan._kind(NarrativeSection) if r.section not in NARRATIVE_SECTIONS]


def outside_sections(plan: Plan) -> list[NarrativeSection]:
    """A dimension's narrative whose dimension is not the framework's (a reframe did not place
    it), with text: shown on the document screen, printed under "Tanpa Dimensi yang Dikenal",
    and counted by validation with the records outside the framework. One per key (_records)."""
    keys = set(plan.framework.keys)
    return [r for (section, pillar), r in sorted(_records(plan).items())
            if section == DIMENSION and pillar not in keys and r.text.strip()]


def regulations(plan: Plan) -> list[Regulation]:
    return sorted(plan._kind(Regulation), key=lambda r: (r.order, r.id))


def next_order(records: list[Regulation] | list[InstitutionMember]) -> int:
    """The `order` of an entry appended after `records` (the regulations, one body's
    members): one more than the greatest, so a new entry goes last. Set it explicitly: the
    store's default order comes from its write counter, which starts again in each session."""
    return max((r.order for r in records), default=0) + 1


def members(plan: Plan, body: str | None = None) -> list[InstitutionMember]:
    """Members of one body, or of all (bodies in their fixed order), each in its order."""
    rank = {k: i for i, k in enumerate(INSTITUTION_BODIES.keys)}
    out = sorted(plan._kind(InstitutionMember), key=lambda m: (rank.get(m.body, 99), m.order, m.id))
    return out if body is None else [m for m in out if m.body == body]
