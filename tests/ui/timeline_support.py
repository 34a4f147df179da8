"""The plan the timeline tests share: the workshop plan (ui_support) plus Smart Governance
programmes with milestones over several years and quarters: one done, one whole-year, one
outside its programme's years. Written with the fixed clock, so snapshots are the same on
every run."""

from __future__ import annotations

from pathlib import Path

from ui_support import build_workshop_plan, fixed_clock

from smartcity_tui.model.records import Milestone, Programme
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.widgets.timeline_chart import TimelineChart


def build_timeline_plan(path: Path) -> Path:
    build_workshop_plan(path)
    with PlanStore.open(path, clock=fixed_clock) as store:
        portal = next(p for p in store.plan().programmes if p.code == "GOV-01")
        store.add(Milestone(programme_id=portal.id, year=2025, quarter=1, title="Uji coba portal", done=True))
        store.add(Milestone(programme_id=portal.id, year=2025, quarter=4, title="20 layanan di portal",
                            deliverable="Laporan layanan"))
        data = store.add(Programme(code="GOV-02", name="Satu Data Sukamaju", pillar="governance",
                                   element="bureaucracy", lead_agency="Bappeda", horizon="medium",
                                   start_year=2025, end_year=2027))
        store.add(Milestone(programme_id=data.id, year=2025, quarter=2, title="Wali data di 42 OPD", done=True))
        store.add(Milestone(programme_id=data.id, year=2026, quarter=3, title="Portal data diluncurkan",
                            deliverable="Portal"))
        store.add(Milestone(programme_id=data.id, year=2027, title="Forum Satu Data tahunan"))
        csirt = store.add(Programme(code="GOV-03", name="Tim tanggap insiden siber kabupaten", pillar="governance",
                                    element="public_service", lead_agency="Diskominfo", horizon="medium",
                                    start_year=2026, end_year=2029))
        store.add(Milestone(programme_id=csirt.id, year=2026, quarter=2, title="CSIRT dibentuk"))
        store.add(Milestone(programme_id=csirt.id, year=2028, quarter=4, title="Uji penetrasi layanan"))
    return path


def open_app(path: Path, settings: Settings | None = None):
    store = PlanStore.open(path, clock=fixed_clock)
    return create_app(store, settings or Settings(), clock=fixed_clock), store


def chart_of(app) -> TimelineChart:
    return app.screen.query_one(TimelineChart)


def lines_of(app) -> list[str]:
    chart = chart_of(app)
    return [chart.line_text(i) for i in range(len(chart.lines))]


def line_of(app, words: str) -> str:
    return next(text for text in lines_of(app) if words in text)


def bar_of(app, code: str) -> str:
    """The year cells of a programme's line, one mark per plan year (blank: a running year)."""
    chart = chart_of(app)
    row = next(line for line in chart.lines if line.record_id == programme_id(app, code))
    return "".join(" " if c == "█" else c for c in row.cells)


def programme_id(app, code: str) -> str:
    return next(p.id for p in app.store.plan().programmes if p.code == code)


def milestone(app, title: str):
    return next(m for m in app.store.plan().milestones if m.title == title)


async def go_to(pilot, app, record_id: str) -> None:
    """Move the cursor down from the top to the line of `record_id` with the arrow keys."""
    chart = chart_of(app)
    await pilot.press("home")
    index = [line.record_id for line in chart.lines].index(record_id)
    for _ in range(index):
        await pilot.press("down")
    assert chart.current_id == record_id
