"""Bundle names that survive a FAT32 flash drive, a Windows desktop and a zip tool: plain
ASCII letters, digits, '-' and '_', no reserved device names, short enough for any path."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_PART_MAX = 40


def ascii_slug(text: str, fallback: str) -> str:
    """'Kabupaten Wonosari Raya' -> 'kabupaten-wonosari-raya'; accents folded, the rest dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    slug = slug[:_PART_MAX].rstrip("-")
    if not slug or slug in _RESERVED:
        return fallback
    return slug


def bundle_name(plan_region: str, team: str, when: datetime) -> str:
    """e.g. 'wonosari-raya_pokja-smart-economy_2026-11-22_1430' (no extension)."""
    region = ascii_slug(plan_region, "rencana")
    who = ascii_slug(team, "tim")
    return f"{region}_{who}_{when:%Y-%m-%d_%H%M}"


def free_target(folder: Path, name: str, suffix: str = "") -> Path:
    """`folder/name+suffix`, or with -2, -3 ... when that exists: an export never replaces
    an earlier bundle (it may be the only copy of a team's work)."""
    candidate = folder / f"{name}{suffix}"
    n = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{name}-{n}{suffix}"
        n += 1
    return candidate
