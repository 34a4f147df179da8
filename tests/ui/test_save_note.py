"""The top bar's save note for a plan whose save time another tool (or a hand edit) left
unreadable: the plan opens and the note says the time is unknown, never a traceback."""

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
