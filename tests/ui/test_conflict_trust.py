"""The conflicts screen never loses a value nor leaves an orphan (issue 10 #3 and #4):
- the cursor starts on the value the plan shows, so enter alone keeps what is shown;
- ctrl+z after a decision brings the conflict back on the screen, with every value; ctrl+y
  decides again;
- an indicator edited by one group while another deleted its programme offers what can be
  done (bring the programme back, or let the indicator go), says whose delete it was, and
  ends with a plan `validate` accepts;
- the typed-value form stays open with the value when its save fails."""

from __future__ import annotations

import errno

import pytest
from exchange_support import app_on, copy_sample_plan, merge_samples, settle, shown_text
from round_support import export, laptop, merge, programme
from textual.widgets import Input, OptionList
from ui_support import resize, until

from smartcity_tui.bundle.merge_conflicts import list_conflicts
from smartcity_tui.model.validation import ERROR, validate
from smartcity_tui.store import PlanStore, storage
from smartcity_tui.ui.screens.conflict_edit import ConflictEditForm
from smartcity_tui.ui.screens.conflicts import ConflictsScreen

EDITED = "Persentase desa terlayani (diubah Pokja Ekonomi)"
ECONOMY_NAME = "Wifi Desa Bersahabat di 400 titik pasar dan balai desa"
LIVING_NAME = "Wifi Desa Bersahabat di 400 titik dan semua puskesmas"


