"""The record codec: what travels in the plan file and bundles comes back as it went in, and
a value of the wrong type (a newer or buggy writer) falls back to the default, never a crash."""

from __future__ import annotations

import json

import pytest

from smartcity_tui.model.records import (
    RECORD_TYPES, Indicator, InstitutionMember, Milestone, NarrativeSection, NomenclatureCode, PlanInfo, PlanTarget,
    Programme, Readiness, Regulation, Stakeholder, Strategy, SwotItem, record_type,
)

FULL = [
    PlanInfo(region="Wonosari Raya", region_kind="kota", province="Jawa Tengah", start_year=2025,
             end_year=2029, vision="Kota cerdas", missions=["Satu", "Dua"],
             draft_round="Draf hasil Bimtek Tahap III"),
    Readiness(aspect="infrastruktur", topic="Jaringan TIK", rating="kurang", description="Fiber baru 3 kecamatan",
              gap="15 kecamatan", order=2),
    SwotItem(pillar="living", quadrant="T", text="Banjir musiman", element="transport", subtopic="drainase",
             source_agency="BPBD", order=7),
    Strategy(pillar="living", kind="WT", text="Peringatan dini banjir", swot_ids=["a", "b"], order=3),
    Programme(code="4.002", name="Sistem Peringatan Dini", description="Sensor tinggi air", pillar="living",
              element="spatial_harmony", subtopic="drainase", strategy_ids=["s1"], lead_agency="BPBD",
              supporting_agencies=["Diskominfo", "Dinas PUPR"],
              stakeholders=[Stakeholder("Universitas Wonosari", "academia"), Stakeholder("PMI", "community")],
              reference="RPJMD misi 2", innovation="technology", horizon="medium", start_year=2026,
              end_year=2028, quick_win=False, priority="high", funding_sources=["apbd", "csr"],
              budget_by_source={"apbd": {2027: 1_500_000_000, 2026: 1_250_000_000}, "dana_desa": {2027: 500_000_000}},
              status="ongoing", progress=75, nomenclature_code="1.05.02.2.01.0001", location="Kecamatan Kaliwiro",
              beneficiaries="Warga 12 desa rawan banjir", regulation_needs="Perbup SOP peringatan dini",
              mission_numbers=[2, 4], target_ids=["t1"]),
    Indicator(programme_id="p1", name="Titik sensor", unit="titik", baseline=12.5,
              targets={2026: 20, 2028: 60.5}, order=1, reference_code="PB.3.2.1", kind="output",
              baseline_year=2024, definition="Sensor yang mengirim data tiap jam", data_source="BPBD",
              end_target=80, evidence="BA serah terima 12/2024"),
    Milestone(programme_id="p1", year=2027, quarter=3, title="Uji coba", deliverable="Laporan", done=True,
              agency="Diskominfo", evidence="https://data.example/uji-coba.pdf"),
    PlanTarget(text="Meningkatnya kesiapsiagaan bencana", mission=4, indicator="Desa tangguh bencana",
               unit="desa", baseline=12, baseline_year=2024, end_target=58, data_source="BPBD", order=1),
    NomenclatureCode(code="2.16.03", name="Program Aplikasi Informatika"),
    NarrativeSection(section="dimension", pillar="living", text="Narasi *dimensi*\n\n- butir satu"),
    Regulation(text="Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah", order=2),
    InstitutionMember(body="team", role="Ketua", name="Ir. Sri Lestari", agency="Bappeda", pentahelix="government",
                      order=1),
]


@pytest.mark.parametrize("record", FULL, ids=lambda r: r.KIND)
def test_round_trip_through_json(record):
    fields = json.loads(json.dumps(record.to_fields()))  # what the file holds
    back = type(record).from_fields(record.id, fields)
    assert back == record


def test_every_kind_is_covered_and_known():
    assert {r.KIND for r in FULL} == set(RECORD_TYPES)
    assert record_type("programme") is Programme
    with pytest.raises(KeyError, match="unknown record kind 'budget'"):
        record_type("budget")


