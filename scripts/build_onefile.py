"""Build smartcity-tui as one file, dist/smartcity-tui.pyz: the app and every package it needs
(all pure Python) in one zip that any Python 3.11 or newer runs with no install and no network:

    python3 smartcity-tui.pyz demo           (Windows: py -3.11 smartcity-tui.pyz demo,
                                             or double-click smartcity-tui.cmd beside it)
    python smartcity-tui.pyz rencana.json

Build it with:

    python scripts/build_onefile.py [--out dist/smartcity-tui.pyz]

It is made from this checkout and the packages installed in the environment that runs the
script (`pip install -e .` or `pip install .` first); nothing is downloaded. The build is
reproducible: the same sources give the same bytes (sorted entries, fixed dates).

Each module is in the zip twice: as source, for the IT person who reads it and for other
Python versions, and as bytecode of the Python that built it (unchecked hash-based .pyc,
PEP 552), which zipimport prefers: a zip cannot cache bytecode the way a folder does, and
compiling Textual at every start would cost seconds. A different Python version ignores the
bytecode (its magic number differs) and compiles the sources instead: slower, still right.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import importlib.util
import marshal
import re
import sys
import time
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "smartcity_tui"
DEFAULT_OUT = ROOT / "dist" / "smartcity-tui.pyz"
SHEBANG = b"#!/usr/bin/env python3\n"
# The zip's entry point checks the Python first: `py smartcity-tui.pyz` on Windows runs the
# newest Python installed, and 3.10 would end in a traceback (no tomllib), while 3.12 and newer
# ignore the bundled 3.11 bytecode and compile everything at each start (seconds on an old
# laptop). Kept to syntax any Python 3 can parse.
MAIN_TEMPLATE = """import sys

BUILT_FOR = ({major}, {minor})
if sys.version_info < (3, 11):
    sys.stderr.write("smartcity-tui butuh Python 3.11 (ini Python %d.%d). Jalankan: py -3.11 smartcity-tui.pyz"
                     " / smartcity-tui needs Python 3.11 (this is Python %d.%d). Run: py -3.11 smartcity-tui.pyz\\n"
                     % (sys.version_info[:2] * 2))
    sys.exit(2)
if sys.version_info[:2] != BUILT_FOR:
    sys.stderr.write("Catatan: berkas ini dibuat untuk Python %d.%d; di Python %d.%d ia mulai lebih lambat."
                     " Lebih cepat: py -%d.%d smartcity-tui.pyz\\n" % (BUILT_FOR + sys.version_info[:2] + BUILT_FOR))

from smartcity_tui.startup import run

