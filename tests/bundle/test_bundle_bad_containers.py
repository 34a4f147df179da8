"""Bad bundle folders and zips (symlinks, zip-slip, zip bombs, damaged or cut-short zips):
each refused with one clear message naming the file, before anything is unpacked."""

from __future__ import annotations

import os
import warnings
import zipfile

import pytest

from corpus_helpers import ECON, Case, assert_refused_clearly, patch_central, registry, zip_of
from smartcity_tui.bundle.layout import MAX_FILE_BYTES, MAX_ZIP_MEMBERS

CASES: list[Case] = []
case = registry(CASES)


# --- folders ----------------------------------------------------------------------------

@case("symlink", ECON)
def symlinked_file(b, tmp):
    outside = tmp / "outside.toml"
    (b / ECON).rename(outside)
    os.symlink(outside, b / ECON)
    return b, None


@case("file_too_big", ECON)
def huge_file(b, tmp):
    with open(b / ECON, "r+b") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    return b, None


@case("no_such_bundle", "missing-bundle")
def no_such_bundle(b, tmp):
    return tmp / "missing-bundle", None


@case("no_bundle_here", "empty")  # not "manifest.toml missing": nothing of a bundle is there
def empty_folder(b, tmp):
    (tmp / "empty").mkdir()
    return tmp / "empty", None


# --- zips -------------------------------------------------------------------------------

@case("zip_slip", "../evil.toml")
def zip_slip_parent(b, tmp):
    return zip_of(b, tmp / "b.zip", [("../evil.toml", b"x = 1\n")]), None


@case("zip_slip", "/etc/cron.d/evil")
def zip_slip_absolute(b, tmp):
    return zip_of(b, tmp / "b.zip", [(zipfile.ZipInfo("/etc/cron.d/evil"), b"x")]), None


@case("zip_slip", "pillars\\..\\..\\evil.toml")
def zip_slip_backslashes(b, tmp):
    return zip_of(b, tmp / "b.zip", [("pillars\\..\\..\\evil.toml", b"x")]), None


@case("zip_bomb", "plan.toml")
def zip_bomb_declared(b, tmp):
    z = zip_of(b, tmp / "b.zip")
    patch_central(z, "plan.toml", size=4 * 1024**3 - 1)
    return z, None


@case("zip_bomb", "pillars/society.toml")
def zip_bomb_real(b, tmp):
    z = tmp / "b.zip"
    zip_of(b, z, skip={"pillars/society.toml"})
    with zipfile.ZipFile(z, "a", compression=zipfile.ZIP_DEFLATED) as zf, \
            zf.open("pillars/society.toml", "w", force_zip64=True) as f:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(MAX_FILE_BYTES // len(chunk) + 1):
            f.write(chunk)
    return z, None


@case("zip_damaged", "pillars/branding.toml")
def zip_member_longer_than_declared(b, tmp):
    z = zip_of(b, tmp / "b.zip")
    patch_central(z, "pillars/branding.toml", size=10)
    return z, None


@case("symlink", "pillars/economy.toml")
def zip_symlink_member(b, tmp):
    info = zipfile.ZipInfo("pillars/economy.toml")
    info.external_attr = 0o120777 << 16
    return zip_of(b, tmp / "b.zip", [(info, b"/etc/passwd")], skip={ECON}), None


@case("zip_duplicate", "plan.toml")
def zip_duplicate_member(b, tmp):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zip_of(b, tmp / "b.zip", [("plan.toml", b"plan_id = 'x'\n")]), None


@case("zip_encrypted", "plan.toml")
def zip_encrypted_member(b, tmp):
    z = zip_of(b, tmp / "b.zip")
    patch_central(z, "plan.toml", flags=0x1)
    return z, None


@case("zip_too_many", "b.zip")
def zip_with_too_many_members(b, tmp):
    extra = [(f"x/{i}.txt", b"") for i in range(MAX_ZIP_MEMBERS)]
    return zip_of(b, tmp / "b.zip", extra), None


@case("not_a_bundle", "notes.txt")
def a_text_file(b, tmp):
    (tmp / "notes.txt").write_text("bukan bundel", encoding="utf-8")
    return tmp / "notes.txt", None


@case("bad_zip", "b.zip")
def zip_cut_short(b, tmp):
    data = zip_of(b, tmp / "whole.zip").read_bytes()
    (tmp / "b.zip").write_bytes(data[: len(data) // 2])
    return tmp / "b.zip", None


@pytest.mark.parametrize("c", CASES, ids=[c.name for c in CASES])
def test_bad_container_is_refused_with_a_clear_message(good, tmp_path, c):
    assert_refused_clearly(c, good.folder, tmp_path)


@pytest.mark.parametrize("name", ["pokja-ekonomi", "catatan.txt"])
def test_a_bundle_that_is_not_there_or_no_bundle_is_named_once(tmp_path, name):
    from smartcity_tui.bundle import BundleError, read_bundle

    if name.endswith(".txt"):
        (tmp_path / name).write_text("bukan bundel", encoding="utf-8")
    with pytest.raises(BundleError) as err:
        read_bundle(tmp_path / name)
    for lang in ("id", "en"):
        assert err.value.message(lang).count(name) == 1, err.value.message(lang)
