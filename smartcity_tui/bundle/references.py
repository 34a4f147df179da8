"""References between records that must resolve inside one bundle: a strategy's SWOT items,
a programme's strategies and the plan's targets it serves (format 2), an indicator's or
milestone's programme. Shared by the writer (which refuses to write a bundle its reader
would refuse) and the reader."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model.revision import RecordState

# kind -> its reference fields: (field, kind it points to, holds a list of ids)
REFERENCES: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "strategy": (("swot_ids", "swot", True),),
    "programme": (("strategy_ids", "strategy", True), ("target_ids", "target", True)),
    "indicator": (("programme_id", "programme", False),),
    "milestone": (("programme_id", "programme", False),),
}
# kind -> the names of its reference fields
REFERENCE_FIELDS: dict[str, frozenset[str]] = {k: frozenset(r[0] for r in refs) for k, refs in REFERENCES.items()}


@dataclass(frozen=True)
class Dangling:
    record: RecordState
    field: str
    target: str
    target_kind: str


def dangling(states: Iterable[RecordState]) -> list[Dangling]:
    """Every reference, in any value of the field (conflicting siblings included), that names
    no record of the right kind. An empty programme_id means "not assigned yet", not dangling.
    Deleted records still count as present: their tombstones travel in the bundle."""
    states = list(states)
    kinds = {s.id: s.kind for s in states}
    out: list[Dangling] = []
    for s in states:
        for name, target_kind, many in REFERENCES.get(s.kind, ()):
            for sib in s.fields.get(name, ()):
                targets = sib.value if many else [sib.value]
                if not isinstance(targets, list):
                    continue  # a wrong type is the type check's business
                for target in targets:
                    if not isinstance(target, str) or target == "":
                        continue
                    if kinds.get(target) != target_kind:
                        out.append(Dangling(s, name, target, target_kind))
    return out
