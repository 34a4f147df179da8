"""QA round #9, on the conflicts screen: Pokja Smart Economy deleted ECO-04 while Pokja Smart
Living renamed it and added a milestone to it. The programme's delete choice says, before the
officer decides, that the milestone is asked about next; the merge's summary says the decision
that may follow; and once ECO-04 is deleted, the milestone's conflict names Pokja Smart
Economy as the deleter, not the secretariat whose decision it was."""

from __future__ import annotations

from io import StringIO

import pytest
from exchange_support import app_on, settle, shown_text
from rich.console import Console
from round_support import export, laptop, merge, programme
from ui_support import fixed_clock, screen_text

from smartcity_tui.bundle import read_bundle
from smartcity_tui.bundle.merge import apply
from smartcity_tui.bundle.merge_conflicts import Conflict, Written, list_conflicts
from smartcity_tui.model.records import Milestone
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.screens import conflict_resolve as resolve
from smartcity_tui.ui.screens.conflicts import ConflictsScreen
from smartcity_tui.ui.screens.merge_preview import report_view

RENAMED = "Gudang SRG Kopi dan Kakao"
MILESTONE = "Uji coba gudang SRG bersama koperasi"
SAID = "Hapus program ini; 1 tonggak yang ditambahkan Pokja Smart Living di dalamnya lalu ditanyakan tersendiri"


def _drafts(tmp_path, *, add_first: bool = False) -> list:
    """The three groups' bundles: Economy deletes ECO-04; Living renames it and adds a milestone
    (`add_first`: the milestone before the name); Environment edits a programme of its own."""
    economy = laptop(tmp_path / "ekonomi", "Pokja Smart Economy")
    living = laptop(tmp_path / "living", "Pokja Smart Living")
    environment = laptop(tmp_path / "lingkungan", "Pokja Smart Environment")
    with PlanStore.open(economy) as store:
        store.delete(programme(store, "ECO-04").id)
    with PlanStore.open(living) as store:
        eco04 = programme(store, "ECO-04").id
        steps = [lambda: store.update(eco04, name=RENAMED),
                 lambda: store.add(Milestone(programme_id=eco04, year=2027, title=MILESTONE))]
        for step in steps[::-1] if add_first else steps:
            step()
    with PlanStore.open(environment) as store:
        own = store.plan().programmes_for("environment")[0]
        store.update(own.id, name=own.name + " (revisi pokja)")
    return [export(p, tmp_path / "flashdisk") for p in (economy, living, environment)]


@pytest.fixture
def round_one(tmp_path):
    secretariat = laptop(tmp_path / "sekretariat")
    merge(secretariat, _drafts(tmp_path))
    return secretariat


def _box_lines(app) -> list[str]:
    """The lines of the decision list as the terminal shows them (inside its heavy border)."""
    return [line.strip("┃ ") for line in screen_text(app).splitlines() if line.startswith("┃")]


async def test_the_delete_choice_says_the_milestone_and_the_next_conflict_names_economy(round_one):
    app, store = app_on(round_one)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConflictsScreen) and screen.conflict.title.startswith("ECO-04")
        assert "Konflik 1 dari 1" in shown_text(app, "#where")
        lines = _box_lines(app)
        assert SAID in " ".join(line for line in lines if line), lines  # whole, in Indonesian
        assert not any("…" in line for line in lines), "nothing of it cut"
        await pilot.press("d")
        await settle(pilot)
        assert screen.conflict is not None and screen.conflict.title == MILESTONE
        head = " ".join(shown_text(app, "#conflict-record").split())
        assert "Pokja Smart Economy menghapus program ECO-04" in head, head
        assert "Sekretariat" not in head and "Pokja Smart Living menambah" in head
    store.close()


def test_the_merge_summary_says_the_decision_that_may_follow(tmp_path):
    bundles = _drafts(tmp_path)
    with PlanStore.open(laptop(tmp_path / "sekretariat"), clock=fixed_clock) as store:
        report = apply(store, [read_bundle(b) for b in bundles])
    console = Console(width=200, file=StringIO(), color_system=None)
    console.print(report_view(report, applied=True))
    said = console.file.getvalue()
    assert "1 entri berkonflik akan ditampilkan di layar konflik (k)." in said
    assert "1 keputusan lagi bisa menyusul: indikator atau tonggak di program yang berkonflik, " \
           "bila programnya dihapus." in said


def test_the_milestone_added_before_the_rename_is_still_named_after_the_decision(tmp_path):
    """The decision's tombstone covers what ECO-04's record had seen, the rename, and so by
    counter the milestone Living added before it: it was named "?" as if nobody wrote it."""
    secretariat = laptop(tmp_path / "sekretariat")
    merge(secretariat, _drafts(tmp_path, add_first=True))
    with PlanStore.open(secretariat, clock=fixed_clock) as store:
        store.settle_delete(programme(store, "ECO-04").id)
        (c,) = list_conflicts(store)
        assert [w.who for w in c.deleted_by] == ["Pokja Smart Economy"]
        assert resolve.child_writers(store, c) == ["Pokja Smart Living"]


def test_a_child_left_by_this_sessions_decision_names_the_deletes_the_screen_showed():
    """Where no child of the programme carries the first delete any more, the screen still
    knows it: the programme's conflict as shown before the officer's d."""
    tombstone = {"sek": 9}
    child = Conflict("m1", "milestone", "economy", MILESTONE, parent_id="p1", parent_title="ECO-04",
                     deleted_by=[Written(tombstone, "sek", "Sekretariat Dewan Smart City", 9)])
    shown = Conflict("p1", "programme", "economy", "ECO-04",
                     deleted_by=[Written({"eko": 3}, "eko", "Pokja Smart Economy", 3)])
    named = resolve.with_authors(child, None, "sek", shown)
    assert [w.who for w in named.deleted_by] == ["Pokja Smart Economy"]
    other = Conflict("m2", "milestone", "economy", MILESTONE, parent_id="p1", parent_title="ECO-04",
                     deleted_by=[Written({"lain": 4}, "lain", "Pokja Smart Society", 4)])
    assert [w.who for w in resolve.with_authors(other, None, "sek", shown).deleted_by] == ["Pokja Smart Society"]
