"""How long the secretariat waits for a merge of six groups' bundles, at two plan sizes.

    python benchmarks/bench_merge.py [--sizes 2000 4000] [--groups 6] [--dir FOLDER]

For each size N: a plan of N records (benchmarks/generate.py) is copied to six group
laptops; each group edits ~10% of the records (SWOT texts, programme progress, indicator
baselines; two groups edit the same programmes' progress, which makes conflicts) and adds
~2% new ones, then exports a bundle with the project's writer. The secretariat's copy (the
original plan) then merges all six. Printed per size:
- read:  read_bundle on the six bundles (checksums, TOML, every check);
- merge: bundle.merge.apply, i.e. merging the states and the one durable write of the plan
         (a backup first, fsync, replace);
and the ratio of the larger size's times to the smaller's beside the ratio of the data.
Target: merge under 1 s for 6 x 2,000, and time growing no faster than the data.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import build_large_plan  # noqa: E402

from smartcity_tui.bundle.merge import apply  # noqa: E402
from smartcity_tui.bundle.reader import read_bundle  # noqa: E402
from smartcity_tui.bundle.writer import ExportOptions, export_bundle  # noqa: E402
from smartcity_tui.model.records import SwotItem  # noqa: E402
from smartcity_tui.store import PlanStore  # noqa: E402

TARGET_SECONDS = 1.0


def make_group(base: Path, folder: Path, g: int, drive: Path) -> Path:
    """One group's laptop: a copy of the plan, edited, exported to the shared drive."""
    copy = folder / f"group{g}.json"
    shutil.copyfile(base, copy)
    rng = random.Random(g)
    with PlanStore.open(copy, durable=False) as store:
        store.set_team(f"Pokja {g + 1}")
        plan = store.plan()
        n = len(plan.records)
        swot, progs, inds = plan.swot, plan.programmes, plan.indicators
        edits = max(1, n // 10)
        shared = progs[: max(1, len(progs) // 20)]  # groups 0 and 1 both edit these: conflicts
        for prog in shared if g < 2 else []:
            store.update(prog.id, progress=10 + g)
        for i in range(edits):
            pick = rng.random()
            if pick < 0.5:
                item = rng.choice(swot)
                store.update(item.id, text=f"{item.text} (pokja {g + 1})")
            elif pick < 0.8:
                store.update(rng.choice(progs).id, description=f"Diperbarui pokja {g + 1}, putaran {i}")
            else:
                store.update(rng.choice(inds).id, baseline=float(rng.randint(0, 900)))
        pillar = plan.swot[0].pillar
        store.add_many([SwotItem(pillar=pillar, quadrant="O", text=f"Butir baru pokja {g + 1} no {i}")
                        for i in range(max(1, n // 50))])
        return export_bundle(store, ExportOptions(drive)).path


def run_size(n: int, groups: int, root: Path) -> dict[str, float]:
    folder = root / f"n{n}"
    folder.mkdir()
    drive = folder / "flashdisk"
    drive.mkdir()
    base = build_large_plan(folder / "group-template.json", n_records=n, seed=n)
    paths = [make_group(base, folder, g, drive) for g in range(groups)]
    secretariat = folder / "sekretariat.json"
    shutil.copyfile(base, secretariat)

    t0 = time.perf_counter()
    bundles = [read_bundle(p) for p in paths]
    t1 = time.perf_counter()
    with PlanStore.open(secretariat) as store:
        store.set_team("Sekretariat")  # the session's first write and backup: not the merge's cost
        t2 = time.perf_counter()
        report = apply(store, bundles)
        t3 = time.perf_counter()
    records = sum(len(b.states) for b in bundles)
    print(f"{groups} x {n:>5} records ({records} states in all): read {t1 - t0:6.3f} s, "
          f"merge {t3 - t2:6.3f} s; written {report.written}, conflicts {report.total('conflicts_total')}")
    return {"n": n, "read": t1 - t0, "merge": t3 - t2}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[2000, 4000], metavar="N")
    ap.add_argument("--groups", type=int, default=6)
    ap.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure (default: temp)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        small, large = (run_size(n, args.groups, Path(tmp)) for n in args.sizes)
    data = large["n"] / small["n"]
    print(f"data x{data:.1f}: read x{large['read'] / small['read']:.2f}, merge x{large['merge'] / small['merge']:.2f}")
    ok = small["merge"] < TARGET_SECONDS and large["merge"] / small["merge"] <= data * 1.25
    print("target met" if ok else f"target missed (merge < {TARGET_SECONDS} s at the smaller size, "
          "growing no faster than the data)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
