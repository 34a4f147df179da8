"""The command line as the tests call it: `run(capsys, "export", SAMPLE, "--out", folder)`
gives the exit code and what was printed on each stream, every argument turned to text as a
shell would hand it over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smartcity_tui.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "plan.json"


def run(capsys: Any, *argv: Any) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err
