"""Validation: every kind of finding, errors apart from warnings, messages in both languages
that name the record the officer has to fix."""

from __future__ import annotations

import pytest

from smartcity_tui.model import ERROR, WARNING, Plan, errors, validate
from smartcity_tui.model.records import (
    Indicator, Milestone, PlanInfo, PlanTarget, Programme, Readiness, Strategy, SwotItem,
)
from smartcity_tui.model.vocab import PILLAR_KEYS, PILLARS, QUADRANTS, READINESS_ASPECTS


def _plan(*records, start: int = 2025, end: int = 2029) -> Plan:
    info = PlanInfo(region="Contoh", province="Jawa Tengah", start_year=start, end_year=end,
                    vision="Visi", missions=["Misi"])
    return Plan(info, {r.id: r for r in records})


def _complete_plan() -> list:
    """A plan every pillar of which is complete: no error and no pillar warning."""
    out: list = [Readiness(aspect=a.key, topic="SDM", rating="sedang") for a in READINESS_ASPECTS]
    for p in PILLARS:
        swot = [SwotItem(pillar=p.key, quadrant=q.key, text=f"{p.key} {q.key}", element=p.elements[0].key)
                for q in QUADRANTS]
        st = Strategy(pillar=p.key, kind="SO", text=f"Strategi {p.key}", swot_ids=[swot[0].id, swot[2].id])
        prog = Programme(code=f"{p.number}.1", name=f"Program {p.key}", pillar=p.key,
                         element=p.elements[1].key, strategy_ids=[st.id], lead_agency="Diskominfo",
                         start_year=2026, end_year=2026, quick_win=True, horizon="short",
                         funding_sources=["apbd"], budget_by_source={"apbd": {2026: 100_000_000}}, progress=50)
        ind = Indicator(programme_id=prog.id, name=f"Indikator {p.key}", unit="titik", baseline=1,
                        targets={2026: 5})
        ms = Milestone(programme_id=prog.id, year=2026, quarter=3, title=f"Tonggak {p.key}")
        out += [*swot, st, prog, ind, ms]
    return out


def _codes(findings, severity=None) -> set[str]:
    return {f.code for f in findings if severity is None or f.severity == severity}


def _programme(**kw) -> Programme:
    base = dict(code="1.9", name="Wifi Desa Bersahabat", pillar="governance", element="public_service",
                lead_agency="Diskominfo", start_year=2026, end_year=2027, funding_sources=["apbd"],
                budget_by_source={"apbd": {2026: 100_000_000}})
    return Programme(**{**base, **kw})


def test_a_complete_plan_has_no_error_and_no_pillar_warning():
    findings = validate(_plan(*_complete_plan()))
    assert errors(findings) == []
    assert not {c for c in _codes(findings) if c.startswith("pillar.")}


@pytest.mark.parametrize("record, code", [
    (_programme(start_year=2023, end_year=2026), "programme.outside_period"),
    (_programme(start_year=2026, end_year=2031), "programme.outside_period"),
    (_programme(start_year=2028, end_year=2026), "programme.end_before_start"),
    (_programme(budget_by_source={"apbd": {2026: -5}}), "programme.negative_budget"),
    (_programme(budget_by_source={"dana_desa": {2035: 1_000}}), "programme.budget_outside_period"),
    (_programme(budget_by_source={"zakat": {2026: 1_000}}), "programme.bad_choice"),
    (_programme(element="tourism"), "record.bad_element"),
    (_programme(progress=120), "programme.progress_range"),
    (_programme(progress=-1), "programme.progress_range"),
    (_programme(priority="urgent"), "programme.bad_choice"),
    (_programme(strategy_ids=["no-such-strategy"]), "programme.missing_strategy"),
    (_programme(start_year=0, end_year=0), "programme.years_missing"),
    (SwotItem(pillar="governance", quadrant="X", text="Jaringan fiber"), "swot.bad_quadrant"),
    (SwotItem(pillar="governance", quadrant="S", text="Jaringan fiber", element="energy"), "record.bad_element"),
    (SwotItem(pillar="smart", quadrant="S", text="Jaringan fiber"), "record.bad_pillar"),
    (Strategy(pillar="governance", kind="SO", text="Perluas layanan", swot_ids=["gone"]), "strategy.missing_swot"),
])
def test_each_error_is_found_and_is_an_error(record, code):
    findings = validate(_plan(*_complete_plan(), record))
    mine = [f for f in findings if f.record_id == record.id]
    assert code in _codes(mine, ERROR), [f.message("en") for f in mine]


