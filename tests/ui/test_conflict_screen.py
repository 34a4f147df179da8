"""The conflicts screen (k) on the sample plan with the three groups' drafts merged in: a
programme deleted by Smart Living while Smart Environment edited it, and a programme name
that Smart Economy and Smart Living both changed. Each choice is in the plan file at once,
and the record is no longer in conflict."""

from __future__ import annotations

import pytest
from exchange_support import app_on, copy_sample_plan, merge_samples, settle, shown_text
from textual.widgets import Input
from ui_support import type_text

from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.conflicts import ConflictsScreen

ECONOMY_NAME = "Wifi Desa Bersahabat di 400 titik pasar dan balai desa"
LIVING_NAME = "Wifi Desa Bersahabat di 400 titik dan semua puskesmas"


@pytest.fixture
def merged_plan(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    merge_samples(plan)
    return plan


def by_code(store: PlanStore, code: str):
    return [p for p in store.plan().programmes_for("society") + store.plan().programmes_for("living")
            if p.code == code]


async def open_conflicts(pilot, which: str) -> ConflictsScreen:
    """k from the dashboard, then n until the conflict of programme `which` (a code) is shown."""
    app = pilot.app
    assert "Konflik: 2 · Tim:" in shown_text(app, "#facts")  # (the short facts line at 80 columns)
    await pilot.press("k")
    screen = app.screen
    assert isinstance(screen, ConflictsScreen)
    for _ in range(len(screen.conflicts)):
        if screen.conflict.title.startswith(which):
            return screen
        await pilot.press("n")
    raise AssertionError(f"no conflict on {which}")


async def test_take_theirs_settles_a_field_conflict(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_conflicts(pilot, "SOC-01")
        assert f"Konflik {screen.index + 1} dari 2" in shown_text(app, "#where")
        values = shown_text(app, "#conflict-values")
        assert ECONOMY_NAME in values and LIVING_NAME in values
        assert "Pokja Smart Economy" in values and "Pokja Smart Living" in values
        record_id = screen.conflict.id
        await pilot.press("t")
        await settle(pilot)
        assert len(screen.conflicts) == 1, "the settled record left the list"
        assert "Konflik 1 dari 1" in shown_text(app, "#where")
    store.close()
    with PlanStore.open(merged_plan, readonly=True) as after:
        assert after.get(record_id).name == LIVING_NAME
        assert not after.state(record_id).has_conflict()


async def test_keep_both_makes_two_records_in_one_undo_step(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_conflicts(pilot, "SOC-01")
        record_id = screen.conflict.id
        await pilot.press("b")
        await settle(pilot)
        names = sorted(p.name for p in by_code(store, "SOC-01"))
        assert names == sorted([ECONOMY_NAME, LIVING_NAME])
        copy = next(p for p in by_code(store, "SOC-01") if p.id != record_id)
        original = store.get(record_id)
        assert original.name == ECONOMY_NAME  # ours: the value the plan showed
        assert (copy.lead_agency, copy.budget, copy.pillar) == (original.lead_agency, original.budget, original.pillar)
        # each version is a whole programme: its targets and timeline came along
        plan = store.plan()
        for children in (plan.indicators_of, plan.milestones_of):
            assert children(record_id), "the sample programme has indicators and milestones"
            mine, theirs = children(record_id), children(copy.id)
            assert [c.replace(id="", programme_id="") for c in theirs] == \
                [c.replace(id="", programme_id="") for c in mine]
            assert not {c.id for c in mine} & {c.id for c in theirs}
    store.close()
    with PlanStore.open(merged_plan, readonly=True) as after:
        assert sorted(p.name for p in by_code(after, "SOC-01")) == sorted([ECONOMY_NAME, LIVING_NAME])
        assert not after.state(record_id).has_conflict()
        assert not after.state(copy.id).has_conflict()


async def test_keep_both_is_undone_in_one_step(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_conflicts(pilot, "SOC-01")
        await pilot.press("b")
        await settle(pilot)
        assert len(by_code(store, "SOC-01")) == 2
        before = (len(store.plan().indicators), len(store.plan().milestones))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert len(by_code(store, "SOC-01")) == 1
        (original,) = by_code(store, "SOC-01")
        children = (len(store.plan().indicators_of(original.id)), len(store.plan().milestones_of(original.id)))
        assert (len(store.plan().indicators), len(store.plan().milestones)) == \
            (before[0] - children[0], before[1] - children[1]), "the copies went with the undo"
    store.close()


async def test_keep_a_record_deleted_while_another_team_edited_it(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_conflicts(pilot, "LIV-04")
        head = shown_text(app, "#conflict-record")
        assert "Pokja Smart Living menghapus" in head and "Pokja Smart Environment" in head
        record_id = screen.conflict.id
        edited = store.state(record_id).value("description")
        await pilot.press("k")
        await settle(pilot)
        assert all(c.id != record_id for c in screen.conflicts)
    store.close()
    with PlanStore.open(merged_plan, readonly=True) as after:
        kept = after.get(record_id)
        assert kept is not None and kept.description == edited
        assert not after.state(record_id).has_conflict()


async def test_delete_it_after_all(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_conflicts(pilot, "LIV-04")
        record_id = screen.conflict.id
        await pilot.press("d")
        await settle(pilot)
    store.close()
    with PlanStore.open(merged_plan, readonly=True) as after:
        assert after.get(record_id) is None
        assert not after.state(record_id).has_conflict()


async def test_edit_types_the_value_and_every_conflict_settled_is_said(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_conflicts(pilot, "SOC-01")
        record_id = screen.conflict.id
        await pilot.press("e")
        field = app.screen.query_one("#value", Input)
        assert field.value in (ECONOMY_NAME, LIVING_NAME)
        field.value = ""
        await type_text(pilot, "Wifi Desa di pasar, balai desa dan puskesmas")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.get(record_id).name == "Wifi Desa di pasar, balai desa dan puskesmas"
        await pilot.press("k")  # the last one: keep the deleted programme
        await settle(pilot)
        assert screen.conflicts == []
        assert "Tidak ada konflik penggabungan yang belum diselesaikan" in shown_text(app, "#conflict-record")
        await pilot.press("escape")
        assert "Konflik" not in shown_text(app, "#facts")  # said only while there are some
    store.close()


def three_way_conflict(tmp_path):
    """Our plan and two other groups' copies all changed one SWOT text: three values, one ours."""
    import shutil
    from types import SimpleNamespace

    from ui_support import fixed_clock

    from smartcity_tui.bundle.merge import apply
    from smartcity_tui.model.records import PlanInfo, SwotItem

    ours = tmp_path / "ours" / "rencana.json"
    ours.parent.mkdir()
    with PlanStore.create(ours, PlanInfo(region="Sukamaju"), team="Sekretariat", clock=fixed_clock) as s:
        item = s.add(SwotItem(pillar="economy", quadrant="S", text="Pasar desa ramai"))
    drafts = []
    for team, text in (("Pokja Ekonomi", "Pasar desa ramai tiap pekan"), ("Pokja Sosial", "Pasar desa jadi pusat warga")):
        copy = tmp_path / team.replace(" ", "-") / "rencana.json"
        copy.parent.mkdir()
        shutil.copyfile(ours, copy)
        with PlanStore.open(copy, clock=fixed_clock) as s:  # a copy elsewhere writes as a new replica
            s.update(item.id, text=text)
            drafts.append(SimpleNamespace(path=copy, plan_id=s.plan_id, replica_id=s.replica_id, team=team,
                                          states=s.states()))
    with PlanStore.open(ours, clock=fixed_clock) as s:
        s.update(item.id, text="Pasar desa ramai dan bersih")
        apply(s, drafts)
        assert len(s.state(item.id).field_conflicts()["text"]) == 3
    return ours, item.id


async def test_take_theirs_asks_which_when_two_other_teams_wrote_it(tmp_path):
    from smartcity_tui.ui.screens.picker import ChoicePicker

    plan, item_id = three_way_conflict(tmp_path)
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        values = shown_text(app, "#conflict-values")
        assert "Teks: 3 nilai" in values and "versi laptop ini" in values
        await pilot.press("t")
        assert isinstance(app.screen, ChoicePicker)
        labels = [label for _k, label in app.screen.choices]
        assert sorted(label.rpartition(" (")[2] for label in labels) == ["Pokja Ekonomi)", "Pokja Sosial)"]
        social = next(i for i, label in enumerate(labels) if "Pokja Sosial" in label)
        await pilot.press(*["down"] * social, "enter")
        await settle(pilot)
        assert store.get(item_id).text == "Pasar desa jadi pusat warga"
        assert not store.state(item_id).has_conflict()
    store.close()


async def test_keep_mine_keeps_the_value_this_plan_file_wrote(tmp_path):
    plan, item_id = three_way_conflict(tmp_path)
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k", "k")  # open the screen, keep ours
        await settle(pilot)
    store.close()
    with PlanStore.open(plan, readonly=True) as after:
        assert after.get(item_id).text == "Pasar desa ramai dan bersih"
        assert after.conflicts() == []


async def test_switching_language_stays_on_the_same_conflict(merged_plan):
    from smartcity_tui.i18n import set_language

    app, store = app_on(merged_plan)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_conflicts(pilot, "SOC-01")
            index = screen.index
            await pilot.press("f4")
            await settle(pilot)
            assert app.screen is screen and screen.conflict.title.startswith("SOC-01")
            assert f"Conflict {index + 1} of 2" in shown_text(app, "#where")
            assert "Name: 2 values" in shown_text(app, "#conflict-values")
    finally:
        set_language("id")
    store.close()
