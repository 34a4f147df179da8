"""Every stylesheet of the app, given to Textual once, as the app starts.

The app's own rules are in `app.tcss`, each screen's in a `.tcss` file beside its module
(`screens/pillar.tcss`), read through the loader (the one-file build has no files on disk:
resources.py). A screen class holds no `CSS` of its own. Textual would add a screen's `CSS`
to the app's stylesheet the first time that screen is shown, after the rules already there:
of two rules as specific as each other the later one wins, so which of two screens' rules
won depended on the order in which the officer first opened the screens. Here the order is
the same every time: the app's rules, then the screens' in SCREEN_SHEETS's order. (Speed is
unchanged within this machine's noise: a screen's first showing no longer styles the
screens under it again, but those are small; benchmarks/bench_screens.py, 2026-11-30.)
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from ..resources import beside, stylesheet

APP_SHEET = "app.tcss"
# every screen's stylesheet, beside its module (a test checks none is left out)
SCREEN_SHEETS = (
    "screens/dashboard.tcss",
    "screens/pillar.tcss",
    "screens/programme_form.tcss",
    "screens/book_forms.tcss",
    "screens/code_picker.tcss",
    "screens/period_confirm.tcss",
    "screens/plan_info.tcss",
    "screens/roadmap.tcss",
    "screens/document.tcss",
    "screens/search.tcss",
    "screens/findings.tcss",
    "screens/export.tcss",
    "screens/import_sheet.tcss",
    "screens/merge.tcss",
    "screens/conflicts.tcss",
)


def app_css() -> str:
    """The app's own rules: SmartCityApp.CSS."""
    return stylesheet(globals(), APP_SHEET)


def add_screen_sheets(app: App[Any]) -> None:
    """Give the app's stylesheet every screen's rules, after the app's own (called when the
    app is mounted, before any screen of ours is): each under its file's path, so that a
    mistake in one is reported with its file and line."""
    sheet = app.stylesheet
    for name in SCREEN_SHEETS:
        sheet.add_source(stylesheet(globals(), name), read_from=(beside(__file__, name), ""), is_default_css=False)
    sheet.reparse()
    sheet.update(app)  # (the app and Textual's first, empty screen: the only widgets yet)
