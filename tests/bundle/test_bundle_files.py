"""What a bundle holds and how it is named: deterministic files, records in the right
pillar file and sorted by id, manifest checksums, FAT32-safe names."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import zipfile

from hypothesis import given, strategies as st

from bundle_helpers import WHEN, export, make_plan, manifest, sha
from smartcity_tui.bundle import bundle_name
from smartcity_tui.bundle.layout import DATA_FILES, FORMAT_NAME, FORMAT_VERSION, HTML, MARKDOWN
from smartcity_tui.model.vocab import PILLAR_KEYS

FAT_NAME = re.compile(r"[a-z0-9-]+_[a-z0-9-]+_\d{4}-\d{2}-\d{2}_\d{4}")
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def test_two_exports_are_byte_identical_except_the_export_time(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        a = export(store, tmp_path / "a")
        b = export(store, tmp_path / "b", when=WHEN + dt.timedelta(days=3, minutes=7))
    assert a.files == b.files
    for rel in a.files:
        da, db = (a.path / rel).read_bytes(), (b.path / rel).read_bytes()
        if rel == "manifest.toml":
            diff = [(x, y) for x, y in zip(da.decode().splitlines(), db.decode().splitlines()) if x != y]
            assert [x.split(" = ")[0] for x, _ in diff] == ["exported_at"]
        else:
            assert da == db, rel


def test_zip_holds_the_same_tree_as_the_folder(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        folder = export(store, tmp_path / "dir")
        packed = export(store, tmp_path / "zip", zip=True)
    assert packed.path.name == folder.path.name + ".zip"
    with zipfile.ZipFile(packed.path) as zf:
        assert zf.namelist() == folder.files
        for rel in folder.files:
            assert zf.read(rel) == (folder.path / rel).read_bytes()


def test_manifest_names_format_plan_team_and_checksum_of_every_other_file(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        result = export(store, tmp_path / "out")
        man = manifest(result.path)
        assert (man["format"], man["format_version"]) == (FORMAT_NAME, FORMAT_VERSION)
        assert (man["plan_id"], man["replica_id"], man["team"]) == (store.plan_id, store.replica_id, store.team)
        assert man["exported_at"] == WHEN.isoformat()
    assert result.files[-1] == "manifest.toml"
    assert set(man["files"]) == set(result.files) - {"manifest.toml"} == {*DATA_FILES, MARKDOWN, HTML}
    for rel, entry in man["files"].items():
        data = (result.path / rel).read_bytes()
        assert entry == {"sha256": sha(data), "size": len(data)}
    assert man["counts"]["records"] == 12 and man["counts"]["swot"] == 4


def test_records_travel_in_their_pillar_file_sorted_by_id(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        result = export(store, tmp_path / "out")
        docs = {rel: tomllib.loads((result.path / rel).read_text(encoding="utf-8")) for rel in DATA_FILES}
        plan = store.plan()
        programme = next(p for p in plan.programmes if p.pillar == "economy")
    assert [k for k in docs["pillars/economy.toml"] if k not in ("plan_id", "pillar")] == [
        "swot", "strategy", "programme", "indicator", "milestone"]
    economy = docs["pillars/economy.toml"]
    assert {r["id"] for r in economy["programme"]} == {programme.id}
    assert economy["indicator"][0]["f"]["programme_id"][0]["v"] == programme.id  # with its programme
    assert len(economy["swot"]) == 3  # the deleted item travels too, as a tombstone
    assert any("_deleted" in r["f"] for r in economy["swot"])
    assert len(docs["pillars/living.toml"]["swot"]) == 1
    for key in PILLAR_KEYS:
        assert docs[f"pillars/{key}.toml"]["pillar"] == key
    # the programme without pillar and its milestone stay in plan.toml: nothing is dropped
    assert [r["f"]["name"][0]["v"] for r in docs["plan.toml"]["programme"]] == ["Tanpa dimensi"]
    assert len(docs["plan.toml"]["milestone"]) == 1
    for doc in docs.values():
        for key, records in doc.items():
            if isinstance(records, list):
                ids = [r["id"] for r in records]
                assert ids == sorted(ids)


def test_bundle_names_are_fat32_safe_ascii():
    when = dt.datetime(2026, 3, 9, 8, 5)
    assert bundle_name("Kabupaten Wonosari Raya", "Pokja Smart Economy", when) == \
        "kabupaten-wonosari-raya_pokja-smart-economy_2026-03-09_0805"
    assert bundle_name("Kota Bau-Bau", "Tim: A/B \\ C*?<>|\"", when) == "kota-bau-bau_tim-a-b-c_2026-03-09_0805"
    assert bundle_name("Pématang Siantar", "", when) == "pematang-siantar_tim_2026-03-09_0805"
    assert bundle_name("CON", "nul", when) == "rencana_tim_2026-03-09_0805"


@given(region=st.text(max_size=300), team=st.text(max_size=300))
def test_any_region_and_team_give_a_safe_name(region, team):
    name = bundle_name(region, team, dt.datetime(2026, 11, 22, 23, 59))
    assert FAT_NAME.fullmatch(name)
    assert len(name) <= 100
    assert not any(part in RESERVED for part in name.split("_"))


def test_an_earlier_bundle_of_the_same_minute_is_never_replaced(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        first = export(store, tmp_path / "out")
        before = {p: p.read_bytes() for p in first.path.rglob("*") if p.is_file()}
        second = export(store, tmp_path / "out")
    assert second.path.name == first.path.name + "-2"
    assert {p: p.read_bytes() for p in first.path.rglob("*") if p.is_file()} == before


def test_progress_reports_every_file_then_the_check(tmp_path):
    seen = []
    with make_plan(tmp_path / "plan.json") as store:
        from smartcity_tui.bundle import ExportOptions, export_bundle
        (tmp_path / "out").mkdir()
        result = export_bundle(store, ExportOptions(tmp_path / "out"), progress=lambda *a: seen.append(a))
    total = 2 * len(result.files) - 1 + 1  # prepare every file but the manifest, write all, verify
    assert [d for d, _, _ in seen] == list(range(1, total + 1))
    assert {t for _, t, _ in seen} == {total}
    labels = [label for _, _, label in seen]
    assert labels == result.files[:-1] + result.files + ["verify"]


def test_the_format_spec_states_the_limits_and_files_the_code_uses():
    from pathlib import Path

    from smartcity_tui.bundle import layout
    spec = (Path(__file__).resolve().parents[2] / "docs" / "bundle-format.md").read_text(encoding="utf-8")
    assert f'"{layout.FORMAT_NAME}"' in spec and f"format_version = {layout.FORMAT_VERSION}" in spec
    for rel in (*DATA_FILES, MARKDOWN, layout.HTML, layout.MANIFEST):
        assert f"`{rel}`" in spec
    assert f"{layout.MAX_ZIP_MEMBERS:,} of them" in spec
    assert f"{layout.MAX_FILE_BYTES // 2**20} MB" in spec and f"{layout.MAX_TOTAL_BYTES // 2**20} MB" in spec
    assert f"{layout.MAX_STRING_CHARS:,} characters" in spec
    assert f"nested at most {layout.MAX_NESTING} deep" in spec
