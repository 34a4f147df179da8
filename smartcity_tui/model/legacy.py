"""Records written before budgets were held per source and targets were records, brought to
today's shape: plan files of schema 2 and older (store/migrations/v2.py) and bundles of
format 1 (bundle/reader.py) go through the same pure function, so every laptop upgrading
the same records gets the same states, to the byte.

It invents nothing: no new dot, no new replica, no guessed source. Every value moves with the
dot of the write that set it:

- a programme's `budget` ({year: rupiah}, one amount for all its sources) becomes the cells
  `budget_unspecified_<year>` ("belum dirinci per sumber"): each sibling of the old field
  gives one sibling, with its dot, to the cell of every year it holds;
- the plan's `targets` (a list of texts) becomes one `target` record per place in the list,
  its id derived from the plan id and the place (uuid5), holding `text` and `order`: each
  sibling of the old list gives, with its dot, a value to the place it has a text for. The
  plan record's version vector becomes the target's (what its writers had seen of the plan
  record is what they had seen of its targets).

The old fields are dropped. Because each old value lands whole in the cells (or places) it
names, upgrading commutes with merging: two copies upgraded and then merged give the states
their merge upgraded gives. (So two concurrent budgets of one programme that named
different years, a conflict before, now merge cell by cell; the same amount typed for one
year by both is agreement; different amounts for one year stay a conflict.) Input and output
are records in their wire form (`{id, kind, vv, f}`, RecordState.to_dict), so the store can
run it on its JSON and the bundle reader on what it parsed.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Iterable
from typing import Any

from .budget import UNSPECIFIED, cell_name

# A fixed namespace: the ids of migrated targets are the same on every laptop, forever.
TARGETS_NAMESPACE = uuid.UUID("6f1c2a4e-9b3d-5e7f-8a1b-2c3d4e5f6a7b")
_YEAR = re.compile(r"[1-9][0-9]{3}")


def target_id(plan_id: str, position: int) -> str:
    """The id of the target that stood at `position` (from 0) of a plan's old list."""
    return str(uuid.uuid5(TARGETS_NAMESPACE, f"{plan_id.lower()}/target/{position}"))


def needs_upgrade(record: dict[str, Any]) -> bool:
    fields = record.get("f", {})
    kind = record.get("kind")
    return (kind == "programme" and "budget" in fields) or (kind == "plan" and "targets" in fields)


def upgrade_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every record as today's app holds it, and the target records the plan's old list
    becomes (after the plan record). Records that need nothing are returned as they are."""
    out: list[dict[str, Any]] = []
    for record in records:
        if not needs_upgrade(record):
            out.append(record)
        elif record.get("kind") == "programme":
            out.append(_programme(record))
        else:
            plan, targets = _plan(record)
            out.append(plan)
            out += targets
    return out


def _sibling(dot: list[Any], value: Any) -> dict[str, Any]:
    return {"d": list(dot)} if value is None else {"d": list(dot), "v": value}


def _programme(record: dict[str, Any]) -> dict[str, Any]:
    record = copy.deepcopy(record)
    fields = record["f"]
    old = fields.pop("budget")
    tables = [s.get("v") if isinstance(s.get("v"), dict) else {} for s in old]
    # A key that is not a year in four digits cannot be a cell (an app never wrote one):
    # such an entry stays where it was, so that nothing is lost.
    odd = [{k: v for k, v in table.items() if not _YEAR.fullmatch(str(k))} for table in tables]
    if any(odd):
        fields["budget"] = [_sibling(s["d"], rest) for s, rest in zip(old, odd, strict=True)]
    years = sorted({int(k) for table in tables for k in table if _YEAR.fullmatch(str(k))})
    for year in years:
        key = str(year)
        fields[cell_name(UNSPECIFIED, year)] = [
            _sibling(s["d"], table[key]) for s, table in zip(old, tables, strict=True) if key in table]
    record["f"] = dict(sorted(fields.items()))
    return record


def _plan(record: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    record = copy.deepcopy(record)
    fields = record["f"]
    old = fields.pop("targets")
    lists = [s.get("v") if isinstance(s.get("v"), list) else [] for s in old]
    targets = []
    for position in range(max((len(x) for x in lists), default=0)):
        having = [(s, x[position]) for s, x in zip(old, lists, strict=True) if position < len(x)]
        targets.append({
            "id": target_id(record["id"], position),
            "kind": "target",
            "vv": dict(record["vv"]),
            "f": {
                "order": [_sibling(s["d"], position + 1) for s, _ in having],
                "text": [_sibling(s["d"], text) for s, text in having],
            },
        })
    return record, targets
