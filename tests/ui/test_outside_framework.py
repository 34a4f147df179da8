"""Records the plan's framework does not know (QA frame #1, #2): an element the laptop's
framework lacks (the region's file not copied here, or a reframe that kept the dimension but
not the element) and a record on a dimension a reframe did not place.

A form saved unchanged writes nothing: the unknown element is shown for what it is and kept,
never cleared (a cleared element, a newer write, won at the secretariat's merge). A record
outside the framework opens from search and the findings list, and its form moves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_screens_support import open_app
from textual.widgets import Select
from ui_support import fixed_clock, type_text, until

from smartcity_tui.model.records import PlanInfo, Programme, Strategy, SwotItem
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.screens.search import SearchScreen
from smartcity_tui.ui.screens.strategy_form import StrategyForm
from smartcity_tui.ui.screens.swot_form import SwotForm
from smartcity_tui.ui.widgets.programme_table import ProgrammeView


def build_plan(path: Path) -> Path:
    """A Kota Cerdas plan as a reframe from the six pillars can leave it: a SWOT item and a
    programme on kept dimensions with elements the aspects lack, and a branding strategy the
    map did not place."""
    info = PlanInfo(region="Sukamaju", region_kind="kota", province="Jawa Tengah", start_year=2026,
                    end_year=2030, vision="Sukamaju kota cerdas", missions=["Layanan untuk semua"],
                    framework="kota-cerdas-2026", framework_version="2026-rancangan")
    with PlanStore.create(path, info, team="Sekretariat", clock=fixed_clock) as store:
        store.add(SwotItem(pillar="lingkungan", quadrant="S", text="Panel surya di kantor bupati",
                           element="energy"))
        store.add(Programme(code="ENV-02", name="Lampu jalan tenaga surya", pillar="lingkungan",
                            element="energy", lead_agency="Dishub", start_year=2026, end_year=2027,
                            horizon="short", funding_sources=["apbd"],
                            budget_by_source={"apbd": {2026: 500_000_000}}))
        store.add(Strategy(pillar="branding", kind="SO", text="Sepakati merek kota bersama warga"))
    return path


@pytest.fixture
def app(tmp_path: Path):
    app, store = open_app(build_plan(tmp_path / "rencana.json"))
    yield app
    store.close()


def record(app, record_class, **match):
    return next(r for r in app.store.plan()._kind(record_class) if all(getattr(r, k) == v for k, v in match.items()))


async def saved_unchanged_keeping_energy(pilot) -> None:
    """The form open on a record whose element, "energy", this framework lacks: it shows it
    as unknown and keeps it chosen, and Ctrl+S with nothing changed writes nothing."""
    app = pilot.app
    element = app.screen.query_one("#element", Select)
    assert element.value == "energy"
    assert "(elemen tidak dikenal: energy)" in [str(label) for label, _ in element._options]
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, PillarScreen), "the form closed")
    assert not app.store.journal.can_undo, "a form saved unchanged wrote something"


async def test_a_swot_form_saved_unchanged_keeps_an_element_it_does_not_know(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")  # Lingkungan
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "the environment aspect")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, SwotForm), "the SWOT form")
        await saved_unchanged_keeping_energy(pilot)
        assert record(app, SwotItem, pillar="lingkungan").element == "energy"


async def test_a_programme_form_saved_unchanged_keeps_an_element_it_does_not_know(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "p")
        await until(pilot, lambda: bool(app.screen.query(ProgrammeView)), "the programmes")
        app.screen.query_one(ProgrammeView).select(record(app, Programme, code="ENV-02").id)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ProgrammeForm), "the programme form")
        await saved_unchanged_keeping_energy(pilot)
        assert record(app, Programme, code="ENV-02").element == "energy"


async def test_a_record_outside_the_framework_opens_from_search_and_its_form_moves_it(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await type_text(pilot, "sepakati merek")
        await until(pilot, lambda: bool(app.screen.hits), "the strategy found")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "the strategy's screen")
        assert app.screen.pillar_key == "branding"
        assert app.screen.query_one("#top").where.startswith("Di luar kerangka: branding")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, StrategyForm), "the strategy form")
        dimension = app.screen.query_one("#dimension", Select)
        assert dimension.value == "branding"
        assert str(dimension._options[0][0]) == "(di luar kerangka: branding)"
        dimension.value = "ekonomi"  # the officer chooses Ekonomi
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, StrategyForm), "the form closed")
        moved = record(app, Strategy, text="Sepakati merek kota bersama warga")
        assert moved.pillar == "ekonomi" and moved.kind == "SO"
        assert app.store.plan().outside_framework() == []


async def test_a_strategy_outside_the_framework_saved_unchanged_stays_where_it_is(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await type_text(pilot, "sepakati merek")
        await until(pilot, lambda: bool(app.screen.hits), "the strategy found")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "the strategy's screen")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, StrategyForm), "the strategy form")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, StrategyForm), "the form closed")
        assert not app.store.journal.can_undo
        assert record(app, Strategy, kind="SO").pillar == "branding"


SEVEN = 'id = "tujuh"\nversion = "1"\nname.id = "Tujuh Dimensi"\n' + "".join(
    f'\n[[dimensions]]\nkey = "d{i}"\ncode = "D{i}"\nname.id = "Dimensi {i}"\n'
    f'[[dimensions.elements]]\nkey = "e{i}"\nname.id = "Elemen {i}"\n' for i in range(1, 8))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_seven_dimension_cards_still_say_their_errors(tmp_path, monkeypatch, size):
    """QA frame #6: with seven or more dimensions the cards were three lines high and the
    line of errors was cut: every card looked clean."""
    from smartcity_tui.model import framework as frameworks
    from smartcity_tui.ui.widgets.pillar_card import PillarCard

    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "tujuh.toml").write_text(SEVEN, encoding="utf-8")
    monkeypatch.setattr(frameworks, "region_folder", lambda: folder)
    info = PlanInfo(region="Tujuh", region_kind="kota", province="Jawa Tengah", start_year=2026, end_year=2030,
                    vision="Visi", missions=["Misi"], framework="tujuh", framework_version="1")
    path = tmp_path / "tujuh.json"
    with PlanStore.create(path, info, team="Sekretariat", clock=fixed_clock) as store:
        store.add(SwotItem(pillar="d2", quadrant="S", text="Pasar desa ramai", element="tidak_ada"))
    app, store = open_app(path)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: "kesalahan" in str(app.screen.query_one("#card-d2", PillarCard).render()),
                    "the card's errors")
        assert "Str 0 · Prog 0" in str(app.screen.query_one("#card-d2", PillarCard).render())
    store.close()


async def test_the_dashboard_says_records_are_outside_the_framework(app):
    async with app.run_test(size=(100, 30)) as pilot:
        line = app.screen.query_one("#plan-lacks")
        await until(pilot, lambda: "di luar kerangka" in str(line.render()), "the plan-wide line")
        assert "1 entri di luar kerangka (dimensi branding)" in str(line.render())


async def test_the_findings_list_shows_a_long_plan_wide_finding_whole(tmp_path, capsys):
    """QA frame #11: at 100x30 the first plan-wide finding lost its last line ("... pilih
    dimensinya di" and no "formulir."): the list grew a scrollbar after measuring it."""
    import shutil

    from cli_support import SAMPLE, run
    from ui_support import screen_text

    from smartcity_tui.ui.screens.findings import FindingsScreen

    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    mapping = Path(__file__).resolve().parents[2] / "sample_data" / "reframe-gerakan-to-kota-cerdas-2026.toml"
    assert run(capsys, "reframe", plan, "--to", "kota-cerdas-2026", "--map", mapping, "--yes")[0] == 0
    app, store = open_app(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, FindingsScreen), "the findings")
        await pilot.press("a")
        await until(pilot, lambda: "Seluruh rencana" in screen_text(app), "the whole plan's findings")
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "pilih dimensinya di formulir." in shown.replace("█ ", "").replace(" █", "")
    store.close()
