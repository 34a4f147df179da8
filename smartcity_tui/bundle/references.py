"""References between records that must resolve inside one bundle: a strategy's SWOT items,
a programme's strategies, an indicator's or milestone's programme. Shared by the writer
(which refuses to write a bundle its reader would refuse) and the reader."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model.revision import RecordState

# kind -> (field, kind it points to, holds a list of ids)
REFERENCES: dict[str, tuple[str, str, bool]] = {
    "strategy": ("swot_ids", "swot", True),
    "programme": ("strategy_ids", "strategy", True),
    "indicator": ("programme_id", "programme", False),
    "milestone": ("programme_id", "programme", False),
}


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
        ref = REFERENCES.get(s.kind)
        if ref is None:
            continue
        name, target_kind, many = ref
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
