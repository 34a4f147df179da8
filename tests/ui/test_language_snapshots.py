"""The dashboard and a pillar's timeline in English, as SVG snapshots: what an English-speaking
mentor sees after F4 (or with `language = "en"` in settings.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from timeline_support import build_timeline_plan, open_app

from smartcity_tui.i18n import set_language

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app(tmp_path: Path):
    app, store = open_app(build_timeline_plan(tmp_path / "rencana.json"))
    yield app
    store.close()
    set_language("id")


def switch_then(*keys: str):
    """F4, then `keys`; the "English" note is cleared so it hides nothing in the picture."""

    async def run(pilot) -> None:
        await pilot.press("f4", *keys)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_dashboard_in_english(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=switch_then())


def test_timeline_in_english(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=switch_then("1", "l", "down", "down"))
