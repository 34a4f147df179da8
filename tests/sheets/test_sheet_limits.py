"""Bounded memory: a sheet with every row Excel has (1,048,576) is refused after reading
MAX_ROWS of them, in a process whose peak memory stays near that of a small import. And
start-up never pays for openpyxl."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from corpus_files import million_rows_xlsx
from sheet_helpers import ROOT

try:
    import resource  # noqa: F401
except ImportError:  # Windows
    resource = None

PEAK = """
import json, resource, sys
from smartcity_tui.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _peak(*argv) -> dict:
    done = subprocess.run([sys.executable, "-c", PEAK, *map(str, argv)], capture_output=True, text=True,
                          timeout=600, cwd=ROOT, stdin=subprocess.DEVNULL)
    return json.loads(done.stdout.strip().splitlines()[-1]) | {"stderr": done.stderr}


@pytest.mark.skipif(resource is None or sys.platform == "darwin", reason="ru_maxrss in KB: Linux only")
def test_a_million_rows_are_refused_in_bounded_memory(work):
    big = million_rows_xlsx(work.tmp / "sejuta.xlsx")
    before = work.plan.read_bytes()
    small = _peak("sheet", "import", work.plan, work.xlsx, "--dry-run")
    huge = _peak("sheet", "import", work.plan, big)
    assert small["code"] == 0 and huge["code"] == 2
    assert "50000" in huge["stderr"] and "Traceback" not in huge["stderr"]
    # reading stops at 50,000 rows: far less than the sheet's ~48 MB of XML, let alone
    # a million rows held as Python objects (well over 500 MB)
    assert huge["peak_mb"] < small["peak_mb"] + 60, (small, huge)
    assert work.plan.read_bytes() == before


IMPORTS = """
import sys
from smartcity_tui.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as e:  # --version
    code = e.code
print()
print("openpyxl" in sys.modules, "smartcity_tui.sheets" in sys.modules, code)
"""


@pytest.mark.parametrize("argv", [["--version"], ["stats", "sample_data/plan.json"],
                                  ["validate", "sample_data/plan.json"]])
def test_start_up_and_other_commands_never_import_openpyxl(argv):
    done = subprocess.run([sys.executable, "-c", IMPORTS, *argv], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert done.stdout.strip().splitlines()[-1].split()[:2] == ["False", "False"], done.stdout + done.stderr


def test_the_sheets_package_imports_openpyxl_only_to_read_or_write():
    code = ("import sys; import smartcity_tui.sheets, smartcity_tui.sheets.codelist, smartcity_tui.model.codes;"
            " print('openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stdout.strip() == "False", done.stderr


def test_the_sheets_layer_never_imports_the_ui():
    sys.path.insert(0, str(ROOT / "tests"))
    from test_layers import PKG_DIR, imported_modules, module_name

    bad = []
    for path in sorted((PKG_DIR / "sheets").rglob("*.py")):
        mod = module_name(path)
        for name in imported_modules(path.read_text(encoding="utf-8"), mod, path.name == "__init__.py"):
            if name.split(".")[0] == "textual" or name.startswith("smartcity_tui.ui") or name.startswith(
                    "smartcity_tui.commands"):
                bad.append(f"{path.name} imports {name}")
    assert bad == [] and len(list((PKG_DIR / "sheets").glob("*.py"))) > 5
