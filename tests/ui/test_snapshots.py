"""What the officers see, pinned as SVG snapshots at the smallest supported terminal (80x24)
and a roomy one (120x40): the dashboard and a pillar screen's SWOT and strategies views. The
plan and the clock are fixed, so the pictures are the same on every run. (The programmes view
and form have their own snapshots in test_programme_snapshots.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import fixed_clock

from smartcity_tui.settings import Settings
from smartcity_tui.ui.factory import create_app

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_dashboard(snap_compare, ui_app, size):
    assert snap_compare(ui_app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_pillar_swot_view(snap_compare, ui_app, size):
    assert snap_compare(ui_app, terminal_size=size, press=["1"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_pillar_strategies_view(snap_compare, ui_app, size):
    assert snap_compare(ui_app, terminal_size=size, press=["1", "t"])


def test_help_on_the_swot_view(snap_compare, ui_app):
    assert snap_compare(ui_app, terminal_size=(80, 24), press=["1", "f1"])


def test_first_run_form(snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # the form says where: "~/baru.json" on every machine
    app = create_app(None, Settings(), plan_path=Path("baru.json"), clock=fixed_clock)
    assert snap_compare(app, terminal_size=(80, 24))


def test_swot_form(snap_compare, ui_app):
    assert snap_compare(ui_app, terminal_size=(80, 24), press=["1", "e"])


def test_strategy_form(snap_compare, ui_app):
    assert snap_compare(ui_app, terminal_size=(80, 24), press=["1", "t", "e"])
