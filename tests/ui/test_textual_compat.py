"""The one module that touches Textual's private names (ui/textual_compat.py) against the
Textual installed: when a new Textual renames or reshapes any of them, these fail first and
say what to look at (README, "A new Textual"). And the palette's "no matches" line does
come up in the officer's language, which is what the private override is for."""

from __future__ import annotations

import gc
import inspect
import re
import tomllib
import weakref
from importlib.metadata import version
from pathlib import Path

import pytest
from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.command import CommandList, CommandPalette
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from smartcity_tui.i18n import t
from smartcity_tui.ui.textual_compat import (
    _LEAKY_INNER_OUTER,
    PALETTE_PRIVATES,
    LocalisedNoMatches,
    mend_style_cache_leak,
)

ROOT = Path(__file__).resolve().parents[2]


def _pinned_range(package: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    spec = next(d for d in deps if re.match(rf"{package}\b", d))
    low = re.search(r">=\s*([\d.]+)", spec)
    high = re.search(r"<\s*([\d.]+)", spec)
    assert low and high, f"{package} is not pinned to a range in pyproject.toml: {spec!r}"
    return tuple(map(int, low.group(1).split("."))), tuple(map(int, high.group(1).split(".")))


def test_the_installed_textual_is_the_tested_range():
    installed = tuple(int(p) for p in version("textual").split(".")[:3] if p.isdigit())
    low, high = _pinned_range("textual")
    assert low <= installed < high, (
        f"Textual {version('textual')} is outside the tested range {low}..{high}: run the suite, "
        "read ui/textual_compat.py against the new Textual, then move the pin (README)")


def test_the_palette_privates_are_still_there():
    source = inspect.getsource(CommandPalette)
    missing = [name for name in PALETTE_PRIVATES if name not in source]
    assert missing == [], f"Textual's CommandPalette no longer has {missing}: ui/textual_compat.py must change"
    params = list(inspect.signature(CommandPalette._start_no_matches_countdown).parameters)
    assert params == ["self", "search_value"], f"_start_no_matches_countdown now takes {params}"
    assert isinstance(CommandPalette._NO_MATCHES, str)
    assert isinstance(CommandPalette._NO_MATCHES_COUNTDOWN, float)
    # what the override replaces is still an English line of Textual's own making
    assert "No matches found" in inspect.getsource(CommandPalette._start_no_matches_countdown)


def test_the_toggle_privates_are_still_there():
    from textual.widgets import Checkbox, SelectionList

    from smartcity_tui.ui.textual_compat import TOGGLE_BOX, TOGGLE_LEFT

    # the box a Checkbox draws, in the property ticks.Checkbox overrides, used by its render
    assert isinstance(inspect.getattr_static(Checkbox, TOGGLE_BOX), property)
    assert f"self.{TOGGLE_BOX}" in inspect.getsource(Checkbox.render)
    # SelectionList draws ToggleButton's characters first on each line, which ticks draws over
    assert "ToggleButton.BUTTON_LEFT" in inspect.getsource(SelectionList.render_line) and TOGGLE_LEFT


async def test_the_palette_no_matches_line_is_localised(ui_app):
    def shown(command_list: CommandList) -> list[str]:
        prompts = [command_list.get_option_at_index(i).prompt for i in range(command_list.option_count)]
        return [str(getattr(p, "renderable", p)) for p in prompts]

    async with ui_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(ui_app.screen, LocalisedNoMatches)
        await pilot.press(*"qqqzzz")
        command_list = ui_app.screen.query_one(CommandList)
        # the line comes after Textual's countdown, once the search has found nothing: wait
        # for it (up to 10 s on a busy machine), not for a fixed time
        for _ in range(200):
            if any(t("ui.palette.no_matches") in line for line in shown(command_list)):
                break
            await pilot.pause(0.05)
        assert shown(command_list) == [t("ui.palette.no_matches")]


def test_the_headless_frame_privates_are_still_there():
    """tests/ui/textual_shortcuts.py skips the frames a headless test never sees: what it
    replaces still draws through the compositor and clears what it clears."""
    from textual._compositor import Compositor
    from textual_shortcuts import REFRESH_STEPS, _draw_frame

    source = inspect.getsource(_draw_frame)
    missing = [step for step in REFRESH_STEPS if step not in source]
    assert missing == [], f"Screen._compositor_refresh lost {missing}: tests/ui/textual_shortcuts.py must change"
    assert {"full", "screen_stack"} <= set(inspect.signature(Compositor.render_update).parameters)


def test_the_stylesheet_privates_are_still_there():
    """textual_shortcuts.py keeps parsed CSS for the process: the parse it wraps still takes
    the same arguments and depends on nothing of its stylesheet but the variables."""
    from textual.css.stylesheet import Stylesheet
    from textual_shortcuts import PARSE_PARAMETERS, _parse_rules

    assert list(inspect.signature(_parse_rules).parameters) == PARSE_PARAMETERS
    source = inspect.getsource(_parse_rules)
    state = sorted(set(re.findall(r"self\.(\w+)", source)))
    assert state == ["_parse_cache", "_variable_tokens"], f"Stylesheet._parse_rules now reads {state}"
    assert isinstance(Stylesheet(variables={"primary": "red"})._variables, dict)


class _Coloured(Static):
    DEFAULT_CSS = "_Coloured { color: $primary; }"


class _ColouredApp(App[None]):
    def __init__(self, theme: str) -> None:
        super().__init__()
        self.theme = theme

    def compose(self):
        yield _Coloured("warna")


async def test_css_kept_for_the_process_follows_each_app_s_theme():
    colours = []
    for theme in ("textual-dark", "nord", "textual-dark"):
        app = _ColouredApp(theme)
        async with app.run_test():
            colours.append(app.query_one(_Coloured).styles.color)
    assert colours[0] != colours[1] and colours[0] == colours[2]


class _Drawn(Static):
    """Counts its renders; renders a broken line once told to. Its size is fixed, so that
    laying it out does not render it to measure it."""

    DEFAULT_CSS = "_Drawn { width: 10; height: 1; }"
    drawn = 0
    broken = False

    def render(self):
        type(self).drawn += 1
        if self.broken:
            raise RuntimeError("this widget cannot be drawn")
        return "siap"


class _OneWidget(App[None]):
    def compose(self):
        yield _Drawn()


async def test_a_test_draws_no_frame_between_keys_and_one_at_its_end():
    _Drawn.drawn = 0
    app = _OneWidget()
    async with app.run_test() as pilot:
        await pilot.press("x", "y")
        await pilot.pause()
        assert _Drawn.drawn == 0, "a headless test drew frames no one sees"
    assert _Drawn.drawn >= 1, "the screen a test ends on is drawn"


async def test_a_widget_that_cannot_be_drawn_still_fails_its_test():
    app = _OneWidget()
    with pytest.raises(RuntimeError, match="cannot be drawn"):
        async with app.run_test() as pilot:
            widget = app.query_one(_Drawn)
            widget.broken = True
            widget.refresh()
            await pilot.pause()


def test_the_pilot_wait_privates_are_still_there():
    """textual_shortcuts.py's pilot waits as Textual's does, for fewer widgets: what it
    replaces still posts to the app and every node on the screen and counts their answers,
    and a message pump still waits for its next message on its queue's event."""
    import asyncio

    from textual._queue import Queue
    from textual_shortcuts import WAIT_STEPS, _wait_for_screen

    source = inspect.getsource(_wait_for_screen)
    missing = [step for step in WAIT_STEPS if step not in source]
    assert missing == [], f"Pilot._wait_for_screen lost {missing}: tests/ui/textual_shortcuts.py must change"
    assert "self.ready_event.wait()" in inspect.getsource(Queue.get)
    assert isinstance(Queue().ready_event, asyncio.Event)
    assert hasattr(asyncio.Event(), "_waiters")


def _classes_below(base: type) -> set[type]:
    found = set()
    for sub in base.__subclasses__():
        found |= {sub} | _classes_below(sub)
    return found


def test_handlers_looked_up_once_are_the_handlers_textual_finds():
    """textual_shortcuts.py keeps, per class, the handlers Textual looks up for each message:
    for every widget and screen class of the app and of Textual, and every message class
    they can receive, both find the same handlers in the same order (a message whose default
    was prevented, too)."""
    import importlib
    import pkgutil

    import smartcity_tui.ui.screens as screens
    import smartcity_tui.ui.widgets as widgets
    from textual.message_pump import MessagePump
    from textual_shortcuts import _get_dispatch_methods, _get_dispatch_methods_planned

    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{info.name}")
    pumps = [c for c in _classes_below(MessagePump) if c.__module__.startswith(("textual.", "smartcity_tui."))]
    messages = [c for c in _classes_below(Message) if c.__module__.startswith(("textual.", "smartcity_tui."))]
    assert len(pumps) > 100 and len(messages) > 100
    compared = 0
    for pump_class in pumps:
        pump = object.__new__(pump_class)  # (handlers are only bound to it)
        for message_class in messages:
            for prevented in (False, True):
                message = object.__new__(message_class)
                Message.__init__(message)
                message._no_default_action = prevented
                name = message_class.handler_name

                def found(lookup, pump=pump, message=message, name=name):
                    return [(cls, method.__func__) for cls, method in lookup(pump, name, message)]

                textual_s = found(_get_dispatch_methods)
                assert found(_get_dispatch_methods_planned) == textual_s, (pump_class, message_class)
                compared += bool(textual_s)
    assert compared > 500, "few handlers found: the comparison checked little"


class _Slow(Static):
    """Deals with a message slowly, as a widget that writes the plan does."""

    class Work(Message):
        pass

    done = 0

    async def on__slow_work(self, _message: Work) -> None:
        import asyncio

        await asyncio.sleep(0.05)
        type(self).done += 1


class _ManyIdle(App[None]):
    def compose(self):
        yield _Slow("lambat")
        yield Vertical(*(Static(f"diam {n}") for n in range(30)))


async def test_a_pause_waits_for_a_busy_widget_and_wakes_no_idle_one():
    from textual import events

    app = _ManyIdle()
    async with app.run_test() as pilot:
        await pilot.pause()
        woken = []
        for card in [node for node in app.query(Static) if not isinstance(node, _Slow)]:
            original = card._on_message

            async def counted(message, card=card, original=original):
                if isinstance(message, events.Callback):
                    woken.append(card)
                await original(message)

            card._on_message = counted
        _Slow.done = 0
        slow = app.query_one(_Slow)
        slow.post_message(_Slow.Work())
        slow.post_message(_Slow.Work())
        await pilot.pause()
        assert _Slow.done == 2, "the pause returned before the busy widget had dealt with its messages"
        assert woken == [], f"the pause woke {len(woken)} widgets that had nothing to do"


# --- Textual issue #6665: a removed widget's drawing let go ------------------------------------

class _Cards(App[None]):
    """A list drawn, emptied and filled again, as the app's lists are after each edit."""

    def compose(self):
        yield Vertical(*(Static(f"kartu {n}") for n in range(40)), id="cards")


async def _caches_of_removed_cards() -> list[weakref.ref]:
    app = _Cards()
    async with app.run_test() as pilot:
        cards = app.query_one("#cards", Vertical)
        removed = [weakref.ref(card._styles_cache) for card in cards.query(Static)]
        app.export_screenshot()  # drawn: each card's lines in its StylesCache
        await cards.remove_children()
        await cards.mount_all(Static(f"kartu baru {n}") for n in range(40))
        await pilot.pause()
        app.export_screenshot()
    del app, cards
    gc.collect()
    return [ref for ref in removed if ref() is not None]


async def test_a_removed_widgets_drawing_is_let_go():
    mend_style_cache_leak()  # as SmartCityApp does as it starts (a bare app here)
    assert await _caches_of_removed_cards() == [], "removed widgets' drawings are still held"


async def test_without_the_mend_textual_holds_them(monkeypatch):
    # the same list under Textual's own cache: what mend_style_cache_leak is for, and a check
    # that the test above can fail
    monkeypatch.setattr(StylesCache, "get_inner_outer", _LEAKY_INNER_OUTER)
    held = await _caches_of_removed_cards()
    assert len(held) >= 20, "every card on the 24 lines of the screen drawn and held"


def test_textual_still_has_the_leak_the_mend_is_for():
    assert hasattr(_LEAKY_INNER_OUTER, "cache_clear"), (
        "Textual's StylesCache.get_inner_outer is no longer an lru_cache on the method (Textual "
        "issue #6665 fixed?): remove mend_style_cache_leak from ui/textual_compat.py and ui/app.py")
    mend_style_cache_leak()
    mended = StylesCache.get_inner_outer
    assert mended is not _LEAKY_INNER_OUTER, "SmartCityApp mends it"
    mend_style_cache_leak()
    assert StylesCache.get_inner_outer is mended, "mended once, whatever number of apps start"
    base, background = Color(10, 20, 30), Color(200, 100, 50, 0.5)
    assert StylesCache().get_inner_outer(base, background) == _LEAKY_INNER_OUTER.__wrapped__(
        StylesCache(), base, background), "the same styles as Textual's own"
