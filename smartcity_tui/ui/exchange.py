"""Opening the exchange screens: export (x), merge (m), conflicts (k), a sheet's import
(ctrl+o). They come up over
whatever screen the officer is on, and escape leads back there; going from one of them to
another replaces it rather than piling screens up (merge hands over to conflicts so)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import SmartCityApp


def open_screen(app: SmartCityApp, name: str) -> None:
    from .screens.conflicts import ConflictsScreen
    from .screens.export import ExportScreen
    from .screens.import_sheet import ImportScreen
    from .screens.merge import MergeScreen

    if app.store is None:
        return
    screens = {"export": ExportScreen, "merge": MergeScreen, "conflicts": ConflictsScreen, "import": ImportScreen}
    if isinstance(app.screen, screens[name]):
        return
    screen = screens[name]()
    if isinstance(app.screen, tuple(screens.values())):
        app.switch_screen(screen)
    else:
        app.push_screen(screen)
