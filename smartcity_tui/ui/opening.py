"""How the app comes up on a plan: read it (a big one behind a loading screen, in a thread),
say what stops it (the problem screen) or make one (the first-run form), then the dashboard
and the start-up notices (a plan handed over from another laptop, a plan out of sight in
AppData, what opening put right). The app holds one PlanOpener, as it holds one PlanWriter
(plan_writes.py), and its methods of the same names hand over to it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.worker import Worker, WorkerState

from ..i18n import t
from ..settings import out_of_sight_notice
from ..store import PlanStore, StoreError

if TYPE_CHECKING:
    from .app import SmartCityApp

# Plans up to this size are read before the first frame; bigger ones behind a loading screen.
INLINE_OPEN_BYTES = 1_000_000

# Set by benchmarks/bench_startup.py: quit as soon as the first screen ("1") or the dashboard
# ("dashboard") has been drawn, and write the wall-clock time of that moment to STAMP_ENV's
# file (the process's exit waits for threads and frees the plan, which is no part of startup).
FIRST_FRAME_ENV = "SMARTCITY_TUI_EXIT_AFTER_FIRST_FRAME"
STAMP_ENV = "SMARTCITY_TUI_FIRST_FRAME_STAMP"


class PlanOpener:
    def __init__(self, app: SmartCityApp) -> None:
        self.app = app

    def open(self, path: Path) -> None:
        """A big plan is read in a thread behind a "Membuka rencana..." screen (ten thousand
        records take a moment, and the terminal must not sit blank meanwhile); a small one at
        once, so the dashboard is the first thing drawn."""
        from .launch import open_plan
        from .screens.loading import LoadingScreen

        app = self.app
        try:
            small = path.stat().st_size <= INLINE_OPEN_BYTES
        except OSError:
            small = True  # open_plan says what is wrong with it
        if small:
            store, problem = open_plan(path, break_lock=app.break_lock)
            if store is None:
                self.show_problem(problem)
            else:
                self.start(store)
            return
        def read() -> None:
            app.run_worker(lambda: open_plan(path, break_lock=app.break_lock), thread=True,
                           name="open-plan", group="open-plan")

        # start reading once the loading screen is on the terminal: the reading thread holds
        # the interpreter lock much of the time and would delay that first frame
        app.push_screen(LoadingScreen(path))
        app.call_after_refresh(lambda: app.call_after_refresh(read))

    def read(self, event: Worker.StateChanged) -> None:
        """The reading thread's end: the plan, or what stops it."""
        if event.worker.group != "open-plan":
            return
        app = self.app
        if event.state == WorkerState.SUCCESS:
            store, problem = cast("tuple[PlanStore | None, StoreError | None]", event.worker.result)
            app.pop_screen()  # the loading screen
            if problem is not None or store is None:
                self.show_problem(problem)
            else:
                self.start(store)
        elif event.state == WorkerState.ERROR:
            app.pop_screen()
            assert event.worker.error is not None
            raise event.worker.error  # a bug, not a plan problem: let it show

    def show_problem(self, problem: StoreError | None) -> None:
        from ..store import PlanNotFound
        from .screens.problem import ProblemScreen

        app = self.app
        # no reason given: the file went away between looking for it and opening it
        app.problem = problem or PlanNotFound(app.plan_path or "")
        app.push_screen(ProblemScreen(app.problem))

    def created(self, store: PlanStore | None) -> None:
        """The first-run form's answer: a new plan, or None (the officer left)."""
        if store is None:
            self.app.exit(0)
            return
        self.start(store)

    def start(self, store: PlanStore) -> None:
        from .screens.dashboard import DashboardScreen

        app = self.app
        app.store = store
        store.listeners.append(app._plan_written)
        app.show_save_state()
        app.install_screen(DashboardScreen(), "dashboard")
        app.push_screen("dashboard")
        self.tell_at_start(store)
        # remembered for `smartcity-tui` alone; written after the first frame, off its path
        app.call_after_refresh(app.settings.remember_plan, store.path)

    def tell_at_start(self, store: PlanStore) -> None:
        """The start-up notices."""
        from .notices import tell_what_was_put_right

        app = self.app
        if store.handed_over and store.team and not store.readonly:
            # a merged plan handed back out carries the secretariat's name into the group's
            # bundles until the group puts its own on it
            app.notify(t("ui.handed_over", team=store.team), title=t("ui.handed_over_title"), timeout=15)
        hidden = out_of_sight_notice(store.path)
        if hidden:  # AppData: not in Explorer, not in OneDrive's backup (settings.py)
            app.notify(hidden, title=t("win.out_of_sight_title"), severity="warning", timeout=30)
        tell_what_was_put_right(app, store)

    def first_frame_drawn(self, screen: str) -> None:
        """Called by the loading screen and the dashboard once painted (the benchmark's marks)."""
        app = self.app
        if app.first_frame_exit and (app.first_frame_exit != "dashboard" or screen == "dashboard"):
            stamp = os.environ.get(STAMP_ENV)
            if stamp:
                Path(stamp).write_text(repr(time.time()), encoding="utf-8")
            app.exit(0)
