"""`merge`, `conflicts` as the secretariat uses them at a terminal, on the sample drafts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.i18n import set_language
from smartcity_tui.store import PlanStore

ROOT = Path(__file__).resolve().parents[2]
BUNDLES = sorted(str(p) for p in (ROOT / "sample_data" / "bundles").iterdir() if not p.name.startswith("."))


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    shutil.copyfile(SAMPLE, path)
    return path


def test_dry_run_shows_the_changes_per_pillar_and_changes_nothing(plan, capsys):
    before = plan.read_bytes()
    code, out, err = run(capsys, "merge", plan, *BUNDLES, "--dry-run")
    assert code == 1 and err == ""  # 1: the merged plan would hold open conflicts
    assert "Smart Economy" in out and "Konflik baru" in out and "tidak diubah" in out
    assert plan.read_bytes() == before
    assert not list(plan.parent.glob("*.backup-*"))


def test_merge_writes_and_reports_in_json(plan, capsys):
    code, out, _ = run(capsys, "merge", plan, *BUNDLES, "--json")
    report = json.loads(out)
    assert code == 1 and report["applied"] is True and report["dry_run"] is False
    assert report["totals"]["added"] == 5 and report["totals"]["conflicts_new"] == 2
    assert report["areas"]["economy"]["added"] == 4
    assert sorted(b["team"] for b in report["bundles"]) == [
        "Pokja Smart Economy", "Pokja Smart Environment", "Pokja Smart Living"]
    with PlanStore.open(plan, readonly=True) as store:
        assert len(store.conflicts()) == 2
    code, out, _ = run(capsys, "merge", plan, *BUNDLES, "--json")
    assert json.loads(out)["written"] == 0


def test_conflicts_lists_values_and_teams(plan, capsys):
    run(capsys, "merge", plan, *BUNDLES)
    code, out, _ = run(capsys, "conflicts", plan)
    assert code == 1
    assert "SOC-01" in out and "Pokja Smart Living" in out and "Pokja Smart Economy" in out
    assert "Dihapus oleh Pokja Smart Living" in out
    code, out, _ = run(capsys, "conflicts", plan, "--json", "--lang", "en")
    found = json.loads(out)["conflicts"]
    assert code == 1 and {c["kind"] for c in found} == {"programme"}
    soc = next(c for c in found if c["title"].startswith("SOC-01"))
    assert [v["shown"] for v in soc["fields"][0]["values"]].count(True) == 1


def test_conflicts_on_a_clean_plan_says_so(plan, capsys):
    code, out, _ = run(capsys, "conflicts", plan, "--lang", "en")
    assert code == 0 and "No open conflicts" in out


def test_a_bad_bundle_stops_the_merge_with_one_line(plan, tmp_path, capsys):
    broken = tmp_path / "broken"
    shutil.copytree(BUNDLES[0], broken)
    manifest = broken / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("format_version = 2", "format_version = 99"),
                        encoding="utf-8")
    before = plan.read_bytes()
    code, out, err = run(capsys, "merge", plan, BUNDLES[1], broken)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "broken" in err
    assert plan.read_bytes() == before


def test_a_bundle_of_another_plan_needs_adopt_into_an_empty_plan(tmp_path, capsys):
    empty = tmp_path / "kosong.json"
    assert run(capsys, "new", empty, "--region", "Wonosari Raya", "--kind", "kabupaten", "--province",
               "Jawa Tengah", "--start", "2025", "--end", "2029", "--team", "Sekretariat")[0] == 0
    before = empty.read_bytes()
    code, _, err = run(capsys, "merge", empty, BUNDLES[0])
    assert code == 2 and "--adopt" in err and empty.read_bytes() == before
    code, out, _ = run(capsys, "merge", empty, BUNDLES[0], "--adopt")
    assert code == 0 and "salinan rencana" in out
    code, out, _ = run(capsys, "merge", empty, *BUNDLES[1:])
    assert code == 1
    with PlanStore.open(empty, readonly=True) as store:
        assert store.plan().info.region == "Wonosari Raya" and len(store.conflicts()) == 2


def _group_bundle(plan: Path, folder: Path, team: str, edit) -> Path:
    from smartcity_tui.bundle import ExportOptions, export_bundle

    copy = folder / team.replace(" ", "-") / "plan.json"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(plan, copy)
    with PlanStore.open(copy) as store:
        store.set_team(team)
        edit(store)
        return export_bundle(store, ExportOptions(folder)).path


def test_agreeing_groups_merge_with_exit_0_and_a_deleted_programme_names_its_orphan(plan, tmp_path, capsys):
    """Two groups typing the same agency and both deleting one SWOT item: exit 0, nothing to
    settle. Then one group deletes a programme while another adds a milestone to it: exit 1,
    and `conflicts` says whose delete it was and what to do."""
    from smartcity_tui.model.records import Milestone

    with PlanStore.open(plan, readonly=True) as store:
        prog = next(p for p in store.plan().programmes if p.code == "ECO-01")
        swot = store.plan().swot[0].id
    def agree(store):
        store.update(prog.id, lead_agency="Dinas Perdagangan dan UMKM")
        store.delete(swot)
    a = _group_bundle(plan, tmp_path / "r1", "Pokja A", agree)
    b = _group_bundle(plan, tmp_path / "r1", "Pokja B", agree)
    code, out, _ = run(capsys, "merge", plan, a, b)
    assert code == 0, out
    assert run(capsys, "conflicts", plan)[0] == 0
    gone = _group_bundle(plan, tmp_path / "r2", "Pokja Hapus", lambda s: s.delete(prog.id))
    added = _group_bundle(plan, tmp_path / "r2", "Pokja Tambah",
                          lambda s: s.add(Milestone(programme_id=prog.id, year=2026, title="Uji coba pasar daring")))
    code, out, _ = run(capsys, "merge", plan, gone, added)
    assert code == 1
    code, out, _ = run(capsys, "conflicts", plan)
    assert code == 1 and "Uji coba pasar daring" in out
    assert "Programnya (ECO-01" in out and "dihapus oleh Pokja Hapus" in out
