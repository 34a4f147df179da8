"""On a pillar screen m moves a SWOT item and never opens the merge screen (QA report, TUI
bug 4; docs/keys.md: "not on a pillar screen, where m moves"). In the strategies,
programmes and timeline views, and on an empty quadrant, it says what moves where; the
pillar's help (F1) says the same."""

from __future__ import annotations

import pytest

from smartcity_tui.ui.screens.help import HelpScreen
from smartcity_tui.ui.screens.merge import MergeScreen
from smartcity_tui.ui.screens.picker import ChoicePicker
from smartcity_tui.ui.screens.pillar import PillarScreen


def told(app) -> str:
    """What the notices on screen say."""
    return " ".join(n.message for n in app._notifications)


@pytest.mark.parametrize(("view", "said"), [
    ("t", "m menggeser butir SWOT"), ("p", "m menggeser butir SWOT"), ("l", "Tonggak digeser setahun dengan <"),
])
async def test_m_outside_the_swot_view_says_what_moves_and_opens_no_merge(ui_app, view, said):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", view, "m")
        await pilot.pause()
        assert not isinstance(app.screen, MergeScreen)
        assert isinstance(app.screen, PillarScreen)
        assert said in told(app)


async def test_m_on_an_empty_quadrant_opens_no_merge(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")  # Smart Economy: O and T are empty
        app.screen.query_one("#q-O").focus()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen)
        assert "Tidak ada butir di sini untuk digeser." in told(app)
        app.screen.query_one("#q-S").focus()
        await pilot.press("m")  # an item under the cursor: m moves it, as before
        await pilot.pause()
        assert isinstance(app.screen, ChoicePicker)


async def test_the_pillar_help_agrees_with_the_docs(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        for view in ("t", "p", "l"):
            await pilot.press(view, "f1")
            assert isinstance(app.screen, HelpScreen)
            rows = dict(app.screen.rows)
            assert rows.get("m") == "Geser butir SWOT ke kuadran lain (hanya di tampilan SWOT)", rows.get("m")
            assert not any("Gabungkan" in label for label in rows.values())
            await pilot.press("escape")
