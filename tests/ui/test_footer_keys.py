"""Keys an officer finds: the dashboard's footer names the app's main keys (export, merge,
roadmap, search first) at 80 columns, every footer shows only keys that fit whole, and a
resize makes room for more or fewer."""

from __future__ import annotations

from ui_support import footer_entries, footer_keys, footer_line, screen_text, until

from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.widgets.key_footer import KeyFooter


async def test_the_dashboard_footer_shows_export_merge_roadmap_and_search_at_80_columns(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen) and footer_keys(app), "the footer")
        line = footer_line(app)
        for shown in ("f1 Bantuan", "x Ekspor", "m Gabungkan", "r Peta jalan", "/ Cari", "k Konflik", "b Buku"):
            assert shown in line
        # in this order: help, then what a session needs most
        assert footer_keys(app)[:7] == ["f1", "x", "m", "r", "/", "k", "b"]
        # the keys shown do what the footer says
        await pilot.press("r")
        await until(pilot, lambda: type(app.screen).__name__ == "RoadmapScreen", "the roadmap")


async def test_english_has_room_for_plan_facts_too(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: "x Export" in footer_line(app), "the English footer")
        assert "i Plan facts" in footer_line(app)


async def test_a_key_that_does_not_fit_whole_is_left_out_and_a_resize_redraws(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: footer_keys(app), "the footer")
        # "i Data rencana" does not fit at 80 columns: no "i Data renc" at the edge
        assert "i" not in footer_keys(app)
        assert len(footer_line(app)) <= 80
        # what the terminal shows on the footer's row is the footer's line, whole
        assert screen_text(app).splitlines()[-1] == footer_line(app)
        await pilot.resize_terminal(120, 30)
        await until(pilot, lambda: "i" in footer_keys(app), "the plan facts key after widening")
        await pilot.resize_terminal(60, 24)
        # (the footer is empty for a moment while it is built again: wait for the new keys)
        await until(pilot, lambda: bool(keys := footer_keys(app)) and "k" not in keys, "fewer keys after narrowing")
        assert footer_keys(app)[:4] == ["f1", "x", "m", "r"]


def new_plan_app(tmp_path, keys=None):
    from ui_support import fixed_clock

    from smartcity_tui.model.records import PlanInfo
    from smartcity_tui.settings import Settings
    from smartcity_tui.store import PlanStore
    from smartcity_tui.ui.factory import create_app

    path = tmp_path / "baru.json"
    PlanStore.create(path, PlanInfo(region="Sukamaju", start_year=2026, end_year=2030),
                     team="Pokja Ekonomi", clock=fixed_clock).close()
    store = PlanStore.open(path, clock=fixed_clock)
    return create_app(store, Settings(keys=keys or {}), clock=fixed_clock)


def help_text(app) -> str:
    return screen_text(app)


async def test_f1_on_a_new_plan_says_what_to_do_first_in_order(tmp_path):
    from smartcity_tui.ui.screens.help import HelpScreen

    app = new_plan_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        text = help_text(app)
        assert "Langkah pertama" in text
        steps = ["Data rencana: daerah", "Buka satu dimensi", "Strategi dari butir SWOT", "Program untuk strategi",
                 "Linimasa", "Ekspor bundel"]
        at = [text.index(s) for s in steps]
        assert at == sorted(at), "the steps in the order the work goes"
        assert text.index("Langkah pertama") < text.index("Tombol layar ini")
        await pilot.press("escape", "f4", "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen) and "First steps" in help_text(app),
                    "the first steps in English")
        assert "Plan facts: region" in help_text(app)


async def test_the_first_steps_name_the_keys_as_remapped(tmp_path):
    from smartcity_tui.ui.screens.help import HelpScreen

    app = new_plan_app(tmp_path, keys={"app.export": "e", "swot.new": "a"})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        lines = screen_text(app).splitlines()
        export = next(line for line in lines if "Ekspor bundel" in line)
        assert export.split()[2] == "e", export  # "6.  e  Ekspor bundel ..."
        assert "a menambah butir" in screen_text(app).replace("\n", " ")


