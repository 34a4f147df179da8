"""Breaking a good bundle in one precise way: edit one line of one file (returning where),
or craft a zip by hand. Used by the corpus of bad bundles."""

from __future__ import annotations

import re
import shutil
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from smartcity_tui.bundle import BundleError, read_bundle

from bundle_helpers import manifest, rewrite, write_manifest

ECON = "pillars/economy.toml"
LIVING = "pillars/living.toml"
OTHER_UUID = "11111111-2222-4333-8444-555555555555"


def copy(good: Path, tmp: Path) -> Path:
    dst = tmp / good.name
    shutil.copytree(good, dst)
    return dst


def lines(b: Path, rel: str) -> list[str]:
    return (b / rel).read_text(encoding="utf-8").split("\n")


def edit_line(b: Path, rel: str, pattern: str, repl: str, *, fix_sum: bool = True) -> tuple[int, int]:
    """Change the first line matching `pattern` (regex substitution on that line). Returns
    (line number of the change, line number of the [[record]] header above it)."""
    ls = lines(b, rel)
    rx = re.compile(pattern)
    i = next(i for i, x in enumerate(ls) if rx.search(x))
    ls[i] = rx.sub(repl, ls[i], count=1)
    header = next((j for j in range(i, -1, -1) if ls[j].startswith("[[")), -1)
    rewrite(b, rel, "\n".join(ls).encode("utf-8"), fix_sum=fix_sum)
    return i + 1, header + 1


def record_block(b: Path, rel: str, array: str, index: int = 0) -> str:
    """The text of the index-th [[array]] record of a file, up to the next blank line."""
    text = (b / rel).read_text(encoding="utf-8")
    blocks = [blk for blk in text.split("\n\n") if blk.startswith(f"[[{array}]]")]
    return blocks[index]


def append(b: Path, rel: str, text: str) -> int:
    """Append a block to a file (checksum fixed); returns the line where it starts."""
    old = (b / rel).read_text(encoding="utf-8")
    new = old.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    rewrite(b, rel, new.encode("utf-8"))
    return old.rstrip("\n").count("\n") + 3


def edit_manifest(b: Path, change) -> None:
    man = manifest(b)
    change(man)
    write_manifest(b, man)


def zip_of(folder: Path, dst: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]] = (),
           prefix: str = "", skip: set[str] = frozenset()) -> Path:
    """A zip of a bundle folder's files (manifest last), with extra members added."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    files.sort(key=lambda p: p.name == "manifest.toml")
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            rel = p.relative_to(folder).as_posix()
            if rel not in skip:
                zf.writestr(prefix + rel, p.read_bytes())
        for info, data in extra:
            zf.writestr(info, data)
    return dst


def patch_central(zip_path: Path, name: str, *, size: int | None = None, flags: int | None = None) -> None:
    """Lie in the zip's central directory about one member: its uncompressed size or flags."""
    data = bytearray(zip_path.read_bytes())
    pos = 0
    while True:
        pos = data.index(b"PK\x01\x02", pos)
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + n].decode() == name:
            break
        pos += 4
    if size is not None:
        struct.pack_into("<I", data, pos + 24, size)
    if flags is not None:
        struct.pack_into("<H", data, pos + 8, flags)
    zip_path.write_bytes(bytes(data))


# --- the corpus: each case breaks a copy of a good bundle one way ---------------------------

@dataclass
class Case:
    name: str
    key: str
    file: str  # the file the message must name
    make: Callable  # (bundle folder copy, tmp_path) -> (path to read, expected line or None)


def registry(cases: list[Case]):
    """A decorator registering a bundle breaker in `cases`."""
    def case(key: str, file: str):
        def register(fn):
            cases.append(Case(fn.__name__, key, file, fn))
            return fn
        return register
    return case


def assert_refused_clearly(c: Case, good_folder: Path, tmp_path: Path) -> None:
    path, line = c.make(copy(good_folder, tmp_path), tmp_path)
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    e = err.value
    assert (e.key, e.file) == (c.key, c.file)
    if line is not None:
        assert e.line == line
    msg_id, msg_en = e.message("id"), e.message("en")
    for msg in (msg_id, msg_en):
        assert c.file in msg
        assert str(path) in msg  # and which bundle
        if e.line:
            assert f" {e.line}:" in msg
    assert msg_id != msg_en
    assert "\n" not in msg_en and len(msg_en) < 600
