"""How long one durable save takes in a 10,000-record plan, beside what the disk allows.

    python benchmarks/bench_save.py [--records N] [--edits N] [--dir FOLDER]

Prints, for the same disk:
- store:  PlanStore.update() per edit, durable (temp file, fsync, replace, fsync folder);
- floor:  a 10-byte file written, fsync'd and replaced: no save can be faster than this;
- whole-file floor: the same with as many bytes as the plan file: the least a save that
          rewrites the file (as a plain TinyDB JSON file must) can cost;
- naive:  stock TinyDB (JSONStorage) updating one document of the same plan: it re-reads and
          re-parses the whole file, rebuilds the table and rewrites the file in place with fsync;
          not atomic (a crash mid-write tears the file).
Target: store median <= 20 ms at 10,000 records.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import build_large_plan  # noqa: E402

from smartcity_tui.store import PlanStore  # noqa: E402

TARGET_MS = 20.0


def _ms(seconds: list[float]) -> list[float]:
    return sorted(s * 1000 for s in seconds)


def _p95(values: list[float]) -> float:
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def fsync_write(folder: Path, data: bytes) -> float:
    """Write `data` to a temp file, fsync, replace: the least any durable save costs."""
    tmp, dst = folder / "floor.tmp", folder / "floor.txt"
    t0 = time.perf_counter()
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, dst)
    return time.perf_counter() - t0


def time_store_edits(plan: Path, edits: int, folder: Path) -> tuple[list[float], ...]:
    """Per-edit time of PlanStore.update, alternating SWOT texts and programme budgets.
    The fsync floor is sampled between the edits, so both share the same conditions (on a
    shared machine the disk's speed drifts from minute to minute)."""
    times, floor, cpu = [], [], []
    big = b"x" * plan.stat().st_size
    with PlanStore.open(plan) as store:
        p = store.plan()
        swot, progs = p.swot, p.programmes
        store.update(swot[0].id, text=swot[0].text + ".")  # the session's backup: not an edit's cost
        for i in range(edits):
            if i % 2:
                prog = progs[i % len(progs)]
                year = prog.start_year
                apbd = prog.budget_by_source.get("apbd", {})
                args = {"budget_by_source": {**prog.budget_by_source, "apbd": {**apbd, year: apbd.get(year, 0) + 1_000_000}}}
                rid = prog.id
            else:
                rid, args = swot[i % len(swot)].id, {"text": f"Butir SWOT diperbarui {i}"}
            c0, t0 = time.process_time(), time.perf_counter()
            store.update(rid, **args)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            floor.append(fsync_write(folder, b"%010d" % i))
    # after the edits: 7 MB writes between them would slow the store's own writes down
    whole = [fsync_write(folder, big) for _ in range(50)]
    (folder / "floor.txt").unlink()
    return _ms(times), _ms(floor), _ms(whole), _ms(cpu)


def time_naive_tinydb(plan: Path, folder: Path, n: int = 20) -> list[float]:
    from tinydb import TinyDB

    copy = folder / "naive.json"
    shutil.copyfile(plan, copy)
    db = TinyDB(copy, encoding="utf-8")
    table = db.table("records")
    doc_ids = [d.doc_id for d in table.all()][:n]
    times = []
    for i, doc_id in enumerate(doc_ids):
        t0 = time.perf_counter()
        table.update({"note": f"edit {i}"}, doc_ids=[doc_id])
        times.append(time.perf_counter() - t0)
    db.close()
    return _ms(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure (default: temp)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(dir=args.dir) as d:
        folder = Path(d)
        plan = folder / "plan.json"
        t0 = time.perf_counter()
        build_large_plan(plan, args.records)
        built = time.perf_counter() - t0
        size_mb = plan.stat().st_size / 1e6
        print(f"plan: {args.records} records, {size_mb:.1f} MB, built in {built:.1f} s, in {folder}")

        store, floor, whole, cpu = time_store_edits(plan, args.edits, folder)
        naive = time_naive_tinydb(plan, folder)

    f_med = statistics.median(floor)
    s_med, s_p95 = statistics.median(store), _p95(store)
    n_med = statistics.median(naive)
    print(f"fsync floor (10-byte write+fsync+replace, n={len(floor)}): median {f_med:.2f} ms")
    print(f"store save  (PlanStore.update, durable, n={len(store)}):   median {s_med:.2f} ms, "
          f"p95 {s_p95:.2f} ms, max {store[-1]:.2f} ms; CPU time median {statistics.median(cpu):.2f} ms")
    w_med = statistics.median(whole)
    print(f"whole-file floor ({size_mb:.1f} MB write+fsync+replace, n={len(whole)}): median {w_med:.2f} ms")
    print(f"naive TinyDB (JSONStorage update, in place, n={len(naive)}):   median {n_med:.2f} ms")
    print()
    print(f"SUMMARY store median: {s_med:.2f} ms ({s_med / f_med:.1f}x fsync floor; target <= {TARGET_MS:.0f} ms: "
          f"{'met' if s_med <= TARGET_MS else 'MISSED'})")
    print(f"SUMMARY store p95: {s_p95:.2f} ms ({s_p95 / f_med:.1f}x fsync floor)")
    print(f"SUMMARY fsync floor median: {f_med:.2f} ms")
    print(f"SUMMARY whole-file floor median: {w_med:.2f} ms (store median is {s_med / w_med:.1f}x this)")
    print(f"SUMMARY naive TinyDB median: {n_med:.2f} ms ({n_med / s_med:.1f}x the store's median; not crash-safe)")
    return 0 if s_med <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
