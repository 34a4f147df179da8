"""Schema 2 -> 3: budgets per funding source and targets as records (model/legacy.py says
what moves where). A programme's yearly amounts land in the "belum dirinci per sumber" share
and the plan's list of targets becomes target records, every value with the dot it had;
nothing is guessed, so every laptop upgrading the same file gets the same plan."""

from __future__ import annotations

from typing import Any

from ...model.legacy import needs_upgrade, upgrade_records


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    records = data.get("records", {})
    if isinstance(records, dict) and any(isinstance(r, dict) and needs_upgrade(r) for r in records.values()):
        out: dict[str, Any] = {}
        next_key = max((int(k) for k in records if str(k).isdigit()), default=0) + 1
        for key, record in records.items():
            if not (isinstance(record, dict) and needs_upgrade(record)):
                out[key] = record
                continue
            first, *added = upgrade_records([record])
            out[key] = first
            for extra in added:  # the targets of the plan record, in the order of its list
                out[str(next_key)] = extra
                next_key += 1
        data["records"] = out
    for doc in data.get("_meta", {}).values():
        doc["schema"] = 3
    return data
