"""Benchmark (not a timed test): the masterplan book of the 10,000-record plan as HTML against
the same book as Markdown, in one run, as a ratio; target <= 1.5x. Also the sizes, and the
parts (building the tree, each writer).

    python benchmarks/bench_document.py [--records N] [--rounds R]

Each figure is what `smartcity-tui render PLAN --format html|md` does after opening the plan:
build the book from the plan, then write it. Rounds alternate the two formats, and the
writers' caches (formatted amounts, escaped texts) are emptied before every round, so each
round pays what a single render pays."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import build_large_plan  # noqa: E402

from smartcity_tui.document import build_document, write_html, write_markdown  # noqa: E402
from smartcity_tui.document import build_programmes, common, markdown_text, tree  # noqa: E402
from smartcity_tui.store import PlanStore  # noqa: E402


def _cold() -> None:
    for cached in (tree._plain, markdown_text._inline, common.money, common.number, build_programmes._element_text):
        cached.cache_clear()


def _timed(fn) -> tuple[float, object]:
    _cold()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = build_large_plan(Path(tmp) / "plan.json", args.records)
        with PlanStore.open(path, readonly=True) as store:
            plan = store.plan()
            n = len(store.states())
    md_times, html_times, build_times, md_write, html_write = [], [], [], [], []
    md = html = ""
    for _ in range(args.rounds):
        t, md = _timed(lambda: write_markdown(build_document(plan)))
        md_times.append(t)
        t, html = _timed(lambda: write_html(build_document(plan)))
        html_times.append(t)
        t, doc = _timed(lambda: build_document(plan))
        build_times.append(t)
        md_write.append(_timed(lambda: write_markdown(doc))[0])
        html_write.append(_timed(lambda: write_html(doc))[0])
    med = statistics.median
    ratio = med(html_times) / med(md_times)
    tables = sum(1 for _ in build_document(plan).tables())
    print(f"records: {n}; the book: {tables} tables, Markdown {len(md.encode()) / 1e6:.1f} MB, "
          f"HTML {len(html.encode()) / 1e6:.1f} MB")
    print(f"build the book (tree)      : {med(build_times):7.3f} s")
    print(f"write Markdown / HTML      : {med(md_write):7.3f} s / {med(html_write):.3f} s")
    print(f"render --format md         : {med(md_times):7.3f} s")
    print(f"render --format html       : {med(html_times):7.3f} s   ratio {ratio:.2f}x (target <= 1.5x)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
