"""Two groups fill different years of one indicator's targets (QA, a workshop round: the
secretariat could only pick one group's table, and the other group's year was lost). The
conflicts screen offers the table with every year filled in; choosing it loses no year."""

from __future__ import annotations

from exchange_support import app_on
from round_support import export, laptop, merge
from ui_support import fixed_clock

from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.conflicts import ConflictsScreen


def _indicator(store: PlanStore):
    return next(i for i in store.plan().records.values() if type(i).__name__ == "Indicator" and i.targets)


def _round(tmp_path, second: dict[int, float]):
    """The secretariat's plan after two groups set targets of the same indicator."""
    sec = laptop(tmp_path / "sekretariat", "Sekretariat")
    with PlanStore.open(sec, clock=fixed_clock) as store:
        ind = _indicator(store)
        base = dict(ind.targets)
    bundles = []
    for team, targets in (("Pokja A", {**base, 2028: 111.0}), ("Pokja B", {**base, **second})):
        plan = laptop(tmp_path / team, team)
        with PlanStore.open(plan, clock=fixed_clock) as store:
            store.update(ind.id, targets=targets)
        bundles.append(export(plan, tmp_path / "flashdisk" / team))
    merge(sec, bundles)
    return sec, ind.id, base


async def test_targets_of_different_years_are_combined_on_the_conflicts_screen(tmp_path):
    sec, ind_id, base = _round(tmp_path, {2029: 222.0})
    app, store = app_on(sec)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("k")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        assert ind_id in {c.id for c in screen.conflicts}, "the two tables are a conflict"
        while screen.conflict.id != ind_id:
            await pilot.press("n")
        combine = [i for i, row in enumerate(screen.rows) if row.choice == "combine"]
        assert len(combine) == 1, "one choice combines the years"
        screen.query_one("#conflict-values").highlighted = combine[0]
        await pilot.press("enter")
        await pilot.pause()
        assert ind_id not in {c.id for c in screen.conflicts}
    with PlanStore.open(sec, clock=fixed_clock) as after:
        targets = after.get(ind_id).targets
    assert targets[2028] == 111 and targets[2029] == 222, targets
    assert all(targets[year] == value for year, value in base.items())
    store.close()


async def test_one_year_two_values_is_not_combined(tmp_path):
    sec, ind_id, _base = _round(tmp_path, {2028: 999.0})  # the same year, another value
    app, store = app_on(sec)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("k")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen) and ind_id in {c.id for c in screen.conflicts}
        while screen.conflict.id != ind_id:
            await pilot.press("n")
        assert not [row for row in screen.rows if row.choice == "combine"], "a real disagreement: choose"
    store.close()
