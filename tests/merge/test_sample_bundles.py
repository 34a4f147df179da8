"""The shipped sample drafts (sample_data/bundles): made by the script, readable, and merging
into the sample plan with every case docs/merge.md describes, the same in every order."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import shutil
from pathlib import Path

import pytest

from smartcity_tui.bundle.merge import apply, canonical
from smartcity_tui.bundle.merge_conflicts import list_conflicts
from smartcity_tui.bundle.reader import read_bundle
from smartcity_tui.bundle.writer import ExportOptions, export_bundle
from smartcity_tui.store import PlanStore

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "plan.json"
BUNDLES = ROOT / "sample_data" / "bundles"
CLOCK = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _script():
    spec = importlib.util.spec_from_file_location("make_sample_bundles", ROOT / "scripts" / "make_sample_bundles.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SCRIPT = _script()


def _paths() -> list[Path]:
    return sorted(p for p in BUNDLES.iterdir() if not p.name.startswith("."))


@pytest.fixture(scope="module")
def bundles():
    return [read_bundle(p) for p in _paths()]


def _merged(tmp: Path, name: str, bundles, *, one_call: bool) -> PlanStore:
    """A secretariat's copy of the sample plan with the bundles merged in (its replica id
    fixed, as the script's groups are, so its exports can be compared byte for byte)."""
    plan = tmp / f"{name}.json"
    shutil.copyfile(SAMPLE, plan)
    with SCRIPT.replica_id("5a3b1e5a3b1e0bbb"):
        store = PlanStore.open(plan, clock=lambda: CLOCK, durable=False)
        if one_call:
            apply(store, list(bundles))
        else:
            for b in bundles:
                apply(store, [b])
    return store


def test_there_are_three_groups_bundles_of_the_sample_plan(bundles):
    with PlanStore.open(SAMPLE, readonly=True) as sample:
        assert {b.plan_id for b in bundles} == {sample.plan_id}
    assert sorted(b.team for b in bundles) == [
        "Pokja Smart Economy", "Pokja Smart Environment", "Pokja Smart Living"]
    assert any(p.suffix == ".zip" for p in _paths()) and any(p.is_dir() for p in _paths())


def test_merging_the_samples_shows_every_case(tmp_path, bundles):
    store = _merged(tmp_path, "sekretariat", bundles, one_call=True)
    plan = store.plan()
    prog = {p.code: p for p in plan.programmes}
    # new records
    assert prog["ECO-05"].name == "Inkubator UMKM digital Lereng"
    assert [i.name for i in plan.indicators_of(prog["ECO-05"].id)] == ["UMKM yang berjualan daring"]
    # one-sided edits
    assert (prog["ECO-01"].progress, prog["LIV-01"].progress, prog["ENV-01"].progress) == (70, 55, 45)
    # different fields of one record, combined
    assert "Dinas Perhubungan" in prog["ECO-02"].supporting_agencies
    with PlanStore.open(SAMPLE, readonly=True) as sample:
        old = next(p for p in sample.plan().programmes if p.code == "ECO-02")
    assert prog["ECO-02"].budget[2026] == old.budget[2026] + 150_000_000
    conflicts = {c.title.split()[0]: c for c in list_conflicts(store)}
    assert set(conflicts) == {"SOC-01", "LIV-04"}
    # a same-field conflict, both names kept, each with its team
    [name] = conflicts["SOC-01"].fields
    assert {(w.team, w.value) for w in name.values} == {
        ("Pokja Smart Economy", "Wifi Desa Bersahabat di 400 titik pasar dan balai desa"),
        ("Pokja Smart Living", "Wifi Desa Bersahabat di 400 titik dan semua puskesmas")}
    # delete versus edit: the programme stays visible with the edit
    liv4 = conflicts["LIV-04"]
    assert liv4.delete_vs_edit and [w.team for w in liv4.deleted_by] == ["Pokja Smart Living"]
    assert prog["LIV-04"].description.startswith("Peta ruang terbuka hijau")
    store.close()


def test_every_order_gives_byte_identical_exports(tmp_path, bundles):
    exports = []
    orders = list(itertools.permutations(bundles))
    for i, order in enumerate(orders):
        store = _merged(tmp_path, f"order{i}", order, one_call=i % 2 == 0)
        out = tmp_path / f"out{i}"
        out.mkdir()
        result = export_bundle(store, ExportOptions(out), clock=lambda: CLOCK)
        store.close()
        exports.append({f.relative_to(result.path).as_posix(): f.read_bytes()
                        for f in result.path.rglob("*") if f.is_file()})
    assert len(exports) == 6 and "masterplan.md" in exports[0]
    for other in exports[1:]:
        assert other == exports[0]


def test_merging_the_samples_twice_changes_nothing(tmp_path, bundles):
    store = _merged(tmp_path, "twice", bundles, one_call=True)
    before = store.path.read_bytes()
    again = apply(store, list(bundles))
    assert again.written == 0 and store.path.read_bytes() == before
    store.close()


def test_regenerating_gives_the_same_bundles(tmp_path):
    made = SCRIPT.build_sample_bundles(tmp_path)
    assert sorted(p.name for p in made) == [p.name for p in _paths()]
    for path in made:
        shipped = read_bundle(BUNDLES / path.name)
        fresh = read_bundle(path)
        assert canonical(fresh.states) == canonical(shipped.states), (
            f"{path.name} differs from what scripts/make_sample_bundles.py makes; run it and commit")
        assert (fresh.team, fresh.replica_id, fresh.exported_at) == (
            shipped.team, shipped.replica_id, shipped.exported_at)
