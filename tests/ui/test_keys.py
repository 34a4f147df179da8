"""Every action has a key, a palette entry and a line in help; keys terminals swallow are not
used; a remapped key (settings.toml [keys]) works; a failed write is said, not hidden."""

from __future__ import annotations

import re
from pathlib import Path

from ui_support import fixed_clock, palette_offers, until

from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui import keys
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.palette import keyed_actions
from smartcity_tui.ui.screens.help import HelpScreen
from smartcity_tui.ui.screens.picker import ChoicePicker
from smartcity_tui.ui.screens.swot_form import SwotForm

DOCS = Path(__file__).resolve().parents[2] / "docs" / "keys.md"
SWALLOWED = re.compile(r"ctrl\+shift\+|ctrl\+tab|ctrl\+enter|ctrl\+(?:m|i|j|h)$")


def test_key_ids_are_unique_and_avoid_keys_terminals_swallow():
    ids = [s.id for s in keys.SPECS]
    assert len(ids) == len(set(ids))
    for spec in keys.SPECS:
        for key in spec.keys.split(","):
            assert not SWALLOWED.search(key), f"{spec.id}: {key} does not reach the app in many terminals"


def test_docs_list_every_key():
    text = DOCS.read_text(encoding="utf-8")
    for spec in keys.SPECS:
        assert f"`{spec.id}`" in text, f"docs/keys.md lacks {spec.id}"


async def test_help_lists_the_keys_of_the_current_view(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "f1")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(label for _keys, label in app.screen.rows)
        for words in ("Pindahkan butir ke kuadran lain", "Saring butir menurut elemen", "Urungkan",
                      "Buka Smart Economy", "Palet perintah"):
            assert words in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("t", "question_mark")
        shown = " ".join(label for _keys, label in app.screen.rows)
        assert "Hapus" in shown and "Pindahkan butir" not in shown


async def test_a_notice_does_not_cover_the_help(ui_app):
    """At 80x24 a notice (the copy's "Disalin") was drawn over the help's key table; it waits
    while the help is open and shows again, still live, once the help closes."""
    from textual.widgets._toast import Toast  # (the notice widget: what the officer sees)

    app = ui_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # (off in tests unless asked)
        await pilot.press("1")
        app.notify("Disalin. Tempel dengan Ctrl+V.", timeout=30)
        await pilot.pause()
        x, y = 60, 21  # where a notice is drawn at 80x24: the bottom right
        assert isinstance(app.screen.get_widget_at(x, y)[0], Toast), "the notice shows on the pillar"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not isinstance(app.screen.get_widget_at(x, y)[0], Toast), "the help's text, not the notice"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen.get_widget_at(x, y)[0], Toast), "still live: shown again"


async def test_every_keyed_action_is_in_the_command_palette(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        labels = [label for label, *_ in keyed_actions(app.screen)]
        for words in ("Tambah", "Ubah", "Hapus", "Pindahkan butir ke kuadran lain", "Urungkan", "Dasbor"):
            assert words in labels
        await pilot.press("ctrl+p")
        for c in "Saring":
            await pilot.press(c)
        await until(pilot, lambda: palette_offers(app, "Saring"), "the palette to offer the filter")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChoicePicker), "the palette to run the filter action")


async def test_a_remapped_key_works(workshop_plan):
    store = PlanStore.open(workshop_plan, clock=fixed_clock)
    app = create_app(store, Settings(keys={"swot.new": "a"}), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "a")
        assert isinstance(app.screen, SwotForm)


async def test_a_failed_write_is_shown_and_the_plan_stays_as_it_was(ui_app, monkeypatch):
    from smartcity_tui.store import storage

    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        before = len(app.store.plan().swot_for("governance"))

        def full_disk(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(storage, "atomic_write_parts", full_disk)
        await pilot.press("delete")
        await pilot.pause()
        assert len(app.store.plan().swot_for("governance")) == before
        state = app.screen.query_one("#save-state")
        assert "TIDAK tersimpan" in str(state.render()) and state.has_class("-failed")
        monkeypatch.undo()
        await pilot.press("delete")
        await pilot.pause()
        assert len(app.store.plan().swot_for("governance")) == before - 1
        assert str(state.render()) == "Tersimpan pukul 14.03"
