"""Search (key /): every text of the plan, every typed word must match, titles first."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcity_tui.model import Indicator, Milestone, Plan, PlanInfo, Programme, SwotItem
from smartcity_tui.model.records import PlanTarget
from smartcity_tui.model.search import fold, search
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"


@pytest.fixture(scope="module")
def sample() -> Plan:
    with PlanStore.open(SAMPLE, readonly=True) as store:
        return store.plan()


def _plan(*records) -> Plan:
    return Plan(PlanInfo(start_year=2025, end_year=2029), {r.id: r for r in records})


def test_every_word_must_match_in_any_field(sample):
    hits = search(sample, "pasar QRIS")
    assert hits, "nothing found for 'pasar QRIS'"
    for h in hits:
        text = fold(" ".join(str(v) for v in vars(sample.get(h.record_id)).values()))
        assert "pasar" in text and "qris" in text


def test_title_hits_rank_before_other_fields_and_programmes_first():
    p = Programme(pillar="economy", name="Pasar daring", description="QRIS")
    s = SwotItem(pillar="economy", text="Pasar tradisional sepi", subtopic="")
    i = Indicator(programme_id=p.id, name="Pasar aktif")
    m = Milestone(programme_id=p.id, year=2025, title="Uji coba", deliverable="Pasar percontohan")
    hits = search(_plan(p, s, i, m), "pasar")
    assert [h.record_id for h in hits] == [p.id, s.id, i.id, m.id]
    assert hits[-1].field == "deliverable"
    assert hits[2].pillar == "economy"  # an indicator belongs to its programme's pillar


def test_case_accents_and_spacing_are_ignored():
    s = SwotItem(pillar="society", text="Kafé  Literasi di BALAI desa")
    plan = _plan(s)
    assert [h.record_id for h in search(plan, "kafe literasi")] == [s.id]
    assert [h.record_id for h in search(plan, "balai")] == [s.id]
    assert search(plan, "   ") == []
    assert search(plan, "perpustakaan") == []


def test_snippet_shows_the_match_in_a_long_text():
    long = "Pendahuluan " * 20 + "jaringan serat optik menjangkau desa " + "penutup " * 20
    s = SwotItem(pillar="society", text=long)
    hit = search(_plan(s), "serat optik")[0]
    assert "serat optik" in hit.snippet
    assert len(hit.snippet) <= 62
    assert hit.snippet.startswith("…") and not hit.snippet[1:].startswith(" ")


def test_agencies_and_stakeholders_are_searchable(sample):
    kinds = {h.kind for h in search(sample, "Bank Jateng")}
    assert "programme" in kinds


def test_the_plans_own_vision_missions_and_targets_are_found_line_by_line():
    info = PlanInfo(region="Sukamaju", province="Jawa Tengah", vision="Sukamaju cerdas dan lestari",
                    missions=["Pelayanan publik yang cepat", "Ekonomi desa yang tangguh"])
    target = PlanTarget(text="Meningkatnya kematangan SPBE", indicator="Indeks SPBE", order=1)
    plan = Plan(info, {target.id: target})
    (hit,) = search(plan, "ekonomi desa")
    assert (hit.record_id, hit.kind, hit.field, hit.title) == (info.id, "plan", "missions", "Ekonomi desa yang tangguh")
    (hit,) = search(plan, "indeks spbe")
    assert (hit.record_id, hit.kind, hit.field, hit.title) == (target.id, "target", "indicator", target.text)
    assert search(plan, "lestari")[0].field == "vision"
    p = Programme(pillar="governance", name="Pelayanan publik daring")
    hits = search(Plan(info, {p.id: p}), "pelayanan publik")
    assert [h.kind for h in hits] == ["programme", "plan"]  # the programme's title ranks first
