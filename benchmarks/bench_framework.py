"""What reading the default framework from its data file costs at start-up.

    python benchmarks/bench_framework.py [--runs N]

Before frameworks were data the six pillars were Python literals built when model/vocab.py
was imported; now model/framework.py reads frameworks/gerakan-100-smart-city.toml through the
package's loader, parses it with tomllib and checks it. Measured in one process, N times each
(median, min-max), interleaved:
- data:     a cold read of the default framework (cache cleared): loader + tomllib + checks;
- literals: the same six pillars and eighteen elements built from Python literals, as
            vocab.py did (the baseline: what start-up paid before);
- parse:    tomllib.loads of the same file alone (what the checks add on top of parsing);
- kota:     a cold read of kota-cerdas-2026 (read only for plans on it).
The app reads the default once per process (functools.cache), so "data" is paid once.
Target: data <= 3 ms (a few milliseconds of start-up).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from smartcity_tui.model import framework as frameworks  # noqa: E402
from smartcity_tui.resources import read_beside  # noqa: E402

TARGET_MS = 3.0


def _literals() -> tuple:
    """The six pillars as vocab.py built them in code (names only; same count of objects)."""
    from smartcity_tui.model.framework import Dimension, Element

    def el(key: str, id_: str, en: str) -> Element:
        return Element(key, (("id", id_), ("en", en)))

    def dim(key: str, n: int, code: str, name: str, *els: Element) -> Dimension:
        return Dimension(key, n, code, (("id", name), ("en", name)), els)

    return (
        dim("governance", 1, "GOV", "Smart Governance", el("public_service", "Pelayanan publik", "Public service"),
            el("bureaucracy", "Manajemen birokrasi", "Bureaucracy management"),
            el("public_policy", "Kebijakan publik", "Public policy")),
        dim("branding", 2, "BRA", "Smart Branding", el("tourism", "Ekosistem pariwisata", "Tourism"),
            el("regional_business", "Ekosistem bisnis daerah", "Regional business"),
            el("city_appearance", "Wajah kota", "City appearance")),
        dim("economy", 3, "ECO", "Smart Economy", el("industry", "Ekosistem industri", "Industry"),
            el("welfare", "Kesejahteraan rakyat", "Public welfare"),
            el("financial_transactions", "Ekosistem transaksi keuangan", "Financial transactions")),
        dim("living", 4, "LIV", "Smart Living", el("spatial_harmony", "Harmonisasi tata ruang (pola hidup)",
                                                   "Spatial harmony and lifestyle"),
            el("health", "Prasarana kesehatan", "Health"), el("transport", "Sarana transportasi", "Transport")),
        dim("society", 5, "SOC", "Smart Society", el("community_interaction", "Interaksi masyarakat",
                                                     "Community interaction"),
            el("learning", "Ekosistem belajar", "Learning"),
            el("public_safety", "Sistem keamanan masyarakat", "Public safety")),
        dim("environment", 6, "ENV", "Smart Environment", el("environmental_protection", "Proteksi lingkungan",
                                                             "Environmental protection"),
            el("waste", "Tata kelola sampah dan limbah", "Waste"), el("energy", "Tata kelola energi", "Energy")),
    )


def _cold(framework_id: str) -> None:
    frameworks.built_in.cache_clear()
    frameworks.built_in(framework_id)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    import tomllib

    raw = read_beside(vars(frameworks), "frameworks/gerakan-100-smart-city.toml").decode("utf-8")
    cases = {
        "data": lambda: _cold(frameworks.DEFAULT_ID),
        "literals": _literals,
        "parse": lambda: tomllib.loads(raw),
        "kota": lambda: _cold("kota-cerdas-2026"),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, fn in cases.items():
            t0 = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - t0) * 1000)
    med = {name: statistics.median(v) for name, v in times.items()}
    for name, v in times.items():
        print(f"{name:9} median {med[name]:.3f} ms  ({min(v):.3f}-{max(v):.3f})")
    print(f"data / literals: {med['data'] / med['literals']:.1f}x; data / parse: {med['data'] / med['parse']:.2f}x")
    ok = med["data"] <= TARGET_MS
    print(f"default framework read in {med['data']:.2f} ms: target <= {TARGET_MS:.0f} ms {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
