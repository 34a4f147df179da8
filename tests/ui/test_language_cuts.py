"""English at 80x24 (issue 13, item 4): the programme table's headings each in their own
column ("HorizonYears" was two headings run together, the horizon column being sized to its
cells only), the form's remove buttons whole ("Remov"), the region named the English way."""

from __future__ import annotations

from textual.widgets import Button, DataTable

from smartcity_tui.i18n import set_language

try:
    from .test_programme_plan import FormHost, ViewHost, fixed_id, programme_plan
except ImportError:
    from test_programme_plan import FormHost, ViewHost, fixed_id, programme_plan


async def test_english_programme_headings_fit_their_columns():
    set_language("en")
    app = ViewHost(programme_plan())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#prog-table", DataTable)
        cut = {str(c.label): c.width for c in table.columns.values() if c.width <= len(str(c.label))}
        assert cut == {}, f"headings wider than their column: {cut}"
        labels = [str(c.label) for c in table.columns.values()]
        assert "Horizon" in labels and "Years" in labels and "QW" not in labels


async def test_english_remove_buttons_show_their_whole_label():
    set_language("en")
    app = FormHost(programme_plan(), fixed_id(10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        buttons = list(app.screen.query(".remove-row").results(Button))
        assert buttons, "the form has rows to remove"
        for button in buttons:
            assert str(button.label) == "Remove"
            # the label and the button's padding, one column each side
            assert button.size.width >= len("Remove") + 2, f"cut to {button.size.width} columns"


def test_the_region_is_named_in_the_language_s_order():
    from smartcity_tui.ui.screens.base import plan_title

    plan = programme_plan()
    set_language("en")
    assert plan_title(plan) == f"{plan.info.region} Regency"
    set_language("id")
    assert plan_title(plan) == f"Kabupaten {plan.info.region}"
