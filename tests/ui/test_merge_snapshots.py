"""SVG snapshots of the merge screen at 80x24 (nothing cut off) and 120x40: the three sample
drafts chosen, and the preview of what merging them would change. The home folder (~) holds
a copy of the drafts, so every path reads the same on every machine. Each was looked at as
an image before it was accepted."""

from __future__ import annotations

import shutil

import pytest
from exchange_support import app_on, copy_sample_plan, fixed_places, sample_bundles, set_place, settle

SIZES = [(80, 24), (120, 40)]


def _drafts_in_home(home):
    drafts = home / "draf-pokja"
    drafts.mkdir()
    for b in sample_bundles():
        (shutil.copytree if b.is_dir() else shutil.copy2)(b, drafts / b.name)
    return drafts


def _chosen(drafts):
    async def run(pilot) -> None:
        await pilot.press("m")
        await settle(pilot)
        set_place(pilot.app.screen, drafts)
        await pilot.press("a")
        await settle(pilot)
    return run


def _previewed(drafts):
    async def run(pilot) -> None:
        await _chosen(drafts)(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    return run


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_merge_preview(snap_compare, tmp_path, monkeypatch, size):
    drafts = _drafts_in_home(fixed_places(monkeypatch, tmp_path, drive=False))
    app, _store = app_on(copy_sample_plan(tmp_path / "plan"))
    assert snap_compare(app, terminal_size=size, run_before=_previewed(drafts))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_merge_bundles_chosen(snap_compare, tmp_path, monkeypatch, size):
    drafts = _drafts_in_home(fixed_places(monkeypatch, tmp_path, drive=False))
    app, _store = app_on(copy_sample_plan(tmp_path / "plan"))
    assert snap_compare(app, terminal_size=size, run_before=_chosen(drafts))