def test_year_keyed_tables_are_stored_with_string_keys_in_year_order():
    prog = next(r for r in FULL if isinstance(r, Programme))
    fields = prog.to_fields()
    # one field per cell of the budget, so two groups filling different cells never conflict
    assert {k: v for k, v in fields.items() if k.startswith("budget")} == {
        "budget_apbd_2026": 1_250_000_000, "budget_apbd_2027": 1_500_000_000, "budget_dana_desa_2027": 500_000_000}
    assert "budget_by_source" not in fields
    assert fields["stakeholders"] == [{"name": "Universitas Wonosari", "role": "academia"},
                                      {"name": "PMI", "role": "community"}]
    ind = next(r for r in FULL if isinstance(r, Indicator))
    assert ind.to_fields()["targets"] == {"2026": 20, "2028": 60.5}


def test_empty_optional_is_left_out_never_none():
    fields = Indicator(programme_id="p", name="Tanpa baseline").to_fields()
    assert "baseline" not in fields
    assert None not in fields.values()
    assert Indicator.from_fields("x", fields).baseline is None


def test_wrong_types_fall_back_to_defaults():
    raw = {
        "name": 42, "code": "1.1", "start_year": "2025", "end_year": True, "quick_win": "ya",
        "budget_apbd_2025": 100, "budget_apbd_tahun": 5, "budget_apbd_2026": "banyak", "budget_csr_2027": 2.0,
        "budget_csr_2028": 2.5, "budget_csr_2029": True, "budget_2030": 9,
        "stakeholders": [{"name": "PMI", "role": "community"}, "Polres", {"role": "media"}, {"name": "Kodim"}],
        "funding_sources": ["apbd", 3], "progress": 7.5,
    }
    p = Programme.from_fields("id-1", raw)
    assert (p.name, p.code, p.start_year, p.end_year, p.quick_win) == ("", "1.1", 0, 0, False)
    assert p.budget_by_source == {"apbd": {2025: 100}, "csr": {2027: 2}}
    assert p.budget == {2025: 100, 2027: 2}
    assert p.stakeholders == [Stakeholder("PMI", "community"), Stakeholder("Kodim", "")]
    assert p.funding_sources == []  # a list with a non-text entry is not trusted at all
    assert p.progress == 0


def test_non_finite_and_boolean_numbers_are_refused():
    ind = Indicator.from_fields("i", {"baseline": float("nan"), "targets": {"2026": float("inf"), "2027": 3}})
    assert ind.baseline is None
    assert ind.targets == {2027: 3}
    assert Indicator.from_fields("i", {"baseline": True}).baseline is None


def test_unknown_fields_from_a_newer_writer_are_ignored():
    s = SwotItem.from_fields("s", {"text": "Pasar rakyat", "quadrant": "O", "colour": "green"})
    assert (s.text, s.quadrant) == ("Pasar rakyat", "O")


def test_years_and_totals():
    prog = next(r for r in FULL if isinstance(r, Programme))
    assert list(prog.years) == [2026, 2027, 2028]
    assert prog.total_budget == 3_250_000_000
    assert prog.budget == {2026: 1_250_000_000, 2027: 2_000_000_000}
    assert list(Programme(start_year=2028, end_year=2026).years) == []
    assert list(FULL[0].years) == [2025, 2026, 2027, 2028, 2029]


def test_fields_added_later_are_stored_only_when_set():
    """A programme, indicator or milestone that never had the verifier's fields stores exactly
    what it stored before they existed: old plan files and bundles stay byte-identical, and a
    form saved unchanged writes nothing."""
    assert set(Programme().to_fields()) == {
        "code", "name", "description", "pillar", "element", "subtopic", "strategy_ids", "lead_agency",
        "supporting_agencies", "stakeholders", "reference", "innovation", "horizon", "start_year", "end_year",
        "quick_win", "priority", "funding_sources", "status", "progress"}
    assert set(Indicator().to_fields()) == {"programme_id", "name", "unit", "targets", "order"}
    assert set(Milestone().to_fields()) == {"programme_id", "year", "quarter", "title", "deliverable", "done"}
    assert set(PlanTarget().to_fields()) == {"text", "order"}


def test_a_budget_cell_is_a_whole_number_field_of_a_programme_only():
    assert Programme.dynamic_field_type("budget_dana_desa_2027") == "int"
    assert Programme.dynamic_field_type("budget") is None
    assert Programme.dynamic_field_type("budget_apbd_27") is None
    assert Indicator.dynamic_field_type("budget_apbd_2027") is None
