"""The plan file's schema version and the path from every older version to this one.

Version history:
  1  first release: the replica was {"id"} only.
  2  the replica also records its home (resolved path and machine), so a copied file takes
     a fresh replica id on its first write (DESIGN.md, "Identity").
Each step lives in migrations/vN.py as `upgrade(data) -> data`, upgrading N to N+1.
"""

from __future__ import annotations

from typing import Any

from .migrations import v1

SCHEMA_VERSION = 2
UPGRADES = {1: v1.upgrade}


class TooNew(Exception):
    pass


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    if version > SCHEMA_VERSION:
        raise TooNew(version)
    while version < SCHEMA_VERSION:
        data = UPGRADES[version](data)
        version += 1
    return data
