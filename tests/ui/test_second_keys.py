"""F4 (language) and F5 (high contrast) need Fn on most laptops, where they are mute or
brightness keys: each has a Ctrl key beside it that terminals deliver (Ctrl+B for bahasa,
Ctrl+T for tema), named in help with the palette's way to both. The footer still shows F4,
and the plain glyph set keeps the two themes' filters apart (NO_DIM and the plain glyphs are
both line filters)."""

from __future__ import annotations

from ui_support import fixed_clock, footer_line, palette_offers, until

from smartcity_tui.i18n import get_language, set_language, t
from smartcity_tui.settings import Settings
from smartcity_tui.ui import glyphs, keys
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.first_run import FirstRunScreen
from smartcity_tui.ui.screens.help import HelpScreen
from smartcity_tui.ui.themes import HIGH_CONTRAST, NO_DIM


def test_the_second_keys_are_ctrl_keys_no_letter():
    assert keys.BY_ID["app.language"].keys.split(",") == ["f4", "ctrl+b"]
    assert keys.BY_ID["app.contrast"].keys.split(",") == ["f5", "ctrl+t"]
    # a modal hides the app's keys: the first-run form, every form and the help bind their own
    in_modals = ("first_run.language", "form.language", "help.language")
    for key_id in in_modals:
        assert keys.BY_ID[key_id].keys.split(",") == ["f4", "ctrl+b"]
    taken = {k for s in keys.SPECS if s.id not in ("app.language", "app.contrast", *in_modals)
             for k in s.keys.split(",")}
    assert not {"ctrl+b", "ctrl+t"} & taken


async def test_ctrl_b_switches_the_language_and_ctrl_t_the_contrast(ui_app):
    app = ui_app
    set_language("id")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+b")
            await until(pilot, lambda: get_language() == "en", "English")
            await pilot.press("ctrl+b")
            await until(pilot, lambda: get_language() == "id", "Bahasa Indonesia again")
            await pilot.press("ctrl+t")
            await until(pilot, lambda: app.theme == HIGH_CONTRAST, "high contrast")
            await pilot.press("ctrl+t")
            await until(pilot, lambda: app.theme != HIGH_CONTRAST, "the theme before")
    finally:
        set_language("id")


async def test_ctrl_b_on_the_first_run_form_keeps_what_was_typed(tmp_path):
    set_language("id")
    app = create_app(None, Settings(), plan_path=tmp_path / "baru.json", clock=fixed_clock)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen.query_one("#region").value = "Sukamaju"
            await pilot.press("ctrl+b")
            await until(pilot, lambda: get_language() == "en", "English")
            assert isinstance(app.screen, FirstRunScreen)
            assert app.screen.query_one("#region").value == "Sukamaju"
    finally:
        set_language("id")


async def test_help_names_both_keys_and_the_palettes_way(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = {label: shown for shown, label in app.screen.rows}
        assert rows[t("lang.key.switch_help", next="English")] == "F4 Ctrl+B"  # spelled, as messages say it
        hints = " ".join(str(s.render()) for s in app.screen.query(".hint"))
        assert t("win.help_fn_keys") in hints
        assert "Ctrl+P" in hints and "bahasa" in hints and "kontras" in hints


async def test_the_palette_finds_both_by_the_words_help_names(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        for word, label in (("bahasa", t("lang.key.switch_help", next="English")),
                            ("kontras", t("theme.key.contrast_help"))):
            await pilot.press("ctrl+p")
            for c in word:
                await pilot.press(c)
            await until(pilot, lambda label=label: palette_offers(app, label), f"the palette to offer {word}")
            await pilot.press("escape")


async def test_the_footer_still_shows_f4(ui_app):
    app = ui_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = footer_line(app)
        assert "f4" in footer.lower() and "^b" not in footer.lower()


async def test_high_contrast_and_the_plain_glyphs_keep_each_other(workshop_plan):
    from smartcity_tui.store import PlanStore

    store = PlanStore.open(workshop_plan, clock=fixed_clock)
    app = create_app(store, Settings(glyphs="ascii"), clock=fixed_clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+t")
            await until(pilot, lambda: NO_DIM in app.first_filters, "high contrast's filter")
            assert glyphs.PLAIN_GLYPHS in app.first_filters
            await pilot.press("ctrl+t")
            await until(pilot, lambda: NO_DIM not in app.first_filters, "high contrast off")
            assert app.first_filters == [glyphs.PLAIN_GLYPHS]
    finally:
        store.close()
