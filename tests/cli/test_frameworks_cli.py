"""A plan's framework on the command line: `new --framework`, `stats --json` per aspect, and
`reframe` (preview, apply, what the map does not place)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.model import framework as frameworks
from smartcity_tui.model.records import Programme, SwotItem
from smartcity_tui.store import PlanStore

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "sample_data" / "reframe-gerakan-to-kota-cerdas-2026.toml"
NEW_ARGS = ["--region", "Wonosari", "--kind", "kabupaten", "--province", "Jawa Tengah",
            "--start", "2025", "--end", "2029", "--team", "Sekretariat"]
ASPECTS = ["tata_kelola", "ekonomi", "kehidupan_berkota", "masyarakat", "lingkungan", "mobilitas"]


@pytest.fixture(autouse=True)
def _no_region_files(tmp_path_factory, monkeypatch):
    """The region's framework folder of the test, empty unless a test puts a file there."""
    folder = tmp_path_factory.mktemp("frameworks")
    monkeypatch.setattr(frameworks, "region_folder", lambda: folder)
    return folder


def test_new_on_kota_cerdas_records_the_framework_and_stats_counts_its_aspects(tmp_path, capsys):
    plan = tmp_path / "kota.json"
    code, out, _ = run(capsys, "new", plan, *NEW_ARGS, "--framework", "kota-cerdas-2026")
    assert code == 0 and "kota-cerdas-2026" in out
    with PlanStore.open(plan, readonly=True) as store:
        info = store.plan().info
        assert (info.framework, info.framework_version) == ("kota-cerdas-2026", "2026-rancangan")
    code, out, _ = run(capsys, "stats", plan, "--json")
    data = json.loads(out)
    assert data["framework"] == {"id": "kota-cerdas-2026", "version": "2026-rancangan"}
    assert list(data["pillars"]) == ASPECTS
    code, out, _ = run(capsys, "--lang", "en", "stats", plan)
    assert "Mobility" in out and "Smart Branding" not in out


def test_new_without_framework_writes_no_framework_field(tmp_path, capsys):
    plan = tmp_path / "biasa.json"
    assert run(capsys, "new", plan, *NEW_ARGS)[0] == 0
    assert '"framework"' not in plan.read_text(encoding="utf-8")  # as before frameworks were data
    data = json.loads(run(capsys, "stats", plan, "--json")[1])
    assert list(data["pillars"]) == ["governance", "branding", "economy", "living", "society", "environment"]


def test_new_with_an_unknown_framework_exits_2_naming_the_known_ones(tmp_path, capsys, _no_region_files):
    (_no_region_files / "desa.toml").write_text('id = "desa-cerdas"\nversion = "1"\nname.id = "Desa"\n'
                                                '[[dimensions]]\nkey = "a"\ncode = "A1"\nname.id = "A"\n',
                                                encoding="utf-8")
    (_no_region_files / "rusak.toml").write_text('id = "rusak"\nversion = "1"\nnama = "x"\n', encoding="utf-8")
    plan = tmp_path / "x.json"
    code, _out, err = run(capsys, "new", plan, *NEW_ARGS, "--framework", "smart-province")
    assert code == 2 and not plan.exists()
    assert "smart-province" in err
    for known in ("gerakan-100-smart-city", "kota-cerdas-2026", "desa-cerdas"):
        assert known in err
    assert "rusak.toml, baris 1" in err and "nama" in err  # the region's file that was not taken, and why
    code, _, err = run(capsys, "--lang", "en", "new", plan, *NEW_ARGS, "--framework", "smart-province")
    assert code == 2 and "is not known" in err and "Traceback" not in err


def test_reframe_without_a_terminal_and_without_yes_only_previews(tmp_path, capsys, monkeypatch):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    before = plan.read_bytes()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, out, _ = run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP)
    assert code == 0 and plan.read_bytes() == before
    assert "Smart Living / Sarana transportasi -> Mobilitas / Angkutan umum" in out
    assert "--yes" in out.splitlines()[-1]  # how to apply
    # the map places no Smart Branding strategy: listed, with their key
    assert "Tidak ditempatkan peta (4)" in out and "(branding)" in out


