"""Writing a bundle so that it cannot be mistaken for complete until it is (DESIGN.md, "The
bundle"): everything goes under a hidden temporary name in the target folder, the manifest
last; the finished tree is renamed to its final name, then read back and every checksum
checked. On any failure the temporary tree is removed and nothing carries the final name.

`files` is an ordered mapping of bundle-relative POSIX paths to bytes, manifest last."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from ..i18n import Reason, os_reason
from ..store.atomic import fsync_dir, with_retry
from ..store.lock import pid_alive
from ..store.windows_files import windows_length
from .errors import BundleError

Progress = Callable[[int, int, str], None]

# What an export leaves when it is killed midway: its temporary tree or zip, or a bundle it
# was taking back. Only names of exactly this shape are ever removed (sweep_leftovers).
LEFTOVER = re.compile(
    r"\.([a-z0-9-]+_[a-z0-9-]+_\d{4}-\d{2}-\d{2}_\d{4}(?:-\d+)?(?:\.zip)?)\.(\d{1,10})\.(?:partial|failed)")

# Windows without long paths (the default; only an administrator can change it): a file's
# path has at most 259 characters, a folder's 247 (room for an 8.3 name).
WINDOWS_MAX_FILE_PATH = 259
WINDOWS_MAX_FOLDER_PATH = 247

# An antivirus (Defender, Smadav) scanning the files just written, or OneDrive, can hold them
# for seconds; renaming their folder then fails with winerror 5, 32 or 33. Wait that long.
RENAME_PATIENCE_SECONDS = 10.0


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


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove what killed exports left in `folder`: hidden `.<bundle>.<pid>.partial` (and
    `.failed`) entries of a process that is no longer running (or of this one). Matched by
    exact name only, so nothing else is ever touched; never fails an export."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = LEFTOVER.fullmatch(entry.name)
        if m is None:
            continue
        pid = int(m.group(2))
        if pid != os.getpid() and pid_alive(pid):
            continue  # an export running right now, perhaps in a second window
        path = Path(entry.path)
        _remove(path)
        if not (path.exists() or path.is_symlink()):
            removed.append(path)
    return removed


def check_path_lengths(final: Path, tmp: Path, files: Mapping[str, bytes], *, folder_bundle: bool) -> None:
    """On Windows, refuse up front a bundle whose longest path would pass MAX_PATH: the
    write would fail halfway with an error that reads like a pulled flash drive."""
    if sys.platform != "win32":
        return
    roots = (final, tmp)
    n_units = windows_length  # UTF-16 units, as Windows counts: an emoji in a folder name is 2
    longest_file = max(n_units(str(r)) for r in roots)
    longest_folder = n_units(str(final.parent))
    if folder_bundle:
        for r in roots:
            for rel in files:
                parts = rel.split("/")
                longest_file = max(longest_file, n_units(str(r.joinpath(*parts))))
                longest_folder = max(longest_folder, n_units(str(r.joinpath(*parts[:-1]))))
    for n, limit in ((longest_file, WINDOWS_MAX_FILE_PATH), (longest_folder, WINDOWS_MAX_FOLDER_PATH)):
        if n > limit:
            raise BundleError("path_too_long", str(final), n=n, max=limit, folder=str(final.parent))


def rename_patiently(src: Path, dst: Path, patience: float = RENAME_PATIENCE_SECONDS) -> None:
    """os.replace, retried with back-off while Windows says another program holds a file
    (winerror 5, 32, 33) for up to `patience` seconds, whatever shorter wait the app set for
    its saves: an export runs in a worker, so waiting freezes no screen."""
    with_retry(lambda: os.replace(src, dst), patience)


# what to do about a bundle not written, by the cause: "check the free space" was said of a
# write-protected drive too
ADVICE = {
    "reason.read_only_disk": "read_only", "reason.disk_full": "full", "reason.gone": "gone",
    "reason.no_permission": "no_permission", "reason.no_permission_windows": "no_permission",
    "reason.in_use": "in_use",
}


def advice_for(reason: Reason, family: str = "bundle.advice") -> Reason:
    """The advice for a write that failed for `reason`, put in words in the message's language:
    `family` is the catalog's set of them (`bundle.advice`: "... then export again";
    `write.advice`: any other file, "... then try again")."""
    return Reason(f"{family}.{ADVICE.get(reason.key, 'other')}")


def _failed(final: Path, err: OSError) -> BundleError:
    reason = os_reason(err)
    return BundleError("write_failed", str(final), reason=reason, advice=advice_for(reason))


def write_folder(final: Path, files: Mapping[str, bytes], expected: Mapping[str, str],
                 step: Callable[[str], None]) -> None:
    tmp = _temp_for(final)
    check_path_lengths(final, tmp, files, folder_bundle=True)
    try:
        tmp.mkdir()
        for rel, data in files.items():
            path = tmp.joinpath(*rel.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_bytes(path, data)
            step(rel)
        for folder in {tmp.joinpath(*rel.split("/")[:-1]) for rel in files}:
            fsync_dir(folder)
        rename_patiently(tmp, final)
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
    check_path_lengths(final, tmp, files, folder_bundle=False)
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
        rename_patiently(tmp, final)
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
