"""The export screen (x): a bundle lands in the chosen folder (or as one .zip), the reader of
the merge accepts it, the screen says where and how much; a folder that is not there gives
the writer's message and leaves nothing behind. The plan file is never changed by it."""

from __future__ import annotations

from pathlib import Path

from exchange_support import app_on, copy_sample_plan, set_place, settle, shown_text
from textual.widgets import Checkbox, Input, Select
from ui_support import type_text

from smartcity_tui.bundle import read_bundle
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.export import ExportScreen


async def test_export_to_a_folder_writes_a_bundle_the_reader_accepts(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    before = plan.read_bytes()
    out = tmp_path / "flashdisk"
    out.mkdir()
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        # type the target into the path line, then enter there exports
        field = app.screen.query_one("#path", Input)
        field.focus()
        field.value = ""
        await type_text(pilot, str(out))
        await pilot.press("enter")
        await settle(pilot)
        shown = shown_text(app, "#export-result")
        written = [p for p in out.iterdir()]
        assert len(written) == 1 and written[0].is_dir()
        assert written[0].name in shown and "program" in shown
        bundle = read_bundle(written[0])
        assert bundle.plan_id == store.plan_id
        assert len(bundle.states) == len(store.states())
        assert f"{bundle.counts['records']} entri" in shown
        # every kind has its part (the book's records too), so the parts add up to the total
        counts = " ".join(shown.split()).split(" entri: ")[1].split(";")[0]
        assert sum(int(part.split()[0]) for part in counts.split(", ")) == bundle.counts["records"]
        assert "bagian narasi" in counts and "anggota kelembagaan" in counts
    store.close()
    assert plan.read_bytes() == before, "exporting never changes the plan file"


async def test_export_as_zip_in_english(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    out = tmp_path / "usb"
    out.mkdir()
    app, store = app_on(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        set_place(app.screen, out)
        app.screen.query_one("#export-zip", Checkbox).value = True
        app.screen.query_one("#export-lang", Select).value = "en"
        await pilot.press("ctrl+s")
        await settle(pilot)
        zips = list(out.glob("*.zip"))
        assert len(zips) == 1 and list(out.iterdir()) == zips
        bundle = read_bundle(zips[0])
        assert bundle.language == "en"
        assert len(bundle.states) == len(store.states())
        assert zips[0].name in shown_text(app, "#export-result")
    store.close()


async def test_a_missing_folder_is_said_and_nothing_is_written(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    missing = tmp_path / "dicabut" / "FLASHDISK"
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        set_place(app.screen, missing)
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = shown_text(app, "#export-result")
        assert "tidak ada" in shown and "FLASHDISK" in shown
        assert shown.count("Tidak ada bundel setengah jadi yang tertinggal") == 1
        assert "-failed" in app.screen.query_one("#export-result").classes
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportScreen)
    store.close()
    assert not (tmp_path / "dicabut").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


async def test_the_worker_exports_the_plan_file_not_the_live_store(tmp_path, monkeypatch):
    """The export opens the plan file read-only in its thread; the app's store is not used."""
    from smartcity_tui.ui.screens import export_jobs as export_screen

    plan = copy_sample_plan(tmp_path / "plan")
    out = tmp_path / "out"
    out.mkdir()
    seen: list[PlanStore] = []
    real = export_screen.export_bundle

    def spy(store, options, **kw):
        seen.append(store)
        return real(store, options, **kw)

    monkeypatch.setattr(export_screen, "export_bundle", spy)
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        set_place(app.screen, out)
        await pilot.press("ctrl+s")
        await settle(pilot)
    store.close()
    assert len(seen) == 1 and seen[0] is not store and seen[0].readonly
    assert seen[0].path == Path(plan)


async def test_switching_language_keeps_the_choices_and_the_result(tmp_path):
    from smartcity_tui.i18n import set_language

    plan = copy_sample_plan(tmp_path / "plan")
    out = tmp_path / "usb"
    out.mkdir()
    app, store = app_on(plan)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("x")
            set_place(app.screen, out)
            app.screen.query_one("#export-zip", Checkbox).value = True
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            assert isinstance(app.screen, ExportScreen)
            assert "Bundle written" in shown_text(app, "#export-result")
            assert app.screen.query_one("#export-zip", Checkbox).value is True
            assert app.screen.query_one("#path", Input).value == str(out)
    finally:
        set_language("id")
    store.close()


async def test_every_kind_says_whole_what_it_writes_at_80x24_in_both_languages(tmp_path):
    """The note under the options (what a bundle, a book or a workbook is for) is read whole at
    80x24, not cut at the panel's edge ("Bawa ke sekretariat; di sana" and nothing more)."""
    from smartcity_tui.i18n import set_language
    from smartcity_tui.ui.screens.export import KINDS

    plan = copy_sample_plan(tmp_path / "plan")
    app, store = app_on(plan)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("x")
            for language in ("id", "en"):
                for kind in KINDS:
                    screen = app.screen
                    screen.query_one("#export-kind", Select).value = kind
                    await pilot.pause()
                    hint, box = screen.query_one("#export-hint"), screen.query_one("#export-options")
                    said = str(hint.render())
                    assert said.strip(), f"{language} {kind}: no note"
                    assert hint.region.bottom <= box.content_region.bottom, (
                        f"{language} {kind}: the note runs {hint.region.bottom - box.content_region.bottom}"
                        f" lines past the panel: {said!r}")
                await pilot.press("f4")
                await settle(pilot)
            # after an export its result takes the room: the note is whole or not shown
            out = tmp_path / "usb"
            out.mkdir()
            set_place(app.screen, out)
            app.screen.query_one("#export-kind", Select).value = "bundle"
            await pilot.press("ctrl+s")
            await settle(pilot)
            screen = app.screen
            assert "Bundel ditulis" in shown_text(app, "#export-result")
            hint, box = screen.query_one("#export-hint"), screen.query_one("#export-options")
            assert not hint.display or hint.region.bottom <= box.content_region.bottom
    finally:
        set_language("id")
    store.close()
