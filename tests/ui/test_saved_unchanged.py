"""A form saved without changes writes nothing, so it can never make a conflict (issue 10 #1).

The programme form renumbered every indicator's `order` from 0 on save (the sample's GOV-02
indicators, 31 and 32, became 0 and 1), so two groups who merely opened and saved the same
programme got a conflict "0 / 0". The issue's test, through the app: two copies of the sample;
in each, every kind of form opened and saved unchanged; both exported; both merged into a
third copy: no conflict, and the third copy byte-identical to the sample apart from what the
merge must record.

The two laptops share the forms between them (each form is saved unchanged on one of them,
the programmes on the other): each laptop's file is checked byte-identical afterwards, so no
form writes anything anywhere, and walking every form twice only doubled the test's time."""

from __future__ import annotations

import json

import pytest
from exchange_support import SAMPLE_PLAN, app_on
from form_openers import OPENERS, open_form
from round_support import export, laptop, merge, programme

from smartcity_tui.bundle.merge_conflicts import list_conflicts
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens.form import SavingForm
from smartcity_tui.ui.screens.pillar import PillarScreen
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.widgets.programme_table import ProgrammeView

# besides every kind of form (form_openers.py): each governance programme (GOV-02 has the
# two indicators the issue names)
PROGRAMMES = ("GOV-01", "GOV-02", "GOV-03", "GOV-04")


async def save_forms_unchanged(plan, openers, programmes) -> None:
    app, store = app_on(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        for opener in openers:
            await open_form(pilot, opener)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, SavingForm), f"{opener.name}: the form did not close"
            await pilot.press("0")  # back to the dashboard for the next one
        for code in programmes:
            await pilot.press("1", "p")
            app.screen.query_one(ProgrammeView).select(programme(store, code).id)
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ProgrammeForm) and app.screen.programme.code == code
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, PillarScreen)
            await pilot.press("0")
        assert not store.journal.can_undo, "a form saved unchanged made an edit"
    store.close()


def meta_line(lines: list[bytes]) -> int:
    """The line of the plan's own meta (one document per line: store/storage.py)."""
    return next(i for i, line in enumerate(lines) if b'"plan_id"' in line and b'"counter"' in line)


@pytest.mark.long(66)
async def test_forms_saved_unchanged_on_two_laptops_merge_without_a_conflict(tmp_path):
    economy = laptop(tmp_path / "ekonomi", "Pokja Ekonomi")
    environment = laptop(tmp_path / "lingkungan", "Pokja Lingkungan")
    edits = [o for o in OPENERS if o.edits]  # (a new record's form saved empty is refused)
    for plan, openers, programmes in ((economy, edits, ()), (environment, (), PROGRAMMES)):
        before = plan.read_bytes()
        await save_forms_unchanged(plan, openers, programmes)
        assert plan.read_bytes() == before, "saving forms unchanged wrote to the plan file"
    flash = tmp_path / "flashdisk"
    secretariat = laptop(tmp_path / "sekretariat")
    merge(secretariat, [export(economy, flash), export(environment, flash)])

    with PlanStore.open(secretariat, readonly=True) as store:
        assert list_conflicts(store) == []
        own_replica = store.replica_id
    with PlanStore.open(economy, readonly=True) as a, PlanStore.open(environment, readonly=True) as b:
        replicas = {a.replica_id: "Pokja Ekonomi", b.replica_id: "Pokja Lingkungan"}

    sample, merged = SAMPLE_PLAN.read_bytes(), secretariat.read_bytes()
    # What the merge records, and nothing else: in the plan's meta, the teams table (which
    # replica writes for which group, for the conflict list: the two groups, and the sample's
    # own writer), and the replica of the secretariat's session that wrote it (a fresh id, its
    # home, its counter at 0: it wrote no record). Every record is byte for byte the sample's.
    old_lines, new_lines = sample.splitlines(), merged.splitlines()
    at = meta_line(old_lines)
    assert meta_line(new_lines) == at and len(new_lines) == len(old_lines)
    assert [ln for i, ln in enumerate(new_lines) if i != at] == [ln for i, ln in enumerate(old_lines) if i != at]
    old_meta = json.loads(sample)["_meta"]["1"]
    new_meta = json.loads(merged)["_meta"]["1"]
    assert new_meta.pop("teams") == {**replicas, old_meta["replica"]["id"]: old_meta["team"]}
    assert new_meta.pop("replica")["id"] == own_replica != old_meta.pop("replica")["id"]
    assert new_meta.pop("counter") == 0 and old_meta.pop("counter") > 0
    assert new_meta == old_meta
