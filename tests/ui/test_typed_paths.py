"""Typing a location where the export and merge screens start (the folder tree has the focus):
the keys go into the path line, none of them reaches the app's keys (`/` search, `m` merge,
`x` export, `q` quit), and enter there exports or adds the bundles. Also: what the folder
tree leaves out (Windows' hidden and system folders) and how a path reads on Windows."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

from exchange_support import SAMPLE_BUNDLES, app_on, copy_sample_plan, fixed_places, settle, shown_text
from textual.widgets import Input
from ui_support import type_text

from smartcity_tui.bundle import read_bundle
from smartcity_tui.ui.screens.export import ExportScreen
from smartcity_tui.ui.screens.merge import MergeScreen
from smartcity_tui.ui.widgets import folder_picker
from smartcity_tui.ui.widgets.folder_picker import FolderPicker, PlaceTree


async def test_a_path_typed_from_the_tree_exports_there(tmp_path, monkeypatch):
    fixed_places(monkeypatch, tmp_path, drive=True)
    plan = copy_sample_plan(tmp_path / "plan")
    # every letter the app binds is in it: / search, m merge, x export, k conflicts, r roadmap, i, q
    out = tmp_path / "media" / "usb-x" / "kirim-mrq"
    out.mkdir(parents=True)
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.focused, PlaceTree), "the screen starts in the folder tree"
        await type_text(pilot, str(out), keys=True)
        assert isinstance(app.screen, ExportScreen), "no key of the path opened another screen"
        assert app.screen.query_one("#path", Input).value == str(out)
        await pilot.press("enter")
        await settle(pilot)
        written = list(out.iterdir())
        assert len(written) == 1 and read_bundle(written[0]).plan_id == store.plan_id
        assert written[0].name in shown_text(app, "#export-result")
    store.close()


async def test_a_path_typed_from_the_places_list_too(tmp_path, monkeypatch):
    fixed_places(monkeypatch, tmp_path, drive=True)
    app, store = app_on(copy_sample_plan(tmp_path / "plan"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#places").focus()
        await pilot.pause()
        await type_text(pilot, "/srv/bundel", keys=True)
        assert app.screen.query_one(FolderPicker).path == Path("/srv/bundel")
        # a path pasted into the tree (bracketed paste) goes to the path line as well
        app.screen.query_one(PlaceTree).focus()
        await pilot.pause()
        await type_text(pilot, "/mnt/flash")
        assert app.screen.query_one(FolderPicker).path == Path("/mnt/flash")
    store.close()


def drafts_and_app(tmp_path, monkeypatch, folder: str):
    """The sample bundles in `folder` under tmp_path, and the app on a copy of the sample plan."""
    fixed_places(monkeypatch, tmp_path, drive=False)
    drafts = tmp_path / folder
    shutil.copytree(SAMPLE_BUNDLES, drafts)
    app, store = app_on(copy_sample_plan(tmp_path / "plan"))
    return drafts, app, store


async def open_merge_screen(pilot) -> None:
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(pilot.app.focused, PlaceTree), "the merge screen starts in the folder tree"


async def test_a_bundle_path_typed_on_the_merge_screen_is_added(tmp_path, monkeypatch):
    drafts, app, store = drafts_and_app(tmp_path, monkeypatch, "drafts")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_merge_screen(pilot)
        await type_text(pilot, str(drafts), keys=True)
        assert isinstance(app.screen, MergeScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert len(app.screen.entries) == 3 and all(e.bundle is not None for e in app.screen.entries)
        # the merge screen's own key still works in the tree: a adds the highlighted place
        app.screen.query_one(PlaceTree).focus()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value != "a"
    store.close()


async def test_a_sheet_typed_on_the_merge_screen_is_said_as_a_sheet(tmp_path, monkeypatch):
    """The secretariat's drive holds Bappeda's sheet beside the bundles: picked by mistake,
    it is named as a sheet with the key that imports it, and nothing is added."""
    from smartcity_tui.cli import main

    drafts, app, store = drafts_and_app(tmp_path, monkeypatch, "drafts")
    sheet = drafts / "lembar-bappeda.xlsx"
    assert main(["sheet", "export", str(copy_sample_plan(tmp_path / "other")), str(sheet)]) == 0
    async with app.run_test(size=(80, 24)) as pilot:
        await open_merge_screen(pilot)
        await type_text(pilot, str(sheet), keys=True)
        await pilot.press("enter")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert any("adalah lembar kerja, bukan bundel" in m and "Ctrl+O" in m for m in said), said
        assert app.screen.entries == []
    store.close()


def test_windows_hidden_and_system_folders_are_left_out(tmp_path, monkeypatch):
    for name in ("Dokumen", "AppData", "$RECYCLE.BIN", "System Volume Information", "Application Data",
                 ".config", "Unduhan"):
        (tmp_path / name).mkdir()
    marks = {"AppData": 0x2, "Application Data": 0x2 | 0x4 | 0x400}  # hidden; hidden+system junction
    real_lstat = os.lstat

    def lstat(path, *args, **kw):
        found = real_lstat(path, *args, **kw)
        return SimpleNamespace(st_mode=found.st_mode, st_file_attributes=marks.get(Path(path).name, 0x10))

    monkeypatch.setattr(folder_picker.os, "lstat", lstat)
    # (the tree's filter on a stand-in: a DirectoryTree made outside an app starts loading)
    kept = sorted(p.name for p in PlaceTree.filter_paths(SimpleNamespace(files=frozenset()), tmp_path.iterdir()))
    assert kept == ["Dokumen", "Unduhan"]


def test_windows_paths_are_shown_in_full(tmp_path, monkeypatch):
    home = tmp_path / "Users" / "wati"
    assert folder_picker.shown(home / "Documents", home) == str(Path("~") / "Documents")
    monkeypatch.setattr(folder_picker.sys, "platform", "win32")
    assert folder_picker.shown(home / "Documents", home) == str(home / "Documents")


async def test_a_path_that_arrives_in_one_burst_lands_whole(tmp_path, monkeypatch):
    """A path pasted where the terminal has no bracketed paste (the old Windows console), or
    typed faster than the app reads: every key is read before the tree has handled the first,
    so the keys after it still reach the tree. They follow the first into the path line, the
    app's own keys among them (`a` adds a bundle on the merge screen, `m`, `x`), and an enter
    at the end goes with them."""
    from textual import events

    drafts, app, store = drafts_and_app(tmp_path, monkeypatch, "drafts/max")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_merge_screen(pilot)
        for character in str(drafts):  # all queued before the app handles any
            app.post_message(events.Key({"/": "slash", "_": "underscore", "-": "minus"}.get(character, character),
                                        character))
        app.post_message(events.Key("enter", "\r"))
        await settle(pilot)
        assert isinstance(app.screen, MergeScreen)
        assert app.screen.query_one("#path", Input).value == str(drafts)
        assert len(app.screen.entries) == 3 and all(e.bundle is not None for e in app.screen.entries)
    store.close()
