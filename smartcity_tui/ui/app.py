"""The workshop app: a dashboard and one screen per pillar, edited from the keyboard alone.

The app owns the open PlanStore. Every edit goes through `SmartCityApp.edit`, which writes at
once (the store makes each write durable before it returns), keeps the save state in the top
bar true, and turns a failed write into a message instead of a crash. Screens never hold
their own copy of the plan: they redraw from `store.plan()` when the plan version moves on.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Callable, TypeVar

from textual.app import App
from textual.reactive import reactive

from ..i18n import t
from ..model.format import date
from ..model.vocab import PILLAR_KEYS
from ..settings import Settings
from ..store import PlanStore, StoreError
from . import keys
from .palette import KeyCommands

T = TypeVar("T")
Clock = Callable[[], _dt.datetime]

# Set by benchmarks/bench_startup.py: quit as soon as the first plan screen has been drawn.
FIRST_FRAME_ENV = "SMARTCITY_TUI_EXIT_AFTER_FIRST_FRAME"


def _now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


class SmartCityApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "smartcity-tui"
    BINDINGS = keys.prefixed("app.")
    COMMANDS = App.COMMANDS | {KeyCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    save_note: reactive[str] = reactive("")  # "Tersimpan 14:03", shown in every top bar
    save_failed: reactive[bool] = reactive(False)

    def __init__(self, store: PlanStore | None, settings: Settings, *, plan_path: Path | None = None,
                 problem: StoreError | None = None, clock: Clock | None = None,
                 note: str = "") -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.plan_path = plan_path
        self.problem = problem
        self.clock = clock or _now
        self.note = note  # a line for the first-run form ("the last plan is gone")
        self.plan_version = 0
        self._refresh_pending = False
        self.first_frame_exit = bool(os.environ.get(FIRST_FRAME_ENV))

    # --- starting --------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self.problem is not None:
            from .screens.problem import ProblemScreen

            self.push_screen(ProblemScreen(self.problem))
        elif self.store is None:
            from .screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(self.plan_path, note=self.note), self._created)
        else:
            self.start(self.store)

    def _created(self, store: PlanStore | None) -> None:
        if store is None:
            self.exit(0)
            return
        self.start(store)

    def start(self, store: PlanStore) -> None:
        from .screens.dashboard import DashboardScreen

        self.store = store
        store.listeners.append(self._plan_written)
        self.settings.remember_plan(store.path)
        self._show_saved()
        self.install_screen(DashboardScreen(), "dashboard")
        self.push_screen("dashboard")

    def first_frame_drawn(self) -> None:
        """Called by the first plan screen once it has been painted (the benchmark's mark)."""
        if self.first_frame_exit:
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
        if action in {"open_pillar", "open_dashboard", "undo", "redo", "open_roadmap", "search", "open_plan_info"}:
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
