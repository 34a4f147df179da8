"""Four shortcuts the app's tests take through Textual: work a test never looks at, or that a
test process would otherwise repeat for each of the hundreds of apps it starts.

**No frame after every key.** A headless Textual app (Pilot's `run_test`, the snapshot
plugin's `run(headless=True)`) still draws a frame after every change: each widget on show
renders its lines, and the frame is then thrown away, since a headless driver has no
terminal to write to. That drawing was a third of the CPU the app's tests took
(`tests/ui/test_form_safety.py` and `test_programme_form.py`: 101 s of CPU with frames, 68 s
without, 2026-11-29), and no test looks at those frames: a test reads widgets, and a
snapshot draws its own full picture (`App.export_screenshot`, which does not go through
here). So a headless app skips the frames in between (the dirty regions are dropped, as
drawing them would have dropped them; the rest of Textual's refresh still runs), and when a
test's `run_test` block ends without an error the screen on show is drawn once, in full: a
widget whose rendering fails still fails the test that showed it.

**CSS parsed once per process.** Each new app parses every stylesheet it uses (Textual's own
widgets', ours), and again when its theme is set; Textual keeps what it parsed for one app
only. The tests keep it for the process, under the same key plus the theme's variables:
`test_form_safety.py` and `test_language.py`, 44 s -> 35 s of CPU.

**A pilot waits only for widgets with something to do.** After each key and each pause,
Textual's pilot posts a message to every widget on the screen and waits until each has
answered: a widget answers once it has dealt with what was already in its queue. A widget
with an empty queue, already waiting for its next message, has nothing to deal with, yet the
message still wakes it, is dispatched, and is followed by an idle event; on a programme form
(190 widgets) that is 400 messages a key. The tests' pilot posts only to the app, the screen
and the widgets that are not so waiting (a message queued, or one being dealt with), and so
waits for exactly what Textual's waits for: the UI tests, 297 s -> 279 s of CPU (2026-11-30,
two pairs, `pytest tests/ui`).

**Handlers looked up once per class.** For every message (and for the idle event after
each), Textual walks the receiving widget's class hierarchy, often twenty classes, looking in
each for a handler by name and for `@on` handlers of the message's classes. What it finds
depends on the three classes only (the widget's, the message's, the handler's name): a
test keeps it (each test looks up afresh, as one may patch a class's handler), and what
depends on the message itself (whether it was stopped; for an `@on` handler with a
selector, whose message it is) is still checked each time, as Textual checks it. The UI
tests, 280 s -> 271 s of CPU (2026-11-30, two pairs; kept for the whole process instead,
285 s -> 273 s, but a test that patched a handler then failed a later one).
test_textual_compat.py checks that both find the same handlers for the app's widgets and
messages.

Only under the tests (`install`, from tests/ui/conftest.py); a real terminal's app is
untouched. These are Textual's private names, the only ones the tests use:
`tests/ui/test_textual_compat.py` checks they are still what this module expects, so a new
Textual that changes them fails loudly, not silently slower or wrong.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any

from textual.app import App
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.match import match
from textual.message import Message
from textual._on import OnNoWidget
from textual.message_pump import MessagePump
from textual.pilot import Pilot, WaitForScreenTimeout
from textual.screen import Screen
from textual.widget import Widget

# what Textual's own refresh does and this module does too, but the drawing: checked against
# Textual's source by test_textual_compat.py
REFRESH_STEPS = ("render_update", "_dirty_widgets.clear()", "_dirty_regions.clear()", "_update_mouse_over",
                 "_background_screens")
# the parameters of Stylesheet._parse_rules, which reads no state of its stylesheet but the
# variables (through _variable_tokens) and its own cache
PARSE_PARAMETERS = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]

_draw_frame = Screen._compositor_refresh
_run_test = App.run_test
_parse_rules = Stylesheet._parse_rules
_wait_for_screen = Pilot._wait_for_screen
_get_dispatch_methods = MessagePump._get_dispatch_methods
# per (widget class, handler name, message class): the classes of the widget's hierarchy that
# have a handler, each with its `@on` handlers for the message (and their selectors) and its
# handler by name
_Plan = list[tuple[type, list[tuple[Callable[..., Any], dict[str, Any]]], Callable[..., Any] | None]]
_dispatch_plans: dict[tuple[type, str, type], _Plan] = {}
# what Textual's pilot waits for, checked against its source by test_textual_compat.py: a
# message to the app and to each node on the screen, counted down as each is dealt with
WAIT_STEPS = ("[self.app, *screen.walk_children(with_self=True)]", "child.call_later(decrement_counter)",
              "self.app._exception_event.wait()")
_parsed: dict[tuple[Any, ...], list[RuleSet]] = {}


def _refresh_without_a_frame(screen: Screen[Any]) -> None:
    app = screen.app
    if not app.is_headless or app.is_inline or screen is not app.screen:
        _draw_frame(screen)  # (a screen under a modal passes its dirty regions up: as Textual does)
        return
    screen._dirty_widgets.clear()
    screen._compositor._dirty_regions.clear()
    app._update_mouse_over(screen)


def draw_in_full(app: App[Any]) -> None:
    """Render every widget on show, as a terminal's first frame of the screen would."""
    app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


