"""Frameworks as data: the dimensions (pillars, aspects) a plan is drafted along, and their
elements, read from a TOML file rather than written in code (docs/frameworks.md).

Two files ship inside the package, in frameworks/: `gerakan-100-smart-city` (the six pillars
of the Gerakan Menuju 100 Smart City, the default, and what every plan written before this
release is) and `kota-cerdas-2026` (the six aspects of the 2026 draft regulation). A region
puts its own in its config folder's `frameworks/` (`region_folder`). A file with a mistake is
refused whole, with the file, the line and what is wrong (`FrameworkError`), never half-read.

Package files are read through the module's loader (resources.read_beside), so the one-file
build serves them from its zip. Each is parsed once per process: the default costs well under
a millisecond (benchmarks/bench_framework.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..i18n import chain, get_language, t
from ..resources import read_beside

DEFAULT_ID = "gerakan-100-smart-city"
BUILT_IN_IDS: tuple[str, ...] = (DEFAULT_ID, "kota-cerdas-2026")
# What a plan that names no framework is: every plan written before frameworks were data is
# on the six pillars as they were then. Fixed here, not "the current default", so a later
# default (or a later version of this file) never changes what an old plan file means.
LEGACY_VERSION = "2017"
# Keys 1-9 open the dimensions (0 is the dashboard): a framework has at most nine.
MAX_DIMENSIONS = 9

_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,59}\Z")
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,4}\Z")
_TOML_LINE = re.compile(r"at line (\d+)")

Names = tuple[tuple[str, str], ...]  # (language, name) pairs; Bahasa Indonesia always there


def valid_id(text: str) -> bool:
    """A framework id as files and bundles may name one: lower-case letters, digits, '-'."""
    return bool(_ID.match(text))


def valid_key(text: str) -> bool:
    """A dimension or element key: lower-case letters, digits and '_', a letter first."""
    return bool(_KEY.match(text))


def _name_in(names: Names, lang: str | None) -> str:
    """The name in `lang`, else in the language its gaps are filled from (Javanese from
    Indonesian), else in Bahasa Indonesia (every file has that one)."""
    table = dict(names)
    for code in chain(lang or get_language()):
        if table.get(code):
            return table[code]
    return table.get("id") or next(iter(table.values()), "")


@dataclass(frozen=True)
class Element:
    key: str
    names: Names
    # the framework's source does not name this element yet (kota-cerdas-2026's draft names
    # its aspects only): shown as such in the forms and the book until a signed text replaces it
    provisional: bool = False

    def label(self, lang: str | None = "id") -> str:
        return _name_in(self.names, lang)

    @property
    def id(self) -> str:  # the name in Bahasa Indonesia, as Choice.id
        return _name_in(self.names, "id")

    @property
    def en(self) -> str:
        return _name_in(self.names, "en")


@dataclass(frozen=True)
class Dimension:
    key: str
    number: int  # 1-9: its place in the framework, and the key that opens its screen
    code: str  # the short code programme codes use (GOV, ECO)
    names: Names
    elements: tuple[Element, ...]

    def label(self, lang: str | None = "id") -> str:
        return _name_in(self.names, lang)

    @property
    def id(self) -> str:
        return _name_in(self.names, "id")

    @property
    def en(self) -> str:
        return _name_in(self.names, "en")

    def element(self, key: str) -> Element | None:
        return next((e for e in self.elements if e.key == key), None)


@dataclass(frozen=True)
class Framework:
    id: str
    version: str
    names: Names
    dimensions: tuple[Dimension, ...]
    source: str = ""  # the region's file it came from; "" for the package's own
    known: bool = True  # False: a stand-in for a framework this laptop does not have

    def label(self, lang: str | None = "id") -> str:
        return _name_in(self.names, lang)

    @property
    def ref(self) -> tuple[str, str]:
        return (self.id, self.version)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.dimensions)

    def get(self, key: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.key == key), None)

    def dimension(self, key: str) -> Dimension:
        """The dimension with this key; KeyError names the key when the framework has none."""
        found = self.get(key)
        if found is None:
            raise KeyError(f"unknown dimension {key!r} of {self.id}; one of {', '.join(self.keys)}")
        return found

    def shown(self, key: str) -> Dimension:
        """The dimension with this key; for a key outside the framework, one named by the key
        with no elements, so a record a reframe did not place still opens in its screen."""
        return self.get(key) or Dimension(key, 0, key[:3].upper(), (("id", key),), ())

    def name_of(self, key: str, lang: str | None = None) -> str:
        """A dimension's name; a key outside the framework (a record a reframe did not
        place) as itself, so it is still seen for what it is."""
        found = self.get(key)
        return found.label(lang) if found else key

    def find_element(self, key: str) -> tuple[Dimension, Element] | None:
        for d in self.dimensions:
            e = d.element(key)
            if e is not None:
                return d, e
        return None


class FrameworkError(Exception):
    """A framework file that cannot be used: which file, which line (0: the file as a whole)
    and what is wrong, as a catalog key and its fields, put in words in either language."""

    def __init__(self, file: str, line: int, what: str, **params: object) -> None:
        super().__init__(f"{file}:{line}: {what} {params}")
        self.file = file
        self.line = line
        self.what = what
        self.params = params

    def text(self, lang: str | None = None) -> str:
        what = t(f"framework.{self.what}", lang, **self.params)
        if self.line:
            return t("framework.bad_file_line", lang, file=self.file, line=self.line, what=what)
        return t("framework.bad_file", lang, file=self.file, what=what)

    def __str__(self) -> str:
        return self.text()


# --- where frameworks come from -------------------------------------------------------------

@cache
def built_in(framework_id: str) -> Framework:
    """One of the package's own frameworks (KeyError for another id)."""
    if framework_id not in BUILT_IN_IDS:
        raise KeyError(framework_id)
    name = f"{framework_id}.toml"
    from .framework_file import parse  # (here: that module builds on this one's classes)

    return parse(read_beside(globals(), f"frameworks/{name}"), name)


