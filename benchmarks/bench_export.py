"""Benchmark (not a timed test): exporting the 10,000-record plan against plain
`tomli_w.dumps` of the same records, in one run, as a ratio; target <= 1.5x.

    python benchmarks/bench_export.py [--records N] [--rounds R]

The export figure is everything `smartcity-tui export` does after opening the plan: record
states to TOML, masterplan.md, manifest, writing each file with fsync, rename, reading back
and checking every checksum. The baseline is `tomli_w.dumps({"records": [...]})` of the
records' wire form (RecordState.to_dict), already built, so the baseline is the serializer
alone. Reading the bundle back (read_bundle, every check) is shown for the merge figures."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import tomli_w

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import build_large_plan  # noqa: E402

from smartcity_tui.bundle import ExportOptions, export_bundle, read_bundle  # noqa: E402
from smartcity_tui.store import PlanStore  # noqa: E402


def _median_time(fn, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plan = build_large_plan(tmp / "plan.json", args.records)
        out = tmp / "out"
        out.mkdir()
        with PlanStore.open(plan, readonly=True) as store:
            wire = [s.to_dict() for s in store.states()]
            base, text = _median_time(lambda: tomli_w.dumps({"records": wire}), args.rounds)
            folder, result = _median_time(lambda: export_bundle(store, ExportOptions(out)), args.rounds)
            packed, zipped = _median_time(lambda: export_bundle(store, ExportOptions(out, zip=True)), args.rounds)
        read, bundle = _median_time(lambda: read_bundle(result.path), args.rounds)
        size = sum((result.path / f).stat().st_size for f in result.files)
        print(f"records: {len(wire)} ({len(text) / 1e6:.1f} MB as plain tomli-w, bundle {size / 1e6:.1f} MB, "
              f"zip {zipped.path.stat().st_size / 1e6:.1f} MB)")
        print(f"tomli_w.dumps of the records : {base:7.3f} s")
        print(f"export_bundle, folder        : {folder:7.3f} s   ratio {folder / base:.2f}x (target <= 1.5x)")
        print(f"export_bundle, --zip         : {packed:7.3f} s   ratio {packed / base:.2f}x")
        print(f"read_bundle (all checks)     : {read:7.3f} s   {len(bundle.states)} records")
        return 0 if folder / base <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
