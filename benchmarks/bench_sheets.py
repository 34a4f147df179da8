"""Benchmark (not a timed test): spreadsheet export and import of the 10,000-record plan
against openpyxl's own write-only and read-only modes on the same rows, in one run, as
ratios; target <= 1.5x for both.

    python benchmarks/bench_sheets.py [--records N] [--rounds R]

- export: `export_sheets` (rows from the plan, labels, number formats, header styles,
  frozen panes, filters, widths, temp file, fsync, rename) against a bare write-only
  workbook of the same cell values, already built, with `ws.append` and `wb.save`;
- import: `read_file` + `propose_mapping` + `preview_import` of that workbook (every cell
  read by its column's kind, every row compared with the plan, the plan validated) against
  `iter_rows(values_only=True)` over every sheet of the same file in read-only mode.
  The export is unchanged, so the import writes nothing; a second figure changes 150
  cells and applies them (every changed record in one durable write of the 7 MB plan).

Runs are interleaved (baseline, ours, baseline, ...) and medians printed, since the
machines these run on are shared and noisy."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import build_large_plan  # noqa: E402

import openpyxl  # noqa: E402

from smartcity_tui.sheets import apply_import, export_sheets, preview_import, propose_mapping, read_file  # noqa: E402
from smartcity_tui.sheets.export import build_tables  # noqa: E402
from smartcity_tui.store import PlanStore  # noqa: E402


def baseline_write(tables, out: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    for table in tables:
        ws = wb.create_sheet(table.name)
        ws.append(table.headers)
        for row in table.rows:
            ws.append(row)
    wb.save(out)


def baseline_read(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += 1
    wb.close()
    return n


def ours_read(store, path: Path):
    book = read_file(path)
    return preview_import(store, book, propose_mapping(book))


def interleaved(pairs, rounds: int) -> list[tuple[list[float], list[float]]]:
    """(wall times, CPU times) of each function, run in turn `rounds` times. The CPU time of
    this process is the steadier figure on a machine shared with other jobs."""
    times: list[tuple[list[float], list[float]]] = [([], []) for _ in pairs]
    for _ in range(rounds):
        for i, fn in enumerate(pairs):
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            times[i][0].append(time.perf_counter() - t0)
            times[i][1].append(time.process_time() - c0)
    return times


def line(label: str, ours, base=None) -> str:
    (wall, cpu), med = ours, statistics.median(ours[0])
    text = f"{label:34s}: median {med:6.2f} s (min {min(wall):5.2f}, CPU {statistics.median(cpu):5.2f})"
    if base is not None:
        text += (f"   ratio {med / statistics.median(base[0]):.2f}x"
                 f" (CPU {statistics.median(cpu) / statistics.median(base[1]):.2f}x; target <= 1.5x)")
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plan_path = build_large_plan(tmp / "plan.json", args.records)
        with PlanStore.open(plan_path) as store:
            plan = store.plan()
            tables = build_tables(plan, "id")
            cells = sum(len(t.rows) * len(t.headers) for t in tables)
            ours_out, base_out = tmp / "ours.xlsx", tmp / "base.xlsx"
            base_w, ours_w = interleaved([lambda: baseline_write(tables, base_out),
                                          lambda: export_sheets(plan, ours_out, "id")], args.rounds)
            base_r, ours_r = interleaved([lambda: baseline_read(ours_out),
                                          lambda: ours_read(store, ours_out)], args.rounds)
            preview = ours_read(store, ours_out)
            assert preview.ok and preview.total().changed == 0, preview.problems[:3]
            changed = _change_cells(ours_out, tmp / "changed.xlsx", 150)
            t0 = time.perf_counter()
            book = read_file(changed)
            result = apply_import(store, preview_import(store, book, propose_mapping(book)))
            applied = time.perf_counter() - t0
        rows = sum(len(t.rows) for t in tables)
        print(f"records: {len(plan.records)}, sheet rows: {rows}, cells: {cells}, "
              f"workbook {ours_out.stat().st_size / 1e6:.1f} MB")
        print(line("openpyxl write-only, same cells", base_w))
        print(line("export_sheets", ours_w, base_w))
        print(line("openpyxl read-only, values_only", base_r))
        print(line("read + map + preview (unchanged)", ours_r, base_r))
        print(f"import of 150 changed rows, applied: {applied:.2f} s ({result.updated} records saved "
              f"in one durable write)")
        ratios = [statistics.median(o[0]) / statistics.median(b[0]) for o, b in ((ours_w, base_w), (ours_r, base_r))]
        return 0 if max(ratios) <= 1.5 else 1


def _change_cells(src: Path, out: Path, n: int) -> Path:
    """`n` programmes get a new description, as an officer would type them in Excel."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Program"]
    col = next(c.column for c in ws[1] if c.value == "Uraian")
    for row in range(2, 2 + n):
        ws.cell(row, col).value = f"Uraian baru {row}"
    wb.save(out)
    return out


if __name__ == "__main__":
    sys.exit(main())