def test_milestone_errors_bad_quarter_and_outside_period():
    prog = _programme()
    bad_q = Milestone(programme_id=prog.id, year=2026, quarter=5, title="Uji coba")
    outside = Milestone(programme_id=prog.id, year=2032, title="Evaluasi")
    orphan = Milestone(programme_id="gone", year=2026, title="Yatim")
    findings = validate(_plan(*_complete_plan(), prog, bad_q, outside, orphan))
    by_id = {r.id: _codes([f for f in findings if f.record_id == r.id], ERROR) for r in (bad_q, outside, orphan)}
    assert by_id == {bad_q.id: {"milestone.bad_quarter"}, outside.id: {"milestone.outside_period"},
                     orphan.id: {"milestone.missing_programme"}}


def test_indicator_target_outside_period_names_the_years():
    prog = _programme()
    ind = Indicator(programme_id=prog.id, name="Titik wifi", baseline=128, targets={2026: 500, 2031: 900})
    f = next(f for f in validate(_plan(*_complete_plan(), prog, ind)) if f.record_id == ind.id
             and f.code == "indicator.target_outside_period")
    assert f.severity == ERROR
    assert "2031" in f.message("id") and "2031" in f.message("en")


def test_indicator_target_outside_its_programmes_years_is_a_warning():
    prog = _programme()  # 2026-2027
    ind = Indicator(programme_id=prog.id, name="Titik wifi", baseline=128,
                    targets={2026: 300, 2027: 500, 2029: 900, 2031: 950})
    mine = [f for f in validate(_plan(*_complete_plan(), prog, ind)) if f.record_id == ind.id]
    outside = next(f for f in mine if f.code == "indicator.target_outside_programme")
    assert outside.severity == WARNING
    # 2029 is in the plan period but not the programme's years; 2031 is outside the period
    # altogether, an error of its own, not said twice
    assert "2029" in outside.message("id") and "2026-2027" in outside.message("id")
    assert "2031" not in outside.message("en") and "2029" in outside.message("en")
    assert "indicator.target_outside_period" in _codes(mine, ERROR)
    inside = Indicator(programme_id=prog.id, name="Titik wifi", baseline=128, targets={2026: 300})
    assert "indicator.target_outside_programme" not in _codes(validate(_plan(*_complete_plan(), prog, inside)))


def test_plan_period_backwards_is_an_error():
    findings = validate(_plan(start=2029, end=2025))
    assert "plan.period_order" in _codes(findings, ERROR)


def test_a_pillar_with_no_programme_is_a_warning_not_an_error():
    records = _complete_plan()
    gone = {r.id for r in records if isinstance(r, Programme) and r.pillar == "environment"}
    records = [r for r in records if r.id not in gone and getattr(r, "programme_id", None) not in gone]
    findings = validate(_plan(*records))
    no_prog = [f for f in findings if f.code == "pillar.no_programme"]
    assert [f.pillar for f in no_prog] == ["environment"]
    assert all(f.severity == WARNING for f in no_prog)
    assert errors(findings) == []


def test_warnings_alone_leave_errors_empty_and_severities_are_two():
    prog = _programme(lead_agency="", funding_sources=[])  # only warnings: no agency, no funding
    findings = validate(_plan(*_complete_plan(), prog))
    mine = [f for f in findings if f.record_id == prog.id]
    assert _codes(mine) >= {"programme.no_lead_agency", "programme.no_funding", "programme.no_indicator"}
    assert all(f.severity == WARNING for f in mine)
    assert errors(findings) == []
    assert {f.severity for f in validate(_plan(_programme(progress=300)))} == {ERROR, WARNING}


def test_every_pillar_missing_everything_is_reported_per_pillar():
    findings = validate(_plan())
    for code in ("pillar.no_programme", "pillar.swot_missing", "pillar.no_strategy"):
        assert sorted(f.pillar for f in findings if f.code == code) == sorted(PILLAR_KEYS)


