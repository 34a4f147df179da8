"""Two groups who write the same narrative section meet as a conflict on its text: the document
screen marks the section, and the conflicts screen shows both texts like any other field."""

from __future__ import annotations

import shutil

from exchange_support import app_on, settle, shown_text
from ui_support import build_workshop_plan, fixed_clock

from smartcity_tui.bundle import ExportOptions, export_bundle, read_bundle
from smartcity_tui.bundle.merge import apply
from smartcity_tui.model import narrative
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.conflicts import ConflictsScreen
from smartcity_tui.ui.widgets.book_lists import SectionList

OURS = "Latar belakang versi sekretariat."
THEIRS = "Latar belakang versi Pokja Ekonomi."


def two_groups_write_the_background(tmp_path):
    (tmp_path / "ours").mkdir()
    ours = build_workshop_plan(tmp_path / "ours" / "rencana.json")
    theirs = tmp_path / "theirs" / "rencana.json"
    theirs.parent.mkdir()
    shutil.copyfile(ours, theirs)
    with PlanStore.open(theirs, clock=fixed_clock) as store:  # another laptop: its own replica
        store.set_team("Pokja Ekonomi")
        store.save(narrative.edited(store.plan(), "background", THEIRS))
        bundle = export_bundle(store, ExportOptions(tmp_path), clock=fixed_clock).path
    with PlanStore.open(ours, clock=fixed_clock) as store:
        store.save(narrative.edited(store.plan(), "background", OURS))
        apply(store, [read_bundle(bundle)])
    return ours


async def test_a_section_written_twice_is_a_conflict_on_its_text(tmp_path):
    app, store = app_on(two_groups_write_the_background(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        line = str(app.screen.query_one(SectionList).get_option_at_index(0).prompt)
        assert "Latar Belakang" in line and "konflik (k)" in line
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, ConflictsScreen)
        values = shown_text(app, "#conflict-values")
        assert OURS in values and THEIRS in values
        assert "Pokja Ekonomi" in values
    store.close()
