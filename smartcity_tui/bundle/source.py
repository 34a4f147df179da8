"""Where a bundle's bytes come from: a folder or a .zip, both treated as untrusted.

Only the files the manifest names are ever read, each through `read()`, which enforces the
size limits and refuses symlinks and paths that leave the bundle. Nothing is extracted to
disk, so a zip cannot write anywhere; a crafted member name or a zip bomb is still refused
outright, since no honest writer produces one."""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path, PurePosixPath

from ..i18n import os_reason
from ..store import not_a_plan
from .errors import BundleError, zip_reason
from .layout import MANIFEST, MAX_FILE_BYTES, MAX_TOTAL_BYTES, MAX_ZIP_MEMBERS, PILLAR_DIR, PLAN_FILE

BLOCK_BYTES = 256 * 1024  # what is read at a time: a big record file is never held whole
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# What desktops add to a zip beside the bundle's folder: macOS Finder's resource forks
# (`__MACOSX/`), Finder's and Explorer's folder caches. Never read, and no reason to refuse.
DESKTOP_LITTER = {"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"}


def safe_relative(name: str) -> bool:
    """A bundle-relative POSIX path that stays inside the bundle on every OS."""
    if not name or name.startswith("/") or "\\" in name or _CONTROL.search(name) or _DRIVE.match(name):
        return False
    parts = name.rstrip("/").split("/")
    return all(p not in ("", ".", "..") for p in parts)


