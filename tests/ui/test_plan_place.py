"""Where plans are kept (settings.py): a new plan goes to the user's Documents folder, which
officers see in Explorer and OneDrive backs up, and the first-run form and the plan screen say
where it is. A plan at the former default (the app's data folder: AppData on Windows) keeps
opening where it is, is never moved, and the app says to copy it to Documents; under the
Microsoft Store's Python, whose AppData is deleted with the app, the warning says so too. The
demo's copy stays in the data folder: it is no officer's work."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Input
from ui_support import fixed_clock, until

from smartcity_tui import cli, settings
from smartcity_tui.commands import demo
from smartcity_tui.i18n import set_language, t
from smartcity_tui.model.records import PlanInfo
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui import launch as launch_module
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.first_run import FirstRunScreen
from smartcity_tui.ui.widgets.plan_sections import FactsPanel

STORE_PYTHON = r"C:\Users\budi\AppData\Local\Microsoft\WindowsApps\PythonSoftwareFoundation.Python.3.11_qbz5n2kfra8p0\python.exe"
STORE_PREFIX = r"C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python.3.11_3.11.2544.0_x64__qbz5n2kfra8p0"
ORDINARY_PYTHON = r"C:\Users\budi\AppData\Local\Programs\Python\Python311\python.exe"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user of their own: home, Documents, data and config folders under tmp_path."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    set_language("id")
    return tmp_path


@pytest.fixture
def launched(monkeypatch):
    calls = []
    monkeypatch.setattr(launch_module, "launch",
                        lambda path, s, *, break_lock=False, note="": calls.append((path, note)) or 0)
    return calls


def make_plan(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    PlanStore.create(path, PlanInfo(region="Sukamaju", province="Jawa Tengah", start_year=2025, end_year=2029),
                     "Pokja Governance").close()
    return path


def test_the_default_plan_is_in_documents(home):
    assert settings.default_plan() == home / "Documents" / "smartcity-tui" / "rencana-induk.json"
    assert not settings.out_of_sight(settings.default_plan())
    assert settings.former_default_plan() == home / ".local" / "share" / "smartcity-tui" / "rencana-induk.json"
    assert settings.out_of_sight(settings.former_default_plan())


def test_the_demo_copy_is_not_the_officers_work(home):
    assert demo.demo_copy_path().is_relative_to(settings.data_dir())
    assert not settings.out_of_sight(demo.demo_copy_path())


@pytest.mark.parametrize(("path", "hidden"), [
    (r"C:\Users\budi\AppData\Local\smartcity-tui\rencana-induk.json", True),
    (r"C:\Users\budi\AppData\Roaming\rencana.json", True),
    (r"C:\Users\budi\AppData\Local\Packages\PythonSoftwareFoundation.Python.3.11_qbz5n2kfra8p0"
     r"\LocalCache\Local\smartcity-tui\rencana-induk.json", True),
    (r"C:\Users\budi\OneDrive - Pemkab Sukamaju\Documents\smartcity-tui\rencana-induk.json", False),
    (r"E:\lokakarya\rencana.json", False),
])
def test_appdata_and_store_folders_are_out_of_sight_on_windows(path, hidden):
    assert settings.hidden_on_windows(path) is hidden


def test_microsoft_store_python_is_recognised(monkeypatch):
    monkeypatch.setattr(sys, "executable", STORE_PYTHON)
    assert settings.store_python()
    monkeypatch.setattr(sys, "executable", ORDINARY_PYTHON)
    monkeypatch.setattr(sys, "prefix", STORE_PREFIX)
    assert settings.store_python()  # a venv made from it names its base in prefix
    monkeypatch.setattr(sys, "prefix", r"C:\Users\budi\AppData\Local\Programs\Python\Python311")
    monkeypatch.setattr(sys, "base_prefix", r"C:\Users\budi\AppData\Local\Programs\Python\Python311")
    assert not settings.store_python()


async def test_the_first_run_form_suggests_documents_says_so_and_creates_it_there(home):
    app = create_app(None, Settings(), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FirstRunScreen)
        assert form.query_one("#file", Input).value == str(settings.default_plan())
        shown = " ".join(str(s.render()) for s in form.query(".hint"))
        assert "Dokumen" in shown and "OneDrive" in shown
        assert t("win.store_python") not in shown
        for field, text in (("region", "Sukamaju"), ("province", "Jawa Tengah"), ("team", "Pokja Governance")):
            form.query_one(f"#{field}", Input).value = text
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the new plan's dashboard")
        assert app.store is not None and app.store.path == settings.default_plan()
    app.store.close()
    assert settings.default_plan().exists()


async def test_the_first_run_form_warns_under_store_python(home, monkeypatch):
    monkeypatch.setattr(sys, "executable", STORE_PYTHON)
    app = create_app(None, Settings(), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        texts = [str(s.render()) for s in app.screen.query(".field-error")]
        assert t("win.store_python") in texts


def test_a_plan_at_the_former_default_keeps_opening_where_it_is(home, launched):
    old = make_plan(settings.former_default_plan())
    before = old.read_bytes()
    assert cli.main([]) == 0
    assert launched == [(old, "")]
    assert old.read_bytes() == before and not settings.default_plan().exists()  # not moved


def test_a_remembered_plan_comes_before_the_former_default(home, launched):
    make_plan(settings.former_default_plan())
    mine = make_plan(home / "Documents" / "smartcity-tui" / "pokja.json")
    Settings(last_plan=str(mine), path=settings.settings_path()).save()
    assert cli.main([]) == 0
    assert launched == [(mine, "")]


def test_nothing_anywhere_goes_to_the_first_run_form(home, launched):
    assert cli.main([]) == 0
    assert launched == [(None, "")]


async def test_a_plan_out_of_sight_is_said_when_it_opens_and_the_plan_screen_names_its_file(home):
    old = make_plan(settings.former_default_plan())
    store = PlanStore.open(old, clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        told = [n.message for n in app._notifications]
        assert told == [t("win.out_of_sight", path="~/.local/share/smartcity-tui/rencana-induk.json",
                          documents="~/Documents")]
        await pilot.press("i")
        await until(pilot, lambda: bool(app.screen.query(FactsPanel)), "the plan screen")
        assert "Berkas: ~/.local/share/smartcity-tui/rencana-induk.json" in str(
            app.screen.query_one(FactsPanel).render())
    store.close()


async def test_under_store_python_the_warning_says_the_folder_is_deleted_with_it(home, monkeypatch):
    monkeypatch.setattr(sys, "executable", STORE_PYTHON)
    store = PlanStore.open(make_plan(settings.former_default_plan()), clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        (told,) = [n.message for n in app._notifications]
        assert "Microsoft Store" in told and "~/Documents" in told
    store.close()


async def test_a_plan_in_documents_opens_without_a_warning(home):
    store = PlanStore.open(make_plan(settings.default_plan()), clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert list(app._notifications) == []
    store.close()
