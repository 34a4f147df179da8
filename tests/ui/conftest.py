"""Fixtures of the app's tests: the workshop plan (ui_support.py) and the app built on it the
way the command line builds it."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import textual_shortcuts
from ui_support import build_workshop_plan, fixed_clock

from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app

textual_shortcuts.install()  # no frame per key; CSS parsed once; no waking idle widgets; handlers looked up once


@pytest.fixture(autouse=True)
def _handlers_looked_up_again():
    """Each test looks the message handlers up afresh (textual_shortcuts.py keeps them per
    class): a test may patch a class's handler (test_startup.py patches a screen's on_mount),
    and neither it nor the tests after it may be handed what was kept before."""
    textual_shortcuts.forget_handlers()


@pytest.fixture
def workshop_plan(tmp_path: Path) -> Path:
    return build_workshop_plan(tmp_path / "rencana.json")


@pytest.fixture
def ui_app(workshop_plan: Path):
    """The app on the workshop plan, as `smartcity-tui rencana.json` opens it."""
    store = PlanStore.open(workshop_plan, clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    yield app
    store.close()


@pytest.fixture
def snap_compare(snap_compare):
    """pytest-textual-snapshot's snap_compare, with scrolling come to rest and every text
    cursor on screen held steady before the picture is taken. A cursor blinks every half
    second: on a busy machine the picture came a little late, caught the cursor hidden, and
    the snapshot failed (the three programme-form snapshots did, under load). What the
    officer sees is the same."""

    def compare(app, press=(), terminal_size=(80, 24), run_before=None):
        async def steady(pilot) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await pilot.pause()
            if press:
                await pilot.press(*press)
                await pilot.pause()
            # A field given the focus is scrolled to, and Textual animates that scroll: on a
            # busy machine the picture caught the form a line short of where it comes to rest
            # (the programme form's budget at 80x24 did, under load).
            await pilot.wait_for_scheduled_animations()
            for field in pilot.app.screen.query("Input, TextArea"):
                field.cursor_blink = False  # (and shown: Textual shows a cursor that does not blink)

        return snap_compare(app, terminal_size=terminal_size, run_before=steady)

    return compare
