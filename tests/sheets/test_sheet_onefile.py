"""The one-file build carries openpyxl: a laptop with nothing but Python exports and imports
sheets from the .pyz (run with `python -I -S`, which sees no installed package)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from sheet_helpers import ROOT, sample_copy


@pytest.fixture(scope="module")
def pyz(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("build_onefile", ROOT / "scripts" / "build_onefile.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path_factory.mktemp("onefile") / "smartcity-tui.pyz"
    build.build(out)
    return out


def bare(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-I", "-S", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", stdin=subprocess.DEVNULL, timeout=300)


@pytest.mark.long(30)
def test_sheets_export_and_import_from_the_one_file(pyz, tmp_path):
    assert bare("-c", "import openpyxl").returncode != 0, "the check must see no installed package"
    plan = sample_copy(tmp_path)
    before = plan.read_bytes()
    done = bare(pyz, "sheet", "export", plan, tmp_path / "rencana.xlsx")
    assert done.returncode == 0 and "Program: 26" in done.stdout, done.stderr
    done = bare(pyz, "sheet", "import", plan, tmp_path / "rencana.xlsx", "--dry-run")
    assert done.returncode == 0 and "226" in done.stdout, done.stderr  # the sample's records
    assert plan.read_bytes() == before
