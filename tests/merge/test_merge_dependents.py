"""A programme one group deleted while another edited it and added a milestone to it (QA round
#9): the merge said "1 konflik", but deleting the programme left the milestone as a second
decision, unannounced, and named the secretariat that decided as the programme's deleter.

- the programme's conflict lists the milestone (`Conflict.dependents`) and the merge's report
  counts it apart from the records in conflict (`MergeReport.dependents`), the same in every
  merge order;
- once the programme is deleted after all, the milestone's conflict names the group whose
  delete it was; the decision covers that delete, but the programme's children still carry it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from merge_helpers import as_bundle, copy_plan

from smartcity_tui.bundle.merge import apply
from smartcity_tui.bundle.merge_conflicts import Dependent, list_conflicts, say_dependents
from smartcity_tui.cli import main
from smartcity_tui.i18n import get_language, set_language
from smartcity_tui.model.records import Indicator, Milestone
from smartcity_tui.store import PlanStore

RENAMED = "Pasar Rakyat Digital dan Pasar Desa"
ADDED = "Uji coba pasar desa bersama koperasi"


def _groups(tmp_path: Path, base_plan, *, with_child: bool = True) -> tuple[Path, str, list[PlanStore]]:
    """Pokja A deletes the programme (and, `with_child`, the milestone it had); Pokja B renames it
    and adds a milestone; Pokja C adds nothing to it. Returns the secretariat's plan, the
    programme id and the three groups' stores, open."""
    path, prog_id = base_plan
    if with_child:
        with PlanStore.open(path, durable=False) as sec:
            sec.add(Milestone(programme_id=prog_id, year=2025, title="Peluncuran"))
    groups = [copy_plan(path, tmp_path / f"group_{g}.json", f"Pokja {g}") for g in "ABC"]
    a, b, c = groups
    a.delete(prog_id)
    b.update(prog_id, name=RENAMED)
    b.add(Milestone(programme_id=prog_id, year=2026, title=ADDED))
    c.update(prog_id, lead_agency="Dinas Koperasi dan UMKM")
    return path, prog_id, groups


@pytest.fixture
def round_one(tmp_path, base_plan):
    path, prog_id, groups = _groups(tmp_path, base_plan)
    sec = PlanStore.open(path, durable=False)
    report = apply(sec, [as_bundle(g) for g in groups])
    yield sec, report, prog_id
    for s in [sec, *groups]:
        s.close()


def _in(lang: str, say):
    before = get_language()
    set_language(lang)
    try:
        return say()
    finally:
        set_language(before)


def test_the_merge_counts_the_milestone_the_delete_would_leave_apart(round_one):
    _, report, _ = round_one
    assert report.total("conflicts_total") == 1  # records in conflict now: the programme
    assert report.dependents == 1  # and one decision more, should it be deleted
    assert report.to_json()["dependents"] == 1


def test_the_programme_conflict_names_the_milestone_and_who_added_it(round_one):
    sec, _, prog_id = round_one
    (c,) = list_conflicts(sec)
    assert c.id == prog_id and c.delete_vs_edit
    (dep,) = c.dependents
    assert (dep.kind, dep.title, dep.teams, dep.added) == ("milestone", ADDED, ["Pokja B"], True)
    assert c.to_json()["dependents"][0]["title"] == ADDED
    key = "exchange.conflict.choice_delete_dependents"
    assert _in("id", lambda: say_dependents(key, c.dependents)) == \
        "Hapus program ini; 1 tonggak yang ditambahkan Pokja B di dalamnya lalu ditanyakan tersendiri"
    assert _in("en", lambda: say_dependents(key, c.dependents)) == \
        "Delete this programme; 1 milestone in it that Pokja B added is then asked about on its own"


def test_deleting_it_after_all_leaves_the_milestone_naming_the_group_that_deleted(round_one):
    sec, _, prog_id = round_one
    sec.settle_delete(prog_id)  # the officer's d on the programme
    (c,) = list_conflicts(sec)
    assert c.kind == "milestone" and c.title == ADDED and c.parent_id == prog_id
    assert [w.who for w in c.deleted_by] == ["Pokja A"], "not the secretariat, whose decision it was"
    assert ADDED in [m.title for m in sec.plan().milestones], "nothing of Pokja B's is lost"


