"""A file of a bundle as a stream of blocks, normalized and hashed on the way, so that a big
record file is checked and parsed without ever being held whole (record_file.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

_BOM = b"\xef\xbb\xbf"


def normalized(data: bytes) -> bytes:
    """The bytes a checksum covers: a leading UTF-8 BOM and CRLF line ends, which an editor
    or a `git autocrlf` on the way may add, are harmless and undone first."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    return data.replace(b"\r\n", b"\n")


class Checked:
    """The blocks of one file as `normalized` would give them (a BOM or a CRLF split between
    two blocks included), with the SHA-256 of the raw and of the normalized bytes. `done`
    once every block went through."""

    def __init__(self, raw_blocks: Iterable[bytes]) -> None:
        self._raw_blocks = raw_blocks
        self._raw = hashlib.sha256()
        self._norm = hashlib.sha256()
        self.done = False

    def __iter__(self) -> Iterator[bytes]:
        pending = b""
        at_start = True
        for block in self._raw_blocks:
            self._raw.update(block)
            pending += block
            if at_start:
                if len(pending) < len(_BOM) and _BOM.startswith(pending):
                    continue  # perhaps a BOM still coming
                if pending.startswith(_BOM):
                    pending = pending[len(_BOM):]
                at_start = False
            keep = b"\r" if pending.endswith(b"\r") else b""  # perhaps a CRLF's first half
            out = (pending[:-1] if keep else pending).replace(b"\r\n", b"\n")
            pending = keep
            if out:
                self._norm.update(out)
                yield out
        if pending:  # a lone CR at the end, or a file shorter than a BOM
            self._norm.update(pending)
            yield pending
        self.done = True

    def matches(self, digest: str) -> bool:
        """The manifest's digest is of the normalized bytes, or of the bytes as they are."""
        return digest in (self._norm.hexdigest(), self._raw.hexdigest())
