"""The dashboard: counts and gaps per pillar, quick wins, and the ways into a pillar."""

from __future__ import annotations

from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.widgets.pillar_card import PillarCard
from smartcity_tui.ui.widgets.programme_table import ProgrammeView


def card_text(app, key: str) -> str:
    return str(app.screen.query_one(f"#card-{key}", PillarCard).render())


async def test_cards_count_and_say_what_is_missing(ui_app):
    app = ui_app
    async with app.run_test(size=(120, 40)):
        assert isinstance(app.screen, DashboardScreen)
        governance = card_text(app, "governance")
        assert "S 2  W 1  O 1  T 1" in governance and "Strategi 1" in governance
        assert "Program 1 · ★ 1" in governance
        economy = card_text(app, "economy")
        assert "SWOT kosong: O, T" in economy and "Belum ada strategi" in economy
        assert "Belum ada SWOT" in card_text(app, "living")
        facts = str(app.screen.query_one("#facts").render())
        assert "2025-2029" in facts and "Konflik" not in facts


async def test_arrows_and_enter_open_a_pillar_and_escape_comes_back(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "down", "enter")  # governance -> branding -> society
        assert isinstance(app.screen, PillarScreen) and app.screen.pillar_key == "society"
        await pilot.press("3")  # another pillar straight away
        assert app.screen.pillar_key == "economy"
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_a_quick_win_opens_its_programme(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")  # cards row 2, then the quick-wins list
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen) and app.screen.view == "programmes"
        view = app.screen.query_one(ProgrammeView)
        assert app.store.get(view.selected_id).code == "GOV-01"
        assert app.focused is view.table  # the cursor is on it: e edits that programme
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_an_edit_elsewhere_shows_on_the_dashboard(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n")
        await pilot.press(*"Ekspor", "ctrl+s")
        await pilot.press("escape")
        await pilot.pause()
        assert "S 2  W 1" in card_text(app, "economy")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "S 1  W 1" in card_text(app, "economy")