@pytest.mark.parametrize("record, text", [
    (_programme(name="Pasar Daring Berjubel", start_year=2030, end_year=2031), "Pasar Daring Berjubel"),
    (_programme(name="Kartu Sehat Warga", budget_by_source={"apbd": {2026: -1}}), "Kartu Sehat Warga"),
    (_programme(name="Bimo Lukar Festival", status="paused"), "Bimo Lukar Festival"),
    (Strategy(pillar="branding", kind="WO", text="Satu merek daerah", swot_ids=["gone"]), "Satu merek daerah"),
    (SwotItem(pillar="economy", quadrant="Q", text="UMKM kuliner tumbuh"), "UMKM kuliner tumbuh"),
    (Milestone(programme_id="gone", year=2026, quarter=7, title="Peluncuran aplikasi"), "Peluncuran aplikasi"),
])
def test_messages_in_both_languages_name_the_record(record, text):
    mine = [f for f in validate(_plan(*_complete_plan(), record)) if f.record_id == record.id and f.severity == ERROR]
    assert mine
    for f in mine:
        msg_id, msg_en = f.message("id"), f.message("en")
        assert text in msg_id and text in msg_en
        assert msg_id != msg_en
        assert "{" not in msg_id + msg_en  # every placeholder was filled


def test_long_texts_are_shortened_in_messages():
    long_name = "Program " + "sangat " * 30 + "panjang"
    f = next(f for f in validate(_plan(_programme(name=long_name, progress=200)))
             if f.code == "programme.progress_range")
    assert long_name not in f.message("en")
    assert f.message("en").count("sangat") < 10


def test_vocabulary_labels_follow_the_language():
    f = next(f for f in validate(_plan()) if f.code == "readiness.aspect_missing")
    assert "Struktur" in f.message("id") and "Structure" in f.message("en")
    assert "Struktur" not in f.message("en")


# --- what a Bappeda verifier asks ------------------------------------------------------

def _own(record, *others):
    findings = validate(_plan(*_complete_plan(), record, *others))
    return [f for f in findings if f.record_id == record.id]


def test_a_quick_win_over_a_year_is_a_warning_in_the_words_of_practice():
    mine = [f for f in _own(_programme(quick_win=True, horizon="medium", start_year=2025, end_year=2027))
            if f.code == "programme.quick_win_too_long"]
    assert [f.severity for f in mine] == [WARNING]
    assert "dirasakan warga dalam tahun pertama" in mine[0].message("id")


@pytest.mark.parametrize("horizon, start, end, warned", [
    ("long", 2026, 2029, True),  # ECO-04 of the old sample: 4 years called "10 tahun"
    ("short", 2025, 2027, True),
    ("medium", 2025, 2025, True),
    ("medium", 2026, 2028, False),
    ("short", 2025, 2025, False),
])
def test_the_horizon_is_checked_against_the_years(horizon, start, end, warned):
    mine = [f for f in _own(_programme(horizon=horizon, start_year=start, end_year=end,
                                       budget_by_source={"apbd": {start: 1}}))
            if f.code == "programme.horizon_years"]
    assert bool(mine) is warned
    if warned:
        assert mine[0].severity == WARNING
        n = end - start + 1
        assert f"{n} tahun" in mine[0].message("id") and f"{n} year{'' if n == 1 else 's'}" in mine[0].message("en")


def test_a_listed_source_without_an_amount_is_a_warning_naming_it():
    mine = _own(_programme(funding_sources=["apbd", "dak"], budget_by_source={"apbd": {2026: 100}}))
    found = [f for f in mine if f.code == "programme.source_without_amount"]
    assert [f.severity for f in found] == [WARNING]
    assert "DAK" in found[0].message("id") and "Special allocation fund (DAK)" in found[0].message("en")
    assert "dak" not in found[0].message("id").split()  # the label, never the stored key


def test_an_amount_under_an_unticked_source_is_a_warning():
    mine = _own(_programme(funding_sources=["apbd"], budget_by_source={"apbd": {2026: 1}, "csr": {2026: 5}}))
    found = [f for f in mine if f.code == "programme.amount_unlisted_source"]
    assert len(found) == 1 and "CSR/TJSL" in found[0].message("id")


