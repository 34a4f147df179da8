"""What a workshop session leaves in memory: the app on the sample plan, headless at 100x30,
walked through every pillar's four views and the programme form, again and again (each pass
builds every list and form anew, as edits and language switches do), then the memory still
held once the cycle collector has run, and how many widgets' drawings (Textual's StylesCache)
are still alive though only one screen is on show.

Beside it, in the same run, the same session under Textual's own StylesCache.get_inner_outer
cache, which keeps up to 1,024 removed widgets' drawings (Textual issue #6665; the app mends
it in ui/textual_compat.py).

    python benchmarks/bench_memory.py [--passes N]

(About 3 minutes for the default two passes: tracemalloc slows every allocation.)
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import tempfile
import tracemalloc
from pathlib import Path

from sample_app import open_sample_app

ROOT = Path(__file__).resolve().parents[1]
SIZE = (100, 30)
# one pass: each pillar, its four views, the first programme's form opened and closed
PASS = [key for pillar in "123456" for key in (pillar, "right", "s", "p", "e", "escape", "l", "0")]


async def _session(passes: int, folder: Path, textual_own: bool) -> tuple[float, int]:
    from textual._styles_cache import StylesCache

    from smartcity_tui.ui.textual_compat import _LEAKY_INNER_OUTER

    app, store = open_sample_app(folder)  # it mends the cache
    mended = StylesCache.get_inner_outer
    if textual_own:
        StylesCache.get_inner_outer = _LEAKY_INNER_OUTER  # type: ignore[method-assign]
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            gc.collect()
            start = tracemalloc.get_traced_memory()[0]
            for _ in range(passes):
                for key in PASS:
                    await pilot.press(key)
                    await pilot.pause()
            gc.collect()
            held = tracemalloc.get_traced_memory()[0] - start
            drawings = sum(isinstance(o, StylesCache) for o in gc.get_objects())
    finally:
        store.close()
        StylesCache.get_inner_outer = mended  # type: ignore[method-assign]
    return held / 2**20, drawings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, default=2, help="walks through the six pillars (default 2)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    tracemalloc.start()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, textual_own in (("the app (mended)", False), ("Textual's own cache", True)):
            folder = Path(tmp) / ("own" if textual_own else "mended")
            folder.mkdir()
            results[name] = asyncio.run(_session(args.passes, folder, textual_own))
    print(f"{args.passes} passes of {len(PASS)} keys (every pillar's views and a programme form), 100x30")
    print(f"{'':24} {'MiB held':>9} {'drawings alive':>15}")
    for name, (held, drawings) in results.items():
        print(f"{name:24} {held:9.1f} {drawings:15d}")
    mended, leaky = results["the app (mended)"][0], results["Textual's own cache"][0]
    print(f"memory held, mended / Textual's own: {mended / leaky:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
