"""Going to a record from anywhere (a search result, a roadmap row): open the screen it lives
on and put the cursor on it. A SWOT item lands in its quadrant, a strategy in the strategies
view, a programme in the programmes view; an indicator or milestone lands on its programme;
a readiness row or a fact of the plan lands on the plan screen.

The plan screens keep the stack shallow the way the pillar keys do: the dashboard at the
bottom, at most one plan screen above it (the next one takes its place), so escape always
leads back to the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from ..i18n import t
from ..model.records import PlanInfo, PlanTarget, Readiness

if TYPE_CHECKING:
    from .app import SmartCityApp


def on_dashboard(app: App[Any]) -> bool:
    return app.is_screen_installed("dashboard") and app.screen is app.get_screen("dashboard")


def show_plan_screen(app: App[Any], name: str, make: Callable[[], Screen[Any]]) -> None:
    """Bring up the plan screen installed as `name` (made on first use)."""
    if not app.is_screen_installed(name):
        app.install_screen(make(), name)
    if app.screen is app.get_screen(name):
        return
    if on_dashboard(app):
        app.push_screen(name)
    else:
        app.switch_screen(name)


def jump(app: SmartCityApp, record_id: str, field: str = "") -> bool:
    """Open the record's screen and select it there; False (with a note) when it is gone."""
    plan = app.plan
    record = plan.info if record_id == plan.id else plan.get(record_id)
    if isinstance(record, (PlanInfo, Readiness, PlanTarget)):
        app.action_open_plan_info()
    elif record is not None and plan.pillar_of(record):  # (outside the framework too: app.action_open_pillar)
        # The pillar screen selects it itself: a screen made just now opens on the record's
        # view (selecting after its first draw lost a race with its tab bar, which activates
        # its first tab when it mounts).
        app.pillar_screen(plan.pillar_of(record)).show_record(record_id)
        return True
    else:
        app.notify(t("search.gone"), timeout=4)
        return False
    # the plan screen may be new: select once it has been mounted and drawn
    app.call_after_refresh(_select, app, record_id, field)
    return True


def _select(app: SmartCityApp, record_id: str, field: str) -> None:
    from .screens.plan_info import PlanInfoScreen

    screen = app.screen
    if isinstance(screen, PlanInfoScreen):
        screen.select_record(record_id, field=field)
