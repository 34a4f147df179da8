"""Build sample_data/bundles/: three working groups' drafts of the sample plan, made with the
project's own code (copy the plan, edit it through PlanStore, export_bundle), so that merging
them shows every case of docs/merge.md:

- new records: Smart Economy adds a SWOT item and a programme with an indicator and a
  milestone; Smart Environment adds a strategy;
- one-sided edits: each group moves the progress of one of its own programmes;
- edits to different fields of one record: on ECO-02 Economy raises the 2026 APBD amount while
  Living adds a supporting agency; they combine without a conflict;
- a same-field conflict: Economy and Living both rename SOC-01 (the village wifi);
- delete versus edit: Living deletes LIV-04 (with its indicator and milestones) while
  Environment, not knowing, rewrites its description.

Deterministic: fixed clocks, fixed replica ids, new record ids from a seeded generator, fixed
bundle names; running it again gives the same bundles (tests/merge/test_sample_bundles.py).

    python scripts/make_sample_bundles.py [OUT_DIR]
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from smartcity_tui.bundle.writer import ExportOptions, export_bundle  # noqa: E402
from smartcity_tui.model import Indicator, Milestone, Programme, Strategy, SwotItem  # noqa: E402
from smartcity_tui.store import PlanStore  # noqa: E402
from smartcity_tui.store import writing as _writing  # noqa: E402

SAMPLE_PLAN = HERE.parent / "sample_data" / "plan.json"
DEFAULT_OUT = HERE.parent / "sample_data" / "bundles"
WIB = dt.timezone(dt.timedelta(hours=7))


@contextmanager
def replica_id(fixed: str) -> Iterator[None]:
    """A copied plan takes a fresh, random replica id on its first write; here it takes
    `fixed`, so the bundles come out the same on every run."""
    original = _writing.new_replica_id
    _writing.new_replica_id = lambda: fixed
    try:
        yield
    finally:
        _writing.new_replica_id = original


def _prog(store: PlanStore, code: str) -> Programme:
    return next(p for p in store.plan().programmes if p.code == code)


def economy(store: PlanStore, new_id: Callable[[], str]) -> None:
    item = store.add(SwotItem(id=new_id(), pillar="economy", quadrant="O", element="financial_transactions",
                              text="Marketplace nasional membuka kanal khusus kopi dan kerajinan desa",
                              source_agency="Dinas Koperasi dan UMKM"))
    strategy = next(s for s in store.plan().strategies_for("economy") if s.kind == "SO")
    store.update(strategy.id, swot_ids=[*strategy.swot_ids, item.id])
    prog = store.add(Programme(
        id=new_id(), code="ECO-05", name="Inkubator UMKM digital Lereng", pillar="economy",
        element="welfare", description="Pendampingan 200 UMKM desa untuk berjualan daring.",
        strategy_ids=[strategy.id], lead_agency="Dinas Koperasi dan UMKM",
        supporting_agencies=["Diskominfo"], horizon="medium", start_year=2026, end_year=2028,
        priority="high", funding_sources=["apbd", "csr"], location="Desa-desa sentra UMKM di 12 kecamatan",
        budget_by_source={"apbd": {2026: 250_000_000, 2027: 300_000_000, 2028: 300_000_000},
                          "csr": {2026: 100_000_000, 2027: 100_000_000, 2028: 100_000_000}}))
    store.add(Indicator(id=new_id(), programme_id=prog.id, name="UMKM yang berjualan daring",
                        unit="UMKM", baseline=40, targets={2026: 100, 2027: 160, 2028: 200}))
    store.add(Milestone(id=new_id(), programme_id=prog.id, year=2026, quarter=3,
                        title="Angkatan pertama inkubator", deliverable="50 UMKM lulus pendampingan"))
    store.update(_prog(store, "ECO-01").id, progress=70)
    eco2 = _prog(store, "ECO-02")
    apbd = eco2.budget_by_source.get("apbd", {})
    store.update(eco2.id, budget_by_source={**eco2.budget_by_source, "apbd": {**apbd, 2026: apbd.get(2026, 0) + 150_000_000}})
    store.update(_prog(store, "SOC-01").id, name="Wifi Desa Bersahabat di 400 titik pasar dan balai desa")


def living(store: PlanStore, new_id: Callable[[], str]) -> None:
    store.update(_prog(store, "LIV-01").id, progress=55)
    eco2 = _prog(store, "ECO-02")
    store.update(eco2.id, supporting_agencies=[*eco2.supporting_agencies, "Dinas Perhubungan"])
    store.update(_prog(store, "SOC-01").id, name="Wifi Desa Bersahabat di 400 titik dan semua puskesmas")
    store.delete(_prog(store, "LIV-04").id)  # folded into LIV-03, says the group


def environment(store: PlanStore, new_id: Callable[[], str]) -> None:
    swot = [s.id for s in store.plan().swot_for("environment") if s.quadrant in ("W", "O")][:2]
    store.add(Strategy(id=new_id(), pillar="environment", kind="WO", swot_ids=swot,
                       text="Gandeng perguruan tinggi untuk memantau sungai dan sampah dengan sensor murah"))
    store.update(_prog(store, "ENV-01").id, progress=45)
    store.update(_prog(store, "LIV-04").id,
                 description="Peta ruang terbuka hijau dan tata ruang yang dapat dibuka warga dari ponsel.")


# (team, replica id, workshop day and hour, edits, as .zip)
GROUPS = (
    ("Pokja Smart Economy", "5a3b1e5a3b1e00e1", dt.datetime(2026, 11, 16, 10, 0, tzinfo=WIB), economy, False),
    ("Pokja Smart Living", "5a3b1e5a3b1e00e2", dt.datetime(2026, 11, 16, 14, 30, tzinfo=WIB), living, False),
    ("Pokja Smart Environment", "5a3b1e5a3b1e00e3", dt.datetime(2026, 11, 17, 9, 15, tzinfo=WIB), environment, True),
)


def build_sample_bundles(out: Path = DEFAULT_OUT, plan: Path = SAMPLE_PLAN, seed: int = 1116) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    made = []
    with tempfile.TemporaryDirectory() as tmp:
        for team, replica, when, edits, as_zip in GROUPS:
            copy = Path(tmp) / f"{replica}.json"
            shutil.copyfile(plan, copy)
            with replica_id(replica), PlanStore.open(copy, clock=lambda: when, durable=False) as store:
                store.set_team(team)
                edits(store, new_id)
                result = export_bundle(store, ExportOptions(Path(tmp), zip=as_zip, lang="id"),
                                       clock=lambda: when)
                if store.replica_id != replica:
                    raise RuntimeError("the fixed replica id did not take; see replica_id()")
            target = out / result.path.name
            # replace only this group's earlier bundle, never anything else in the folder
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            shutil.move(str(result.path), str(target))
            made.append(target)
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for path in build_sample_bundles(target):
        print(path)
