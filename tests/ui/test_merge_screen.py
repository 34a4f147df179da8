"""The merge screen (m): the secretariat adds the sample drafts, sees per pillar what would
change while the plan file stays as it was, merges with ctrl+s, and lands on the conflicts
the drafts hold. A bad bundle is named with its file; a bundle of another plan is refused,
with the choice to adopt it only when this plan is still empty."""

from __future__ import annotations

import shutil

from exchange_support import (
    SAMPLE_BUNDLES, app_on, copy_sample_plan, sample_bundles, set_place, settle, shown_text,
)
from textual.widgets import Input
from ui_support import fixed_clock

from smartcity_tui.model.records import PlanInfo
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.conflicts import ConflictsScreen
from smartcity_tui.ui.screens.merge import MergeScreen


async def add_sample_drafts(pilot) -> None:
    """Point the path line at the sample bundles' folder and press enter there: every bundle
    in it is added and read."""
    app = pilot.app
    set_place(app.screen, SAMPLE_BUNDLES)
    app.screen.query_one("#path", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_preview_then_merge_the_sample_drafts(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    before = plan.read_bytes()
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, MergeScreen)
        await add_sample_drafts(pilot)
        screen = app.screen
        assert len(screen.entries) == len(sample_bundles()) == 3
        assert all(e.bundle is not None for e in screen.entries)
        await pilot.press("ctrl+s")  # preview
        await settle(pilot)
        report = shown_text(app, "#merge-report")
        for words in ("Smart Economy", "Smart Living", "Smart Society", "Jumlah", "Ctrl+S menggabungkan"):
            assert words in report
        assert "Pokja Smart Economy" in shown_text(app, "#merge-sources")
        assert plan.read_bytes() == before, "a preview changes nothing"

        await pilot.press("ctrl+s")  # merge
        await settle(pilot)
        assert isinstance(app.screen, ConflictsScreen)
        assert len(app.screen.conflicts) == 2
    store.close()
    assert plan.read_bytes() != before
    with PlanStore.open(plan, readonly=True) as merged:
        kinds = sorted((s.kind, s.delete_conflict()) for s in merged.conflicts())
        assert kinds == [("programme", False), ("programme", True)]
        names = {p.name for p in merged.plan().programmes_for("society")}
        assert "Wifi Desa Bersahabat di 400 titik pasar dan balai desa" in names


async def test_escape_from_the_preview_goes_back_to_choosing_and_then_out(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    before = plan.read_bytes()
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await add_sample_drafts(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.step == "preview"
        await pilot.press("escape")
        assert isinstance(app.screen, MergeScreen) and app.screen.step == "pick"
        await pilot.press("escape")
        assert not isinstance(app.screen, MergeScreen)
    store.close()
    assert plan.read_bytes() == before


async def test_a_broken_bundle_is_named_with_its_file_and_left_out(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    good, broken = tmp_path / "good", tmp_path / "broken"
    shutil.copytree(sample_bundles()[0], good)
    shutil.copytree(sample_bundles()[0], broken)
    pillar_file = broken / "pillars" / "economy.toml"
    pillar_file.write_text(pillar_file.read_text(encoding="utf-8") + "\n[[swot\n", encoding="utf-8")
    app, store = app_on(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        for path in (good, broken):
            set_place(app.screen, path)
            await pilot.press("a")
        await settle(pilot)
        errors = [e.error for e in app.screen.entries if e.error]
        assert len(errors) == 1 and "economy.toml" in errors[0]
        assert "economy.toml" in shown_text(app, "#merge-bundles")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "tidak ikut digabung" in shown_text(app, "#merge-sources")
        report = shown_text(app, "#merge-report")
        assert "Smart Economy" in report
        assert "1 bundel tidak terbaca dan TIDAK ikut digabung: broken" in report
        # merged without it: said again, and kept on screen, so that group exports again
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MergeScreen) and app.screen.step == "done"
        assert "1 bundel TIDAK ikut digabung (tidak terbaca): broken" in shown_text(app, "#merge-report")
        warned = [n for n in app._notifications if n.severity == "warning"]
        assert any("broken" in n.message and "mengekspor ulang" in n.message for n in warned)
    store.close()


async def test_a_bundle_of_another_plan_is_refused_unless_an_empty_plan_adopts_it(tmp_path):
    # a plan that already has records: refused, no way to adopt
    other = tmp_path / "lain.json"
    with PlanStore.create(other, PlanInfo(region="Sukamaju"), team="Pokja Lain", clock=fixed_clock) as s:
        from smartcity_tui.model.records import SwotItem

        s.add(SwotItem(pillar="economy", quadrant="S", text="Pasar desa ramai"))
    before = other.read_bytes()
    app, store = app_on(other)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await add_sample_drafts(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        refusal = shown_text(app, "#merge-refusal")
        assert "rencana lain" in refusal and "Tekan a" not in refusal
        await pilot.press("a", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MergeScreen)
    store.close()
    assert other.read_bytes() == before

    # an empty plan, made with `new`: a to adopt, ctrl+s, and it becomes the sample plan's copy
    empty = tmp_path / "kosong.json"
    PlanStore.create(empty, PlanInfo(region="Baru"), team="Sekretariat", clock=fixed_clock).close()
    app, store = app_on(empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await add_sample_drafts(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Tekan a" in shown_text(app, "#merge-refusal")
        await pilot.press("a")
        assert "salinan" in shown_text(app, "#merge-report")
        await pilot.press("ctrl+s")
        await settle(pilot)
    store.close()
    with PlanStore.open(empty, readonly=True) as adopted:
        assert adopted.plan().info.region == "Wonosari Raya"
        assert len(adopted.states()) > 200


async def test_switching_language_keeps_the_preview(tmp_path):
    from smartcity_tui.i18n import get_language, set_language

    plan = copy_sample_plan(tmp_path / "plan")
    app, store = app_on(plan)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("m")
            await add_sample_drafts(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            assert get_language() == "en"
            assert isinstance(app.screen, MergeScreen) and app.screen.step == "preview"
            report = shown_text(app, "#merge-report")
            assert "Total" in report and "Ctrl+S merges" in report and "Jumlah" not in report
            assert "exported" in shown_text(app, "#merge-sources")
            await pilot.press("ctrl+s")  # still merges, in English
            await settle(pilot)
            assert isinstance(app.screen, ConflictsScreen)
            assert "Conflict 1 of 2" in shown_text(app, "#where")
    finally:
        set_language("id")
    store.close()


async def test_switching_language_keeps_the_folder_being_browsed(tmp_path):
    from smartcity_tui.i18n import set_language
    from smartcity_tui.ui.widgets.folder_picker import FolderPicker

    plan = copy_sample_plan(tmp_path / "plan")
    drafts = tmp_path / "flashdisk" / "drafts"
    drafts.mkdir(parents=True)
    app, store = app_on(plan)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("m")
            set_place(app.screen, drafts)
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            assert isinstance(app.screen, MergeScreen)
            assert app.screen.query_one(FolderPicker).path == drafts
    finally:
        set_language("id")
    store.close()
