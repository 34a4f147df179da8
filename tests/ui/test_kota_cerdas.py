"""A plan on the Kota Cerdas 2026 aspects, screen by screen: the dashboard's six aspect cards
with mobility sixth, keys 1-6 (7-9 do nothing), an aspect's SWOT, strategies, programmes and
timeline, its forms offering the aspect's elements, the roadmap's filter, search, the plan,
book, export, merge, conflicts and import screens, and help naming the aspects. Snapshots of
the dashboard and one aspect at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select
from ui_support import fixed_clock, until

from smartcity_tui.model.records import Indicator, Milestone, PlanInfo, Programme, Strategy, SwotItem
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.help import key_rows
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.widgets.pillar_card import PillarCard


def build_kota_plan(path: Path) -> Path:
    info = PlanInfo(region="Sukamaju", region_kind="kota", province="Jawa Tengah", start_year=2026,
                    end_year=2030, vision="Sukamaju kota cerdas yang mudah dijangkau",
                    missions=["Layanan dan mobilitas untuk semua"],
                    framework="kota-cerdas-2026", framework_version="2026-rancangan")
    with PlanStore.create(path, info, team="Sekretariat Kota Cerdas", clock=fixed_clock) as store:
        s = store.add(SwotItem(pillar="mobilitas", quadrant="S", text="Terminal terpadu sudah beroperasi",
                               element="angkutan_umum"))
        o = store.add(SwotItem(pillar="mobilitas", quadrant="O", text="Dana BLU untuk bus perkotaan",
                               element="angkutan_umum"))
        store.add(SwotItem(pillar="mobilitas", quadrant="W", text="Lampu lalu lintas belum terhubung",
                           element="lalu_lintas"))
        st = store.add(Strategy(pillar="mobilitas", kind="SO", text="Bus perkotaan dari terminal terpadu",
                                swot_ids=[s.id, o.id]))
        prog = store.add(Programme(code="MOB-01", name="Bus perkotaan terjadwal", pillar="mobilitas",
                                   element="angkutan_umum", strategy_ids=[st.id], lead_agency="Dishub",
                                   start_year=2026, end_year=2026, horizon="short", quick_win=True,
                                   funding_sources=["apbd"], budget_by_source={"apbd": {2026: 900_000_000}}))
        store.add(Indicator(programme_id=prog.id, name="Penumpang per hari", unit="orang", baseline=0,
                            targets={2026: 1500}))
        store.add(Milestone(programme_id=prog.id, year=2026, quarter=3, title="Uji coba koridor 1"))
        store.add(SwotItem(pillar="tata_kelola", quadrant="S", text="Mal pelayanan publik berjalan",
                           element="pelayanan_publik"))
    return path


@pytest.fixture
def kota_app(tmp_path: Path):
    store = PlanStore.open(build_kota_plan(tmp_path / "kota.json"), clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    yield app
    store.close()


def test_dashboard_on_kota_cerdas(snap_compare, kota_app):
    assert snap_compare(kota_app, terminal_size=(80, 24))


def test_mobility_aspect_on_kota_cerdas(snap_compare, kota_app):
    assert snap_compare(kota_app, terminal_size=(80, 24), press=["6"])


async def test_every_screen_of_a_kota_cerdas_plan(kota_app):
    app = kota_app
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, DashboardScreen)
        cards = list(app.screen.query(PillarCard))
        assert [c.border_title for c in cards] == [
            "1 Tata Kelola Birokrasi", "2 Ekonomi", "3 Kehidupan Berkota", "4 Masyarakat", "5 Lingkungan",
            "6 Mobilitas"]
        assert "S 1  W 1  O 1  T 0" in str(app.screen.query_one("#card-mobilitas", PillarCard).render())
        await pilot.press("7")  # no seventh aspect: nothing happens
        assert isinstance(app.screen, DashboardScreen)
        help_rows = {label: keys for keys, label in key_rows(app.screen)}
        assert help_rows["Buka Mobilitas"] == "6" and "Buka Smart Branding" not in help_rows
        assert not any(k.startswith("7") for k in help_rows.values())

        await pilot.press("6")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "the mobility screen")
        assert app.screen.pillar_key == "mobilitas"
        assert app.screen.query_one("#top").where.startswith("6 Mobilitas")
        await pilot.press("n")  # a new SWOT item: the aspect's elements are offered
        await until(pilot, lambda: bool(app.screen.query("#element")), "the SWOT form")
        options = [str(label) for label, _ in app.screen.query_one("#element", Select)._options]
        assert "Angkutan umum" in options and "Manajemen lalu lintas" in options
        assert "Sarana transportasi" not in options
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "back on the aspect")
        for view in ("t", "p", "l", "s"):
            await pilot.press(view)
            await pilot.pause()
            assert isinstance(app.screen, PillarScreen)
        assert app.screen.pillar.label("en") == "Mobility"

        await pilot.press("r")  # the roadmap and its aspect filter
        await until(pilot, lambda: type(app.screen).__name__ == "RoadmapScreen", "the roadmap")
        await pilot.press("d")
        await until(pilot, lambda: type(app.screen).__name__ == "ChoicePicker", "the aspect picker")
        shown = str(app.screen.query_one("OptionList").get_option_at_index(6).prompt)
        assert shown.strip() == "6 Mobilitas"
        await pilot.press("6")
        await until(pilot, lambda: type(app.screen).__name__ == "RoadmapScreen", "the filtered roadmap")
        assert "Mobilitas" in str(app.screen.query_one("#roadmap-filters").render())

        for key, name in (("slash", "SearchScreen"), ("i", "PlanInfoScreen"), ("b", "DocumentScreen"),
                          ("x", "ExportScreen"), ("m", "MergeScreen"), ("k", "ConflictsScreen"),
                          ("ctrl+o", "ImportScreen")):
            await pilot.press("0")
            await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the dashboard")
            await pilot.press(key)
            await until(pilot, lambda name=name: type(app.screen).__name__ == name, name)
            if name == "SearchScreen":
                await pilot.press(*"bus")
                await until(pilot, lambda: bool(getattr(app.screen, "hits", None)), "search hits")
                line = str(app.screen.query_one("ResultList").get_option_at_index(0).prompt)
                assert "Mobilitas" in line
            await pilot.press("escape")


async def test_the_first_run_form_makes_a_plan_on_the_framework_chosen(tmp_path, monkeypatch):
    from textual.widgets import Input, Static

    from smartcity_tui.model import framework as frameworks

    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "rusak.toml").write_text('id = "desa"\nversion = "1"\nname.id = "Desa"\n\n[[dimensions]]\n'
                                       'key = "Tata Kelola"\ncode = "GOV"\nname.id = "Tata kelola"\n',
                                       encoding="utf-8")
    monkeypatch.setattr(frameworks, "region_folder", lambda: folder)
    path = tmp_path / "kota.json"
    app = create_app(None, Settings(path=tmp_path / "settings.toml"), plan_path=path, clock=fixed_clock)
    async with app.run_test(size=(100, 40)) as pilot:
        problem = str(app.screen.query_one(".framework-problem", Static).render())
        assert "rusak.toml, baris 6" in problem and "Tata Kelola" in problem  # the region's bad file, placed
        for field, value in (("region", "Sukamaju"), ("province", "Jawa Tengah"), ("team", "Sekretariat")):
            app.screen.query_one(f"#{field}", Input).value = value
        app.screen.query_one("#framework", Select).value = "kota-cerdas-2026"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the new plan's dashboard")
        assert app.screen.query_one("#card-mobilitas", PillarCard).border_title == "6 Mobilitas"
    with PlanStore.open(path, readonly=True) as store:
        assert store.plan().framework.ref == ("kota-cerdas-2026", "2026-rancangan")
