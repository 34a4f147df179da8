"""Which bundles a chosen place stands for: a bundle folder or .zip is itself; any other
folder (a flash disk, a "draf pokja" folder) stands for the bundles directly inside it, so
the secretariat picks the drive once instead of six bundles one by one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...bundle.source import bundles_in, is_bundle


@dataclass
class Found:
    bundles: list[Path] = field(default_factory=list)
    problem: str = ""  # "missing", "empty" or "" (an i18n key suffix)


def find_bundles(path: Path) -> Found:
    try:
        if not path.exists():
            return Found(problem="missing")
        if is_bundle(path):
            return Found([path])
        if not path.is_dir():
            return Found(problem="not_bundle")
        inside = bundles_in(path)
    except OSError:
        return Found(problem="missing")
    return Found(inside) if inside else Found(problem="empty")


def same_place(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
