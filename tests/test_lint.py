"""ruff and mypy, as configured in pyproject.toml, over the package: run by the README's test
command, so by CI, so a finding fails the build like a failing test. The output of the tool
is the failure message: fix what it says, or, for a rule that does not fit, change the rule
set in pyproject.toml and say why there."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str | None:
    """The tool installed beside this Python (the venv's), else on the PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600)


@pytest.mark.skipif(_tool("ruff") is None, reason="ruff is in the test extra: pip install -e '.[test]'")
def test_ruff_finds_nothing():
    result = _run(_tool("ruff") or "ruff", "check", "smartcity_tui", "tests/test_lint.py", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(_tool("mypy") is None, reason="mypy is in the test extra: pip install -e '.[test]'")
def test_mypy_finds_nothing():
    # the package only (pyproject.toml: files), with mypy's cache kept in the checkout
    result = _run(_tool("mypy") or "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
