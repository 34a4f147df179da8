"""The programme form writes what the officer changed and nothing else (QA round 2, #2 and
#3a): funding sources stored as ["dak", "apbd"] came back in the list's order ["apbd", "dak"]
on every save, so a group that only renamed ECO-04 met, at the merge, a conflict on "Sumber
dana" with a group that added KPBU; and a target stored as 1000 came back as 1000.0."""

from __future__ import annotations

from exchange_support import app_on
from round_support import export, laptop, merge, programme

from smartcity_tui.bundle.merge_conflicts import list_conflicts
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.screens.programme_form_fields import IndicatorEditor
from smartcity_tui.ui.widgets.programme_table import ProgrammeView
from smartcity_tui.ui.widgets.ticks import SelectionList


async def edit_in_form(plan, code: str, edit) -> None:
    """Open programme `code` in the app (its pillar, `p`, `e`), let `edit` change the form, save."""
    app, store = app_on(plan)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("3", "p")
        app.screen.query_one(ProgrammeView).select(programme(store, code).id)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProgrammeForm) and form.programme.code == code
        edit(form)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PillarScreen), "the form did not close"
    store.close()


def written_fields(plan, code: str) -> set[str]:
    """The fields of programme `code` this laptop wrote (its own replica's dots)."""
    with PlanStore.open(plan, readonly=True) as store:
        state = store.state(programme(store, code).id)
        mine = {rid for rid in state.vv} - _sample_replicas()
        return {name for name, sibs in state.fields.items() if any(s.dot[0] in mine for s in sibs)}


def _sample_replicas() -> set[str]:
    from exchange_support import SAMPLE_PLAN
    with PlanStore.open(SAMPLE_PLAN, readonly=True) as store:
        return {rid for s in store.states() for rid in s.vv}


async def test_a_rename_and_a_new_funding_source_from_two_groups_merge_without_a_conflict(tmp_path):
    a = laptop(tmp_path / "a", "Pokja A")
    b = laptop(tmp_path / "b", "Pokja B")

    def rename(form: ProgrammeForm) -> None:
        name = form.query_one("#name")
        name.value += " Arabika"

    def add_kpbu(form: ProgrammeForm) -> None:
        form.query_one("#funding", SelectionList).select("kpbu")

    await edit_in_form(a, "ECO-04", rename)
    await edit_in_form(b, "ECO-04", add_kpbu)
    assert written_fields(a, "ECO-04") == {"name"}
    assert written_fields(b, "ECO-04") == {"funding_sources"}
    sek = laptop(tmp_path / "sek")
    merge(sek, [export(a, tmp_path / "flash"), export(b, tmp_path / "flash")])
    with PlanStore.open(sek, readonly=True) as store:
        assert list_conflicts(store) == []
        eco = programme(store, "ECO-04")
        assert eco.name.endswith(" Arabika")
        assert eco.funding_sources == ["dak", "apbd", "kpbu"]  # as stored, the new one after


async def test_a_target_typed_keeps_the_others_as_stored_and_comes_back_as_typed(tmp_path):
    plan = laptop(tmp_path / "a", "Pokja A")

    def set_2026(form: ProgrammeForm) -> None:
        editor = form.query(IndicatorEditor).first()
        editor.targets[2026].value = "1300"

    await edit_in_form(plan, "ECO-02", set_2026)
    with PlanStore.open(plan, readonly=True) as store:
        eco = programme(store, "ECO-02")
        indicator = min((i for i in store.plan().indicators if i.programme_id == eco.id), key=lambda i: i.order)
        assert indicator.targets == {2025: 300, 2026: 1300, 2027: 2500}
        assert [type(v) for v in indicator.targets.values()] == [int, int, int]  # not 300.0 ...
