"""What the cycle collector's full passes cost a workshop session, under Python's default
pace (a full pass after every 10 passes of the middle generation) and the app's
(`startup.FULL_PASS_EVERY`): the app on the sample plan, headless at 100x30, walking every
pillar's views and opening and closing the first programme's form. Printed per policy: the
session's CPU, the part of it spent in the collector, how many full passes ran, and the
process's peak memory; each run is a fresh process, the two policies alternating, so a slow
moment of the machine hits both.

    python benchmarks/bench_collector.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

SIZE = (100, 30)
# every pillar, its four views, the first programme's form opened and closed (as bench_memory)
KEYS = [key for pillar in "123456" for key in (pillar, "right", "s", "p", "e", "escape", "l", "0")]
PYTHON_DEFAULT = "python"
APP = "app"


def _session(policy: str) -> dict[str, float]:
    """One session in this process (the child's side)."""
    import asyncio
    import gc
    import tempfile
    import time

    from sample_app import open_sample_app

    from smartcity_tui import startup

    spent = {"collector": 0.0, "full": 0}
    began = [0.0]

    def timed(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.process_time()
        else:
            spent["collector"] += time.process_time() - began[0]
            spent["full"] += info["generation"] == 2

    async def walk(folder: Path) -> float:
        app, store = open_sample_app(folder)
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                gc.freeze()  # as the app does once its first frame is drawn (startup.py)
                if policy == APP:
                    startup.pace_collector()
                gc.callbacks.append(timed)
                started = time.process_time()
                for key in KEYS:
                    await pilot.press(key)
                    await pilot.pause()
                cpu = time.process_time() - started
                gc.callbacks.remove(timed)
        finally:
            store.close()
        return cpu

    with tempfile.TemporaryDirectory() as tmp:
        cpu = asyncio.run(walk(Path(tmp)))
    try:
        import resource
    except ImportError:  # Windows: no peak figure
        peak = float("nan")
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"cpu": cpu, "collector": spent["collector"], "full": spent["full"], "peak": peak}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="sessions per policy (median shown)")
    parser.add_argument("--child", choices=[PYTHON_DEFAULT, APP], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_session(args.child)))
        return 0
    results: dict[str, list[dict[str, float]]] = {PYTHON_DEFAULT: [], APP: []}
    for _ in range(args.runs):
        for policy in results:
            out = subprocess.run([sys.executable, __file__, "--child", policy], capture_output=True,
                                 text=True, encoding="utf-8", check=True).stdout
            results[policy].append(json.loads(out.strip().splitlines()[-1]))
    print(f"{len(KEYS)} keys: every pillar's views and a programme form opened and closed, 100x30")
    print(f"{'full pass':24} {'CPU s':>7} {'collector s':>12} {'full passes':>12} {'peak MiB':>9}")
    for policy, runs in results.items():
        m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        name = "Python's default (10)" if policy == PYTHON_DEFAULT else "the app's pace"
        print(f"{name:24} {m['cpu']:7.2f} {m['collector']:12.2f} {m['full']:12.0f} {m['peak']:9.1f}")
    # run by run (each pair ran side by side), so the machine's drift cancels out
    pairs = list(zip(results[APP], results[PYTHON_DEFAULT], strict=True))
    cpu = statistics.median(a["cpu"] / d["cpu"] for a, d in pairs)
    peak = statistics.median(a["peak"] / d["peak"] for a, d in pairs)
    print(f"the app's pace / Python's default, median of {len(pairs)} pairs: session CPU {cpu:.2f}, "
          f"peak memory {peak:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
