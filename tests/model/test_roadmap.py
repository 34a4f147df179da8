"""The roadmap: programmes against the plan's years, filters, bars, period changes."""

from __future__ import annotations

from smartcity_tui.model import Milestone, Plan, PlanInfo, Programme
from smartcity_tui.model import roadmap as rm


def _plan(*records) -> Plan:
    return Plan(PlanInfo(start_year=2025, end_year=2029), {r.id: r for r in records})


def test_bar_marks_active_years_milestones_and_done_years():
    p = Programme(pillar="living", name="Rujukan", start_year=2025, end_year=2027)
    m1 = Milestone(programme_id=p.id, year=2025, title="Uji coba", done=True)
    m2 = Milestone(programme_id=p.id, year=2026, title="Semua puskesmas")
    (row,) = rm.rows(_plan(p, m1, m2))
    assert "".join(row.cells) == "✓◆█··"


def test_rows_grouped_by_pillar_then_start_year():
    a = Programme(pillar="environment", name="A", code="ENV-1", start_year=2025, end_year=2025)
    b = Programme(pillar="governance", name="B", code="GOV-2", start_year=2027, end_year=2028)
    c = Programme(pillar="governance", name="C", code="GOV-1", start_year=2026, end_year=2026)
    assert [r.programme.name for r in rm.rows(_plan(a, b, c))] == ["C", "B", "A"]


def test_filters_by_pillar_horizon_agency_and_quick_win():
    q = Programme(pillar="economy", name="QRIS", horizon="short", quick_win=True, lead_agency="Dinas Koperasi",
                  start_year=2025, end_year=2025)
    r = Programme(pillar="economy", name="Resi gudang", horizon="long", lead_agency="Dinas Pertanian",
                  supporting_agencies=["Dinas Koperasi"], start_year=2026, end_year=2029)
    s = Programme(pillar="society", name="Wifi", horizon="short", lead_agency="Diskominfo", start_year=2025, end_year=2025)
    plan = _plan(q, r, s)
    names = lambda f: [row.programme.name for row in rm.rows(plan, f)]  # noqa: E731
    assert names(rm.RoadmapFilter(pillar="economy")) == ["QRIS", "Resi gudang"]
    assert names(rm.RoadmapFilter(horizon="short")) == ["QRIS", "Wifi"]
    assert names(rm.RoadmapFilter(agency="dinas koperasi")) == ["QRIS", "Resi gudang"]
    assert names(rm.RoadmapFilter(agency="Dinas")) == []  # a whole name, not a part of one
    assert names(rm.RoadmapFilter(quick_win_only=True)) == ["QRIS"]
    assert rm.agencies(plan) == ["Dinas Koperasi", "Dinas Pertanian", "Diskominfo"]


def test_period_change_lists_what_falls_outside():
    p = Programme(pillar="economy", name="Gudang", start_year=2025, end_year=2029)
    ok = Programme(pillar="economy", name="Pasar", start_year=2026, end_year=2027)
    m = Milestone(programme_id=ok.id, year=2030, title="Evaluasi")
    out = rm.outside_period(_plan(p, ok, m), 2026, 2028)
    assert {(o.title, o.years) for o in out} == {("Gudang", "2025-2029"), ("Evaluasi", "2030")}
    assert rm.outside_period(_plan(p, ok), 2025, 2029) == []
    one = Programme(pillar="economy", name="Uji coba", start_year=2024, end_year=2024)
    assert [o.years for o in rm.outside_period(_plan(one), 2025, 2029)] == ["2024"]
