"""Build a large, believable plan for benchmarks: `build_large_plan(path, n_records, seed)`.

The mix follows what a busy regency's plan looks like after several workshop rounds: SWOT
items ~40%, strategies ~10%, programmes ~15%, indicators ~20%, milestones ~15%, spread over
the six pillars, with Indonesian-looking texts. Everything goes through PlanStore (one
`add_many` write), so the file carries real revision metadata.

    python benchmarks/generate.py OUT.json [--records N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from pathlib import Path

from smartcity_tui.model.records import (
    Indicator, Milestone, PlanInfo, Programme, Stakeholder, Strategy, SwotItem,
)
from smartcity_tui.model.vocab import (
    FUNDING_SOURCES, PENTAHELIX_ROLES, PILLARS, PRIORITIES, QUADRANTS, STATUSES, STRATEGY_KINDS,
)
from smartcity_tui.store import PlanStore

START, END = 2025, 2029
SHARES = {"swot": 0.40, "strategy": 0.10, "programme": 0.15, "indicator": 0.20}  # rest: milestones

_SUBJECTS = (
    "pelayanan perizinan", "jaringan wifi publik", "pasar rakyat", "UMKM desa", "puskesmas",
    "angkutan perdesaan", "bank sampah", "irigasi sawah", "destinasi wisata", "data kependudukan",
    "sekolah dasar", "posyandu", "drainase kota", "penerangan jalan", "koperasi petani",
    "kampung batik", "perpustakaan desa", "pengaduan masyarakat", "parkir elektronik", "air bersih",
)
_STRENGTHS = ("sudah tersedia", "didukung peraturan bupati", "dikelola OPD yang aktif",
              "diminati warga", "memiliki anggaran rutin")
_WEAKNESSES = ("belum terintegrasi", "masih manual", "kekurangan SDM terlatih",
               "tidak merata antar kecamatan", "datanya belum mutakhir")
_OPPORTUNITIES = ("dana CSR perbankan", "program nasional 100 Smart City", "minat investor swasta",
                  "dukungan perguruan tinggi", "tren ekonomi digital")
_THREATS = ("serangan siber", "anggaran daerah terbatas", "bencana banjir musiman",
            "persaingan dengan kabupaten tetangga", "hoaks di media sosial")
_VERBS = ("Mengembangkan", "Memperluas", "Mendigitalkan", "Mengintegrasikan", "Memperkuat",
          "Membangun", "Meningkatkan")
_AGENCIES = ("Diskominfo", "Bappeda", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Perhubungan",
             "Dinas Lingkungan Hidup", "DPMPTSP", "Dinas Koperasi dan UMKM", "Dinas Pariwisata",
             "Disdukcapil", "BPBD", "Dinas PUPR")
_PARTNERS = ("Universitas Wonosari", "Bank Jateng", "PMI", "Polres", "Kodim", "Karang Taruna",
             "Radio Suara Rakyat", "PT Telkom")
_UNITS = ("titik", "persen", "unit", "orang", "desa", "hari", "ton/hari", "transaksi")


def _swot_text(rng: random.Random, quadrant: str) -> str:
    pool = {"S": _STRENGTHS, "W": _WEAKNESSES, "O": _OPPORTUNITIES, "T": _THREATS}[quadrant]
    subject = rng.choice(_SUBJECTS)
    return f"{subject.capitalize()} {rng.choice(pool)} di Kecamatan {rng.randint(1, 18)}"


def _id(rng: random.Random) -> str:
    # UUID4-shaped ids drawn from the seeded generator: the same seed gives the same plan
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _split(n: int) -> dict[str, int]:
    counts = {kind: int(n * share) for kind, share in SHARES.items()}
    counts["programme"] = max(counts["programme"], 1 if n >= 3 else 0)
    counts["milestone"] = n - sum(counts.values())
    return counts


def plan_records(n_records: int, seed: int = 0) -> tuple[PlanInfo, list]:
    """The plan's facts and its `n_records` records (PlanInfo not counted), ready to add."""
    rng = random.Random(seed)
    counts = _split(n_records)
    info = PlanInfo(
        id=_id(rng), region="Wonosari Raya", region_kind="kabupaten", province="Jawa Tengah",
        start_year=START, end_year=END,
        vision="Wonosari Raya yang cerdas, sejahtera dan berbudaya gotong royong",
        missions=["Pelayanan publik yang cepat dan terbuka", "Ekonomi desa yang tangguh"],
    )
    pillars = [p for p in PILLARS]
    records: list = []

    swot_by_pillar: dict[str, list[SwotItem]] = {p.key: [] for p in pillars}
    for i in range(counts["swot"]):
        p = pillars[i % 6]
        q = QUADRANTS.keys[(i // 6) % 4]
        item = SwotItem(id=_id(rng), pillar=p.key, quadrant=q, text=_swot_text(rng, q),
                        element=rng.choice(p.elements).key, subtopic=rng.choice(("", "desa", "kota")),
                        source_agency=rng.choice(_AGENCIES))
        swot_by_pillar[p.key].append(item)
        records.append(item)

    strategies_by_pillar: dict[str, list[Strategy]] = {p.key: [] for p in pillars}
    for i in range(counts["strategy"]):
        p = pillars[i % 6]
        kind = STRATEGY_KINDS.keys[i % 4]
        wanted = set(kind)
        pool = [s for s in swot_by_pillar[p.key] if s.quadrant in wanted]
        cites = [s.id for s in rng.sample(pool, min(len(pool), rng.randint(1, 3)))]
        st = Strategy(id=_id(rng), pillar=p.key, kind=kind, swot_ids=cites,
                      text=f"{rng.choice(_VERBS)} {rng.choice(_SUBJECTS)} dengan {rng.choice(_OPPORTUNITIES)}")
        strategies_by_pillar[p.key].append(st)
        records.append(st)

    programmes: list[Programme] = []
    for i in range(counts["programme"]):
        p = pillars[i % 6]
        quick = (i // 6) % 10 == 0  # each pillar's first programme, then every tenth
        start = rng.randint(START, END)
        end = start if quick else rng.randint(start, END)
        strategies = strategies_by_pillar[p.key]
        prog = Programme(
            id=_id(rng), code=f"{p.number}.{i // 6 + 1:03d}", pillar=p.key, element=rng.choice(p.elements).key,
            name=f"{rng.choice(_VERBS)} {rng.choice(_SUBJECTS)} {p.id.split()[-1]} {i // 6 + 1}",
            description=f"Program {rng.choice(_SUBJECTS)} bersama {rng.choice(_PARTNERS)}.",
            strategy_ids=[rng.choice(strategies).id] if strategies else [],
            lead_agency=rng.choice(_AGENCIES), supporting_agencies=rng.sample(_AGENCIES, 2),
            stakeholders=[Stakeholder(rng.choice(_PARTNERS), rng.choice(PENTAHELIX_ROLES.keys))],
            reference="RPJMD 2025-2029", innovation="technology",
            horizon="short" if quick else "medium", start_year=start, end_year=end,
            quick_win=quick, priority=rng.choice(PRIORITIES.keys),
            funding_sources=rng.sample(FUNDING_SOURCES.keys, 2),
            budget_by_source={"apbd": {y: rng.randint(1, 500) * 10_000_000 for y in range(start, end + 1)}},
            status=rng.choice(STATUSES.keys), progress=rng.randint(0, 100),
        )
        programmes.append(prog)
        records.append(prog)

    for _ in range(counts["indicator"]):
        prog = rng.choice(programmes)
        base = float(rng.randint(0, 500))
        records.append(Indicator(
            id=_id(rng), programme_id=prog.id, name=f"Jumlah {rng.choice(_SUBJECTS)} yang terlayani",
            unit=rng.choice(_UNITS), baseline=base,
            targets={y: base + 10 * (y - START + 1) for y in range(START, END + 1)},
        ))

    for _ in range(counts["milestone"]):
        prog = rng.choice(programmes)
        records.append(Milestone(
            id=_id(rng), programme_id=prog.id, year=rng.randint(prog.start_year, prog.end_year),
            quarter=rng.randint(0, 4), title=f"{rng.choice(_VERBS)} tahap {rng.randint(1, 4)}",
            deliverable=f"Laporan {rng.choice(_SUBJECTS)}", done=rng.random() < 0.3,
        ))
    return info, records


def build_large_plan(path: Path | str, n_records: int = 10_000, seed: int = 0) -> Path:
    """Create a plan file at `path` holding `n_records` records (plus the plan's own)."""
    path = Path(path)
    info, records = plan_records(n_records, seed)
    with PlanStore.create(path, info, team="Sekretariat") as store:
        store.add_many(records, label="generate")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a large sample plan for benchmarks.")
    ap.add_argument("out", type=Path, help="plan file to create (must not exist)")
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    try:
        build_large_plan(args.out, args.records, args.seed)
    except Exception as e:  # a StoreError (file exists, ...) is one line for a person
        msg = e.message("en") if hasattr(e, "message") else str(e)
        print(msg, file=sys.stderr)
        return 2
    print(f"{args.out}: {args.records} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
