"""The two tiers of tests (tiers.py): every name in the lists is a test that exists (a test
renamed would otherwise fall quietly into the other tier), and CI runs both tiers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from tiers import DEEP, DEEP_WHEREVER, QUICK_EXCEPTIONS, is_deep

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def every_test() -> list[str]:
    """The ids of the whole suite, as `pytest --collect-only --tier all` lists them."""
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0",
                          "--tier", "all", "-p", "no:cacheprovider"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300)
    ids = [line for line in run.stdout.splitlines() if line.startswith("tests/") and "::" in line]
    assert run.returncode == 0 and len(ids) > 1000, run.stdout[-2000:] + run.stderr[-2000:]
    return ids


def _matches(entry: str, nodeid: str) -> bool:
    test = nodeid.removeprefix("tests/")
    return test == entry or test.startswith(f"{entry}::") or test.startswith(f"{entry}[")


def test_every_name_in_the_lists_is_a_collected_test(every_test):
    missing = [entry for entry in [*DEEP, *QUICK_EXCEPTIONS]
               if not any(_matches(entry, nodeid) for nodeid in every_test)]
    assert missing == []
    for pattern in DEEP_WHEREVER:
        assert any(pattern in nodeid for nodeid in every_test), pattern


def test_the_quick_tier_holds_a_good_part_of_every_area(every_test):
    """The quick tier goes over every area, the app's screens included (where it holds the
    least, under half: the same screens in every variant are the deep tier's): the deep tier
    is depth, not a place where an area's tests go out of sight."""
    areas: dict[str, list[bool]] = {}
    for nodeid in every_test:
        area = nodeid.split("/")[1] if nodeid.count("/") > 1 else "top"
        areas.setdefault(area, []).append(is_deep(nodeid))
    for area, deep in areas.items():
        assert sum(deep) < len(deep) * 2 / 3, f"tests/{area}: {sum(deep)} of {len(deep)} tests are deep"


def test_the_exceptions_are_inside_something_deep():
    """An exception keeps a test quick that DEEP would take: one that names nothing DEEP
    holds is a leftover."""
    for entry in QUICK_EXCEPTIONS:
        path, _, name = entry.partition("::")
        test = f"{path}::{name.partition('[')[0]}"
        assert path in DEEP or test in DEEP, entry
        assert not is_deep(f"tests/{entry}"), entry


def test_ci_runs_the_readme_test_command_and_then_the_deep_tier():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"Install and run the tests.*?\n\n    ([^\n]+)\n", readme, re.S)
    assert command is not None
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command.group(1) in ci
    assert ci.index(command.group(1)) < ci.index("--tier deep")


def test_the_snapshot_plugin_sees_the_whole_collection_before_a_tier_is_chosen(request):
    """`pytest --snapshot-update` in the quick tier must keep the pictures of the deep tier's
    tests: syrupy deletes the pictures of every test it thinks the run selected and did not
    use, so it must see the collection before the tier leaves tests out (it deleted the
    120x40 pictures when it saw it after)."""
    hook = request.config.pluginmanager.hook.pytest_collection_modifyitems
    called = [impl.plugin_name for impl in reversed(hook.get_hookimpls())]  # (pluggy calls the last first)
    ours = next(i for i, name in enumerate(called) if name.endswith("tests/conftest.py"))
    snapshots = called.index("syrupy")
    assert snapshots < ours, called
