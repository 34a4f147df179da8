"""Concurrent `merge` commands into one plan (issue 10 #7: once in 30 pairs both reported
success and only one bundle was in the plan): each merge that reports success has its bundle
in the plan afterwards; the other is refused with one line, or merges after it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "plan.json"
BUNDLES = sorted(p for p in (ROOT / "sample_data" / "bundles").iterdir() if not p.name.startswith("."))
PAIRS = 3


def _merge(plan: Path, bundle: Path, env: dict, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "smartcity_tui", "merge", str(plan), str(bundle), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=env, text=True, encoding="utf-8")


@pytest.mark.long(17)
def test_concurrent_merges_never_both_succeed_with_one_bundle_lost(tmp_path):
    env = {**os.environ, "SMARTCITY_TUI_STATE_DIR": str(tmp_path / "state")}
    for pair in range(PAIRS):
        plan = tmp_path / f"plan-{pair}.json"
        shutil.copyfile(SAMPLE, plan)
        bundles = BUNDLES[pair % 3], BUNDLES[(pair + 1) % 3]
        procs = [_merge(plan, b, env) for b in bundles]
        results = [(p.wait(120), p.stdout.read(), p.stderr.read()) for p in procs]
        assert any(code in (0, 1) for code, _, _ in results), results
        for bundle, (code, _, err) in zip(bundles, results):
            if code == 2:
                assert err.count("\n") == 1 and "sedang dibuka" in err, err
                continue
            assert code in (0, 1), err
            check = _merge(plan, bundle, env, "--dry-run", "--json")
            report = json.loads(check.communicate(timeout=120)[0])
            new = {k: v for k, v in report["totals"].items() if k in ("added", "updated", "deleted")}
            assert not any(new.values()), f"pair {pair}: {bundle.name} reported merged, yet {new} is new"