async def test_a_plan_with_work_in_it_gets_the_keys_only(ui_app):
    from smartcity_tui.ui.screens.help import HelpScreen

    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        assert "Langkah pertama" not in help_text(app)
        assert not app.screen.query("#first-steps")


async def test_a_lists_footer_starts_with_adding_then_editing(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: footer_keys(app)[:1] == ["f1"] and len(footer_keys(app)) > 3, "the SWOT footer")
        # Textual's list puts its own enter first; the footer follows the key map: add, edit, delete
        assert footer_keys(app)[1:4] == ["n", "⏎", "del"]
        await pilot.press("t")
        await until(pilot, lambda: footer_keys(app)[1:4] == ["n", "⏎", "del"], "the strategy footer")


async def test_every_pillar_view_keeps_its_way_back_at_80_columns_in_both_languages(ui_app):
    # a key only that view's footer has: the footer shown is the view's, not the one before
    own = {"s": "m", "t": None, "p": "u", "l": "d"}

    def drawn(view: str) -> bool:
        keys = footer_keys(app)
        if own[view] is None:
            return "n" in keys and not {"m", "u", "d"} & set(keys)
        return own[view] in keys

    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        for language, year_keys in (("id", "Geser tahun"), ("en", "Move year")):
            for view in own:
                await pilot.press(view)
                await until(pilot, lambda: drawn(view), f"the footer of view {view}")
                assert "esc" in footer_keys(app), f"{language} {view}: {footer_line(app)}"
                assert len(footer_line(app)) <= 80, f"{language} {view}: past the edge"
                assert footer_line(app).endswith(footer_entries(app)[-1].words), f"{language} {view}: cut"
            # the timeline's two year keys share one label
            assert [entry.keys for entry in footer_entries(app) if entry.grouped] == [("<", ">")]
            assert f"< > {year_keys} ^z" in screen_text(app)
            await pilot.press("f4")


async def test_a_focus_move_that_changes_no_key_keeps_the_footer_as_drawn(ui_app):
    """Moving between the SWOT quadrants (the same keys in each) leaves the footer as it is,
    not drawn again (it keeps what it showed); a move to a list whose keys differ redraws it."""
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: footer_keys(app)[1:4] == ["n", "⏎", "del"], "the SWOT footer")
        footer = app.screen.query_one(KeyFooter)
        shown = footer.entries
        first = app.focused
        await pilot.press("right")  # the next quadrant
        await until(pilot, lambda: app.focused is not first, "the focus in the next quadrant")
        await pilot.pause()
        assert footer.entries is shown
        await pilot.press("t")  # the strategies: keys of their own
        await until(pilot, lambda: "m" not in footer_keys(app) and footer_keys(app)[1:4] == ["n", "⏎", "del"],
                    "the strategy footer")
        assert footer.entries is not shown and footer.is_attached


async def test_the_book_screen_lists_keep_their_way_back_at_80_columns_in_both_languages(ui_app):
    """The book screen's Dasar hukum and Kelembagaan lists (QA: "shift+↑ Naik shift+↓ Turun"
    pushed "esc Kembali" and "f4 Bahasa" off the line): the two move keys share one label."""
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await until(pilot, lambda: "esc" in footer_keys(app), "the book screen's footer")
        for language, move in (("id", "Pindah"), ("en", "Move")):
            for _tab in ("regulations", "members"):
                await pilot.press("right_square_bracket")
                await until(pilot, lambda: "del" in footer_keys(app), f"{language}: a list's footer")
                assert {"esc", "f4"} <= set(footer_keys(app)), f"{language}: {footer_line(app)}"
                assert ("<", ">") in [entry.keys for entry in footer_entries(app) if entry.grouped]
                assert f"< > {move}" in footer_line(app)
            await pilot.press("right_square_bracket", "f4")  # round to the narrative, other language
            await until(pilot, lambda: app.language != language, "the switch")
