"""Reading a bundle whose one pillar file holds N records, against `tomllib.loads` of that
same file, in the same run: time and peak memory per size.

    python benchmarks/bench_read.py [--sizes 10000,50000,200000] [--runs 3]

For each size a bundle is made from a small real export (the project's writer), its
`pillars/economy.toml` replaced by N SWOT records laid out as the writer lays them out
(three fields each: pillar, quadrant, a short text; small records are the hard case for
memory, many objects per byte), the manifest's checksum and count fixed. Each figure is taken
in a fresh Python process, so that one measurement's memory cannot hide another's:
- `tomllib.loads` of the pillar file's text (the baseline: the standard library's parser on
  the same bytes, nothing checked, nothing built);
- `read_bundle` of the whole bundle (every check, the records built).
Time is the process's CPU seconds for that call (other jobs on a shared machine slow the wall
clock, not this); memory is how far the call raised the process's peak resident size above
what it held before the call (Linux: VmHWM and VmRSS; elsewhere tracemalloc's peak of
Python's own allocations).
Printed per size: both figures, read_bundle against the baseline, seconds per 10,000 records
(constant when time is linear in size) and peak memory against the bundle's size (target:
at most 5x)."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import uuid
from pathlib import Path

MEMORY_TARGET = 5.0
ECONOMY = "pillars/economy.toml"


# --- the bundles -----------------------------------------------------------------------

def make_bundle(folder: Path, n: int, seed: int = 0) -> Path:
    """A valid bundle folder whose economy file holds n SWOT records (plus the small plan's)."""
    import datetime as dt

    import tomli_w

    from smartcity_tui.bundle import ExportOptions, export_bundle
    from smartcity_tui.bundle.encode import encode_file
    from smartcity_tui.model.records import PlanInfo
    from smartcity_tui.model.revision import RecordState, Sibling
    from smartcity_tui.store import PlanStore

    info = PlanInfo(region="Wonosari Raya", province="Jawa Tengah", start_year=2025, end_year=2029)
    with PlanStore.create(folder / "plan.json", info, "Pokja Smart Economy", durable=False) as store:
        out = folder / "out"
        out.mkdir()
        when = dt.datetime(2026, 11, 22, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        bundle = export_bundle(store, ExportOptions(out), clock=lambda: when).path
        plan_id, replica = store.plan_id, store.replica_id
    rnd = random.Random(seed)
    quadrants = "SWOT"
    states = []
    for i in range(n):
        dot = (replica, i + 2)
        rid = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        states.append(RecordState(rid, "swot", {replica: i + 2}, {
            "pillar": [Sibling(dot, "economy")], "quadrant": [Sibling(dot, quadrants[i % 4])],
            "text": [Sibling(dot, f"Pasar rakyat ramai {i}")]}))
    data = encode_file(plan_id, ECONOMY, states)
    (bundle / ECONOMY).write_bytes(data)
    man = tomllib.loads((bundle / "manifest.toml").read_text(encoding="utf-8"))
    man["files"][ECONOMY] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    man["counts"]["records"] += n
    man["counts"]["swot"] = man["counts"].get("swot", 0) + n
    (bundle / "manifest.toml").write_text(tomli_w.dumps(man), encoding="utf-8")
    return bundle


# --- one measurement, in a child process -----------------------------------------------

def _status(field: str) -> int | None:
    """A figure of /proc/self/status in bytes (Linux), or None where there is none."""
    try:
        with open("/proc/self/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def _reset_peak() -> None:
    # The peak resident size is the process's own (VmHWM, not getrusage, which on Linux
    # carries the parent's size over the fork); reset to what is resident now (Linux 4.0+).
    try:
        with open("/proc/self/clear_refs", "w", encoding="utf-8") as f:
            f.write("5")
    except OSError:
        pass


def child(what: str, bundle: Path) -> dict:
    from smartcity_tui.bundle import read_bundle

    text_path = bundle / ECONOMY
    if what == "toml":
        def work():
            return tomllib.loads(text_path.read_bytes().decode("utf-8"))
    else:
        def work():
            return read_bundle(bundle)
    import gc
    gc.collect()
    _reset_peak()
    before = _status("VmRSS")
    tracing = before is None
    if tracing:
        import tracemalloc
        tracemalloc.start()
    cpu, wall = time.process_time(), time.perf_counter()
    result = work()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if tracing:
        peak = tracemalloc.get_traced_memory()[1]
    else:
        peak = (_status("VmHWM") or 0) - before
    del result
    return {"cpu": cpu, "wall": wall, "peak": peak}


def measure(what: str, bundle: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", what, str(bundle)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,50000,200000")
    ap.add_argument("--runs", type=int, default=3, help="measurements of each figure; the median is shown")
    ap.add_argument("--child", nargs=2, metavar=("WHAT", "BUNDLE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            bundle = make_bundle(folder, n)
            size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
            runs = {"toml": [], "read": []}
            for _ in range(args.runs):  # interleaved, so drift in the machine's speed hits both
                for what in runs:
                    runs[what].append(measure(what, bundle))
            med = {w: {k: statistics.median(r[k] for r in rs) for k in ("cpu", "wall", "peak")}
                   for w, rs in runs.items()}
            rows.append((n, size, med))
    print(f"{'records':>8} {'bundle':>8} | {'tomllib s':>9} {'MB':>6} | {'read_bundle s':>13} {'MB':>6} | "
          f"{'time x':>6} {'s/10k rec':>9} {'mem/bundle':>10}")
    ok = True
    for n, size, med in rows:
        t, r = med["toml"], med["read"]
        mem_ratio = r["peak"] / size
        ok &= mem_ratio <= MEMORY_TARGET
        print(f"{n:>8} {size / 1e6:>6.1f}MB | {t['cpu']:>9.2f} {t['peak'] / 1e6:>6.0f} | "
              f"{r['cpu']:>13.2f} {r['peak'] / 1e6:>6.0f} | {r['cpu'] / t['cpu']:>5.2f}x "
              f"{r['cpu'] / n * 10_000:>9.3f} {mem_ratio:>9.1f}x")
    first_n, _, first = rows[0]
    last_n, _, last = rows[-1]
    growth = (last["read"]["cpu"] / first["read"]["cpu"]) / (last_n / first_n)
    print(f"read_bundle time grew {growth:.2f}x as fast as the records ({first_n} -> {last_n}; 1.00 = linear); "
          f"memory target: at most {MEMORY_TARGET:.0f}x the bundle's size: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
