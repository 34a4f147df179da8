"""Generic fixtures shared by every test folder. Keep it small: area-specific helpers live
beside their tests."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from compiled_once import compile_before_workers
from long_first import MARKER, order_long_first
from tiers import TIERS, choose_tier, select

from smartcity_tui.i18n import set_language
from smartcity_tui.model.records import Indicator, Milestone, PlanInfo, Programme, Strategy, SwotItem
from smartcity_tui.startup import pace_collector
from smartcity_tui.store import PlanStore


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--tier", choices=TIERS, default=None,
                     help="quick: what the README's test command runs (the default for the whole "
                          "suite); deep: the rest, which CI runs after it; all: both (tests/tiers.py)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER)
    choose_tier(config)
    compile_before_workers(config)  # only in the process that starts xdist's workers


def pytest_report_header(config: pytest.Config) -> str:
    return f"tier: {choose_tier(config)} (tests/tiers.py; --tier all runs every test)"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Last, after syrupy (the snapshots) has seen the whole collection: it then knows the
    tests of the other tier were left out, not deleted, and `--snapshot-update` keeps their
    pictures (run first, it deleted the 120x40 ones on a quick run)."""
    select(config, items)
    order_long_first(items)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What every test shares (modules, classes, the collected tests) is left out of the
    cycle collector's full passes from here on, and those passes come at the app's pace, as
    the app does once it has started (startup.py): each pass then walks only what the running
    tests made, and the apps they closed wait a little longer to be freed."""
    gc.freeze()
    pace_collector()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject.toml): three workers a core for the quick tier, five a core and
    one more for the others, at most 16. Each worker costs ~2.6 s of CPU to start and ~2.5 s
    to collect the suite, whatever it then runs; the quick tier has fewer of the app's tests
    that wait, so fewer workers pay: with two other programs keeping both cores busy
    (2026-11-30, quick tier, 1,476 tests) 4 workers took 150 s, 6 took 152, 140 and 135 s,
    11 took 150 and 152 s, with 35-50 s more CPU. The app's
    tests wait between key presses until the app is idle (Textual's pilot sleeps in 20 ms
    steps), and since they stopped drawing a frame per key (tests/ui/textual_shortcuts.py) they
    wait more than they work: a worker per core leaves the cores idle much of the time. On
    the 2-core machine, the whole suite (2026-11-29, `--dist worksteal`): 3 workers 275 s,
    5 workers 266 s, 7 workers 251 s; with two other programs keeping both cores busy,
    476 s, 420 s and 344 s (more workers also get more of a busy machine's time). Once the
    workers no longer compiled everything each (compiled_once.py), a worker cost less to
    start, and later that day, two pairs alternated: 7 workers 231 s idle, 314 s and 296 s
    busy; 11 workers 236 s idle, 282 s and 244 s busy. A worker holds ~130 MB."""
    cores = os.cpu_count() or 1
    workers = 3 * cores if choose_tier(config) == "quick" else 5 * cores + 1
    return min(workers, 16)


@pytest.fixture(autouse=True)
def _in_indonesian():
    """Every test starts in Bahasa Indonesia, as the app does: a test that switched to English
    (F4 in the app, `--lang en` on the command line: the catalogs' language is the whole
    process's) must not change the next one's. Here, not only under tests/ui: a settings test
    that ran after a command-line one in the same worker read its message in English."""
    set_language("id")
    yield
    set_language("id")


@pytest.fixture(autouse=True)
def _private_state_dir(tmp_path_factory, monkeypatch):
    """The machine id (store/machine.py) lives in a folder of the test run, never the
    user's own state folder."""
    monkeypatch.setenv("SMARTCITY_TUI_STATE_DIR", str(tmp_path_factory.mktemp("state")))


@pytest.fixture
def tmp_plan(tmp_path: Path) -> Path:
    """A small closed plan file (Kabupaten Contoh 2025-2029): four SWOT items, one strategy,
    one quick-win programme with an indicator and a milestone, all in Smart Governance."""
    path = tmp_path / "plan.json"
    info = PlanInfo(region="Contoh", region_kind="kabupaten", province="Jawa Tengah",
                    start_year=2025, end_year=2029, vision="Contoh yang cerdas",
                    missions=["Pelayanan publik yang cepat"])
    with PlanStore.create(path, info, team="Pokja Governance") as store:
        swot = [SwotItem(pillar="governance", quadrant=q, text=f"Butir {q} pelayanan publik",
                         element="public_service") for q in "SWOT"]
        store.add_many(swot)
        strategy = store.add(Strategy(pillar="governance", kind="SO", text="Perluas layanan daring",
                                      swot_ids=[swot[0].id, swot[2].id]))
        prog = store.add(Programme(code="1.001", name="Mal Pelayanan Publik Digital", pillar="governance",
                                   element="public_service", strategy_ids=[strategy.id],
                                   lead_agency="DPMPTSP", start_year=2025, end_year=2025,
                                   quick_win=True, horizon="short", funding_sources=["apbd"],
                                   budget_by_source={"apbd": {2025: 750_000_000}}))
        store.add(Indicator(programme_id=prog.id, name="Layanan daring", unit="layanan",
                            baseline=12, targets={2025: 40}))
        store.add(Milestone(programme_id=prog.id, year=2025, quarter=2, title="Peluncuran MPP"))
    return path


@pytest.fixture
def open_store(tmp_plan: Path):
    """The `tmp_plan` opened for writing; closed (lock released) after the test."""
    store = PlanStore.open(tmp_plan)
    yield store
    store.close()
