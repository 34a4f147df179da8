"""Frameworks as data (model/framework.py): the two the app ships, what a plan without a
framework field is, and a region's own file, refused with its file, line and mistake when it
has one."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_tui.model import framework as frameworks
from smartcity_tui.model.framework import FrameworkError
from smartcity_tui.model.framework_file import parse
from smartcity_tui.model.plan import Plan
from smartcity_tui.model.records import PlanInfo, SwotItem
from smartcity_tui.model.vocab import PILLARS, find_element, pillar

# The six pillars and eighteen elements as model/vocab.py had them in code before they were
# data: every plan file written until now means exactly these keys and names.
SIX_PILLARS = [
    ("governance", "Smart Governance", [("public_service", "Pelayanan publik", "Public service"),
                                        ("bureaucracy", "Manajemen birokrasi", "Bureaucracy management"),
                                        ("public_policy", "Kebijakan publik", "Public policy")]),
    ("branding", "Smart Branding", [("tourism", "Ekosistem pariwisata", "Tourism"),
                                    ("regional_business", "Ekosistem bisnis daerah", "Regional business"),
                                    ("city_appearance", "Wajah kota", "City appearance")]),
    ("economy", "Smart Economy", [("industry", "Ekosistem industri", "Industry"),
                                  ("welfare", "Kesejahteraan rakyat", "Public welfare"),
                                  ("financial_transactions", "Ekosistem transaksi keuangan",
                                   "Financial transactions")]),
    ("living", "Smart Living", [("spatial_harmony", "Harmonisasi tata ruang (pola hidup)",
                                 "Spatial harmony and lifestyle"),
                                ("health", "Prasarana kesehatan", "Health"),
                                ("transport", "Sarana transportasi", "Transport")]),
    ("society", "Smart Society", [("community_interaction", "Interaksi masyarakat", "Community interaction"),
                                  ("learning", "Ekosistem belajar", "Learning"),
                                  ("public_safety", "Sistem keamanan masyarakat", "Public safety")]),
    ("environment", "Smart Environment", [("environmental_protection", "Proteksi lingkungan",
                                           "Environmental protection"),
                                          ("waste", "Tata kelola sampah dan limbah", "Waste"),
                                          ("energy", "Tata kelola energi", "Energy")]),
]

GOOD = """id = "desa-cerdas-contoh"
version = "1"
name.id = "Desa Cerdas Contoh"

[[dimensions]]
key = "tata_kelola"
code = "GOV"
name.id = "Tata kelola desa"

