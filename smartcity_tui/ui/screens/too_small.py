"""Under 80x24 the app's footers and titles are cut: instead of a cut screen the officer sees
what size it needs, and the screen comes back, as it was, once the window is big enough
(a bigger window, or a smaller font: Ctrl+- in Windows Terminal).

A notice laid over the screen on show (its own layer, the whole screen), put there and taken
away by `fit` on each resize and whenever a screen comes on show; nothing under it changes.
While it is shown, key presses other than quitting are not run (app.py): a key typed at a
screen one cannot read would act unseen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Static

from ...i18n import t

if TYPE_CHECKING:
    from ..app import SmartCityApp

MIN_WIDTH, MIN_HEIGHT = 80, 24
NOTICE_ID = "too-small"


class TooSmallNotice(Static):
    DEFAULT_CSS = """
    TooSmallNotice {
        layer: too-small; dock: top; width: 100%; height: 100%;
        background: $background; color: $text; content-align: center middle; text-align: center;
        padding: 0 1;
    }
    """


def too_small(app: SmartCityApp) -> bool:
    size = app.size
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


def unseen(app: SmartCityApp, key: events.Key) -> bool:
    """A key typed under the notice: not run (it would act on a screen nobody can read), but
    quitting."""
    return too_small(app) and key.key not in ("q", "ctrl+q")


def _notice(screen: Screen[object]) -> TooSmallNotice | None:
    try:
        return screen.query_one(f"#{NOTICE_ID}", TooSmallNotice)
    except NoMatches:
        return None


def fit(app: SmartCityApp) -> None:
    """The notice on the screen on show while the terminal is under 80x24; none once it is not."""
    if not app.is_running or not app.screen_stack:
        return
    if too_small(app):
        size = app.size
        text = t("ui.too_small", width=size.width, height=size.height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT)
        screen = app.screen
        notice = _notice(screen)
        if notice is None:
            # a layer of its own above the screen's (kept, so the screen's layers stay as they were)
            layers = tuple(screen.styles.layers) or ("default",)
            if "too-small" not in layers:
                screen.styles.layers = cast("tuple[str]", (*layers, "too-small"))  # (typed as one name)
            screen.mount(TooSmallNotice(text, id=NOTICE_ID, markup=False))
        else:
            notice.update(text)
        return
    for screen in app.screen_stack:
        notice = _notice(screen)
        if notice is not None:
            notice.remove()
