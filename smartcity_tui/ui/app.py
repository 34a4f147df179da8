"""The workshop app: a dashboard and one screen per pillar, edited from the keyboard alone.

The app owns the open PlanStore and is the one place that writes to it: widgets post a
`PlanWrite` message (plan_writes.py), the app's PlanWriter runs it, keeps the save state in
the top bar true and turns a failed write into a message instead of a crash. Screens never
hold their own copy of the plan: they watch `plan_version` and redraw from `store.plan()`
when it moves on, and watch `language` to build themselves again in the other language.
How it fits together: docs/design-notes.md, "UI data flow".
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.filter import LineFilter
from textual.message_pump import MessagePump
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker

from ..i18n import get_language, set_language, t
from ..model.plan import Plan
from ..settings import Settings
from ..startup import release_collector
from ..store import PlanStore, StoreError
from . import keys
from .key_guard import KeyGuard
from .navigation import jump, on_dashboard, show_plan_screen
from .opening import FIRST_FRAME_ENV, PlanOpener
from .plan_writes import PlanWrite, PlanWriter
from .screens.too_small import fit, unseen
from .styles import add_screen_sheets, app_css
from .textual_compat import mend_style_cache_leak

if TYPE_CHECKING:
    from ..bundle.merge_conflicts import Conflict
    from ..model.search import Hit
    from .screens.pillar import PillarScreen

Clock = Callable[[], _dt.datetime]


def _now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


class SmartCityApp(App[int]):
    CSS = app_css()  # not CSS_PATH: the one-file build has no files; the screens' rules: styles.py
    TITLE = "smartcity-tui"
    BINDINGS = keys.prefixed("app.")
    COMMANDS = App.COMMANDS | {keys.key_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    save_note: reactive[str] = reactive("")  # "Tersimpan 14:03", shown in every top bar
    save_failed: reactive[bool] = reactive(False)
    # A save just happened: the note is highlighted until the next key press, so a second
    # save within the same minute ("Tersimpan 14:03" again) is seen to happen too.
    save_fresh: reactive[bool] = reactive(False)
    # Moves on once per user action that changed the plan (several writes of one action are
    # one step): what plan screens watch to redraw.
    plan_version: reactive[int] = reactive(0, init=False)
    # The interface's language ("id", "en"); set it through language.switch_language (F4),
    # which has the screens on show build themselves again.
    language: reactive[str] = reactive("id", init=False, always_update=True)

    def __init__(self, store: PlanStore | None, settings: Settings, *, plan_path: Path | None = None,
                 problem: StoreError | None = None, clock: Clock | None = None,
                 note: str = "", break_lock: bool = False) -> None:
        mend_style_cache_leak()  # a removed widget's drawing is let go (textual_compat.py)
        super().__init__()
        self.store = store
        self.settings = settings
        self.plan_path = plan_path
        self.problem = problem
        self.clock = clock or _now
        self.note = note  # a line for the first-run form ("the last plan is gone")
        self.break_lock = break_lock
        self.writer = PlanWriter(self)
        self.opener = PlanOpener(self)
        self.set_reactive(SmartCityApp.language, get_language())
        self._publish_pending = False
        # Line filters drawn before Textual's own (themes.py: the high contrast theme's NoDim)
        self.first_filters: list[LineFilter] = []
        # What the high contrast theme replaced, to go back to (themes.py)
        self.theme_before_contrast = ""
        self.ansi_before_contrast = self.ansi_theme_dark
        # The names of the screens installed (made once, kept while hidden): a language
        # switch forgets the hidden ones, so they are made again in the new language
        self._installed_names: set[str] = set()
        # "1": quit after the first frame of any screen; "dashboard": after the dashboard's
        self.first_frame_exit = os.environ.get(FIRST_FRAME_ENV, "")
        self.key_guard = KeyGuard()  # the rest of a paste is no command (key_guard.py)
        # conflicts decided in this session, as they were shown (who wrote each value): a
        # ctrl+z reopens one under this laptop's name, and the conflicts screen names the teams
        self.settled_conflicts: dict[str, Conflict] = {}

    # --- starting --------------------------------------------------------------------------

    def on_mount(self) -> None:
        from .themes import setup_themes

        add_screen_sheets(self)  # before any screen of ours is shown (styles.py says why)
        # the first screen is on the terminal after this refresh: the cycle collector, held
        # through start-up by startup.run, may resume
        self.call_after_refresh(release_collector)
        setup_themes(self)
        if self.settings.keys:
            self.set_keymap({keys.LEGACY_IDS.get(k, k): v for k, v in self.settings.keys.items()})
        if self.problem is not None:
            self.show_problem(self.problem)
        elif self.store is not None:
            self.start(self.store)
        elif self.plan_path is not None and self.plan_path.exists():
            self.open_plan(self.plan_path)
        else:
            from .screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(self.plan_path, note=self.note), self._created)

    # (reading the plan, the problem screen, the first-run form, the dashboard and the
    # start-up notices: opening.py)

    def open_plan(self, path: Path) -> None:
        self.opener.open(path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.opener.read(event)

    def show_problem(self, problem: StoreError | None) -> None:
        self.opener.show_problem(problem)

    def _created(self, store: PlanStore | None) -> None:
        self.opener.created(store)

    def start(self, store: PlanStore) -> None:
        self.opener.start(store)

    def first_frame_drawn(self, screen: str) -> None:
        self.opener.first_frame_drawn(screen)

    def on_resize(self, event: events.Resize) -> None:
        # under 80x24, a notice of the size it needs (screens/too_small.py), once the screens
        # have taken the new size
        self.call_after_refresh(fit, self)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    # --- writing ---------------------------------------------------------------------------

    def on_plan_write(self, request: PlanWrite[Any]) -> None:
        request.stop()
        self.write(request)

    def write(self, request: PlanWrite[Any]) -> bool:
        """Carry out a write at once (the app's own, and tests'); widgets post theirs."""
        return self.writer.run(request)

    def _plan_written(self) -> None:
        self.show_save_state()
        self.save_fresh = True
        if not self._publish_pending:
            # several writes of one user action move the version, and redraw, once
            self._publish_pending = True
            self.call_later(self._publish)

    def _publish(self) -> None:
        self._publish_pending = False
        self.plan_version += 1

    @property
    def open_store(self) -> PlanStore:
        """The store of the open plan, for reading (plan screens exist only once one is open)."""
        if self.store is None:
            raise RuntimeError("no plan is open")
        return self.store

    @property
    def plan(self) -> Plan:
        """The plan as the store holds it now (screens draw from it; never kept across writes)."""
        return self.open_store.plan()

    def watch_language(self, lang: str) -> None:
        set_language(lang)
        if self.save_failed:
            self.save_note = t("ui.save.failed")
        else:
            fresh = self.save_fresh
            self.show_save_state()
            self.save_fresh = fresh
        self.refresh_bindings()  # the footer's labels: keys.localised reads the new words
        self.settings.remember_language(lang)

    def show_save_state(self) -> None:
        """The top bar's save note for the plan as it is on disk now (in the current language)."""
        from .widgets.top_bar import save_note

        if self.store is None:
            return
        self.save_failed = False
        self.save_fresh = False
        self.save_note = save_note(self.store, self.clock())

    # --- keys ------------------------------------------------------------------------------

    def drop_keys_typed_until_now(self) -> None:
        """Called when a form closes or a question opens (key_guard.py)."""
        self.key_guard.drop_typed_until_now()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.key_guard.drops(event) or unseen(self, event):
                return
            self.save_fresh = False
        elif isinstance(event, events.Paste) and not event.is_forwarded:
            from .pasting import for_field

            event = for_field(event, self.focused)
        await super().on_event(event)

    async def action_quit(self) -> None:
        """q (and ctrl+q): quit; asks first when this session's undo history, or a form's
        unsaved changes, would be lost (screens/quit_confirm.py)."""
        from .screens.quit_confirm import quit_or_ask

        quit_or_ask(self)

    # --- navigation ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # (a form or picker on top never sees these: Textual stops the key chain at a modal)
        if action == "open_dimension":
            n = parameters[0] if parameters else 0
            return self.store is not None and isinstance(n, int) and 0 < n <= len(self.plan.framework.dimensions)
        if action in {"open_pillar", "open_dashboard", "undo", "redo", "open_roadmap", "search", "open_plan_info",
                      "export", "merge", "conflicts", "open_document", "import_sheet"}:
            return self.store is not None
        return True

    def action_open_pillar(self, key: str) -> None:
        from .screens.pillar import PillarScreen

        plan = self.plan  # (a key only records outside the framework use too: their form moves them)
        if key in plan.framework.keys or key in {r.pillar for r in plan.outside_framework()}:
            show_plan_screen(self, f"pillar-{key}", lambda: PillarScreen(key))

    def action_open_dimension(self, number: int) -> None:
        """Keys 1-9: the dimension at that place in the plan's framework."""
        dims = self.plan.framework.dimensions
        if 0 < number <= len(dims):
            self.action_open_pillar(dims[number - 1].key)

    def pillar_screen(self, key: str) -> PillarScreen:
        """The pillar's screen, made on first use (keys 1-6 and every jump to a record)."""
        from .screens.pillar import PillarScreen

        self.action_open_pillar(key)
        screen = self.get_screen(f"pillar-{key}")
        assert isinstance(screen, PillarScreen)
        return screen

    def action_open_dashboard(self) -> None:
        if not on_dashboard(self):
            self.pop_screen()

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # Textual restyles a node at each change of its classes even before it is mounted
        # (an Input(compact=True) in a form's compose), and mounting styles it from nothing.
        if node is self or node.is_attached:
            super().update_styles(node, animate)

    def install_screen(self, screen: Screen[Any], name: str) -> None:
        super().install_screen(screen, name)
        self._installed_names.add(name)

    async def forget_hidden_screens(self) -> None:
        """Uninstall every installed screen not on the stack (made anew when next opened)."""
        for name in sorted(self._installed_names):
            if not self.is_screen_installed(name):
                continue
            screen = self.get_screen(name)
            if screen not in self.screen_stack:
                self.uninstall_screen(name)
                self._installed_names.discard(name)
                if screen.is_mounted:  # as Textual does with a popped screen that is not installed
                    await screen.remove()

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*self.first_filters, *super().get_line_filters()]

    def action_command_palette(self) -> None:
        from .palette import Palette

        # (is_open is typed for App[object]; this app's result type is int)
        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]  # see the line above
            self.push_screen(Palette())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
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
        from .screens.roadmap import RoadmapScreen

        show_plan_screen(self, "roadmap", RoadmapScreen)

    def action_open_plan_info(self) -> None:
        from .screens.plan_info import PlanInfoScreen

        show_plan_screen(self, "plan-info", PlanInfoScreen)

    def action_open_document(self) -> None:
        from .screens.document import DocumentScreen

        show_plan_screen(self, "document", DocumentScreen)

    def action_import_sheet(self) -> None:
        from .exchange import open_screen

        open_screen(self, "import")

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
        from .screens.search import SearchScreen

        def chosen(hit: Hit | None) -> None:
            if hit is not None:
                jump(self, hit.record_id, hit.field if hit.kind == "plan" else "")

        self.push_screen(SearchScreen(), chosen)

    # --- undo and redo ---------------------------------------------------------------------

    def action_undo(self) -> None:
        self._undo_or_redo("undo")

    def action_redo(self) -> None:
        self._undo_or_redo("redo")

    def _undo_or_redo(self, which: str) -> None:
        from .undo_cursor import undo_or_redo_selecting  # the cursor on what came back

        self.write(undo_or_redo_selecting(self, which))


def app_of(node: MessagePump) -> SmartCityApp:
    """The running SmartCityApp, typed, for a screen or widget: how the UI reads the store
    (`app_of(self).plan`), so a type checker sees every use. Writes go by message instead
    (plan_writes.py)."""
    app = node.app
    if not isinstance(app, SmartCityApp):
        raise TypeError(f"{type(node).__name__} runs in {type(app).__name__}, not in SmartCityApp")
    return app
