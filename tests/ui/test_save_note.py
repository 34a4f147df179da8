"""The top bar's save note: for a plan whose save time another tool (or a hand edit) left
unreadable, the plan opens and the note says the time is unknown, never a traceback; a note
with a date leaves the region's name whole at 80 columns, and the title's parts that do not
fit are left out whole."""

from __future__ import annotations

import datetime as _dt
import json

import pytest

from smartcity_tui.i18n import t
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.widgets.top_bar import save_note


@pytest.mark.parametrize("saved_at", [None, 20251110, ["2025-11-10"], "kemarin"])
def test_an_unreadable_save_time_reads_as_unknown(tmp_plan, saved_at):
    data = json.loads(tmp_plan.read_text(encoding="utf-8"))
    data["_meta"]["1"]["saved_at"] = saved_at
    tmp_plan.write_text(json.dumps(data), encoding="utf-8")
    with PlanStore.open(tmp_plan) as store:
        note = save_note(store, _dt.datetime(2025, 11, 10, 9, 0))
    assert note == t("ui.save.ok_unknown")


async def test_a_save_note_with_its_date_leaves_the_region_whole_at_80_columns(tmp_path):
    # The sample was last saved on 2 Nov 2026; the app's clock says 22 Nov: the note carries
    # the date ("Tersimpan 2 Nov 2026 pukul ..."), and the dashboard's title, with no room for
    # its end ("Rencana Induk Smart City"), leaves it out whole: never the region's name, and
    # never a word cut in the middle ("Rencana Induk Sma…"). At 120 columns all of it shows.
    from exchange_support import app_on, copy_sample_plan
    from ui_support import resize, screen_text

    app, store = app_on(copy_sample_plan(tmp_path))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            top = screen_text(app).splitlines()[0]
            await resize(pilot, 120, 30)
            wide = screen_text(app).splitlines()[0]
    finally:
        store.close()
    assert "Tersimpan 2 Nov 2026 pukul" in top, top
    assert top.split("  ")[0].strip() == "Kabupaten Wonosari Raya", top
    assert "…" not in top
    assert wide.lstrip().startswith("Kabupaten Wonosari Raya · Rencana Induk Smart City "), wide


def test_the_top_bar_drops_whole_parts_from_the_end_and_cuts_only_a_first_part_too_long():
    from smartcity_tui.ui.widgets.top_bar import fitted

    where = "Impor lembar Excel/CSV · Kabupaten Wonosari Raya"
    assert fitted(where, 80) == where
    assert fitted(where, len(where)) == where
    assert fitted(where, len(where) - 1) == "Impor lembar Excel/CSV"
    assert fitted("1 Smart Governance · Kabupaten Sukamaju · x", 30) == "1 Smart Governance"
    # the first part alone too long: left to the line's ellipsis
    assert fitted(where, 10) == "Impor lembar Excel/CSV"
