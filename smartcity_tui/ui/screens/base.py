"""What every screen of ours shares: key labels in the current language (keys.localised),
a rebuild when the language changes; and for the plan screens a top bar with the save
state, a footer with their keys, and a redraw from the store whenever the app's plan
version moves on while they are on show (or since they were last on show)."""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.binding import ActiveBinding
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from ...model.plan import Plan
from .. import keys
from ..app import app_of
from ..widgets.top_bar import region_title

R = TypeVar("R")


def plan_title(plan: Plan) -> str:
    return region_title(plan.info)


def ordered(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Active bindings in the footer's order (keys.footer_rank), stable within a rank."""
    items = list(bindings.items())
    items.sort(key=lambda kv: keys.footer_rank(kv[1].binding.id))
    return dict(items)


def footer() -> Widget:
    from ..widgets.key_footer import KeyFooter

    return KeyFooter()


def _styled_once(screen: AppScreen[Any] | AppModal[Any], event: events.ScreenResume) -> None:
    """A screen's first showing keeps the styles its widgets got as they were mounted, a
    moment before. Textual styles the whole screen again whenever one comes on show (for a
    screen coming back, which may have missed a change of theme): on a new screen, every
    widget styled twice, ~50 of the ~800 ms the programme form took to open. The screen
    itself is styled again: Textual styled it before it read the screen's own CSS."""
    if not screen.shown_before:
        screen.shown_before = True
        event.refresh_styles = False
        screen.app.stylesheet.apply(screen)


def _fit(screen: Screen[Any]) -> None:
    from ..app import SmartCityApp
    from .too_small import fit

    if isinstance(screen.app, SmartCityApp):  # (a form also runs alone, in a test's host app)
        fit(screen.app)


def _size_classes(screen: Screen[Any]) -> None:
    """Give a new screen its size classes (-narrow / -wide, -short / -tall: app.py) before it
    is mounted. Textual adds them on the screen's first resize, after every widget of it has
    been styled, and so styles them all a second time: a third of the 1.6 s the programme
    form took to open. Given now, that resize finds them there and changes nothing."""
    try:
        app = screen.app
    except RuntimeError:  # (Textual's NoActiveAppError: made outside a running app, Textual
        return  # adds them when the screen is shown)
    width, height = app.size
    for extent, own, default in ((width, screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
                                 (height, screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS)):
        # as Textual picks one: the largest breakpoint the size reaches
        reached = [(point, name) for point, name in (default if own is None else own) or [] if extent >= point]
        if reached:
            screen.add_class(max(reached)[1], update=False)


class AppScreen(Screen[R]):
    """A full screen of ours: its keys are shown in the current language."""

    shown_before = False

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        _size_classes(self)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return keys.localised(super().active_bindings)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        _styled_once(self, event)
        _fit(self)  # under 80x24 the size notice covers every screen that comes on show

    async def relanguage(self) -> None:
        """Build what is on show again in the language just chosen (language.py); a screen
        with words of its own on it says how in its override."""


class AppModal(ModalScreen[R]):
    """A modal of ours (form, picker, help): its keys are shown in the current language."""

    shown_before = False

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        _size_classes(self)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return keys.localised(super().active_bindings)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        _styled_once(self, event)
        _fit(self)

    async def relanguage(self) -> None:
        """A picker or question is made for one use: the next one comes up in the new
        language, this one stays as it is. Forms and the help say otherwise (form.py, help.py)."""


class PlanScreen(AppScreen[Any]):
    seen_version = -1

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return ordered(super().active_bindings)

    def on_mount(self) -> None:
        # (Textual calls this besides a subclass's own on_mount; watching twice is once)
        self.watch(app_of(self), "plan_version", self._plan_moved, init=False)

    def _plan_moved(self) -> None:
        if self.app.screen is self:  # a screen under a form or hidden catches up when shown
            self.sync()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        self.sync()  # (Textual calls AppScreen's besides this one)

    def sync(self) -> None:
        """Redraw when the plan changed since this screen last drew it."""
        app = app_of(self)
        if app.store is None or self.seen_version == app.plan_version:
            return
        self.seen_version = app.plan_version
        self.show_plan(app.plan)

    def show_plan(self, plan: Plan) -> None:  # pragma: no cover - every screen overrides it
        raise NotImplementedError

    async def rebuild(self) -> None:
        """Compose the screen afresh (a language switch) and draw the plan on it again; what
        the screen keeps across the rebuild, its `relanguage` puts back afterwards."""
        await self.recompose()
        self.seen_version = -1
        self.on_mount()

    async def relanguage(self) -> None:
        """Build the screen again in the language just chosen, the focus where it was.
        Screens with more to keep (a view, filters, a cursor) say so in their own."""
        focused = self.focused.id if self.focused is not None else None
        await self.rebuild()
        if focused:
            try:
                self.query_one(f"#{focused}").focus()
            except NoMatches:  # the widget is not there after the rebuild: Textual focuses another
                pass
