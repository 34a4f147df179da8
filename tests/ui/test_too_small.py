"""Under 80x24 (issue 13 #5) the app says what size it needs instead of a cut screen, keys do
nothing unseen (q still quits), and once the window is big enough the screen is back as it
was; at 120x40 the programme table uses the width (whole agency names)."""

from __future__ import annotations

import re

from ui_support import screen_text, until

from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.swot_form import SwotForm


def row(app, code: str) -> str:
    return next((line for line in screen_text(app).splitlines() if line.startswith(code)), "")


def cut_agency(line: str) -> bool:
    """The row at 80 columns: the agency cut ("Dinas Ko…", a column or two either way, as the
    scrollbars fall) and marked so, the name no longer whole."""
    return (re.search(r"Dinas K\w*…", line) is not None and "Dinas Koperasi dan UMKM" not in line
            and line.startswith("ECO-01 "))


def notice_shown(app) -> bool:
    return "80x24" in screen_text(app)


async def test_a_small_window_names_the_size_it_needs_until_it_is_big_enough(ui_app):
    app = ui_app
    async with app.run_test(size=(70, 20)) as pilot:
        await until(pilot, lambda: notice_shown(app), "the size notice")
        text = " ".join(screen_text(app).split())
        assert "70x20" in text and "paling sedikit 80x24" in text
        assert "Smart Governance" not in text  # the cut dashboard is covered
        await pilot.press("1", "x")  # nothing happens unseen
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.resize_terminal(78, 30)
        await until(pilot, lambda: "78x30" in screen_text(app), "the notice following the size")
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: not notice_shown(app), "the notice gone")
        assert "Smart Governance" in screen_text(app)
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "keys working again")


async def test_a_form_open_when_the_window_shrinks_is_covered_and_comes_back_as_it_was(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "n")
        await until(pilot, lambda: isinstance(app.screen, SwotForm), "the SWOT form")
        await pilot.press("A", "b", "c")
        await pilot.resize_terminal(60, 24)
        await until(pilot, lambda: notice_shown(app), "the notice over the form")
        await pilot.press("d", "escape")
        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: not notice_shown(app), "the notice gone")
        assert isinstance(app.screen, SwotForm)
        assert app.screen.query_one("#text").value == "Abc"


async def test_q_still_quits_under_the_notice(ui_app):
    app = ui_app
    async with app.run_test(size=(60, 15)) as pilot:
        await until(pilot, lambda: notice_shown(app), "the size notice")
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running, "the app to quit")


async def test_at_120_columns_the_programme_table_shows_agencies_whole(tmp_path):
    import shutil
    from pathlib import Path

    from ui_support import fixed_clock

    from smartcity_tui.settings import Settings
    from smartcity_tui.store import PlanStore
    from smartcity_tui.ui.factory import create_app

    sample = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
    shutil.copy(sample, tmp_path / "plan.json")
    store = PlanStore.open(tmp_path / "plan.json", clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("3", "p")
            await until(pilot, lambda: "ECO-01" in screen_text(app), "the programme table")
            table = "\n".join(row(app, f"ECO-0{n}") for n in range(1, 5))
            for agency in ("Dinas Koperasi dan UMKM", "Dinas Perdagangan", "Dinas Pertanian"):
                assert agency in table
            assert "QRIS untuk Seribu Lapak Pasar Desa" in table  # the name whole too
            await pilot.resize_terminal(80, 24)
            # cut, and marked so; the code and name still first on the line
            await until(pilot, lambda: cut_agency(row(app, "ECO-01")),
                        "narrower columns", detail=lambda: repr(screen_text(app)))
    finally:
        store.close()
