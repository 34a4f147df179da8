"""A screen on show for the first time keeps the styles its widgets got as they were mounted
(screens/base.py tells Textual not to style them all a second time): they are the styles a
full restyle gives them, on every kind of screen, and what the officer sees is the same.
The app also passes over widgets restyled before they are mounted (`SmartCityApp.
update_styles`): the programme form, full of them, is among the screens checked."""

from __future__ import annotations

import pytest
from plan_screens_support import build_full_plan, open_app
from test_programme_plan import FormHost, fixed_id, programme_plan

from smartcity_tui.ui.screens.base import AppModal, AppScreen

ROUTES = {
    "dashboard": (),
    "pillar screen": ("1",),
    "programme form": ("1", "p", "n"),
    "help": ("1", "question_mark"),
    "search": ("slash",),
}


@pytest.mark.parametrize("route", ROUTES.values(), ids=ROUTES.keys())
async def test_a_new_screen_is_styled_as_a_full_restyle_would_style_it(tmp_path, route):
    app, store = open_app(build_full_plan(tmp_path / "rencana.json"))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*route)
            await pilot.pause()
            assert_styled_in_full(app)
    finally:
        store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_form_pushed_by_a_bare_app_is_styled_in_full(size):
    """The first screen of its class the app shows: Textual reads the screen's own CSS only
    as it pushes it (the form's centring was missing on the first try)."""
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert_styled_in_full(app)


def assert_styled_in_full(app) -> None:
    """Style the screen on show again, in full, as Textual would: no widget's rules change."""
    screen = app.screen
    assert isinstance(screen, (AppScreen, AppModal)) and screen.shown_before
    nodes = list(screen.walk_children(with_self=True))
    as_mounted = [dict(node.styles.get_rules()) for node in nodes]
    app.update_styles(screen)
    changed = [node for node, rules in zip(nodes, as_mounted, strict=True) if dict(node.styles.get_rules()) != rules]
    assert changed == [], f"styled again, these change: {changed}"
