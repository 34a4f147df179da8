"""Starting the app: the first-run form creates a plan; a plan that will not open says why
and what to do, and is left exactly as it was."""

from __future__ import annotations

import json

from ui_support import fixed_clock, reopen, type_text

from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.launch import open_plan
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.first_run import FirstRunScreen
from smartcity_tui.ui.screens.problem import ProblemScreen


async def test_first_run_form_creates_the_plan(tmp_path):
    path = tmp_path / "rencana.json"
    settings = Settings(path=tmp_path / "settings.toml")
    app = create_app(None, settings, plan_path=path, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        await type_text(pilot, "Sukamaju")
        await pilot.press("tab", "tab")  # past the kind (kabupaten stays)
        await type_text(pilot, "Jawa Tengah")
        await pilot.press("tab")
        await type_text(pilot, "2025")  # the year is selected on focus: typing replaces it
        await pilot.press("tab")
        await type_text(pilot, "2024")  # before the start: refused below
        await pilot.press("tab")
        await type_text(pilot, "Pokja Governance")
        await pilot.press("enter")  # enter in the last field goes on to Simpan (never saves)
        assert app.focused.id == "save" and not path.exists()
        await pilot.press("enter")  # Simpan: the form checks and says what is wrong
        assert isinstance(app.screen, FirstRunScreen)
        assert "lebih awal daripada tahun awal (2025)" in str(app.screen.query_one("#end-error").render())
        assert app.focused.id == "end"
        assert not path.exists()
        await type_text(pilot, "2029")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Kabupaten Sukamaju" in str(app.screen.query_one("#where").render())
    with reopen(path) as store:
        info = store.plan().info
        assert (info.region, info.region_kind, info.province) == ("Sukamaju", "kabupaten", "Jawa Tengah")
        assert (info.start_year, info.end_year, store.team) == (2025, 2029, "Pokja Governance")
    assert Settings.load(settings.path).last_plan == str(path.resolve())


async def test_first_run_without_a_file_name_asks_where(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = create_app(None, Settings(), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#file")
        assert field.value.endswith("rencana-induk.json")
        field.value = str(tmp_path / "pokja.txt")
        app.screen.query_one("#region").value = "Sukamaju"
        app.screen.query_one("#province").value = "Jawa Tengah"
        app.screen.query_one("#team").value = "Pokja"
        await pilot.press("ctrl+s")
        assert ".json" in str(app.screen.query_one("#file-error").render())
        field.value = str(tmp_path / "pokja.json")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    assert (tmp_path / "pokja.json").exists()


async def test_first_run_refuses_a_file_name_windows_would_refuse_and_suggests_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = create_app(None, Settings(), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#file")
        app.screen.query_one("#region").value = "Sukamaju"
        app.screen.query_one("#province").value = "Jawa Tengah"
        app.screen.query_one("#team").value = "Pokja"
        for name, why in (("Rencana: Wonosari.json", "tidak boleh memuat :"), ("CON.json", "nama perangkat")):
            field.value = str(tmp_path / name)
            await pilot.press("ctrl+s")
            said = str(app.screen.query_one("#file-error").render())
            assert isinstance(app.screen, FirstRunScreen) and why in said and "Ganti namanya" in said, said
        assert "misalnya rencana-CON.json" in said
        assert list(tmp_path.iterdir()) == [], "nothing made"


async def test_escape_on_the_first_run_form_quits_and_creates_nothing(tmp_path):
    path = tmp_path / "rencana.json"
    app = create_app(None, Settings(), plan_path=path, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value == 0
    assert not path.exists()


async def test_a_locked_plan_says_who_holds_it_and_changes_nothing(workshop_plan):
    before = workshop_plan.read_bytes()
    holder = PlanStore.open(workshop_plan)  # another window has the plan open
    try:
        store, problem = open_plan(workshop_plan)
        assert store is None and problem is not None
        app = create_app(None, Settings(), plan_path=workshop_plan, problem=problem, clock=fixed_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, ProblemScreen)
            shown = str(app.screen.query_one("#problem-title").render())
            message = str(app.screen.query_one("#problem-message").render())
            assert "sedang dibuka di tempat lain" in shown
            # the holder is running (the OS lock says so): close it there; --break-lock cannot help
            assert "Pokja Governance" in message and "Tutup aplikasi di sana" in message
            await pilot.press("q")
            await pilot.pause()
    finally:
        holder.close()
    assert workshop_plan.read_bytes() == before


async def test_an_unreadable_plan_is_explained_and_not_touched(tmp_path):
    path = tmp_path / "rusak.json"
    path.write_text('{"_meta": {"1": {"format": "smartcity-tui plan"', encoding="utf-8")
    before = path.read_bytes()
    store, problem = open_plan(path)
    assert store is None
    app = create_app(None, Settings(), problem=problem, clock=fixed_clock)
    async with app.run_test(size=(80, 24)):
        assert "tidak dapat dibaca" in str(app.screen.query_one("#problem-title").render())
        assert "flashdisk" in str(app.screen.query_one("#problem-message").render())
    assert path.read_bytes() == before
    assert not (tmp_path / "rusak.json.lock").exists()


async def test_a_plan_from_a_newer_version_is_refused(workshop_plan):
    data = json.loads(workshop_plan.read_text(encoding="utf-8"))
    data["_meta"]["1"]["schema"] = 999
    workshop_plan.write_text(json.dumps(data), encoding="utf-8")
    store, problem = open_plan(workshop_plan)
    app = create_app(None, Settings(), problem=problem, clock=fixed_clock)
    async with app.run_test(size=(80, 24)):
        assert "versi yang lebih baru" in str(app.screen.query_one("#problem-title").render())
        assert "Perbarui smartcity-tui" in str(app.screen.query_one("#problem-message").render())


async def test_a_big_plan_is_read_behind_a_loading_screen(workshop_plan, monkeypatch):
    from smartcity_tui.ui import opening
    from smartcity_tui.ui.screens.loading import LoadingScreen

    monkeypatch.setattr(opening, "INLINE_OPEN_BYTES", 0)  # treat the small plan as a big one
    shown = []
    real_mount = LoadingScreen.on_mount
    monkeypatch.setattr(LoadingScreen, "on_mount", lambda self: (shown.append(self.path), real_mount(self)))
    app = create_app(None, Settings(), plan_path=workshop_plan, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, DashboardScreen):
                break
        assert isinstance(app.screen, DashboardScreen)
        assert app.store is not None and app.store.plan().info.region == "Sukamaju"
    assert shown == [workshop_plan], "the loading screen was drawn first"


async def test_a_locked_big_plan_ends_on_the_problem_screen(workshop_plan, monkeypatch):
    from smartcity_tui.ui import opening

    monkeypatch.setattr(opening, "INLINE_OPEN_BYTES", 0)
    holder = PlanStore.open(workshop_plan)
    try:
        app = create_app(None, Settings(), plan_path=workshop_plan, clock=fixed_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(50):
                await pilot.pause(0.05)
                if isinstance(app.screen, ProblemScreen):
                    break
            assert isinstance(app.screen, ProblemScreen)
            assert app.store is None
    finally:
        holder.close()
