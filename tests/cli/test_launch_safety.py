"""The app's launcher: a missing plan whose newest save survives as a temp file offers that
copy, not the create form (Windows review A6); while the app runs, a file held by a scanner is
waited for briefly (the screen must not freeze), and SIGTERM asks the app to exit cleanly."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import pytest

from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanMissingRecovered, atomic
from smartcity_tui.store.rescue import recovered_path
from smartcity_tui.ui import launch as launch_module


def _lost_in_a_pulled_drive(plan: Path) -> None:
    """A FAT flash drive pulled between the delete and the rename of a save."""
    data = json.loads(plan.read_bytes())
    data["_meta"]["1"]["counter"] += 1
    plan.with_name(f".{plan.name}.4242.tmp").write_text(json.dumps(data), encoding="utf-8")
    plan.unlink()


class FakeLoop:
    def __init__(self) -> None:
        self.scheduled = []

    def is_closed(self) -> bool:
        return False

    def call_soon_threadsafe(self, fn, *args):
        self.scheduled.append(fn)


class FakeApp:
    def __init__(self, problem) -> None:
        self.problem, self.store, self._loop = problem, None, FakeLoop()
        self.seen: dict = {}

    def exit(self) -> None:  # what the quit key calls
        pass

    def run(self):
        self.seen["retry"] = atomic.retry_seconds()
        if sys.platform != "win32":
            signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)
        return 0


@pytest.fixture
def apps(monkeypatch):
    made = []

    def create_app(store, settings, **kw):
        made.append(FakeApp(kw.get("problem")))
        made[-1].kw = kw
        return made[-1]

    monkeypatch.setattr(launch_module, "create_app", create_app)
    # pytest's stdin is no terminal: the console check (tests/ui/test_console.py) is not the point here
    monkeypatch.setattr(launch_module.console, "take_console", lambda: lambda: None)
    return made


def test_a_missing_plan_with_a_surviving_copy_is_offered_not_created(tmp_plan, apps):
    _lost_in_a_pulled_drive(tmp_plan)
    code = launch_module.launch(tmp_plan, Settings())
    (app,) = apps
    assert code == 2 and isinstance(app.problem, PlanMissingRecovered)
    assert app.problem.recovered == [recovered_path(tmp_plan, 1)]


def test_the_last_plan_gone_with_a_surviving_copy_is_offered_too(tmp_plan, apps):
    _lost_in_a_pulled_drive(tmp_plan)
    launch_module.launch(None, Settings(last_plan=str(tmp_plan)))
    assert isinstance(apps[0].problem, PlanMissingRecovered) and apps[0].kw["plan_path"] == tmp_plan


def test_a_missing_plan_without_a_copy_goes_to_the_create_form(tmp_path, apps):
    launch_module.launch(tmp_path / "baru.json", Settings())
    assert apps[0].problem is None


def test_while_the_app_runs_holds_are_waited_for_briefly_and_sigterm_asks_it_to_exit(tmp_plan, apps):
    before = atomic.retry_seconds()
    assert launch_module.launch(tmp_plan, Settings()) == 0
    (app,) = apps
    assert app.seen["retry"] == launch_module.UI_RETRY_SECONDS < before
    assert atomic.retry_seconds() == before
    if sys.platform != "win32":
        assert app._loop.scheduled == [app.exit]
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back after the run
