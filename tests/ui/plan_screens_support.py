"""The plan the roadmap, search and plan-screen tests share: the workshop plan (ui_support)
plus programmes in four pillars with different agencies, horizons and quick wins, milestones
(one year done, one due) and a readiness analysis. Written with the fixed clock, so every
snapshot shows the same save time."""

from __future__ import annotations

from pathlib import Path

from ui_support import build_workshop_plan, fixed_clock

from smartcity_tui.model.records import Milestone, Programme, Readiness
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app


def build_full_plan(path: Path) -> Path:
    build_workshop_plan(path)
    with PlanStore.open(path, clock=fixed_clock) as store:
        qris = store.add(Programme(
            code="ECO-01", name="QRIS untuk seribu lapak pasar desa", pillar="economy", element="financial_transactions",
            lead_agency="Dinas Koperasi dan UMKM", horizon="short", quick_win=True, start_year=2025, end_year=2026))
        store.add(Milestone(programme_id=qris.id, year=2025, title="100 lapak memakai QRIS", done=True))
        store.add(Milestone(programme_id=qris.id, year=2026, title="1.000 lapak memakai QRIS"))
        store.add(Programme(
            code="ECO-02", name="Resi gudang dan koperasi kopi", pillar="economy", element="industry",
            lead_agency="Dinas Pertanian", supporting_agencies=["Dinas Koperasi dan UMKM"], horizon="long",
            start_year=2026, end_year=2029))
        store.add(Programme(
            code="SOC-01", name="Wifi Desa Bersahabat di 400 titik", pillar="society", element="community_interaction",
            lead_agency="Diskominfo", horizon="medium", start_year=2027, end_year=2029))
        store.add(Programme(
            code="ENV-01", name="Bank sampah digital desa", pillar="environment", element="waste",
            lead_agency="DLH", horizon="medium", start_year=2025, end_year=2027))
        store.add(Readiness(aspect="struktur", topic="Sumber daya manusia TIK", rating="kurang",
                            description="Sembilan pranata komputer untuk 42 OPD",
                            gap="Satu pengelola data di setiap OPD"))
        store.add(Readiness(aspect="infrastruktur", topic="Jaringan serat optik", rating="sedang",
                            description="Baru menjangkau 11 dari 18 kecamatan", gap="Tujuh kecamatan lagi"))
        store.add(Readiness(aspect="suprastruktur", topic="Peraturan bupati SPBE", rating="baik",
                            description="Perbup SPBE terbit 2024", gap="Perbup keamanan informasi"))
    return path


def open_app(path: Path):
    """The app on the plan at `path`, as the command line opens it (store, fixed clock)."""
    store = PlanStore.open(path, clock=fixed_clock)
    return create_app(store, Settings(), clock=fixed_clock), store


def programme_id(app, code: str) -> str:
    return next(p.id for p in app.store.plan().programmes if p.code == code)