@asynccontextmanager
async def _run_test_drawn_at_the_end(app: App[Any], *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[Any]]:
    async with _run_test(app, *args, **kwargs) as pilot:
        yield pilot
        if app.return_code is None and app.screen_stack:  # (not when the test quit the app)
            await pilot.pause()
            draw_in_full(app)


def _parse_rules_once(sheet: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                      tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
    # the parsed rules are only read afterwards (matched, their declarations copied out), as
    # Textual's own cache shares them between the parses of one stylesheet
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(sheet._variables.items())))
    rules = _parsed.get(key)
    if rules is None:
        rules = _parsed[key] = _parse_rules(sheet, css, read_from, is_default_rules, tie_breaker, scope)
    return rules


def _waiting_for_a_message(pump: MessagePump) -> bool:
    """Nothing queued, nothing being dealt with: the pump's loop waits on its queue's event
    (textual/_queue.py; a waiter still in the list but done has just been woken)."""
    queue = pump._message_queue
    return (queue.empty() and pump._pending_message is None
            and any(not waiter.done() for waiter in queue.ready_event._waiters))  # type: ignore[attr-defined]


async def _wait_for_busy_widgets(pilot: Pilot[Any], timeout: float = 30.0) -> bool:
    """Textual's `Pilot._wait_for_screen`, posting only to the app, the screen and the
    widgets not waiting for a message (the module's docstring says why)."""
    app = pilot.app
    try:
        screen = app.screen
    except Exception:  # (as Textual's: no screen yet, or none left)
        return False
    pending = 0
    all_answered = asyncio.Event()

    def answered() -> None:
        nonlocal pending
        pending -= 1
        if pending == 0:
            all_answered.set()

    for node in screen.walk_children(with_self=True):
        if (node is screen or not _waiting_for_a_message(node)) and node.call_later(answered):
            pending += 1
    if app.call_later(answered):
        pending += 1
    if not pending:
        return True
    waits = [asyncio.create_task(all_answered.wait()), asyncio.create_task(app._exception_event.wait())]
    _, unfinished = await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    for wait in unfinished:
        wait.cancel()
    if len(unfinished) == len(waits):
        raise WaitForScreenTimeout("Timed out while waiting for widgets to process pending messages.")
    return pending == 0


def _dispatch_plan(pump_class: type, method_name: str, message_class: type) -> _Plan:
    key = (pump_class, method_name, message_class)
    plan = _dispatch_plans.get(key)
    if plan is None:
        message_classes = [c for c in message_class.__mro__ if issubclass(c, Message)]
        plan = []
        for cls in pump_class.__mro__:  # (what Textual's loop looks at, class by class)
            decorated = cls.__dict__.get("_decorated_handlers") or {}
            handlers = [handler for c in message_classes for handler in decorated.get(c, [])]
            method = cls.__dict__.get(f"_{method_name}") or cls.__dict__.get(method_name)
            if method is not None and getattr(method, "_textual_on", None):
                method = None
            if handlers or method is not None:
                plan.append((cls, handlers, method))
        _dispatch_plans[key] = plan
    return plan


def forget_handlers() -> None:
    """Look every handler up again: a test that patches a class's handler must see its
    patch, and the tests after it the class as it was (tests/ui/conftest.py, each test)."""
    _dispatch_plans.clear()


def _get_dispatch_methods_planned(self: MessagePump, method_name: str,
                                  message: Message) -> Iterator[tuple[type, Callable[..., Any]]]:
    """Textual's `MessagePump._get_dispatch_methods` over the classes `_dispatch_plan` kept:
    the same handlers in the same order (a class with none yields nothing there either)."""
    dispatched: set[Callable[..., Any]] = set()
    for cls, handlers, method in _dispatch_plan(self.__class__, method_name, message.__class__):
        if message._no_default_action:
            break
        for handler, selectors in handlers:
            if handler in dispatched:
                continue
            if selectors:
                if not message._sender:
                    continue
                for attribute, selector in selectors.items():
                    node = getattr(message, attribute)
                    if node is None:
                        break
                    if not isinstance(node, Widget):
                        raise OnNoWidget(f"on decorator can't match against {attribute!r} as it is not a widget.")
                    if not match(selector, node):
                        break
                else:
                    yield cls, handler.__get__(self, cls)
                    dispatched.add(handler)
            else:
                yield cls, handler.__get__(self, cls)
                dispatched.add(handler)
        if method is not None:
            yield cls, method.__get__(self, cls)


def install() -> None:
    Screen._compositor_refresh = _refresh_without_a_frame  # type: ignore[method-assign]
    App.run_test = _run_test_drawn_at_the_end  # type: ignore[method-assign,assignment]
    Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign,assignment]
    Pilot._wait_for_screen = _wait_for_busy_widgets  # type: ignore[method-assign,assignment]
    MessagePump._get_dispatch_methods = _get_dispatch_methods_planned  # type: ignore[method-assign,assignment]