def test_an_amount_not_split_by_source_is_one_warning_not_one_per_listed_source():
    """A budget migrated from one amount per year: "belum dirinci" says it all."""
    mine = _own(_programme(funding_sources=["apbd", "csr"], budget_by_source={"unspecified": {2026: 900_000_000}}))
    codes = [f.code for f in mine if f.code.startswith(("programme.budget", "programme.source", "programme.amount"))]
    assert codes == ["programme.budget_not_split"]
    assert "Rp 900.000.000" in next(f for f in mine if f.code == "programme.budget_not_split").message("id")


def test_a_bad_choice_names_the_field_and_the_choices_in_the_officers_language():
    f = next(f for f in _own(_programme(funding_sources=["apbd", "lottery"])) if f.code == "programme.bad_choice")
    msg_id, msg_en = f.message("id"), f.message("en")
    assert "Sumber dana" in msg_id and "APBD Kabupaten/Kota" in msg_id and "Dana Desa" in msg_id
    assert "Funding sources" in msg_en and "Local budget (APBD)" in msg_en
    assert "funding_sources" not in msg_id + msg_en and "apbd_prov" not in msg_id + msg_en


def test_cancelled_is_a_status():
    assert "programme.bad_choice" not in {f.code for f in _own(_programme(status="cancelled"))}


def test_links_to_missions_and_targets_are_checked():
    target = PlanTarget(text="Meningkatnya layanan digital", mission=1, order=1)
    prog = _programme(mission_numbers=[1, 3], target_ids=[target.id, "gone"])
    mine = _own(prog, target)
    assert {f.code for f in mine if f.severity == WARNING} >= {"programme.bad_mission", "programme.missing_target"}
    assert not [f for f in validate(_plan(target)) if f.record_id == target.id]
    odd = PlanTarget(text="", mission=4, order=2)
    assert {f.code for f in validate(_plan(odd)) if f.record_id == odd.id} == {"target.empty_text", "target.bad_mission"}


def test_an_unknown_indicator_kind_is_an_error_naming_the_kinds():
    prog = _programme()
    ind = Indicator(programme_id=prog.id, name="Prevalensi stunting", kind="result", baseline=19.8, targets={2026: 18})
    f = next(f for f in validate(_plan(*_complete_plan(), prog, ind)) if f.record_id == ind.id and f.severity == ERROR)
    assert f.code == "indicator.bad_choice" and "Keluaran (output)" in f.message("id") and "Outcome" in f.message("en")


@pytest.fixture
def javanese():
    """A third language as a region would add it: its own words for a few choices, the rest
    from its fallback."""
    from smartcity_tui.i18n import Language, register_language, unregister_language

    register_language(Language("jv", "Basa Jawa", fallback="id"), {
        "vocab.horizon.short": "Jangka cendhak",
        "vocab.horizon.medium": "Jangka tengahan",
        "vocab.institution.team": "Tim Pelaksana (jv)",
    })
    yield "jv"
    unregister_language("jv")


def test_a_label_in_a_message_is_in_the_third_language_too(javanese):
    """A message names choices in the officer's words: in a third language, its own words
    where it has them (never the Indonesian label beside a Javanese sentence), its fallback's
    where it has none."""
    short_for_three_years = _programme(horizon="short", start_year=2026, end_year=2028)
    findings = validate(_plan(*_complete_plan(), short_for_three_years))
    horizon = next(f for f in findings if f.code == "programme.horizon_years")
    said = horizon.message(javanese)
    assert "Jangka cendhak" in said and "Jangka tengahan" in said, said
    assert "Jangka pendek" not in said
    assert "Short term" in horizon.message("en") and "Jangka pendek" in horizon.message("id")

    body = next(f for f in validate(_plan())
                if f.code == "member.body_empty" and f.param("body", "id") == "Tim Pelaksana Smart City")
    assert body.param("body", javanese) == "Tim Pelaksana (jv)"
    assert "Tim Pelaksana (jv)" in body.message(javanese)


