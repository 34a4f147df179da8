"""The plan screen (key i): region facts, period, vision, missions, targets and the readiness
analysis are edited in forms; each edit is in the plan file at once and undoable; a new
period that leaves programmes outside it is shown before it is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_screens_support import build_full_plan, open_app
from ui_support import prompt_text, reopen, type_text

from textual.widgets import Input, Select, TextArea

from smartcity_tui.ui.screens.line_form import LineForm
from smartcity_tui.ui.screens.period_confirm import PeriodConfirm
from smartcity_tui.ui.screens.plan_facts_form import PlanFactsForm
from smartcity_tui.ui.screens.plan_info import PlanInfoScreen
from smartcity_tui.ui.screens.readiness_form import ReadinessForm
from smartcity_tui.ui.screens.target_form import TargetForm
from smartcity_tui.ui.widgets.plan_sections import FactsPanel, LinesList, TargetsList
from smartcity_tui.ui.widgets.readiness_table import ReadinessTable

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return build_full_plan(tmp_path / "rencana.json")


@pytest.fixture
def app(plan_path: Path, monkeypatch):
    # the facts show where the file is, from the home folder: "~/rencana.json" on every machine
    monkeypatch.setenv("HOME", str(plan_path.parent))
    app, store = open_app(plan_path)
    yield app
    store.close()


def retype(screen, field_id: str, text: str) -> None:
    field = screen.query_one(f"#{field_id}")
    if isinstance(field, TextArea):  # the vision: a paragraph
        field.load_text(text)
    else:
        field.value = text


async def test_vision_and_a_readiness_row_are_edited_and_saved(app, plan_path):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, PlanInfoScreen)
        assert isinstance(app.focused, FactsPanel)
        assert "Sukamaju yang cerdas" in str(app.focused.render())
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, PlanFactsForm)
        assert form.query_one("#plan-vision", TextArea).text == "Sukamaju yang cerdas, terbuka dan sejahtera"
        retype(form, "plan-vision", "Sukamaju cerdas, lestari dan gotong royong")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanInfoScreen)
        assert app.store.plan().info.vision == "Sukamaju cerdas, lestari dan gotong royong"
        assert "lestari" in str(app.screen.query_one(FactsPanel).render())

        # the readiness table: tab past the facts, missions and targets
        await pilot.press("tab", "tab", "tab")
        table = app.screen.query_one(ReadinessTable)
        assert app.focused is table and table.row_count == 3
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, ReadinessForm)
        await type_text(pilot, "Anggaran TIK")
        form.query_one("#aspect", Select).value = "struktur"
        form.query_one("#rating", Select).value = "kurang"
        retype(form, "description", "Sekitar 1,1% APBD")
        retype(form, "gap", "Belum ada arsitektur belanja TIK")
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = next(r for r in app.store.plan().readiness if r.topic == "Anggaran TIK")
        assert table.current_id == added.id and table.row_count == 4
        # and edit it: enter opens the same row
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, ReadinessForm) and form.query_one("#topic", Input).value == "Anggaran TIK"
        form.query_one("#rating", Select).value = "sedang"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sedang" in str(app.screen.query_one("#readiness-detail").render())

    with reopen(plan_path) as store:
        plan = store.plan()
        assert plan.info.vision == "Sukamaju cerdas, lestari dan gotong royong"
        row = next(r for r in plan.readiness if r.topic == "Anggaran TIK")
        assert (row.aspect, row.rating, row.gap) == ("struktur", "sedang", "Belum ada arsitektur belanja TIK")


async def test_a_period_change_warns_and_cancel_keeps_the_period(app, plan_path):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        form = app.screen
        retype(form, "start_year", "2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        warning = app.screen
        assert isinstance(warning, PeriodConfirm)
        listed = [str(o.prompt) for o in warning.query_one("#period-outside").options]
        # GOV-01 (2025) and ECO-01 (2025-2026) start before 2026, and ECO-01's 2025 milestone
        assert any("Portal layanan terpadu" in line for line in listed)
        assert any("QRIS untuk seribu lapak" in line for line in listed)
        assert any("100 lapak memakai QRIS" in line for line in listed)
        assert not any("Wifi Desa" in line for line in listed)
        await pilot.press("escape")  # back to the form, what was typed still there
        assert app.screen is form and form.query_one("#start_year", Input).value == "2026"
        assert "Periode belum disimpan" in str(form.query_one("#start_year-error").render())
        assert app.store.plan().info.start_year == 2025
        await pilot.press("escape", "b")  # leave the form, the typed year thrown away: nothing written
        assert isinstance(app.screen, PlanInfoScreen)
        assert app.store.plan().info.start_year == 2025
    with reopen(plan_path) as store:
        assert (store.plan().info.start_year, store.plan().info.end_year) == (2025, 2029)


async def test_a_confirmed_period_is_saved_and_undone_in_one_step(app, plan_path):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        retype(app.screen, "start_year", "2026")
        retype(app.screen, "end_year", "2030")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeriodConfirm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanInfoScreen)
        info = app.store.plan().info
        assert (info.start_year, info.end_year) == (2026, 2030)
        assert "2026-2030" in str(app.screen.query_one(FactsPanel).render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (app.store.plan().info.start_year, app.store.plan().info.end_year) == (2025, 2029)


async def test_a_period_that_fits_is_saved_without_a_question(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        retype(app.screen, "end_year", "2030")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanInfoScreen)
        assert app.store.plan().info.end_year == 2030


async def test_bad_years_say_what_to_type(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        form = app.screen
        retype(form, "start_year", "2029")
        retype(form, "end_year", "2025")
        retype(form, "region", "")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "Tahun akhir tidak boleh lebih awal daripada tahun awal" in str(form.query_one("#end_year-error").render())
        assert "Tulis nama kabupaten atau kota" in str(form.query_one("#region-error").render())


async def test_missions_are_added_edited_deleted_and_undone(app, plan_path):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "tab")
        missions = app.screen.query_one("#missions", LinesList)
        assert app.focused is missions and missions.lines == ["Pelayanan publik yang cepat"]
        await pilot.press("n")
        assert isinstance(app.screen, LineForm)
        await type_text(pilot, "Ekonomi desa yang tangguh")
        await pilot.press("enter")  # the only field: enter goes to Simpan, it never saves
        await pilot.pause()
        assert isinstance(app.screen, LineForm) and app.store.plan().info.missions == ["Pelayanan publik yang cepat"]
        assert app.focused is app.screen.query_one("#save")
        await pilot.press("enter")  # on the button: saved
        await pilot.pause()
        assert app.store.plan().info.missions == ["Pelayanan publik yang cepat", "Ekonomi desa yang tangguh"]
        assert missions.highlighted == 1
        await pilot.press("e")
        retype(app.screen, "line", "Ekonomi desa yang tangguh dan hijau")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.plan().info.missions[1] == "Ekonomi desa yang tangguh dan hijau"
        await pilot.press("up", "delete")
        await pilot.pause()
        assert app.store.plan().info.missions == ["Ekonomi desa yang tangguh dan hijau"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.store.plan().info.missions == ["Pelayanan publik yang cepat", "Ekonomi desa yang tangguh dan hijau"]
    with reopen(plan_path) as store:
        info = store.plan().info
        assert info.missions == ["Pelayanan publik yang cepat", "Ekonomi desa yang tangguh dan hijau"]


async def test_targets_are_a_table_with_indicators_added_edited_deleted_and_undone(app, plan_path):
    """A target (sasaran) is a record with its indicator, baseline and year, end target, data
    source and the mission it serves; the list shows them; a new one goes after the cursor."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "tab", "tab")
        targets = app.screen.query_one("#targets", TargetsList)
        assert app.focused is targets and targets.targets == []  # empty in this plan
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, TargetForm)
        await type_text(pilot, "Meningkatnya kualitas tata kelola berbasis elektronik")
        retype(form, "indicator", "Indeks SPBE")
        retype(form, "unit", "indeks")
        retype(form, "baseline", "2,6")
        retype(form, "baseline_year", "2024")
        retype(form, "end_target", "3,5")
        retype(form, "data_source", "Evaluasi SPBE")
        form.query_one("#mission", Select).value = 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        [first] = app.store.plan().targets
        assert (first.text, first.indicator, first.unit, first.baseline, first.baseline_year, first.end_target,
                first.data_source, first.mission) == (
            "Meningkatnya kualitas tata kelola berbasis elektronik", "Indeks SPBE", "indeks", 2.6, 2024, 3.5,
            "Evaluasi SPBE", 1)
        shown = prompt_text(targets.get_option_at_index(0).prompt)
        assert "Indeks SPBE (indeks): 2,6 (2024) → 3,5" in shown and "Misi 1" in shown
        # a second one, after the one under the cursor
        await pilot.press("n")
        await type_text(pilot, "Menurunnya kemiskinan")
        form = app.screen
        retype(form, "baseline", "banyak")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TargetForm)  # says what to type
        assert "angka" in str(app.screen.query_one("#baseline-error").render())
        retype(app.screen, "baseline", "11,2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [x.text for x in app.store.plan().targets] == [
            "Meningkatnya kualitas tata kelola berbasis elektronik", "Menurunnya kemiskinan"]
        assert targets.current.text == "Menurunnya kemiskinan"
        await pilot.press("enter")
        retype(app.screen, "text", "Menurunnya tingkat kemiskinan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.plan().targets[1].text == "Menurunnya tingkat kemiskinan"
        await pilot.press("delete")
        await pilot.pause()
        assert [x.text for x in app.store.plan().targets] == ["Meningkatnya kualitas tata kelola berbasis elektronik"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(app.store.plan().targets) == 2
    with reopen(plan_path) as store:
        assert [x.text for x in store.plan().targets] == [
            "Meningkatnya kualitas tata kelola berbasis elektronik", "Menurunnya tingkat kemiskinan"]


async def test_a_readiness_row_is_deleted_and_undone(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "tab", "tab", "tab")
        table = app.screen.query_one(ReadinessTable)
        first = table.current_id
        await pilot.press("x")
        await pilot.pause()
        assert table.row_count == 2 and first not in [r.id for r in app.store.plan().readiness]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert table.row_count == 3


async def test_switching_language_keeps_the_readiness_row(app):
    from smartcity_tui.i18n import set_language

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("i", "tab", "tab", "tab", "down")
            table = app.screen.query_one(ReadinessTable)
            row = table.current_id
            region = app.store.plan().info.region
            assert f"Daerah: Kabupaten {region}\n" in str(app.screen.query_one(FactsPanel).render())
            await pilot.press("f4")
            await pilot.pause()
            table = app.screen.query_one(ReadinessTable)
            assert app.focused is table and table.current_id == row
            assert app.screen.query_one(FactsPanel).border_title == "Region, period and vision"
            # the region's kind where English puts it, as the top bar has it
            assert f"Region: {region} Regency\n" in str(app.screen.query_one(FactsPanel).render())
            assert "Infrastructure" in str(app.screen.query_one("#readiness-detail").render())
    finally:
        set_language("id")


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_plan_screen_snapshot(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, press=["i"])


def test_readiness_snapshot(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["i", "tab", "tab", "tab", "down"])


def test_period_warning_snapshot(snap_compare, app):
    async def change_period(pilot) -> None:
        await pilot.press("i", "enter")
        retype(pilot.app.screen, "start_year", "2026")
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=change_period)


async def test_a_group_renames_the_team_of_a_plan_handed_out_by_the_secretariat(tmp_path, monkeypatch):
    """The merged plan comes back on a flash drive still in the secretariat's name: the group
    puts its own name on it, and its next bundle travels under that name."""
    import shutil

    from smartcity_tui.bundle import ExportOptions, export_bundle, read_bundle
    from smartcity_tui.store import PlanStore
    from smartcity_tui.ui.screens.export import ExportScreen

    (tmp_path / "sekretariat").mkdir()
    secretariat = build_full_plan(tmp_path / "sekretariat" / "rencana.json")
    with PlanStore.open(secretariat) as store:
        store.set_team("Sekretariat Dewan Smart City")
        old_replica = store.replica_id
    handed_out = tmp_path / "pokja" / "rencana.json"
    handed_out.parent.mkdir()
    shutil.copyfile(secretariat, handed_out)
    # opened on the group's laptop (another machine id)
    from smartcity_tui.store import machine

    monkeypatch.setenv(machine.ENV_DIR, str(tmp_path / "laptop-pokja"))
    machine._machine_id_for.cache_clear()
    app, store = open_app(handed_out)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            told = [n.message for n in app._notifications]
            assert any("atas nama tim Sekretariat Dewan Smart City" in m and "tekan i" in m for m in told), told
            await pilot.press("i")
            assert "Sekretariat Dewan Smart City" in str(app.screen.query_one(FactsPanel).render())
            await pilot.press("enter")
            form = app.screen
            assert form.query_one("#team", Input).value == "Sekretariat Dewan Smart City"
            retype(form, "team", "  ")
            await pilot.press("ctrl+s")
            assert app.screen is form and "Tulis nama tim" in str(form.query_one("#team-error").render())
            retype(form, "team", "Pokja  Smart Living")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, PlanInfoScreen)
            assert "Pokja Smart Living" in str(app.screen.query_one(FactsPanel).render())
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            assert "Pokja Smart Living" in str(app.screen.query_one("#export-team").render())
        assert store.replica_id != old_replica, "a copy writes as a replica of its own"
        result = export_bundle(store, ExportOptions(out_dir=tmp_path))
        bundle = read_bundle(result.path)
        assert (bundle.team, bundle.replica_id) == ("Pokja Smart Living", store.replica_id)
    finally:
        store.close()
    with reopen(handed_out) as after:
        assert after.team == "Pokja Smart Living"
    with reopen(secretariat) as original:
        assert original.team == "Sekretariat Dewan Smart City"


