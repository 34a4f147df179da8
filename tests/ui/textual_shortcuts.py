"""Two shortcuts the app's tests take through Textual: work a test never looks at, or that a
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

Only under the tests (`install`, from tests/ui/conftest.py); a real terminal's app is
untouched. These are Textual's private names, the only ones the tests use:
`tests/ui/test_textual_compat.py` checks they are still what this module expects, so a new
Textual that changes them fails loudly, not silently slower or wrong.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.app import App
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot
from textual.screen import Screen

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


def install() -> None:
    Screen._compositor_refresh = _refresh_without_a_frame  # type: ignore[method-assign]
    App.run_test = _run_test_drawn_at_the_end  # type: ignore[method-assign,assignment]
    Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign,assignment]
