"""What the officers see on the timeline view, pinned as SVG snapshots at the smallest
supported terminal (80x24) and a roomy one (120x40, with the legend), and the milestone form
with its findings. The plan and the clock are fixed, so the pictures are the same on every run."""

from __future__ import annotations

from pathlib import Path

import pytest
from timeline_support import build_timeline_plan, open_app

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app(tmp_path: Path):
    app, store = open_app(build_timeline_plan(tmp_path / "rencana.json"))
    yield app
    store.close()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_timeline_view(snap_compare, app, size):
    # the cursor on a milestone due in 2026 Q3, which the detail line spells out
    assert snap_compare(app, terminal_size=size, press=["1", "l", "down", "down", "down", "down", "down"])


def test_milestone_form_says_what_to_fix(snap_compare, app):
    async def empty_title_and_late_year(pilot) -> None:
        await pilot.press("1", "l", "end", "e")
        form = pilot.app.screen
        form.query_one("#title").value = ""
        form.query_one("#year").value = "2031"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=empty_title_and_late_year)


def test_new_milestone_form_120x40(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 40), press=["1", "l", "n"])