@pytest.fixture
def merged_plan(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    merge_samples(plan)
    return plan


async def open_conflict(pilot, code: str) -> ConflictsScreen:
    await pilot.press("k")
    screen = pilot.app.screen
    assert isinstance(screen, ConflictsScreen)
    for _ in range(len(screen.conflicts)):
        if screen.conflict.title.startswith(code):
            return screen
        await pilot.press("n")
    raise AssertionError(f"no conflict on {code}")


async def test_enter_keeps_the_value_shown(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_conflict(pilot, "SOC-01")
        record_id = screen.conflict.id
        shown = store.get(record_id).name
        values = screen.query_one("#conflict-values", OptionList)
        row = screen.rows[values.highlighted]
        assert row.written is not None and row.written.shown and row.written.value == shown
        await pilot.press("enter")
        await settle(pilot)
        assert store.get(record_id).name == shown, "enter changed what the plan shows"
        assert not store.state(record_id).has_conflict()
    store.close()


async def test_undo_of_a_decision_shows_the_conflict_again_and_redo_decides_again(merged_plan):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_conflict(pilot, "SOC-01")
        record_id = screen.conflict.id
        before = shown_text(app, "#conflict-values")
        await pilot.press("t")  # take theirs
        await settle(pilot)
        assert record_id not in [c.id for c in screen.conflicts]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert screen.conflict is not None and screen.conflict.id == record_id, "the conflict is back on the screen"
        assert len(screen.conflicts) == 2 and "Konflik" in shown_text(app, "#where")
        again = shown_text(app, "#conflict-values")
        for name in (ECONOMY_NAME, LIVING_NAME):
            assert name in before and name in again, "every value is back"
        for team in ("Pokja Smart Economy", "Pokja Smart Living"):
            assert team in again, "each value still names the team that wrote it"
        assert again.count("○") + again.count("●") == before.count("○") + before.count("●")
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert record_id not in [c.id for c in screen.conflicts]
        assert not store.state(record_id).has_conflict()
    store.close()


@pytest.fixture
def orphan_round(tmp_path):
    """Pokja Ekonomi edits an indicator of GOV-02 while Pokja Tata Kelola deletes GOV-02 (with
    its indicators and milestones); the secretariat merges both drafts."""
    economy = laptop(tmp_path / "ekonomi", "Pokja Ekonomi")
    governance = laptop(tmp_path / "tata-kelola", "Pokja Tata Kelola")
    with PlanStore.open(economy) as store:
        indicator = store.plan().indicators_of(programme(store, "GOV-02").id)[0]
        store.update(indicator.id, name=EDITED)
    with PlanStore.open(governance) as store:
        store.delete(programme(store, "GOV-02").id)
    secretariat = laptop(tmp_path / "sekretariat")
    merge(secretariat, [export(economy, tmp_path / "flashdisk"), export(governance, tmp_path / "flashdisk")])
    return secretariat, indicator.id


def errors(plan_path) -> list[str]:
    with PlanStore.open(plan_path, readonly=True) as store:
        return [f.code for f in validate(store.plan()) if f.severity == ERROR]


async def test_an_indicator_of_a_deleted_programme_brings_the_programme_back(orphan_round):
    plan, indicator_id = orphan_round
    app, store = app_on(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_conflict(pilot, EDITED[:20])
        assert screen.conflict.parent_deleted
        head = shown_text(app, "#conflict-record")
        assert "Pokja Tata Kelola menghapus program GOV-02" in head, head
        assert "Pokja Ekonomi" in head
        choices = shown_text(app, "#conflict-values")
        assert "Kembalikan program GOV-02" in choices and "Relakan indikator ini" in choices
        await pilot.press("k")
        await settle(pilot)
        assert not screen.conflicts and "Tidak ada konflik" in shown_text(app, "#conflict-record")
        gov02 = programme(store, "GOV-02")
        indicators = store.plan().indicators_of(gov02.id)
        assert EDITED in [i.name for i in indicators], "the edit is kept, in its programme"
        assert len(indicators) == 2 and len(store.plan().milestones_of(gov02.id)) == 4, \
            "the programme's other children came back with it"
    store.close()
    assert errors(plan) == []


async def test_an_indicator_of_a_deleted_programme_can_be_let_go(orphan_round):
    plan, indicator_id = orphan_round
    app, store = app_on(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_conflict(pilot, EDITED[:20])
        await pilot.press("d")
        await settle(pilot)
        assert not screen.conflicts and "Tidak ada konflik" in shown_text(app, "#conflict-record")
        assert store.get(indicator_id) is None
        assert not [p for p in store.plan().programmes if p.code == "GOV-02"]
        assert not list_conflicts(store)
    store.close()
    assert errors(plan) == []


async def test_the_typed_value_form_stays_open_when_its_save_fails(merged_plan, monkeypatch):
    app, store = app_on(merged_plan)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_conflict(pilot, "SOC-01")
        record_id = screen.conflict.id
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ConflictEditForm)
        field = form.query_one("#value", Input)
        field.value = "Wifi Desa Bersahabat: nama yang disepakati"

        def no_space(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(storage, "atomic_write_parts", no_space)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and field.value == "Wifi Desa Bersahabat: nama yang disepakati"
        assert "TIDAK tersimpan" in str(form.query_one("#save-error").render())
        assert store.state(record_id).has_conflict()
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert store.get(record_id).name == "Wifi Desa Bersahabat: nama yang disepakati"
        assert not store.state(record_id).has_conflict()
    store.close()


async def test_at_80_columns_the_dashboard_says_the_conflicts_and_the_team_whole(merged_plan):
    """QA at 80x24: "Konflik belum diselesaikan: 2 · Tim: Sekre…" cut the team's name; where
    the long line has no room, a shorter one keeps both; at 120 columns the long one."""
    app, store = app_on(merged_plan)
    team = store.team
    n = len(store.conflicts())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        facts = str(app.screen.query_one("#facts").render())
        assert facts.endswith(f"Konflik: {n} · Tim: {team}"), facts
        await resize(pilot, 120, 30)
        long_line = f"Konflik belum diselesaikan: {n} · Tim: {team}"
        await until(pilot, lambda: long_line in str(app.screen.query_one("#facts").render()),
                    "the long line at 120 columns", detail=lambda: str(app.screen.query_one("#facts").render()))
