"""Team names travel in bundles: a group that gets the merged plan back sees who wrote what."""

from __future__ import annotations

import json

import shutil
from pathlib import Path

from smartcity_tui.bundle import ExportOptions, export_bundle, read_bundle
from smartcity_tui.bundle.merge import apply
from smartcity_tui.store import PlanStore
from smartcity_tui.store.teams import known_teams

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"


def _copy(tmp_path: Path, name: str, team: str) -> PlanStore:
    path = tmp_path / name / "plan.json"
    path.parent.mkdir()
    shutil.copy(SAMPLE, path)
    store = PlanStore.open(path)
    store.set_team(team)
    store.set_info(vision=f"Visi dari {team}")  # a write: the copy takes its own replica
    return store


def test_merged_plan_passes_every_team_name_on(tmp_path):
    economy = _copy(tmp_path, "economy", "Pokja Smart Economy")
    secretariat = _copy(tmp_path, "sekretariat", "Sekretariat")
    living = _copy(tmp_path, "living", "Pokja Smart Living")
    out = tmp_path / "out"
    out.mkdir()
    b1 = read_bundle(export_bundle(economy, ExportOptions(out)).path)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))["_meta"]["1"]
    # the group's own replica, and the sample's writes in the name of the team that made them
    assert b1.teams == {economy.replica_id: "Pokja Smart Economy", sample["replica"]["id"]: sample["team"]}
    apply(secretariat, [b1])
    merged = read_bundle(export_bundle(secretariat, ExportOptions(out, zip=True)).path)
    assert merged.teams[economy.replica_id] == "Pokja Smart Economy"
    assert merged.teams[secretariat.replica_id] == "Sekretariat"
    apply(living, [merged])  # the merged plan goes back to a group
    assert known_teams(living)[economy.replica_id] == "Pokja Smart Economy"
    assert known_teams(living)[secretariat.replica_id] == "Sekretariat"
    for s in (economy, secretariat, living):
        s.close()


def test_a_malformed_teams_table_is_refused_naming_the_manifest(tmp_path):
    import pytest

    from smartcity_tui.bundle import BundleError

    store = _copy(tmp_path, "a", "Pokja A")
    out = tmp_path / "out"
    out.mkdir()
    path = export_bundle(store, ExportOptions(out)).path
    store.close()
    manifest = path / "manifest.toml"
    text = manifest.read_text(encoding="utf-8").replace("[teams]\n", '[teams]\n"../../etc" = 7\n')
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(BundleError) as e:
        read_bundle(path)
    assert "manifest.toml" in e.value.message() and "teams" in e.value.message()
