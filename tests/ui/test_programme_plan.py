"""A small deterministic plan for the programme view and form tests, and the bare host apps
they run on (oterm's way: a modal or widget is tested alone, not through the whole app)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from smartcity_tui.model.plan import Plan
from smartcity_tui.model.records import (
    Indicator, Milestone, PlanInfo, PlanTarget, Programme, Stakeholder, Strategy,
)
from smartcity_tui.model.validation import ERROR, validate
from smartcity_tui.ui.screens.programme_form import ProgrammeForm, ProgrammeFormResult
from smartcity_tui.ui.styles import add_screen_sheets
from smartcity_tui.ui.widgets.programme_table import ProgrammeView


def fixed_id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def programme_plan() -> Plan:
    info = PlanInfo(id=fixed_id(0), region="Wonosari Raya", province="Jawa Tengah",
                    start_year=2025, end_year=2029, vision="Wonosari Raya cerdas",
                    missions=["Tata kelola pemerintahan yang terbuka dan cepat", "Ekonomi desa yang tangguh"])
    target = PlanTarget(id=fixed_id(40), text="Meningkatnya kepuasan masyarakat atas layanan publik", mission=1,
                        indicator="Indeks kepuasan masyarakat", unit="nilai IKM", baseline=76.5, baseline_year=2024,
                        end_target=85, data_source="Survei kepuasan masyarakat", order=1)
    st1 = Strategy(id=fixed_id(1), pillar="governance", kind="SO",
                   text="Manfaatkan jaringan serat optik untuk layanan daring", order=1)
    st2 = Strategy(id=fixed_id(2), pillar="governance", kind="WT",
                   text="Latih ASN agar layanan digital tidak bergantung pada satu orang", order=2)
    mpp = Programme(
        id=fixed_id(10), code="GOV-01", name="Mal Pelayanan Publik Digital",
        description="Satu pintu layanan perizinan dan kependudukan, daring dan di kecamatan.",
        pillar="governance", element="public_service", subtopic="Perizinan",
        strategy_ids=[st1.id], lead_agency="DPMPTSP", supporting_agencies=["Diskominfo", "Disdukcapil"],
        stakeholders=[Stakeholder("Universitas Wonosari", "academia"), Stakeholder("Bank Jateng", "business")],
        reference="RPJMD 2025-2029 Misi 2", innovation="technology", horizon="medium",
        start_year=2025, end_year=2027, quick_win=False, priority="high",
        funding_sources=["apbd", "csr"],
        budget_by_source={"apbd": {2025: 500_000_000, 2026: 500_000_000}, "csr": {2025: 250_000_000}},
        status="ongoing", progress=40, location="Mal Pelayanan Publik dan 21 kecamatan",
        beneficiaries="Warga dan pelaku usaha", regulation_needs="Perbup standar pelayanan MPP",
        mission_numbers=[1], target_ids=[target.id],
    )
    wifi = Programme(
        id=fixed_id(11), code="GOV-02", name="Wifi Desa Bersahabat", pillar="governance",
        element="public_service", lead_agency="Diskominfo", horizon="short", start_year=2025,
        end_year=2025, quick_win=True, priority="high", funding_sources=["apbd"],
        budget_by_source={"unspecified": {2025: 1_250_000_000}}, status="planned", strategy_ids=[st2.id],
    )
    sipd = Programme(
        id=fixed_id(12), code="GOV-03", name="Satu Data Wonosari Raya", pillar="governance",
        element="public_policy", lead_agency="Bappeda", horizon="long", start_year=2026,
        end_year=2029, priority="low", funding_sources=["apbn"],
        budget_by_source={"apbn": {2026: 300_000_000, 2027: 300_000_000}}, status="planned",
    )
    esurat = Programme(
        id=fixed_id(13), code="GOV-04", name="Tata Naskah Dinas Elektronik", pillar="governance",
        element="bureaucracy", lead_agency="Bagian Organisasi", horizon="medium", start_year=2027,
        end_year=2028, priority="medium", funding_sources=["apbd"], budget_by_source={"apbd": {2027: 150_000_000}},
    )
    other = Programme(id=fixed_id(14), code="ENV-01", name="Bank Sampah Digital", pillar="environment",
                      start_year=2025, end_year=2026, lead_agency="DLH")
    ind = Indicator(id=fixed_id(20), programme_id=mpp.id, name="Layanan perizinan daring", unit="jenis",
                    baseline=12, targets={2025: 20, 2026: 35, 2027: 50}, order=0, kind="output", baseline_year=2024,
                    end_target=120, data_source="DPMPTSP")
    ind2 = Indicator(id=fixed_id(21), programme_id=mpp.id, name="Kepuasan masyarakat", unit="indeks",
                     baseline=76.5, targets={2025: 78, 2026: 80.5}, order=1)
    ind3 = Indicator(id=fixed_id(22), programme_id=wifi.id, name="Titik wifi desa", unit="titik",
                     baseline=128, targets={2025: 1834}, order=0)
    ms = Milestone(id=fixed_id(30), programme_id=mpp.id, year=2025, quarter=2,
                   title="Gedung MPP dibuka", deliverable="SK Bupati", done=True)
    ms2 = Milestone(id=fixed_id(31), programme_id=mpp.id, year=2026, title="Layanan di 10 kecamatan",
                    agency="Disdukcapil")
    records = {r.id: r for r in (st1, st2, mpp, wifi, sipd, esurat, other, ind, ind2, ind3, ms, ms2, target)}
    return Plan(info, records)


class ViewHost(App):
    """A bare app holding one ProgrammeView and remembering the messages it posts."""

    def __init__(self, plan: Plan, pillar: str = "governance") -> None:
        super().__init__()
        self.plan = plan
        self.pillar = pillar
        self.messages: list = []

    def compose(self) -> ComposeResult:
        yield ProgrammeView(self.pillar, id="programmes")

    def on_mount(self) -> None:
        self.query_one(ProgrammeView).show(self.plan)
        self.query_one("#prog-table").focus()

    def on_programme_view_edit_requested(self, message: ProgrammeView.EditRequested) -> None:
        self.messages.append(("edit", message.programme_id))

    def on_programme_view_delete_requested(self, message: ProgrammeView.DeleteRequested) -> None:
        self.messages.append(("delete", message.programme_id))


class FormHost(App):
    """A bare app that pushes the programme form on start and keeps what it returns."""

    NO_RESULT = object()

    def __init__(self, plan: Plan, programme_id: str | None = None, pillar: str = "governance") -> None:
        super().__init__()
        self.plan = plan
        self.pillar = pillar
        self.programme = plan.get(programme_id) if programme_id else None
        self.result: ProgrammeFormResult | None | object = self.NO_RESULT

    def on_mount(self) -> None:
        add_screen_sheets(self)  # the form's rules, as the app has them (ui/styles.py)
        indicators = self.plan.indicators_of(self.programme.id) if self.programme else []
        self.push_screen(ProgrammeForm(self.plan, self.pillar, self.programme, indicators), self._done)

    def _done(self, result: ProgrammeFormResult | None) -> None:
        self.result = result


def test_the_sample_plan_is_a_valid_plan():
    """The snapshots show this plan: it must be one the app itself accepts."""
    plan = programme_plan()
    assert [f.code for f in validate(plan) if f.severity == ERROR] == []
    assert [p.code for p in plan.programmes_for("governance")] == ["GOV-01", "GOV-02", "GOV-03", "GOV-04"]