def test_reframe_with_yes_moves_the_plan_and_keeps_what_it_does_not_place(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    with PlanStore.open(plan, readonly=True) as store:
        old = store.plan()
        transport = [p for p in old.programmes if p.element == "transport"]
        branding_strategies = {s.id for s in old.strategies if s.pillar == "branding"}
        n_records = len(old.records)
    code, out, _ = run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")
    assert code == 0 and "4 entri tidak ditempatkan" in out
    with PlanStore.open(plan, readonly=True) as store:
        new = store.plan()
        assert new.framework.id == "kota-cerdas-2026" and len(new.records) == n_records  # nothing dropped
        for p in transport:
            moved = new.get(p.id)
            assert isinstance(moved, Programme) and (moved.pillar, moved.element) == ("mobilitas", "angkutan_umum")
        assert {s.id for s in new.strategies if s.pillar == "branding"} == branding_strategies
        assert [r.id for r in new.outside_framework()] == sorted(branding_strategies, key=lambda i: (
            next(s.order for s in new.strategies if s.id == i), i))
    code, out, _ = run(capsys, "validate", plan)
    assert code == 1 and "di luar kerangka" in out
    data = json.loads(run(capsys, "stats", plan, "--json")[1])
    assert list(data["pillars"]) == ASPECTS and data["pillars"]["mobilitas"]["programmes"] >= 1


def test_an_element_with_no_place_of_its_own_is_kept_in_the_sub_topic(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    assert run(capsys, "new", plan, *NEW_ARGS)[0] == 0
    with PlanStore.open(plan) as store:
        item = store.add(SwotItem(pillar="economy", quadrant="S", text="Koperasi tumbuh", element="welfare"))
    code, _, _ = run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")
    assert code == 0
    with PlanStore.open(plan, readonly=True) as store:
        moved = store.plan().get(item.id)
        assert isinstance(moved, SwotItem)
        assert (moved.pillar, moved.element, moved.subtopic) == ("ekonomi", "", "Kesejahteraan rakyat")


def test_a_map_with_a_mistake_is_refused_naming_its_line_and_the_plan_is_unchanged(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    before = plan.read_bytes()
    bad = tmp_path / "peta.toml"
    bad.write_text('to = "kota-cerdas-2026"\n\n[dimensions]\ngovernance = "tata_kelola"\nliving = "mobility"\n',
                   encoding="utf-8")
    code, _, err = run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", bad, "--yes")
    assert code == 2 and plan.read_bytes() == before
    assert "peta.toml, baris 5" in err and "mobility" in err and "mobilitas" in err
    code, _, err = run(capsys, "reframe", plan, "--to", "kota-cerdas-2099", "--map", MAP, "--yes")
    assert code == 2 and "kota-cerdas-2026" in err and plan.read_bytes() == before


def test_a_kota_cerdas_plan_renders_and_goes_through_sheets_by_its_aspects(tmp_path, capsys):
    plan = tmp_path / "kota.json"
    assert run(capsys, "new", plan, *NEW_ARGS, "--framework", "kota-cerdas-2026")[0] == 0
    with PlanStore.open(plan) as store:
        store.add(Programme(code="MOB-01", name="Bus perkotaan", pillar="mobilitas", element="lalu_lintas",
                            start_year=2026, end_year=2026, horizon="short", lead_agency="Dishub"))
    book = tmp_path / "buku.md"
    assert run(capsys, "render", plan, "--out", book)[0] == 0
    text = book.read_text(encoding="utf-8")
    assert "Mobilitas" in text and "Manajemen lalu lintas" in text and "Smart Branding" not in text
    sheets = tmp_path / "lembar.xlsx"
    assert run(capsys, "sheet", "export", plan, sheets)[0] == 0
    from openpyxl import load_workbook

    rows = list(load_workbook(sheets, read_only=True)["Program"].values)
    header, first = rows[0], rows[1]
    assert first[header.index("Dimensi")] == "Mobilitas" and first[header.index("Elemen")] == "Manajemen lalu lintas"
    code, out, err = run(capsys, "sheet", "import", plan, sheets, "--dry-run", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["ok"] and list(data["areas"])[:6] == ASPECTS and data["areas"]["mobilitas"]["unchanged"] == 1


def test_reframe_leaves_open_conflicts_to_a_person(tmp_path, capsys):
    """Saving a record settles its conflicts with the value shown: a move must not decide."""
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    bundles = sorted((ROOT / "sample_data" / "bundles").iterdir())
    assert run(capsys, "merge", plan, *bundles)[0] == 1  # the samples leave two conflicts open
    before = plan.read_bytes()
    code, out, err = run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")
    assert code == 2 and plan.read_bytes() == before
    assert "masih berkonflik" in err and "conflicts" in err
    assert "Pratinjau" in out  # what would move is still shown


PLUS = """id = "gerakan-plus"
version = "1"
name.id = "Gerakan Plus"

[[dimensions]]
key = "governance"
code = "GOV"
name.id = "Tata Kelola Cerdas"
[[dimensions.elements]]
key = "public_service"
name.id = "Pelayanan publik"

[[dimensions]]
key = "mobility"
code = "MOB"
name.id = "Mobilitas"
[[dimensions.elements]]
key = "transport"
name.id = "Angkutan"
"""


def test_a_kept_dimension_losing_an_element_is_previewed_and_the_element_kept_in_words(
        tmp_path, capsys, _no_region_files):
    """QA frame #3: a dimension the new framework keeps, without some of its elements: the
    preview said all was placed and the plan was left with elements its framework lacks."""
    (_no_region_files / "plus.toml").write_text(PLUS, encoding="utf-8")
    fmap = tmp_path / "peta.toml"
    fmap.write_text('to = "gerakan-plus"\n[elements]\ntransport = "mobility.transport"\n', encoding="utf-8")
    plan = tmp_path / "plan.json"
    assert run(capsys, "new", plan, *NEW_ARGS)[0] == 0
    with PlanStore.open(plan) as store:
        item = store.add(SwotItem(pillar="governance", quadrant="O", text="Perda SPBE disahkan",
                                  element="public_policy"))
    code, out, _ = run(capsys, "reframe", plan, "--to", "gerakan-plus", "--map", fmap, "--yes")
    assert code == 0 and "1 entri dipindahkan" in out, out
    assert "Kebijakan publik" in out  # the record is listed with the element it loses
    with PlanStore.open(plan, readonly=True) as store:
        moved = store.plan().get(item.id)
        assert isinstance(moved, SwotItem)
        assert (moved.pillar, moved.element, moved.subtopic) == ("governance", "", "Kebijakan publik")
    code, out, _ = run(capsys, "validate", plan)
    assert "bukan elemen" not in out


def test_stats_counts_records_outside_the_framework_and_render_says_a_framework_is_missing(tmp_path, capsys):
    """QA frame #6: `stats` left out what a reframe did not place (2 programmes listed of 4),
    and `render` wrote chapters named by raw keys without a word on a laptop lacking the file."""
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    assert run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", MAP, "--yes")[0] == 0
    code, out, _ = run(capsys, "stats", plan)
    assert code == 0 and "Di luar kerangka: branding" in out
    data = json.loads(run(capsys, "stats", plan, "--json")[1])
    assert data["outside_framework"]["branding"]["strategies"] == 3
    lost = tmp_path / "desa.json"
    info_args = [*NEW_ARGS]
    assert run(capsys, "new", lost, *info_args)[0] == 0
    with PlanStore.open(lost) as store:
        store.save(store.plan().info.replace(framework="desa-cerdas-3", framework_version="1"))
    code, _, err = run(capsys, "render", lost, "--out", tmp_path / "buku.md")
    assert code == 0 and "desa-cerdas-3" in err and "tidak ada di laptop ini" in err
    code, _, err = run(capsys, "--lang", "en", "stats", lost)
    assert code == 0 and "is not on this laptop" in err
