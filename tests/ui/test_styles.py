"""Where the app's CSS lives (ui/styles.py): every screen's .tcss is given to Textual when the
app starts, in one fixed order, and no screen class carries CSS that Textual would add later,
after the rest, the first time the screen is shown."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.screen import Screen
from ui_support import until

import smartcity_tui.ui.screens as screens_package
from smartcity_tui.ui import styles
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.pillar import PillarScreen

UI = Path(styles.__file__).parent


def _our_screen_classes() -> list[type[Screen]]:
    for info in pkgutil.iter_modules(screens_package.__path__):
        importlib.import_module(f"{screens_package.__name__}.{info.name}")
    found, todo = [], [Screen]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("smartcity_tui."):
                found.append(sub)
    return found


def test_every_screen_stylesheet_is_listed_once():
    on_disk = sorted(str(p.relative_to(UI).as_posix()) for p in (UI / "screens").glob("*.tcss"))
    assert sorted(styles.SCREEN_SHEETS) == on_disk
    assert len(set(styles.SCREEN_SHEETS)) == len(styles.SCREEN_SHEETS)


def test_no_screen_class_carries_css_of_its_own():
    screens = _our_screen_classes()
    carrying = [cls.__qualname__ for cls in screens if cls.__dict__.get("CSS")]
    assert len(screens) > 10
    assert carrying == [], f"move their rules to a .tcss beside the screen (ui/styles.py): {carrying}"


async def test_the_screens_rules_are_there_before_any_screen_is_shown_and_come_after_the_apps(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the dashboard")
        sources = list(app.stylesheet.source)
        files = [Path(path).name for path, _ in sources if path.endswith(".tcss")]
        assert files == [Path(name).name for name in styles.SCREEN_SHEETS]
        app_css = sources.index(next(s for s in sources if s[1] == "SmartCityApp.CSS"))
        first_sheet = sources.index(next(s for s in sources if s[0].endswith(".tcss")))
        assert app_css < first_sheet
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen), "the pillar screen")
        # showing a screen added no rules: nothing was parsed again, nothing reordered
        assert [s for s in app.stylesheet.source if s[0].endswith(".tcss")] == [
            s for s in sources if s[0].endswith(".tcss")]
        assert not any(s[1].endswith("Screen.CSS") for s in app.stylesheet.source)
