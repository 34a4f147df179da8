"""Bundles and frameworks: a plan on kota-cerdas-2026 travels and merges as a plan on the six
pillars does; a format-1 bundle is the six pillars and still merges into the sample plan; a
bundle whose framework cannot be said (copies moved to other frameworks independently, or to
one this laptop lacks) is refused and the plan stays byte-identical; a group's copy from
before a reframe merges into the moved plan."""

from __future__ import annotations

import json
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.bundle import read_bundle
from smartcity_tui.model import framework as frameworks
from smartcity_tui.model.records import Programme, SwotItem
from smartcity_tui.store import PlanStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bundle"))
import spec_writer

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "sample_data" / "reframe-gerakan-to-kota-cerdas-2026.toml"
NEW_ARGS = ["--region", "Wonosari", "--kind", "kabupaten", "--province", "Jawa Tengah",
            "--start", "2025", "--end", "2029", "--team", "Sekretariat"]
ASPECTS = ["tata_kelola", "ekonomi", "kehidupan_berkota", "masyarakat", "lingkungan", "mobilitas"]


@pytest.fixture(autouse=True)
def _region_folder(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("frameworks")
    monkeypatch.setattr(frameworks, "region_folder", lambda: folder)
    return folder


def _export(capsys, plan: Path, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    code, _, err = run(capsys, "export", plan, "--out", out)
    assert code == 0, err
    return next(p for p in out.iterdir() if p.is_dir())


def test_a_kota_cerdas_plan_travels_by_its_aspects_and_merges(tmp_path, capsys):
    main_plan, group_plan = tmp_path / "sekretariat.json", tmp_path / "pokja.json"
    assert run(capsys, "new", main_plan, *NEW_ARGS, "--framework", "kota-cerdas-2026")[0] == 0
    shutil.copy(main_plan, group_plan)
    with PlanStore.open(group_plan) as store:
        store.set_team("Pokja Mobilitas")
        item = store.add(SwotItem(pillar="mobilitas", quadrant="W", text="Angkutan desa jarang",
                                  element="angkutan_umum"))
    bundle = _export(capsys, group_plan, tmp_path / "flashdisk")
    man = tomllib.loads((bundle / "manifest.toml").read_text(encoding="utf-8"))
    assert (man["framework"], man["framework_version"]) == ("kota-cerdas-2026", "2026-rancangan")
    assert sorted(p.stem for p in (bundle / "pillars").iterdir()) == sorted(ASPECTS)
    head = (bundle / "plan.toml").read_text(encoding="utf-8").splitlines()[1:3]
    assert head == ['framework = "kota-cerdas-2026"', 'framework_version = "2026-rancangan"']
    assert "Angkutan desa jarang" in (bundle / "pillars" / "mobilitas.toml").read_text(encoding="utf-8")
    assert read_bundle(bundle).framework_ref == ("kota-cerdas-2026", "2026-rancangan")
    code, out, _ = run(capsys, "merge", main_plan, bundle)
    assert code == 0 and "Mobilitas" in out
    with PlanStore.open(main_plan, readonly=True) as store:
        assert store.plan().get(item.id) is not None


def test_a_format_1_bundle_is_the_six_pillars_and_merges_into_the_sample_plan(tmp_path, capsys):
    plan, copy = tmp_path / "plan.json", tmp_path / "pokja.json"
    shutil.copy(SAMPLE, plan)
    shutil.copy(SAMPLE, copy)
    with PlanStore.open(copy) as store:
        prog = next(p for p in store.plan().programmes if p.pillar == "living")
        store.save(prog.replace(description="Diperbarui oleh pokja dengan aplikasi lama"))
        plan_id, replica, team = store.plan_id, store.replica_id, store.team
    records = list(json.loads(copy.read_text(encoding="utf-8"))["records"].values())
    facts = {"format": "smartcity-tui-bundle", "format_version": 1, "app_version": "0.1.0", "plan_id": plan_id,
             "replica_id": replica, "team": team, "exported_at": "2026-11-16T10:00:00+07:00", "language": "id",
             "teams": {replica: team}}
    folder = tmp_path / "lama"
    for rel, data in spec_writer.write_bundle(facts, records, None).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    assert "framework" not in (folder / "manifest.toml").read_text(encoding="utf-8")
    assert read_bundle(folder).framework_ref == ("gerakan-100-smart-city", "2017")
    code, _, err = run(capsys, "merge", plan, folder)
    assert code in (0, 1) and err == ""
    with PlanStore.open(plan, readonly=True) as store:
        assert store.plan().get(prog.id).description == "Diperbarui oleh pokja dengan aplikasi lama"


def _moved_independently(tmp_path: Path, capsys) -> tuple[Path, Path]:
    """The sample plan at the secretariat, moved to kota-cerdas-2026; a group's copy of it moved
    on its own laptop to a region's framework: two moves nobody reconciled."""
    plan, copy = tmp_path / "plan.json", tmp_path / "pokja.json"
    shutil.copy(SAMPLE, plan)
    shutil.copy(SAMPLE, copy)
    assert run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")[0] == 0
    with PlanStore.open(copy) as store:
        store.set_info(framework="kota-cerdas-2026", framework_version="2025-uji")
    return plan, copy


def test_a_bundle_of_another_framework_is_refused_and_the_plan_is_untouched(tmp_path, capsys):
    plan, copy = _moved_independently(tmp_path, capsys)
    # the copy names a version this laptop lacks: its bundle still reads (its pillar files are
    # those its manifest lists), and is refused when merged
    bundle = _export(capsys, copy, tmp_path / "flashdisk")
    assert read_bundle(bundle).framework_ref == ("kota-cerdas-2026", "2025-uji")
    before = plan.read_bytes()
    code, _, err = run(capsys, "merge", plan, bundle)
    assert code == 2 and plan.read_bytes() == before
    assert "kerangka yang berbeda" in err and "gerakan-100-smart-city" not in err.split("(")[0]
    code, out, _ = run(capsys, "--lang", "en", "merge", plan, bundle, "--json")
    assert code == 2 and json.loads(out)["error"]["key"] == "merge.framework_conflict"
    assert plan.read_bytes() == before and not list(plan.parent.glob("plan.json.backup-*"))


def test_a_bundle_moving_the_plan_to_a_framework_this_laptop_lacks_is_refused(tmp_path, capsys, _region_folder):
    desa = ('id = "desa-cerdas"\nversion = "1"\nname.id = "Desa Cerdas"\n\n[[dimensions]]\nkey = "tata_kelola"\n'
            'code = "GOV"\nname.id = "Tata kelola desa"\n')
    (_region_folder / "desa.toml").write_text(desa, encoding="utf-8")
    plan, copy = tmp_path / "plan.json", tmp_path / "pokja.json"
    shutil.copy(SAMPLE, plan)
    shutil.copy(SAMPLE, copy)
    peta = tmp_path / "peta.toml"
    peta.write_text('to = "desa-cerdas"\n[dimensions]\ngovernance = "tata_kelola"\n', encoding="utf-8")
    assert run(capsys, "reframe", copy, "--to", "desa-cerdas", "--map", peta, "--yes")[0] == 0
    bundle = _export(capsys, copy, tmp_path / "flashdisk")
    (_region_folder / "desa.toml").unlink()  # the secretariat's laptop has no such file
    before = plan.read_bytes()
    code, _, err = run(capsys, "merge", plan, bundle)
    assert code == 2 and plan.read_bytes() == before
    assert "desa-cerdas 1" in err and str(_region_folder) in err


def test_a_groups_copy_from_before_the_reframe_merges_into_the_moved_plan(tmp_path, capsys):
    plan, copy = tmp_path / "plan.json", tmp_path / "pokja.json"
    shutil.copy(SAMPLE, plan)
    shutil.copy(SAMPLE, copy)
    with PlanStore.open(copy) as store:
        store.set_team("Pokja Smart Living")
        prog = next(p for p in store.plan().programmes if p.element == "transport")
        store.save(prog.replace(description="Trayek desa ditambah"))
        late = store.add(SwotItem(pillar="living", quadrant="O", text="Dana desa untuk halte", element="transport"))
    bundle = _export(capsys, copy, tmp_path / "flashdisk")
    assert run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")[0] == 0
    code, _, err = run(capsys, "merge", plan, bundle)
    assert code in (0, 1) and err == ""
    with PlanStore.open(plan, readonly=True) as store:
        moved = store.plan()
        assert moved.framework.id == "kota-cerdas-2026"
        merged = moved.get(prog.id)
        assert isinstance(merged, Programme)
        # the move stands, the group's edit is in
        assert (merged.pillar, merged.element, merged.description) == (
            "mobilitas", "angkutan_umum", "Trayek desa ditambah")
        # what the group wrote on the old pillar after the copy was made: kept, and named
        assert late.id in {r.id for r in moved.outside_framework()}


def test_the_merge_screen_says_why_a_bundle_of_another_framework_is_refused(tmp_path, capsys):
    from smartcity_tui.ui.screens.merge import compute_preview

    plan, copy = _moved_independently(tmp_path, capsys)
    bundle = read_bundle(_export(capsys, copy, tmp_path / "flashdisk"))
    before = plan.read_bytes()
    shown = compute_preview(plan, [bundle])
    assert shown.report is None and "kerangka yang berbeda" in shown.refusal and "reframe" in shown.refusal
    assert plan.read_bytes() == before


def test_the_moved_plans_bundle_brings_a_groups_copy_along(tmp_path, capsys):
    plan, copy = tmp_path / "plan.json", tmp_path / "pokja.json"
    shutil.copy(SAMPLE, plan)
    shutil.copy(SAMPLE, copy)
    assert run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")[0] == 0
    bundle = _export(capsys, plan, tmp_path / "flashdisk")
    code, out, _ = run(capsys, "merge", copy, bundle, "--json")
    report = json.loads(out)
    assert code == 0 and list(report["areas"]) == ["plan", *ASPECTS]  # counted by the aspects now
    assert report["areas"]["mobilitas"]["updated"] >= 1
    with PlanStore.open(copy, readonly=True) as store:
        assert store.plan().framework.id == "kota-cerdas-2026"


def test_a_groups_new_record_on_an_unplaced_dimension_is_counted_under_that_dimension(tmp_path, capsys):
    """QA frame #11: a SWOT item a group added on the old branding pillar was counted under
    "Rencana (umum)" in the merge summary, as if it were one of the plan's own facts."""
    plan, copy = tmp_path / "plan.json", tmp_path / "pokja.json"
    shutil.copy(SAMPLE, plan)
    shutil.copy(SAMPLE, copy)
    with PlanStore.open(copy) as store:
        store.set_team("Pokja Smart Branding")
        store.add(SwotItem(pillar="branding", quadrant="O", text="Festival kopi lereng", element="tourism"))
    bundle = _export(capsys, copy, tmp_path / "flashdisk")
    assert run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")[0] == 0
    code, out, _ = run(capsys, "merge", plan, bundle, "--json", "--dry-run")
    report = json.loads(out)
    assert code in (0, 1) and report["areas"]["branding"]["added"] == 1
    assert report["areas"]["plan"]["added"] == 0