@pytest.fixture
def app_with_targets(plan_path: Path, monkeypatch):
    from ui_support import fixed_clock

    monkeypatch.setenv("HOME", str(plan_path.parent))  # "~/rencana.json" on every machine, as `app`

    from smartcity_tui.model.records import PlanTarget
    from smartcity_tui.store import PlanStore

    with PlanStore.open(plan_path, clock=fixed_clock) as store:
        store.add(PlanTarget(text="Meningkatnya kualitas tata kelola berbasis elektronik", mission=1,
                             indicator="Indeks SPBE", unit="indeks", baseline=2.6, baseline_year=2024, end_target=3.5,
                             data_source="Evaluasi SPBE", order=1))
        store.add(PlanTarget(text="Menurunnya tingkat kemiskinan", indicator="Penduduk miskin", unit="%",
                             baseline=11.2, baseline_year=2024, end_target=8.5, data_source="BPS", order=2))
    app, store = open_app(plan_path)
    yield app
    store.close()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_targets_snapshot(snap_compare, app_with_targets, size):
    """The targets as a table: each with its indicator, baseline and its year, end target,
    the mission it serves and the data source."""
    assert snap_compare(app_with_targets, terminal_size=size, press=["i", "tab", "tab"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_target_form_snapshot(snap_compare, app_with_targets, size):
    assert snap_compare(app_with_targets, terminal_size=size, press=["i", "tab", "tab", "enter"])


def test_a_long_mission_wraps_under_its_text_not_under_its_number():
    """A mission longer than the list is wide: its second line starts under the text, so the
    numbers stand in a column of their own (10 missions: "1. " is padded to "10. ")."""
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    from smartcity_tui.ui.widgets.plan_sections import Numbered

    console = Console(width=30, file=StringIO(), color_system=None)
    console.print(Numbered(1, 10, Text("Pelayanan publik yang cepat, murah, dan terbuka bagi semua warga")))
    lines = console.file.getvalue().splitlines()
    assert lines[0].rstrip() == "1.  Pelayanan publik yang"
    assert len(lines) == 3 and all(len(line.rstrip()) <= 30 for line in lines) and all(line.startswith("    ") and line[4] != " " for line in lines[1:])
    assert " ".join(line.strip() for line in lines)[4:] == "Pelayanan publik yang cepat, murah, dan terbuka bagi semua warga"