def test_a_third_language_takes_element_names_from_its_fallback():
    """A framework file names its elements in Indonesian and English; a language whose gaps
    are filled from English shows the English name, as its messages do: a sheet cell naming
    no element of its pillar lists them so."""
    from smartcity_tui.i18n import Language, register_language, unregister_language
    from smartcity_tui.sheets import dimension_kinds as kinds
    from smartcity_tui.sheets.problems import CellProblem, Problem

    governance = PILLARS[0]
    register_language(Language("xx", "Pseudo", fallback="en"), {})
    try:
        element = governance.elements[0]
        assert element.label("xx") == element.label("en") != element.label("id")
        with pytest.raises(CellProblem) as e:
            kinds.ElementKind().from_cell("Lotre", governance.key)
        said = Problem(e.value.key, params=e.value.params).what("xx")
        assert element.label("en") in said and element.label("id") not in said, said
        assert said == Problem(e.value.key, params=e.value.params).what("en")
    finally:
        unregister_language("xx")


def test_an_unknown_element_names_the_elements_its_dimension_has_however_many():
    """QA frame #8: the message said "choose one of its three elements" for a dimension of
    one element, of none, and on a laptop without the framework."""
    item = SwotItem(pillar="governance", quadrant="S", text="Layanan izin daring", element="energy")
    (found,) = [f for f in validate(_plan(item)) if f.code == "record.bad_element"]
    assert "tiga" not in found.message("id") and "three" not in found.message("en")
    assert "Pelayanan publik" in found.message("id") and "Public service" in found.message("en")
    info = PlanInfo(region="Desa", start_year=2025, end_year=2029, framework="desa-entah", framework_version="1")
    prog = Programme(code="TKD-01", name="Balai desa", pillar="tata_kelola_desa", element="pelayanan_desa",
                     start_year=2025, end_year=2025)
    stray = [f for f in validate(Plan(info, {prog.id: prog})) if f.code == "record.bad_element"]
    assert stray and "(tidak ada)" in stray[0].message("id") and "(none)" in stray[0].message("en")


def test_a_strategy_citing_deleted_swot_items_says_how_many_not_their_ids():
    """QA round #4: deleting a SWOT item a strategy cites left "(c6605afb-...)" in the finding,
    once per item. One finding, by count, in words."""
    st = Strategy(pillar="governance", kind="SO", text="Perluas layanan",
                  swot_ids=["c6605afb-0000-4000-8000-000000000001", "c6605afb-0000-4000-8000-000000000002"])
    (f,) = [f for f in validate(_plan(*_complete_plan(), st)) if f.code == "strategy.missing_swot"]
    assert "merujuk 2 butir SWOT yang sudah dihapus" in f.message("id")
    assert "cites 2 SWOT items that were deleted" in f.message("en")
    assert "c6605afb" not in f.message("id") + f.message("en")
    one = Strategy(pillar="governance", kind="SO", text="Satu", swot_ids=["gone"])
    (f,) = [f for f in validate(_plan(*_complete_plan(), one)) if f.code == "strategy.missing_swot"]
    assert "cites 1 SWOT item that was deleted" in f.message("en")
    prog = _programme(strategy_ids=["c6605afb-0000-4000-8000-000000000003"])
    (f,) = [f for f in validate(_plan(*_complete_plan(), prog)) if f.code == "programme.missing_strategy"]
    assert "merujuk 1 strategi yang sudah dihapus" in f.message("id") and "c6605afb" not in f.message("id")


def test_a_swot_item_typed_twice_is_said_once():
    """Two groups adding the same item get it twice after the merge (QA round #12): the second
    is a warning, once, in both languages; the same text in another quadrant is not."""
    a = SwotItem(pillar="governance", quadrant="W", text="SDM TIK terbatas", order=1)
    b = SwotItem(pillar="governance", quadrant="W", text="  sdm tik   terbatas ", order=2)
    c = SwotItem(pillar="governance", quadrant="T", text="SDM TIK terbatas", order=3)
    found = [f for f in validate(_plan(*_complete_plan(), a, b, c)) if f.code == "swot.duplicate"]
    assert [f.record_id for f in found] == [b.id]
    assert found[0].severity == WARNING
    assert "tertulis dua kali di kuadran W" in found[0].message("id")
    assert "written twice in quadrant W" in found[0].message("en")