def shown(name: str) -> str:
    """A name as it may be printed: control characters written out (\\x00), at most 200
    characters, so that a crafted name cannot cut or rewrite the message line."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)
    return text if len(text) <= 200 else text[:200] + "..."


def member_name(raw: str) -> str | None:
    """A zip member's name as a bundle path, or None when it could leave the bundle or
    cannot be printed. Backslashes are read as `/` (PowerShell 5.1's Compress-Archive
    writes `pillars\\economy.toml`), and `./x` and `a//x` as `x` and `a/x` (Windows' own
    tar.exe, `tar -a -c -f b.zip .` in the bundle's folder, writes `./manifest.toml`), but
    only when the result is still a plain relative path: no `..`, no drive, no leading
    separator. "" for the `./` entry itself: the folder the zip was made in, nothing to read."""
    if "\\" in raw:
        raw = raw.replace("\\", "/")
    if raw.startswith("/"):
        return None
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if not parts:
        return ""
    name = "/".join(parts) + ("/" if raw.endswith("/") else "")
    return name if safe_relative(name) else None


class Source:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = str(path)
        self._total = 0

    def _count(self, rel: str, n: int) -> None:
        self._total += n
        if self._total > MAX_TOTAL_BYTES:
            raise BundleError("bundle_too_big", rel, bundle=self.label, max=_mb(MAX_TOTAL_BYTES))

    def read(self, rel: str, *, count: bool = True) -> bytes:
        return b"".join(self.blocks(rel, count=count))

    def blocks(self, rel: str, *, count: bool = True) -> Generator[bytes, None, None]:
        """The file's bytes in blocks, each limit enforced as they come; `count=False` for a
        second reading of a file already counted towards the bundle's total."""
        total = 0
        for block in self._blocks(rel):
            total += len(block)
            if total > self._max(rel):
                raise BundleError(self._too_big, rel, bundle=self.label, max=_mb(MAX_FILE_BYTES))
            if count:
                self._count(rel, len(block))
            yield block

    _too_big = "file_too_big"

    def _max(self, rel: str) -> int:
        return MAX_FILE_BYTES

    def _blocks(self, rel: str) -> Iterator[bytes]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class FolderSource(Source):
    def _blocks(self, rel: str) -> Iterator[bytes]:
        if not safe_relative(rel):
            raise BundleError("unsafe_path", rel, bundle=self.label)
        path = self.path
        for part in rel.split("/"):
            path = path / part
            if path.is_symlink():
                raise BundleError("symlink", rel, bundle=self.label)
        try:
            if not path.is_file():
                raise BundleError("missing_file", rel, bundle=self.label)
            if path.stat().st_size > MAX_FILE_BYTES:
                raise BundleError("file_too_big", rel, bundle=self.label, max=_mb(MAX_FILE_BYTES))
            with open(path, "rb") as f:
                while block := f.read(BLOCK_BYTES):
                    yield block
        except OSError as e:
            raise BundleError("unreadable_file", rel, bundle=self.label, reason=os_reason(e)) from None


class ZipSource(Source):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self._zf = zipfile.ZipFile(path)
            infos = self._zf.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as e:
            raise BundleError("bad_zip", path.name, bundle=self.label, reason=zip_reason(e)) from None
        try:
            self._members = self._check_members(infos)
            self._prefix = self._find_root()
        except BaseException:
            self._zf.close()
            raise

    def _check_members(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > MAX_ZIP_MEMBERS:
            raise BundleError("zip_too_many", self.path.name, bundle=self.label, n=len(infos), max=MAX_ZIP_MEMBERS)
        members: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in infos:
            # orig_filename: zipfile cuts `filename` at a NUL, which would hide it
            raw = info.orig_filename
            name = member_name(raw)
            if name == "":
                continue  # `./`: the zip's own root
            if name is None:
                key = "zip_bad_name" if _CONTROL.search(raw) else "zip_slip"
                raise BundleError(key, shown(raw), bundle=self.label)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise BundleError("symlink", name, bundle=self.label)
            if info.flag_bits & 0x1:
                raise BundleError("zip_encrypted", name, bundle=self.label)
            if name in members:
                raise BundleError("zip_duplicate", name, bundle=self.label)
            if info.file_size > MAX_FILE_BYTES:
                raise BundleError("zip_bomb", name, bundle=self.label, max=_mb(MAX_FILE_BYTES))
            declared += info.file_size
            if declared > MAX_TOTAL_BYTES:
                raise BundleError("bundle_too_big", name, bundle=self.label, max=_mb(MAX_TOTAL_BYTES))
            members[name] = info
        return members

    def _find_root(self) -> str:
        """The tree at the zip's root, or inside one top folder (a bundle folder zipped with
        Windows' "Send to > Compressed folder" has one). A tree with bundle files but no
        manifest is a bundle copied in part (the reader says which file is missing); a zip
        with no bundle there is refused saying where its bundles are, if anywhere: "the
        manifest is missing, copy the whole bundle" would be wrong advice for a zip that holds
        a whole bundle one folder too deep, or two bundles."""
        if self._holds_bundle(""):
            return ""
        tops = {PurePosixPath(n).parts[0] for n in self._members} - DESKTOP_LITTER
        if len(tops) == 1:
            top = tops.pop()
            if self._holds_bundle(f"{top}/"):
                return f"{top}/"
        found = sorted({n[: -len(MANIFEST) - 1] for n in self._members
                        if n.endswith(f"/{MANIFEST}") and n.split("/", 1)[0] not in DESKTOP_LITTER})
        name = self.path.name
        if len(found) > 1:
            raise BundleError("zip_many_bundles", name, bundle=self.label, n=len(found), names=_names(found))
        if found:
            raise BundleError("zip_bundle_deeper", name, bundle=self.label, names=_names(found))
        # a bundle's .zip zipped again (Explorer's "Send to > Compressed folder" before a
        # WhatsApp or e-mail): what to open is inside
        inner = sorted(n for n in self._members if n.lower().endswith(".zip")
                       and n.split("/", 1)[0] not in DESKTOP_LITTER and not n.startswith("._"))
        if inner:
            raise BundleError("zip_in_zip", name, bundle=self.label, names=_names(inner))
        raise BundleError("zip_no_bundle", name, bundle=self.label)

    def _holds_bundle(self, prefix: str) -> bool:
        """A bundle's tree, whole or in part, at `prefix` ("" or "top/")."""
        members = self._members
        return (f"{prefix}{MANIFEST}" in members or f"{prefix}{PLAN_FILE}" in members
                or any(n.startswith(f"{prefix}{PILLAR_DIR}/") for n in members))

    def _blocks(self, rel: str) -> Iterator[bytes]:
        info = self._members.get(self._prefix + rel)
        if info is None or info.is_dir():
            raise BundleError("missing_file", rel, bundle=self.label)
        try:
            with self._zf.open(info) as f:
                while block := f.read(BLOCK_BYTES):
                    yield block
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as e:
            raise BundleError("zip_damaged", rel, bundle=self.label, reason=zip_reason(e)) from None

    # zipfile stops at the declared size; more than declared or than allowed is a bomb
    _too_big = "zip_bomb"

    def _max(self, rel: str) -> int:
        info = self._members.get(self._prefix + rel)
        return min(info.file_size, MAX_FILE_BYTES) if info is not None else MAX_FILE_BYTES

    def close(self) -> None:
        self._zf.close()


def open_source(path: Path) -> Source:
    if path.is_dir():
        inside = [p.name for p in bundles_in(path)]
        if inside:  # the round's folder, given to a reader of one bundle (`merge` expands it)
            names = ", ".join(inside[:4]) + (" ..." if len(inside) > 4 else "")
            raise BundleError("folder_of_bundles", path.name, bundle=str(path), names=names)
        if not _holds_bundle(path):
            _no_bundle_in(path)
        return FolderSource(path)
    if path.is_file():
        head = _head(path)
        kind = not_a_plan.kind_of(path, head)
        if kind in ("sheet", "plan", "document"):  # the other files of a round, said as what they are
            raise BundleError(f"is_{kind}", path.name, bundle=str(path))
        # a .zip cut short on a pulled drive has lost its directory: still say "damaged zip"
        if zipfile.is_zipfile(path) or path.suffix.lower() == ".zip" or head.startswith(b"PK\x03\x04"):
            return ZipSource(path)
        raise BundleError("not_a_bundle", path.name, bundle=str(path))
    raise BundleError("no_such_bundle", path.name or str(path), bundle=str(path))


def _holds_bundle(folder: Path) -> bool:
    """A bundle's tree, whole or in part (then the reader names the missing file)."""
    return any(p.exists() or p.is_symlink() for p in (folder / MANIFEST, folder / PLAN_FILE, folder / PILLAR_DIR))


# How far below a folder that is not a bundle the bundles are looked for, to say where they
# are: a flash drive's `E:\putaran-2\pokja-a\<bundle>` given as `E:\`. Bounded, so that a whole
# drive given by mistake answers at once.
DEEPER_LEVELS = 3
DEEPER_MAX_FOLDERS = 400


def _no_bundle_in(folder: Path) -> None:
    """Refuse a folder that holds no bundle (nor bundles right inside it, which `bundles_in`
    expands): say where bundles are, when there are some further down."""
    found: list[Path] = []
    level, seen = [folder], 0
    for _ in range(DEEPER_LEVELS):
        below: list[Path] = []
        for parent in level:
            try:
                children = sorted(parent.iterdir(), key=lambda p: p.name.lower())
            except OSError:
                continue
            for child in children:
                if child.name.startswith(".") or child.name in DESKTOP_LITTER or child.is_symlink():
                    continue
                if child.is_file():
                    if child.suffix.lower() == ".zip":
                        found.append(child)
                    continue
                if (child / MANIFEST).is_file():
                    found.append(child)
                elif seen < DEEPER_MAX_FOLDERS:
                    seen += 1
                    below.append(child)
        level = below
    if found:
        raise BundleError("bundle_deeper", folder.name or str(folder), bundle=str(folder),
                          names=_names([str(p.relative_to(folder)) for p in found]))
    raise BundleError("no_bundle_here", folder.name or str(folder), bundle=str(folder))


def _names(names: list[str]) -> str:
    return ", ".join(shown(n) for n in names[:4]) + (" ..." if len(names) > 4 else "")


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(16)
    except OSError:
        return b""


def is_bundle(path: Path) -> bool:
    """A bundle by its shape: a folder with a manifest, or a .zip (which the reader checks)."""
    try:
        if path.is_file():
            return path.suffix.lower() == ".zip"
        return (path / MANIFEST).is_file()
    except OSError:
        return False


def bundles_in(folder: Path) -> list[Path]:
    """The bundles directly inside a folder that is not one itself (a flash drive, a
    "draf pokja" folder), by name: what the merge screen and `merge` take such a folder
    to stand for. Empty for a bundle, a file, or a folder that cannot be listed."""
    try:
        if not folder.is_dir() or (folder / MANIFEST).exists():
            return []
        return sorted((p for p in folder.iterdir() if not p.name.startswith(".") and is_bundle(p)),
                      key=lambda p: p.name.lower())
    except OSError:
        return []


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"
