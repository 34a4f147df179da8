"""A write that fails midway (full disk, pulled drive) leaves nothing that looks like a
finished bundle, and says so; a bundle that reads back wrong is taken away again."""

from __future__ import annotations

import errno
import zipfile

import pytest

from bundle_helpers import export, make_plan
from smartcity_tui.bundle import BundleError, read_bundle
from smartcity_tui.bundle import safe_write
from smartcity_tui.model.records import Strategy


def _fail_after(n: int, real):
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > n:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)
    return flaky


@pytest.mark.parametrize("written", [0, 1, 4, 8])
def test_full_disk_while_writing_a_folder_leaves_nothing(tmp_path, monkeypatch, written):
    out = tmp_path / "flashdisk"
    with make_plan(tmp_path / "plan.json") as store:
        monkeypatch.setattr(safe_write, "_write_bytes", _fail_after(written, safe_write._write_bytes))
        with pytest.raises(BundleError) as err:
            export(store, out)
    assert list(out.iterdir()) == []  # neither the final name nor the temporary tree
    assert "No space left on device" in err.value.message("en")
    assert "TIDAK" in err.value.message("id")


@pytest.mark.parametrize("written", [0, 3, 8])
def test_full_disk_while_writing_a_zip_leaves_nothing(tmp_path, monkeypatch, written):
    out = tmp_path / "flashdisk"
    with make_plan(tmp_path / "plan.json") as store:
        monkeypatch.setattr(zipfile.ZipFile, "writestr", _fail_after(written, zipfile.ZipFile.writestr))
        with pytest.raises(BundleError) as err:
            export(store, out, zip=True)
    assert list(out.iterdir()) == []
    assert "NOT written" in err.value.message("en")


def test_a_failing_rename_leaves_nothing(tmp_path, monkeypatch):
    out = tmp_path / "flashdisk"
    with make_plan(tmp_path / "plan.json") as store:
        def pulled(src, dst, *a, **k):
            raise OSError(errno.EIO, "Input/output error")
        monkeypatch.setattr(safe_write, "rename_patiently", pulled)
        with pytest.raises(BundleError):
            export(store, out)
        with pytest.raises(BundleError):
            export(store, out, zip=True)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("zip_", [False, True])
def test_a_bundle_that_reads_back_wrong_is_removed(tmp_path, monkeypatch, zip_):
    out = tmp_path / "flashdisk"
    with make_plan(tmp_path / "plan.json") as store:
        monkeypatch.setattr(safe_write, "sha256", lambda data: "0" * 64)  # the drive returns garbage
        with pytest.raises(BundleError) as err:
            export(store, out, zip=zip_)
    assert list(out.iterdir()) == []
    assert "removed again" in err.value.message("en")


def test_missing_target_folder_is_a_clear_error(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        with pytest.raises(BundleError) as err:
            from smartcity_tui.bundle import ExportOptions, export_bundle
            export_bundle(store, ExportOptions(tmp_path / "no-drive"))
    assert "no-drive" in err.value.message("en") and "tidak ada" in err.value.message("id")


def test_a_plan_its_reader_would_refuse_is_not_exported(tmp_path):
    """A dangling reference is reported in the team's room, not at the secretariat."""
    out = tmp_path / "flashdisk"
    out.mkdir()
    with make_plan(tmp_path / "plan.json") as store:
        bad = store.add(Strategy(pillar="economy", kind="WT", text="x", swot_ids=["0" * 8 + "-0000-4000-8000-" + "0" * 12]))
        with pytest.raises(BundleError) as err:
            export(store, out)
        assert bad.id in err.value.message("en") and "validate" in err.value.message("en")
        assert list(out.iterdir()) == []
        store.update(bad.id, swot_ids=[])
        read_bundle(export(store, out).path)  # fixed: exports and reads back