def test_the_same_in_every_merge_order_and_when_merged_again(tmp_path, base_plan):
    path, _, groups = _groups(tmp_path, base_plan)
    said = []
    for name, order in (("abc", groups), ("cba", groups[::-1])):
        target = tmp_path / f"sec_{name}.json"
        target.write_bytes(path.read_bytes())
        with PlanStore.open(target, durable=False) as sec:
            for g in order:
                apply(sec, [as_bundle(g)])
            again = apply(sec, [as_bundle(g) for g in groups])
            assert (again.written, again.dependents) == (0, 1)
            said.append([(d.id, d.teams, d.added) for c in list_conflicts(sec) for d in c.dependents])
    assert said[0] == said[1] and len(said[0]) == 1
    for g in groups:
        g.close()


def test_an_indicator_and_a_milestone_of_two_groups_are_said_together(tmp_path, base_plan):
    path, prog_id, groups = _groups(tmp_path, base_plan)
    groups[2].add(Indicator(programme_id=prog_id, name="Jumlah pedagang daring", unit="pedagang"))
    with PlanStore.open(path, durable=False) as sec:
        apply(sec, [as_bundle(g) for g in groups])
        (c,) = list_conflicts(sec)
        assert sorted(d.kind for d in c.dependents) == ["indicator", "milestone"]
        assert _in("id", lambda: say_dependents("conflicts.dependents", c.dependents)) == \
            "Bila program ini dihapus, 1 indikator dan 1 tonggak yang ditambahkan Pokja B, Pokja C di dalamnya " \
            "menjadi konflik tersendiri."
        assert _in("en", lambda: say_dependents("conflicts.dependents", c.dependents)) == \
            "If this programme is deleted, 1 indicator and 1 milestone in it that Pokja B, Pokja C added " \
            "become conflicts of their own."
    for g in groups:
        g.close()


def test_the_merge_and_conflicts_commands_say_it(tmp_path, base_plan, capsys):
    path, _, groups = _groups(tmp_path, base_plan)
    for g in groups:
        g.close()
    flash = tmp_path / "flash"
    flash.mkdir()
    for g in "ABC":
        assert main(["export", str(tmp_path / f"group_{g}.json"), "--out", str(flash)]) == 0
    capsys.readouterr()
    assert main(["merge", str(path), *[str(p) for p in sorted(flash.iterdir())]]) == 1
    out = capsys.readouterr().out
    assert "1 keputusan lagi bisa menyusul: indikator atau tonggak di program yang berkonflik, " \
           "bila programnya dihapus." in out
    assert main(["conflicts", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Bila program ini dihapus, 1 tonggak yang ditambahkan Pokja B di dalamnya menjadi konflik tersendiri." in out


def test_without_a_child_to_carry_the_first_delete_the_decision_is_named(tmp_path, base_plan):
    """A programme that had no indicator or milestone when it was deleted: once the officer
    deletes it after all, the programme's record holds the decision's tombstone only, which
    covers the first one. Its writer is named; within the session the conflicts screen names
    the first deleters it showed (conflict_resolve.with_authors)."""
    path, prog_id, groups = _groups(tmp_path, base_plan, with_child=False)
    with PlanStore.open(path, durable=False) as sec:
        apply(sec, [as_bundle(g) for g in groups])
        (c,) = list_conflicts(sec)
        assert [w.who for w in c.deleted_by] == ["Pokja A"]
        assert c.dependents == [Dependent(c.dependents[0].id, "milestone", ADDED, ["Pokja B"], True)]
        sec.settle_delete(prog_id)
        (c,) = list_conflicts(sec)
        assert [w.who for w in c.deleted_by] == ["Sekretariat"]
    for g in groups:
        g.close()


def test_the_book_names_the_group_that_deleted_not_the_secretariat_that_decided(round_one):
    """The printed draft's appendix says what the conflicts screen says: after the
    secretariat's d, the milestone left in conflict is in a programme Pokja A deleted."""
    from smartcity_tui.bundle.markdown import render_markdown
    from smartcity_tui.store.teams import known_teams

    sec, _, prog_id = round_one
    sec.settle_delete(prog_id)
    book = render_markdown(sec.plan(), conflicts=sec.conflicts(), teams=known_teams(sec),
                           parents=sec.orphan_parents())
    appendix = book[book.index("Lampiran: Isian yang Belum Disepakati"):]
    (row,) = [line for line in appendix.splitlines() if ADDED in line and line.startswith("|")]
    assert "dihapus oleh Pokja A" in row, row
    assert "Ditambahkan oleh Pokja B" in row
