"""What the command line does before the app draws: the demo copy, reopening the last plan,
and the small settings file that remembers it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from smartcity_tui import cli
from smartcity_tui.commands import demo
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui import launch as launch_module


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def launched(monkeypatch):
    """Record what would be opened instead of running the app."""
    calls = []

    def fake_launch(path, settings, *, break_lock=False, note=""):
        calls.append((path, note))
        return 0

    monkeypatch.setattr(launch_module, "launch", fake_launch)
    return calls


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_settings_round_trip_and_a_broken_file_means_defaults(tmp_path):
    path = tmp_path / "settings.toml"
    Settings(last_plan="/rencana/a.json", keys={"swot.new": "a"}, path=path).save()
    again = Settings.load(path)
    assert again.last_plan == "/rencana/a.json" and again.keys == {"swot.new": "a"}
    path.write_text("last_plan = [", encoding="utf-8")
    assert Settings.load(path).last_plan == ""


def test_demo_opens_a_copy_and_never_the_original(user_dirs, launched):
    original = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
    before = digest(original)
    assert hashlib.sha256(demo.sample_plan_bytes()).hexdigest() == before
    assert cli.main(["demo"]) == 0
    (opened, _note), = launched
    assert opened == demo.demo_copy_path()
    assert opened.is_relative_to(user_dirs / "data")
    assert digest(opened) == before
    # edit the copy: the original stays as shipped, and a second demo keeps the edit
    with PlanStore.open(opened) as store:
        store.set_info(vision="Visi hasil lokakarya")
    assert cli.main(["demo"]) == 0
    with PlanStore.open(opened, readonly=True) as store:
        assert store.plan().info.vision == "Visi hasil lokakarya"
    assert cli.main(["demo", "--fresh"]) == 0
    assert digest(opened) == before
    assert digest(original) == before


def test_no_argument_reopens_the_last_plan(user_dirs, launched, workshop_plan):
    Settings(last_plan=str(workshop_plan), path=Settings.load().path).save()
    assert cli.main([]) == 0
    assert launched[-1] == (workshop_plan, "")


def test_a_missing_last_plan_is_said_on_the_first_run_form(user_dirs, launched, tmp_path):
    gone = tmp_path / "flashdisk" / "rencana.json"
    Settings(last_plan=str(gone), path=Settings.load().path).save()
    assert cli.main([]) == 0
    path, note = launched[-1]
    assert path is None and str(gone) in note


def test_a_plan_in_a_missing_folder_is_refused_in_one_line(user_dirs, launched, tmp_path, capsys):
    assert cli.main([str(tmp_path / "tidak-ada" / "rencana.json")]) == 2
    assert "tidak-ada" in capsys.readouterr().err
    assert launched == []
