"""The workshop app: a dashboard and one screen per pillar, edited from the keyboard alone.

The app owns the open PlanStore. Every edit goes through `SmartCityApp.edit`, which writes at
once (the store makes each write durable before it returns), keeps the save state in the top
bar true, and turns a failed write into a message instead of a crash. Screens never hold
their own copy of the plan: they redraw from `store.plan()` when the plan version moves on.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from pathlib import Path
from typing import Callable, TypeVar

from textual.app import App
from textual.reactive import reactive
from textual.worker import Worker, WorkerState

from ..i18n import t
from ..model.format import date
from ..model.vocab import PILLAR_KEYS
from ..settings import Settings
from ..resources import stylesheet
from ..startup import release_collector
from ..store import PlanStore, StoreError
from . import keys

T = TypeVar("T")
Clock = Callable[[], _dt.datetime]

# Plans up to this size are read before the first frame; bigger ones behind a loading screen.
INLINE_OPEN_BYTES = 1_000_000

# Set by benchmarks/bench_startup.py: quit as soon as the first screen ("1") or the dashboard
# ("dashboard") has been drawn, and write the wall-clock time of that moment to STAMP_ENV's
# file (the process's exit waits for threads and frees the plan, which is no part of startup).
FIRST_FRAME_ENV = "SMARTCITY_TUI_EXIT_AFTER_FIRST_FRAME"
STAMP_ENV = "SMARTCITY_TUI_FIRST_FRAME_STAMP"


def key_commands():
    """The palette's provider, imported when the palette first opens (textual.command costs
    a noticeable part of the start-up)."""
    from .palette import KeyCommands

    return KeyCommands


def _now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


class SmartCityApp(App[int]):
    CSS = stylesheet(globals(), "app.tcss")  # not CSS_PATH: the one-file build has no files
    TITLE = "smartcity-tui"
    BINDINGS = keys.prefixed("app.")
    COMMANDS = App.COMMANDS | {key_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    save_note: reactive[str] = reactive("")  # "Tersimpan 14:03", shown in every top bar
    save_failed: reactive[bool] = reactive(False)

    def __init__(self, store: PlanStore | None, settings: Settings, *, plan_path: Path | None = None,
                 problem: StoreError | None = None, clock: Clock | None = None,
                 note: str = "", break_lock: bool = False) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.plan_path = plan_path
        self.problem = problem
        self.clock = clock or _now
        self.note = note  # a line for the first-run form ("the last plan is gone")
        self.break_lock = break_lock
        self.plan_version = 0
        self._refresh_pending = False
        # "1": quit after the first frame of any screen; "dashboard": after the dashboard's
        self.first_frame_exit = os.environ.get(FIRST_FRAME_ENV, "")

    # --- starting --------------------------------------------------------------------------

    def on_mount(self) -> None:
        from .language import align_labels
        from .themes import setup_themes

        align_labels(self)  # the language may have been chosen after the key labels were made
        # the first screen is on the terminal after this refresh: the cycle collector, held
        # through start-up by startup.run, may resume
        self.call_after_refresh(release_collector)
        setup_themes(self)
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self.problem is not None:
            self.show_problem(self.problem)
        elif self.store is not None:
            self.start(self.store)
        elif self.plan_path is not None and self.plan_path.exists():
            self.open_plan(self.plan_path)
        else:
            from .screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(self.plan_path, note=self.note), self._created)

    def open_plan(self, path: Path) -> None:
        """A big plan is read in a thread behind a "Membuka rencana..." screen (ten thousand
        records take a moment, and the terminal must not sit blank meanwhile); a small one at
        once, so the dashboard is the first thing drawn."""
        from .launch import open_plan
        from .screens.loading import LoadingScreen

        try:
            small = path.stat().st_size <= INLINE_OPEN_BYTES
        except OSError:
            small = True  # open_plan says what is wrong with it
        if small:
            store, problem = open_plan(path, break_lock=self.break_lock)
            if store is None:
                self.show_problem(problem)
            else:
                self.start(store)
            return
        def read() -> None:
            self.run_worker(lambda: open_plan(path, break_lock=self.break_lock), thread=True,
                            name="open-plan", group="open-plan")

        # start reading once the loading screen is on the terminal: the reading thread holds
        # the interpreter lock much of the time and would delay that first frame
        self.push_screen(LoadingScreen(path))
        self.call_after_refresh(lambda: self.call_after_refresh(read))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "open-plan":
            return
        if event.state == WorkerState.SUCCESS:
            store, problem = event.worker.result
            self.pop_screen()  # the loading screen
            if problem is not None or store is None:
                self.show_problem(problem)
            else:
                self.start(store)
        elif event.state == WorkerState.ERROR:
            self.pop_screen()
            raise event.worker.error  # a bug, not a plan problem: let it show

    def show_problem(self, problem: StoreError | None) -> None:
        from .screens.problem import ProblemScreen

        self.problem = problem
        self.push_screen(ProblemScreen(problem))

    def _created(self, store: PlanStore | None) -> None:
        if store is None:
            self.exit(0)
            return
        self.start(store)

    def start(self, store: PlanStore) -> None:
        from .screens.dashboard import DashboardScreen

        self.store = store
        store.listeners.append(self._plan_written)
        self._show_saved()
        self.install_screen(DashboardScreen(), "dashboard")
        self.push_screen("dashboard")
        if store.handed_over and store.team:
            # a merged plan handed back out carries the secretariat's name into the group's
            # bundles until the group puts its own on it
            self.notify(t("ui.handed_over", team=store.team), title=t("ui.handed_over_title"), timeout=15)
        # remembered for `smartcity-tui` alone; written after the first frame, off its path
        self.call_after_refresh(self.settings.remember_plan, store.path)

    def first_frame_drawn(self, screen: str) -> None:
        """Called by the loading screen and the dashboard once painted (the benchmark's marks)."""
        if self.first_frame_exit and (self.first_frame_exit != "dashboard" or screen == "dashboard"):
            stamp = os.environ.get(STAMP_ENV)
            if stamp:
                Path(stamp).write_text(repr(time.time()), encoding="utf-8")
            self.exit(0)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    # --- writing ---------------------------------------------------------------------------

    def edit(self, write: Callable[[PlanStore], T]) -> T | None:
        """Run one write against the store; on failure say so and leave the plan as it was."""
        assert self.store is not None
        try:
            return write(self.store)
        except StoreError as e:
            self.save_failed = True
            self.save_note = t("ui.save.failed")
            self.notify(e.message(), title=t("ui.save.failed"), severity="error", timeout=15)
            return None

    def _plan_written(self) -> None:
        self.plan_version += 1
        self._show_saved()
        if not self._refresh_pending:
            # several writes of one user action redraw once
            self._refresh_pending = True
            self.call_later(self._refresh_screen)

    def _refresh_screen(self) -> None:
        self._refresh_pending = False
        sync = getattr(self.screen, "sync", None)
        if callable(sync):
            sync()

    def _show_saved(self) -> None:
        assert self.store is not None
        self.save_failed = False
        self.save_note = self.describe_saved(self.store.saved_at)

    def describe_saved(self, saved_at: str) -> str:
        try:
            when = _dt.datetime.fromisoformat(saved_at)
        except ValueError:
            return t("ui.save.ok_unknown")
        now = self.clock()
        if when.tzinfo is not None and now.tzinfo is not None:
            when = when.astimezone(now.tzinfo)
        hhmm = when.strftime("%H:%M")
        if when.date() == now.date():
            return t("ui.save.ok", time=hhmm)
        return t("ui.save.ok_on", day=date(when), time=hhmm)

    # --- navigation ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # (a form or picker on top never sees these: Textual stops the key chain at a modal)
        if action in {"open_pillar", "open_dashboard", "undo", "redo", "open_roadmap", "search", "open_plan_info",
                      "export", "merge", "conflicts"}:
            return self.store is not None
        return True

    def action_open_pillar(self, key: str) -> None:
        from .screens.pillar import PillarScreen

        if key not in PILLAR_KEYS:
            return
        name = f"pillar-{key}"
        if not self.is_screen_installed(name):
            self.install_screen(PillarScreen(key), name)
        if self.screen is self.get_screen(name):
            return
        if self._on_dashboard():
            self.push_screen(name)
        else:
            self.switch_screen(name)

    def action_open_dashboard(self) -> None:
        if not self._on_dashboard():
            self.pop_screen()

    def _on_dashboard(self) -> bool:
        return self.is_screen_installed("dashboard") and self.screen is self.get_screen("dashboard")

    def action_command_palette(self) -> None:
        from .palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette())

    def get_system_commands(self, screen):
        from .palette import system_commands

        # quit and help are keyed actions, listed by the key map's own provider
        yield from system_commands(self, screen)

    def search_themes(self) -> None:
        from .themes import ThemePalette

        self.push_screen(ThemePalette())  # Textual's own, in the app's language

    async def action_switch_language(self) -> None:
        from .language import switch_language

        await switch_language(self)

    def action_toggle_contrast(self) -> None:
        from .themes import toggle_contrast

        toggle_contrast(self)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_open_roadmap(self) -> None:
        from .navigation import show_plan_screen
        from .screens.roadmap import RoadmapScreen

        show_plan_screen(self, "roadmap", RoadmapScreen)

    def action_open_plan_info(self) -> None:
        from .navigation import show_plan_screen
        from .screens.plan_info import PlanInfoScreen

        show_plan_screen(self, "plan-info", PlanInfoScreen)

    def action_export(self) -> None:
        from .exchange import open_screen

        open_screen(self, "export")

    def action_merge(self) -> None:
        from .exchange import open_screen

        open_screen(self, "merge")

    def action_conflicts(self) -> None:
        from .exchange import open_screen

        open_screen(self, "conflicts")

    def action_search(self) -> None:
        from .navigation import jump
        from .screens.search import SearchScreen

        def chosen(hit) -> None:
            if hit is not None:
                jump(self, hit.record_id, hit.field if hit.kind == "plan" else "")

        self.push_screen(SearchScreen(), chosen)

    # --- undo and redo ---------------------------------------------------------------------

    def action_undo(self) -> None:
        label = self.edit(lambda s: s.undo())
        if label is None:
            if not self.save_failed:
                self.notify(t("ui.undo.nothing"), timeout=3)
            return
        self.notify(t("ui.undo.done", what=label), timeout=3)

    def action_redo(self) -> None:
        label = self.edit(lambda s: s.redo())
        if label is None:
            if not self.save_failed:
                self.notify(t("ui.redo.nothing"), timeout=3)
            return
        self.notify(t("ui.redo.done", what=label), timeout=3)
