"""Search over every text of a plan, for the search screen (key /).

Matching ignores case and accents-free differences of spacing; every word typed must occur
somewhere in the record's texts (so "pasar qris" finds a programme naming both). Results are
ranked: a hit in the record's title before one in its description, then by pillar order.
Pure and fast: a 10,000-record plan is scanned in a few milliseconds per keystroke, with the
per-record text built once per Plan and cached.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .plan import Plan
from .records import Indicator, Milestone, PlanInfo, PlanTarget, Programme, Readiness, Record, Strategy, SwotItem

# (title field, other text fields) per kind; the title is what a result line shows.
FIELDS: dict[type, tuple[str, tuple[str, ...]]] = {
    SwotItem: ("text", ("subtopic", "source_agency")),
    Strategy: ("text", ()),
    Programme: ("name", ("code", "description", "subtopic", "lead_agency", "reference", "location",
                         "beneficiaries", "regulation_needs")),
    Indicator: ("name", ("unit", "definition", "data_source")),
    Milestone: ("title", ("deliverable", "agency")),
    Readiness: ("topic", ("description", "gap")),
    PlanTarget: ("text", ("indicator", "data_source")),
}
# The plan's own facts: each line is its own text, and a hit's title is the line that matched
# (a mission, the vision), since "the plan" would tell the officer nothing.
PLAN_FIELDS = ("region", "province", "vision", "missions")


def fold(text: str) -> str:
    """Lower case, accents stripped, runs of white space made one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


@dataclass(frozen=True)
class Hit:
    record_id: str
    kind: str
    pillar: str
    title: str
    field: str  # the field where the first word matched
    snippet: str  # text around the match, for the result line


def _texts(record: Record) -> list[tuple[str, str]]:
    if isinstance(record, PlanInfo):
        out = []
        for f in PLAN_FIELDS:
            value = getattr(record, f)
            out += [(f, line) for line in value] if isinstance(value, list) else [(f, value)]
        return [(f, t) for f, t in out if t.strip()]
    spec = FIELDS.get(type(record))
    if spec is None:
        return []
    title, others = spec
    out = [(title, getattr(record, title))]
    out += [(f, getattr(record, f)) for f in others]
    if isinstance(record, Programme):
        out += [("supporting_agencies", ", ".join(record.supporting_agencies))]
        out += [("stakeholders", ", ".join(s.name for s in record.stakeholders))]
    return [(f, t) for f, t in out if t]


@lru_cache(maxsize=4)
def _index(plan: Plan) -> list[tuple[Record, str, list[tuple[str, str, str]]]]:
    """Per record: the record, its pillar, and (field, text, folded text) of every text."""
    rows = []
    for record in [plan.info, *plan.records.values()]:
        texts = _texts(record)
        if texts:
            rows.append((record, plan.pillar_of(record), [(f, t, fold(t)) for f, t in texts]))
    return rows


def _snippet(text: str, folded: str, word: str, width: int = 60) -> str:
    pos = folded.find(word)
    flat = " ".join(text.split())
    if len(flat) <= width or pos < 0:
        return flat[:width]
    start = max(0, min(pos - width // 3, len(flat) - width))
    if start:
        # begin at a word, not in the middle of one
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < pos else start
    return ("…" if start else "") + flat[start:start + width].strip() + ("…" if start + width < len(flat) else "")


KIND_RANK = {"programme": 0, "swot": 1, "strategy": 2, "indicator": 3, "milestone": 4, "readiness": 5, "target": 6,
             "plan": 7}


def search(plan: Plan, query: str, limit: int = 200) -> list[Hit]:
    words = fold(query).split()
    if not words:
        return []
    pillar_rank = {k: i for i, k in enumerate(plan.framework.keys)}
    found = []
    for record, pillar, texts in _index(plan):
        joined = " ".join(ft for _, _, ft in texts)
        if not all(w in joined for w in words):
            continue
        field, text, folded = next(((f, t, ft) for f, t, ft in texts if words[0] in ft), texts[0])
        if isinstance(record, PlanInfo):
            title_field, title = "", " ".join(text.split())
        else:
            title_field = FIELDS[type(record)][0]
            title = getattr(record, title_field)
        rank = (0 if field == title_field else 1, pillar_rank.get(pillar, 99), KIND_RANK.get(record.KIND, 9), title)
        found.append((rank, Hit(record.id, record.KIND, pillar, title, field, _snippet(text, folded, words[0]))))
    found.sort(key=lambda x: x[0])
    return [h for _, h in found[:limit]]
