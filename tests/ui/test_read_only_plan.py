"""A plan that can only be read here (issue 10 #8): a file marked read-only (0444), a
write-protected flash drive, a read-only folder. The app opens it, the top bar says "Hanya
baca", no key opens an edit form (the officer is told why and what to do: copy the plan to
the laptop), every write (delete, undo, a timeline move) is refused the same way, and the file
is never touched. Tests run as root here, which may write anything: the file's own mode bits
decide for 0444 (store/access.py), and the drive's check is mocked."""

from __future__ import annotations

import stat

import pytest
from form_openers import OPENERS, Opener, open_form
from plan_screens_support import build_full_plan
from ui_support import fixed_clock

from smartcity_tui.i18n import Reason
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore, opening
from smartcity_tui.store.access import DRIVE
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.form import SavingForm


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


def save_state(app) -> str:
    return str(app.screen.query_one("#save-state").render())


@pytest.fixture
def read_only_plan(tmp_path):
    path = build_full_plan(tmp_path / "rencana.json")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0444: marked read-only
    yield path
    path.chmod(0o644)


def app_on(path):
    store = PlanStore.open(path, clock=fixed_clock)
    return create_app(store, Settings(), clock=fixed_clock), store


async def test_the_top_bar_says_read_only_and_why_at_open(read_only_plan):
    app, store = app_on(read_only_plan)
    assert store.readonly
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Hanya baca" in save_state(app)
        assert any("hanya untuk dibaca" in n and "salin rencana ke laptop" in n for n in notes(app)), notes(app)
        await pilot.press("f4")
        await pilot.pause()
        assert "Read-only" in save_state(app)
    store.close()


@pytest.mark.parametrize("opener", OPENERS, ids=lambda o: o.name)
async def test_no_key_opens_an_edit_form(read_only_plan, opener: Opener):
    before = read_only_plan.read_bytes()
    app, store = app_on(read_only_plan)
    async with app.run_test(size=(100, 30)) as pilot:
        app.clear_notifications()
        await open_form(pilot, opener, expect=False)
        assert not isinstance(app.screen, SavingForm), f"{opener.name}: a form opened on a read-only plan"
        said = notes(app)
        assert any("hanya bisa dibaca" in n and "salin rencana ke laptop" in n for n in said), said
    store.close()
    assert read_only_plan.read_bytes() == before
    assert not read_only_plan.stat().st_mode & stat.S_IWUSR, "the file was made writable"


async def test_deletes_undo_and_moves_are_refused_and_the_file_is_untouched(read_only_plan):
    before = read_only_plan.read_bytes()
    app, store = app_on(read_only_plan)
    swot = len(store.plan().swot)
    async with app.run_test(size=(100, 30)) as pilot:
        for keys in (("1", "delete"), ("ctrl+z",), ("3", "l", "down", "greater_than_sign"), ("d",)):
            app.clear_notifications()
            await pilot.press(*keys)
            await pilot.pause()
            assert any("tidak bisa disimpan" in n and "salin rencana ke laptop" in n for n in notes(app)), \
                (keys, notes(app))
            assert "Hanya baca" in save_state(app), "a refused write is not a failed save"
        assert len(store.plan().swot) == swot
    store.close()
    assert read_only_plan.read_bytes() == before


async def test_a_write_protected_flash_drive_says_so(tmp_path, monkeypatch):
    path = build_full_plan(tmp_path / "rencana.json")
    before = path.read_bytes()
    # the drive's switch: root here writes anywhere, so the OS check is what is mocked
    monkeypatch.setattr(opening, "write_block", lambda plan: Reason(DRIVE))
    app, store = app_on(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Hanya baca" in save_state(app)
        assert any("flashdisk" in n and "dikunci" in n for n in notes(app)), notes(app)
        app.clear_notifications()
        await pilot.press("1", "n")
        await pilot.pause()
        assert not isinstance(app.screen, SavingForm)
        assert any("flashdisk" in n for n in notes(app))
    store.close()
    assert path.read_bytes() == before
