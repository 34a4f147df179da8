"""Writing a bundle so that it cannot be mistaken for complete until it is (DESIGN.md, "The
bundle"): everything goes under a hidden temporary name in the target folder, the manifest
last; the finished tree is renamed to its final name, then read back and every checksum
checked. On any failure the temporary tree is removed and nothing carries the final name.

`files` is an ordered mapping of bundle-relative POSIX paths to bytes, manifest last."""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Callable, Mapping

from ..i18n import os_reason
from ..store.atomic import fsync_dir, replace_with_retry
from .errors import BundleError

Progress = Callable[[int, int, str], None]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_bytes(path: Path, data: bytes) -> None:
    """One file, flushed to the device: a flash drive pulled right after the export must
    still hold what the screen said was written."""
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        pass  # a pulled drive: nothing more we can do, and the name is not the final one


def _temp_for(final: Path) -> Path:
    tmp = final.with_name(f".{final.name}.{os.getpid()}.partial")
    if tmp.exists():
        _remove(tmp)  # left by an earlier export of this process that was cut short
    return tmp


def _failed(final: Path, err: OSError) -> BundleError:
    return BundleError("write_failed", str(final), reason=os_reason(err))


def write_folder(final: Path, files: Mapping[str, bytes], expected: Mapping[str, str],
                 step: Callable[[str], None]) -> None:
    tmp = _temp_for(final)
    try:
        tmp.mkdir()
        for rel, data in files.items():
            path = tmp.joinpath(*rel.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_bytes(path, data)
            step(rel)
        for folder in {tmp.joinpath(*rel.split("/")[:-1]) for rel in files}:
            fsync_dir(folder)
        replace_with_retry(tmp, final)
        fsync_dir(final.parent)
    except OSError as e:
        _remove(tmp)
        raise _failed(final, e) from None
    except BaseException:
        _remove(tmp)
        raise
    _verify(final, expected, lambda rel: final.joinpath(*rel.split("/")).read_bytes())


def write_zip(final: Path, files: Mapping[str, bytes], expected: Mapping[str, str],
              step: Callable[[str], None], when: datetime) -> None:
    tmp = _temp_for(final)
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    try:
        with open(tmp, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for rel, data in files.items():
                    info = zipfile.ZipInfo(rel, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    zf.writestr(info, data)
                    step(rel)
            raw.flush()
            os.fsync(raw.fileno())
        replace_with_retry(tmp, final)
        fsync_dir(final.parent)
    except (OSError, zipfile.BadZipFile) as e:
        _remove(tmp)
        raise _failed(final, e if isinstance(e, OSError) else OSError(str(e))) from None
    except BaseException:
        _remove(tmp)
        raise

    try:
        with zipfile.ZipFile(final) as zf:
            back = {rel: zf.read(rel) for rel in expected}
    except (OSError, KeyError, zipfile.BadZipFile):
        back = {}
    _verify(final, expected, lambda rel: back[rel])


def _verify(final: Path, expected: Mapping[str, str], read: Callable[[str], bytes]) -> None:
    """Read the finished bundle back from the drive; a mismatch (a failing flash drive) takes
    the bundle away again, so only a verified bundle ever carries the final name."""
    for rel, digest in expected.items():
        try:
            ok = sha256(read(rel)) == digest
        except (OSError, KeyError, zipfile.BadZipFile):
            ok = False
        if not ok:
            _take_back(final)
            raise BundleError("verify_failed", rel, bundle=str(final), path=str(final))


def _take_back(final: Path) -> None:
    # rename first (one step, so even a half-finished removal leaves no final name behind)
    aside = final.with_name(f".{final.name}.{os.getpid()}.failed")
    try:
        os.replace(final, aside)
    except OSError:
        aside = final
    _remove(aside)
