"""The plan file's schema version and the path from every older version to this one.

Version history:
  1  first release: the replica was {"id"} only.
  2  the replica also records its home (resolved path and machine), so a copied file takes
     a fresh replica id on its first write (DESIGN.md, "Identity").
  3  a programme's budget per funding source and year (one field per cell) and the plan's
     targets as records; old budgets land in the "belum dirinci per sumber" share
     (model/legacy.py, shared with the reader of format-1 bundles).
Each step lives in migrations/vN.py as `upgrade(data) -> data`, upgrading N to N+1.
"""

from __future__ import annotations

from typing import Any

from .migrations import v1, v2

SCHEMA_VERSION = 3
UPGRADES = {1: v1.upgrade, 2: v2.upgrade}


class TooNew(Exception):
    pass


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    if version > SCHEMA_VERSION:
        raise TooNew(version)
    while version < SCHEMA_VERSION:
        data = UPGRADES[version](data)
        version += 1
    return data
