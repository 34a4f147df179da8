"""Which bundles a chosen place stands for: a bundle folder or .zip is itself; any other
folder (a flash disk, a "draf pokja" folder) stands for the bundles directly inside it, so
the secretariat picks the drive once instead of six bundles one by one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...bundle.errors import BundleError
from ...bundle.source import bundles_in, is_bundle, open_source


@dataclass
class Found:
    bundles: list[Path] = field(default_factory=list)
    problem: str = ""  # "missing", "empty", "not_bundle" or "" (an i18n key suffix)
    said: str = ""  # what the file is instead (a sheet, a plan, a book), in the bundle reader's words


def find_bundles(path: Path) -> Found:
    try:
        if not path.exists():
            return Found(problem="missing")
        if is_bundle(path):
            return Found([path])
        if not path.is_dir():
            return Found(problem="not_bundle", said=_what_it_is(path))
        inside = bundles_in(path)
    except OSError:
        return Found(problem="missing")
    return Found(inside) if inside else Found(problem="empty")


def _what_it_is(path: Path) -> str:
    """The reader's own refusal of a file that is not a bundle: it names a sheet, a plan or a
    book as such, with what to do with it instead."""
    try:
        open_source(path).close()
    except BundleError as e:
        return e.message()
    return ""


def same_place(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
