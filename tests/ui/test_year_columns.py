"""What a year column holds in the timeline (pillar view l) and the roadmap (r): every mark
is drawn under its own year's heading at the sizes officers use. A fourth-quarter milestone
was drawn in the blank after its year's heading, right next to the next year's (and past the
last heading for the plan's last year)."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_screens_support import build_full_plan
from timeline_support import build_timeline_plan, open_app
from ui_support import fixed_clock, screen_text

from smartcity_tui.model.records import Milestone
from smartcity_tui.store import PlanStore

SIZES = [(80, 24), (100, 30), (120, 40)]
YEARS = range(2025, 2030)
MARKS = "◆✓·"


def year_spans(lines: list[str]) -> tuple[int, dict[int, range]]:
    """The header line's index and the screen columns each year's heading covers."""
    at = next(i for i, line in enumerate(lines) if all(str(y) in line for y in YEARS))
    header = lines[at]
    return at, {y: range(header.index(str(y)), header.index(str(y)) + 4) for y in YEARS}


def year_of(column: int, spans: dict[int, range]) -> int | None:
    return next((y for y, cells in spans.items() if column in cells), None)


@pytest.mark.parametrize("size", SIZES)
async def test_each_milestone_is_drawn_under_its_own_year_heading(tmp_path: Path, size):
    path = build_timeline_plan(tmp_path / "rencana.json")
    with PlanStore.open(path, clock=fixed_clock) as store:
        csirt = next(p for p in store.plan().programmes if p.code == "GOV-03")
        store.add(Milestone(programme_id=csirt.id, year=2029, quarter=4, title="Evaluasi CSIRT"))
        store.add(Milestone(programme_id=csirt.id, year=2027, quarter=1, title="Latihan insiden"))
    app, store = open_app(path)
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.press("1", "l")
            await pilot.pause()
            lines = screen_text(app).splitlines()
            _, spans = year_spans(lines)
            milestones = {m.title: m for m in app.store.plan().milestones}
            seen = 0
            for title, m in milestones.items():
                line = next(line for line in lines if title in line)
                column = max(line.rfind("◆"), line.rfind("✓"))  # the label's own mark comes first
                assert column > line.index(title), f"{title}: no mark in a year column\n{line}"
                assert year_of(column, spans) == m.year, f"{title} ({m.year} TW{m.quarter}) at {column}\n{line}"
                seen += 1
            assert seen == 9  # the fourth quarters of 2025, 2028 and 2029 among them
    finally:
        store.close()


@pytest.mark.parametrize("size", SIZES)
async def test_each_roadmap_mark_is_drawn_under_a_year_heading(tmp_path: Path, size):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.press("r")
            await pilot.pause()
            lines = screen_text(app).splitlines()
            at, spans = year_spans(lines)
            bars_from = min(cells.start for cells in spans.values())
            rows = [line for line in lines[at + 1:] if any(c in line[bars_from:] for c in MARKS)]
            assert len(rows) >= 5
            for line in rows:
                for column, char in enumerate(line[bars_from:], bars_from):
                    if char in MARKS:
                        assert year_of(column, spans) is not None, f"a mark at {column}, under no year\n{line}"
    finally:
        store.close()