run()
"""
# Windows: a double-clickable launcher beside the .pyz that picks the Python the bytecode is
# for and keeps the window open when something went wrong, so the message can be read.
CMD_TEMPLATE = """@echo off
rem smartcity-tui: runs smartcity-tui.pyz (beside this file) with Python {major}.{minor}.
py -{major}.{minor} "%~dp0smartcity-tui.pyz" %*
if errorlevel 1 pause
"""


def main_source() -> str:
    return MAIN_TEMPLATE.format(major=sys.version_info[0], minor=sys.version_info[1])
FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # reproducible: no build time in the zip
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")


class BuildError(Exception):
    pass


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wanted(requirement: str, extras: set[str]) -> tuple[str, set[str]] | None:
    """(distribution name, its extras) of a requirement line, or None when its marker leaves
    it out here (an extra nobody asked for, another platform or Python version)."""
    head, _, marker = requirement.partition(";")
    match = _NAME.match(head)
    if match is None:
        return None
    name = match.group(1)
    wanted_extras = {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}
    marker = marker.strip()
    if marker:
        try:
            from pip._vendor.packaging.markers import Marker  # pip is in every venv
        except ImportError:
            Marker = None
        if Marker is not None:
            envs = [{"extra": e} for e in sorted(extras)] or [{"extra": ""}]
            if not any(Marker(marker).evaluate(env) for env in envs):
                return None
        else:  # without pip: honour extras, take everything else
            asked = re.findall(r"""extra\s*==\s*["']([^"']+)["']""", marker)
            if asked and not set(asked) & extras:
                return None
    return name, wanted_extras


def requirement_closure(requirements: list[str]) -> list[metadata.Distribution]:
    """Every installed distribution the requirements need, each once."""
    todo = [(r, set()) for r in requirements]
    seen: dict[str, metadata.Distribution] = {}
    extras_seen: dict[str, set[str]] = {}
    while todo:
        requirement, extras = todo.pop()
        wanted = _wanted(requirement, extras)
        if wanted is None:
            continue
        name, its_extras = wanted
        key = _canonical(name)
        if key in seen and its_extras <= extras_seen[key]:
            continue
        try:
            dist = seen.get(key) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise BuildError(f"{name} is not installed here; run `pip install -e .` first") from None
        seen[key] = dist
        extras_seen[key] = extras_seen.get(key, set()) | its_extras
        todo += [(r, extras_seen[key]) for r in dist.requires or []]
    return [seen[k] for k in sorted(seen)]


def _dist_files(dist: metadata.Distribution) -> dict[str, bytes]:
    out = {}
    for rel in dist.files or []:
        parts = PurePosixPath(str(rel)).parts
        if not parts or parts[0] == ".." or "__pycache__" in parts or rel.suffix == ".pyc":
            continue  # scripts outside site-packages, cached bytecode: not importable data
        out[PurePosixPath(*parts).as_posix()] = Path(dist.locate_file(rel)).read_bytes()
    return out


def _own_files() -> dict[str, bytes]:
    """The app from this checkout, with the sample plan where a wheel puts it."""
    out = {}
    for path in sorted((ROOT / PACKAGE).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            out[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    out[f"{PACKAGE}/data/sample_plan.json"] = (ROOT / "sample_data" / "plan.json").read_bytes()
    return out


def _bytecode(name: str, source: bytes) -> bytes:
    """An unchecked hash-based .pyc (PEP 552) of `source`: valid without comparing dates."""
    code = compile(source, name, "exec", dont_inherit=True)
    flags = (0b01).to_bytes(4, "little")  # hash-based, source not checked
    return importlib.util.MAGIC_NUMBER + flags + importlib.util.source_hash(source) + marshal.dumps(code)


def collect() -> dict[str, bytes]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    files: dict[str, bytes] = {}
    for dist in requirement_closure(pyproject["project"]["dependencies"]):
        files.update(_dist_files(dist))
    files.update(_own_files())
    files["__main__.py"] = main_source().encode("utf-8")
    for name, data in list(files.items()):
        if name.endswith(".py") and name != "__main__.py":
            try:
                files[name + "c"] = _bytecode(name, data)
            except SyntaxError:
                pass  # a file for another Python version (a package's py2 leftover): source only
    return files


def write(files: dict[str, bytes], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(SHEBANG)
        with zipfile.ZipFile(f, "w") as zf:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, FIXED_DATE)
                # bytecode stored as is: decompressing every module at each start cost ~30 ms
                # (of ~240); the sources, read only by people and other Pythons, are packed
                info.compress_type = zipfile.ZIP_STORED if name.endswith(".pyc") else zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, files[name])
    tmp.replace(out)
    try:
        out.chmod(0o755)
    except OSError:  # no executable bit to set (Windows, FAT)
        pass


def build(out: Path = DEFAULT_OUT) -> dict[str, int]:
    files = collect()
    write(files, out)
    cmd = out.with_suffix(".cmd")
    cmd.write_bytes(CMD_TEMPLATE.format(major=sys.version_info[0], minor=sys.version_info[1])
                    .replace("\n", "\r\n").encode("ascii"))
    return {"files": len(files), "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the .pyz goes")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    try:
        made = build(args.out)
    except (BuildError, OSError) as e:
        print(f"build_onefile: {e}", file=sys.stderr)
        return 2
    print(f"{args.out}: {made['files']} files, {made['bytes'] / 1e6:.1f} MB, "
          f"{time.perf_counter() - start:.1f} s (bytecode of Python {sys.version_info[0]}.{sys.version_info[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
