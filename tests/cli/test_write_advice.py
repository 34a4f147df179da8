"""A file that could not be written is told with the advice that fits its cause (as a
bundle's export already is): a write-protected drive is to be unlocked, not "check the free
space" nor "close it in Excel"; a plan name too long for its backups' names is to be
renamed, not "check the disk". One line, exit 2, nothing changed."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.commands import common
from smartcity_tui.sheets import export as sheets_export

ECO = SAMPLE.parent / "bundles" / "wonosari-raya_pokja-smart-economy_2026-11-16_1000"


def _read_only(*_a: object, **_k: object) -> None:
    raise OSError(errno.EROFS, "Read-only file system")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return Path(shutil.copyfile(SAMPLE, tmp_path / "rencana.json"))


def test_render_to_a_write_protected_drive_says_to_unlock_it(plan, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(common.tempfile, "TemporaryFile", _read_only)
    code, out, err = run(capsys, "render", plan, "--out", tmp_path / "buku.md")
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "hanya bisa dibaca" in err and "buka kuncinya" in err and "ruang disk" not in err, err
    assert not (tmp_path / "buku.md").exists()


def test_sheet_export_to_a_write_protected_drive_says_to_unlock_it_not_to_close_excel(plan, tmp_path, capsys,
                                                                                      monkeypatch):
    monkeypatch.setattr(sheets_export, "replace_with_retry", _read_only)
    for target in (tmp_path / "lembar.xlsx", tmp_path / "csv"):
        code, _, err = run(capsys, "--lang", "en", "sheet", "export", plan, target)
        assert code == 2 and err.count("\n") == 1, err
        assert "read-only" in err and "unlock this one" in err and "Excel" not in err, err


def test_a_plan_name_too_long_for_its_backups_says_to_rename_it(tmp_path, capsys):
    long_plan = Path(shutil.copyfile(SAMPLE, tmp_path / ("r" * 235 + ".json")))
    before = long_plan.read_bytes()
    code, _, err = run(capsys, "merge", long_plan, ECO)
    assert code == 2 and "nama berkas rencana terlalu panjang" in err and "ganti nama berkasnya" in err, err
    assert "ruang disk" not in err and long_plan.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [long_plan.name], "no lock, temp or backup left"
