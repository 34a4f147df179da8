"""Schema 1 -> 2: give the replica a home. A v1 file does not say where it belongs, so its
home is left empty and the first write on any laptop takes a fresh replica id: safe, since a
spare replica id costs nothing and a shared one loses edits."""

from __future__ import annotations

from typing import Any


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    for doc in data.get("_meta", {}).values():
        replica = doc.get("replica") or {}
        replica.setdefault("path", "")
        replica.setdefault("machine", "")
        doc["replica"] = replica
        doc["schema"] = 2
    return data