[[dimensions.elements]]
key = "pelayanan"
name.id = "Pelayanan"
"""


def test_the_default_framework_is_the_six_pillars_exactly_as_they_were():
    fw = frameworks.default()
    assert fw.id == "gerakan-100-smart-city" and fw.ref == ("gerakan-100-smart-city", "2017")
    got = [(d.key, d.label("id"), [(e.key, e.label("id"), e.label("en")) for e in d.elements]) for d in fw.dimensions]
    assert got == SIX_PILLARS
    assert [d.number for d in fw.dimensions] == [1, 2, 3, 4, 5, 6]
    assert [d.code for d in fw.dimensions] == ["GOV", "BRA", "ECO", "LIV", "SOC", "ENV"]
    # the vocabulary's names stand for the same pillars
    assert fw.dimensions == PILLARS and pillar("living").label("en") == "Smart Living"
    assert find_element("transport") == (fw.dimension("living"), fw.dimension("living").element("transport"))


def test_kota_cerdas_2026_has_the_draft_aspects_in_order_with_mobility_sixth():
    fw = frameworks.built_in("kota-cerdas-2026")
    assert [d.label("id") for d in fw.dimensions] == [
        "Tata Kelola Birokrasi", "Ekonomi", "Kehidupan Berkota", "Masyarakat", "Lingkungan", "Mobilitas"]
    assert fw.dimension("mobilitas").number == 6 and fw.dimension("mobilitas").label("en") == "Mobility"
    assert all(e.provisional for d in fw.dimensions for e in d.elements)  # the draft names no elements
    assert all(d.elements for d in fw.dimensions)


def test_a_plan_naming_no_framework_is_on_the_six_pillars():
    plan = Plan(PlanInfo(region="Contoh"), {})
    assert plan.framework is frameworks.default()
    info = PlanInfo(region="Contoh")
    assert "framework" not in info.to_fields() and "framework_version" not in info.to_fields()


def test_a_plan_on_kota_cerdas_counts_its_aspects():
    info = PlanInfo(region="Contoh", framework="kota-cerdas-2026", framework_version="2026-rancangan")
    item = SwotItem(pillar="mobilitas", quadrant="S", text="Terminal terpadu")
    plan = Plan(info, {item.id: item})
    assert list(plan.counts()) == ["tata_kelola", "ekonomi", "kehidupan_berkota", "masyarakat", "lingkungan",
                                   "mobilitas"]
    assert plan.counts()["mobilitas"]["swot"]["S"] == 1


def test_a_plan_on_a_framework_this_laptop_lacks_is_shown_by_its_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(frameworks, "region_folder", lambda: tmp_path)
    info = PlanInfo(region="Contoh", framework="provinsi-cerdas", framework_version="1")
    item = SwotItem(pillar="pemerintahan", quadrant="S", text="x")
    fw = Plan(info, {item.id: item}).framework
    assert not fw.known and fw.keys == ("pemerintahan",)


def test_a_region_file_is_read_from_the_config_folder(tmp_path):
    (tmp_path / "desa.toml").write_text(GOOD, encoding="utf-8")
    found, problems = frameworks.known(tmp_path)
    assert problems == []
    assert [f.id for f in found] == ["gerakan-100-smart-city", "kota-cerdas-2026", "desa-cerdas-contoh"]
    assert frameworks.find("desa-cerdas-contoh", folder=tmp_path).source == str(tmp_path / "desa.toml")


@pytest.mark.parametrize(("text", "line", "what"), [
    (GOOD.replace('code = "GOV"', 'code = "gov"'), 7, "bad_code"),
    (GOOD.replace('key = "pelayanan"', 'key = "Pelayanan Publik"'), 11, "bad_key"),
    (GOOD.replace('name.id = "Pelayanan"\n', ''), 10, "no_name"),
    (GOOD.replace('version = "1"\n', ''), 1, "no_version"),
    (GOOD.replace('key = "pelayanan"', 'key = "pelayanan"\nnama = "x"'), 10, "unknown_field"),
    (GOOD.replace('name.id = "Tata kelola desa"', 'name.id = "Tata kelola desa'), 8, "not_toml"),
    (GOOD + GOOD[GOOD.index("[[dimensions]]"):].replace("GOV", "ECO"), 14, "twice"),
    (GOOD.split("[[dimensions]]")[0] + "".join(  # ten dimensions: the tenth is named
        f'\n[[dimensions]]\nkey = "d{i}"\ncode = "D{i}"\nname.id = "D {i}"\n' for i in range(10)), 51, "too_many"),
    # QA frame #10: each names its own problem ("filled in", not "not valid '')
    (GOOD.replace('version = "1"', 'version = 1'), 2, "version_not_text"),
    (GOOD.replace('code = "GOV"\n', ''), 5, "no_code"),
    (GOOD.replace('key = "tata_kelola"', 'key = ""'), 6, "no_key"),
    # a bundle keeps a dimension as pillars/<key>.toml, which Windows cannot create for these
    (GOOD.replace('key = "tata_kelola"', 'key = "con"'), 6, "device_key"),
    (GOOD.replace('key = "tata_kelola"', 'key = "lpt9"'), 6, "device_key"),
    # QA frame #7: two dimensions of one name (a sheet's Dimensi cell could not tell them apart)
    (GOOD + '\n[[dimensions]]\nkey = "lain"\ncode = "ECO"\nname.id = "TATA  Kelola desa"\n', 17, "name_twice"),
])
def test_a_framework_file_with_a_mistake_is_refused_naming_file_line_and_what(text, line, what):
    with pytest.raises(FrameworkError) as err:
        parse(text.encode("utf-8"), "desa.toml")
    assert (err.value.file, err.value.line, err.value.what) == ("desa.toml", line, what)
    id_text, en_text = err.value.text("id"), err.value.text("en")
    assert f"desa.toml, baris {line}" in id_text and f"desa.toml, line {line}" in en_text
    assert id_text != en_text and "framework." not in id_text + en_text  # put in words, both languages


def test_a_bad_region_file_is_refused_and_the_others_still_read(tmp_path):
    (tmp_path / "a-rusak.toml").write_text(GOOD.replace('code = "GOV"', 'code = 7'), encoding="utf-8")
    (tmp_path / "b-baik.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c-ansi.toml").write_bytes(GOOD.replace("Pelayanan", "Pelayanan \xe9").encode("cp1252"))
    (tmp_path / "d-tiruan.toml").write_text(GOOD.replace("desa-cerdas-contoh", "kota-cerdas-2026"), encoding="utf-8")
    found, problems = frameworks.region_frameworks(tmp_path)
    assert [f.id for f in found] == ["desa-cerdas-contoh"]
    assert [(Path(p.file).name, p.line, p.what) for p in problems] == [
        ("a-rusak.toml", 7, "bad_code"), ("c-ansi.toml", 0, "not_utf8"), ("d-tiruan.toml", 1, "id_taken")]


def test_names_follow_the_language_asked_and_fall_back_to_bahasa_indonesia():
    fw = parse(GOOD.encode("utf-8"), "desa.toml")
    dim = fw.dimension("tata_kelola")
    assert dim.label("en") == dim.label("id") == "Tata kelola desa"  # no English name: the Indonesian one
    assert frameworks.built_in("kota-cerdas-2026").dimension("ekonomi").label("en") == "Economy"


def test_an_empty_framework_file_says_its_id_is_missing():
    with pytest.raises(FrameworkError) as err:
        parse(b"", "kosong.toml")
    assert err.value.what == "no_id" and "belum diisi" in err.value.text("id") and "''" not in err.value.text("id")


def test_a_region_file_taking_a_built_in_id_is_said_when_that_id_is_chosen(tmp_path, capsys, monkeypatch):
    """QA frame #9: a province's edited copy of the built-in file was ignored without a word."""
    from cli_support import run

    (tmp_path / "salinan.toml").write_text(GOOD.replace("desa-cerdas-contoh", "kota-cerdas-2026"), encoding="utf-8")
    monkeypatch.setattr(frameworks, "region_folder", lambda: tmp_path)
    plan = tmp_path / "kota.json"
    code, _out, err = run(capsys, "new", plan, "--region", "R", "--kind", "kota", "--province", "P",
                          "--start", "2025", "--end", "2029", "--team", "T", "--framework", "kota-cerdas-2026")
    assert code == 0 and "salinan.toml" in err and "kota-cerdas-2026" in err and "2026-rancangan" in err