def default() -> Framework:
    return built_in(DEFAULT_ID)


def region_folder() -> Path:
    """Where a region keeps its own framework files: `frameworks` in the app's config folder
    (beside settings.toml; settings.config_dir, which this layer may not import)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("smartcity-tui", appauthor=False)) / "frameworks"


@lru_cache(maxsize=64)
def _read_region_file(path: str, mtime_ns: int, size: int) -> tuple[Framework, bytes] | FrameworkError:
    """A region's file read and checked once while it is unchanged (every plan view on a
    region's framework asks for it; the folder is listed, a file is read again only when its
    time or size changed)."""
    data = Path(path).read_bytes()
    try:
        from .framework_file import parse

        return parse(data, path, source=path), data
    except FrameworkError as e:
        return e


def region_frameworks(folder: Path | None = None) -> tuple[list[Framework], list[FrameworkError]]:
    """The region's framework files that read, and the mistakes of those that do not. A file
    that takes a built-in id, or one an earlier file took, is refused: an id means one thing."""
    folder = region_folder() if folder is None else folder
    found: list[Framework] = []
    problems: list[FrameworkError] = []
    try:
        paths = sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return found, problems
    taken = set(BUILT_IN_IDS)
    for path in paths:
        try:
            stat = path.stat()
            fw_or_error = _read_region_file(str(path), stat.st_mtime_ns, stat.st_size)
        except OSError as e:
            problems.append(FrameworkError(str(path), 0, "unreadable", detail=e.strerror or str(e)))
            continue
        if isinstance(fw_or_error, FrameworkError):
            problems.append(fw_or_error)
            continue
        fw, data = fw_or_error
        if fw.id in taken:
            from .framework_file import line_of_id

            problems.append(FrameworkError(str(path), line_of_id(data),
                                           "id_taken", value=fw.id))
            continue
        taken.add(fw.id)
        found.append(fw)
    return found, problems


def known(folder: Path | None = None) -> tuple[list[Framework], list[FrameworkError]]:
    """Every framework a new plan may take: the package's, then the region's."""
    region, problems = region_frameworks(folder)
    return [built_in(i) for i in BUILT_IN_IDS] + region, problems


def framework_missing(fw: Framework, lang: str | None = None) -> str:
    """What the command line says of a plan on a framework this laptop lacks (a stand-in)."""
    return t("frame.cli.framework_missing", lang, framework=f"{fw.id} {fw.version}", folder=region_folder())


def shadowing(chosen: Framework, problems: list[FrameworkError], lang: str | None = None) -> list[str]:
    """What to say when the framework chosen is built in and a region's file takes its id (a
    province copied the app's file and edited it): that file is not used, and the officer is
    told so, rather than given the built-in version without a word."""
    return [t("framework.built_in_shadowed", lang, file=p.file, value=chosen.id, version=chosen.version)
            for p in problems if p.what == "id_taken" and p.params.get("value") == chosen.id
            and chosen.id in BUILT_IN_IDS]


def find(framework_id: str, version: str = "", folder: Path | None = None) -> Framework | None:
    """The framework with this id (and this version, when given), or None."""
    if framework_id in BUILT_IN_IDS:
        fw = built_in(framework_id)
        return fw if not version or version == fw.version else None
    region, _problems = region_frameworks(folder)
    return next((f for f in region if f.id == framework_id and (not version or f.version == version)), None)


def plan_ref(framework_id: str, version: str) -> tuple[str, str]:
    """The (id, version) a plan's stored fields stand for: none stands for the six pillars as
    every plan before this release had them."""
    if not framework_id:
        return (DEFAULT_ID, LEGACY_VERSION)
    if framework_id == DEFAULT_ID and not version:
        return (DEFAULT_ID, LEGACY_VERSION)
    return (framework_id, version)


def stored_ref(fw: Framework) -> tuple[str, str]:
    """The PlanInfo fields (framework, framework_version) that name `fw`: empty for the legacy
    default, so a plan on the six pillars stays byte-identical to one written before
    frameworks were data."""
    if fw.ref == (DEFAULT_ID, LEGACY_VERSION):
        return ("", "")
    return fw.ref


def stand_in(framework_id: str, version: str, keys: list[str]) -> Framework:
    """What a plan on a framework this laptop lacks is shown with: a dimension per key its
    records use, named by the key, no elements. Validation says the framework is missing."""
    dims = tuple(Dimension(k, i + 1, k[:3].upper(), (("id", k),), ()) for i, k in enumerate(keys[:MAX_DIMENSIONS]))
    return Framework(framework_id, version, (("id", framework_id),), dims, known=False)


def for_plan(framework_id: str, version: str, used_keys: Callable[[], list[str]]) -> Framework:
    """The framework a plan's fields name: the package's or the region's, else a stand-in
    (`used_keys()`, the dimension keys the plan's records use, is asked only then)."""
    fid, ver = plan_ref(framework_id, version)
    if fid == DEFAULT_ID and ver == built_in(DEFAULT_ID).version:
        return built_in(DEFAULT_ID)  # the common case, with no look into the config folder
    return find(fid, ver) or stand_in(fid, ver, used_keys())
