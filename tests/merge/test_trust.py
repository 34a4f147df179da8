"""Issue "trust in every round": no conflict that is not a disagreement, no value or edit
lost. Each test names what a secretariat would notice."""

from __future__ import annotations

from merge_helpers import as_bundle
from smartcity_tui.bundle import render_markdown
from smartcity_tui.bundle.merge import apply, preview
from smartcity_tui.bundle.merge_conflicts import list_conflicts
from smartcity_tui.model.records import Indicator, Milestone
from smartcity_tui.model.validation import validate
from smartcity_tui.store.teams import known_teams


def _values(store, rid, field):
    return sorted(str(s.value) for s in store.state(rid).fields[field])


# --- a write of the value already stored is no write ------------------------------------------

def test_saving_what_is_stored_writes_nothing_and_leaves_nothing_to_undo(laptops, base_plan):
    _, (a, _b, _c) = laptops
    _, pid = base_plan
    writes, vv = a.file_writes, dict(a.state(pid).vv)
    a.update(pid, name="Pasar Rakyat Digital", lead_agency="Dinas Koperasi")
    a.save(a.get(pid))
    a.restore(pid)  # not deleted: nothing to bring back
    assert (a.file_writes, a.state(pid).vv, a.journal.can_undo) == (writes, vv, False)
    a.delete(pid)
    writes = a.file_writes
    a.delete(pid) if a.get(pid) else None
    a.settle_delete(pid)  # deleted already, nothing races it
    assert a.file_writes == writes


def test_only_the_changed_fields_of_a_save_take_a_new_dot(laptops, base_plan):
    _, (a, _b, _c) = laptops
    _, pid = base_plan
    before = a.state(pid)
    a.update(pid, name="Pasar Rakyat Digital", progress=10)
    after = a.state(pid)
    assert after.fields["name"] == before.fields["name"]
    assert after.fields["progress"][0].dot[0] == a.replica_id


# --- agreement is not a conflict ------------------------------------------------------------------

def test_two_groups_typing_the_same_value_agree(laptops, base_plan):
    sec, (a, b, _c) = laptops
    _, pid = base_plan
    a.update(pid, lead_agency="Diskominfo")
    b.update(pid, lead_agency="Diskominfo")
    report = apply(sec, [as_bundle(a), as_bundle(b)])
    assert report.total("conflicts_total") == 0 and report.total("conflicts_new") == 0
    assert sec.get(pid).lead_agency == "Diskominfo" and not sec.conflicts() and not list_conflicts(sec)
    assert pid not in sec.plan().conflict_ids


def test_two_groups_deleting_the_same_record_agree(laptops, base_plan):
    sec, (a, b, _c) = laptops
    _, pid = base_plan
    a.delete(pid)
    b.delete(pid)
    report = apply(sec, [as_bundle(a), as_bundle(b)])
    assert sec.get(pid) is None and not sec.conflicts()
    assert report.total("conflicts_total") == 0 and report.total("deleted") == 1


def test_a_real_disagreement_lists_each_value_once_with_every_team_that_wrote_it(laptops, base_plan):
    sec, (a, b, c) = laptops
    _, pid = base_plan
    a.update(pid, lead_agency="Diskominfo")
    b.update(pid, lead_agency="Diskominfo")
    c.update(pid, lead_agency="Bappeda")
    apply(sec, [as_bundle(a), as_bundle(b), as_bundle(c)])
    (conflict,) = list_conflicts(sec)
    (field,) = conflict.fields
    assert sorted(w.value for w in field.values) == ["Bappeda", "Diskominfo"]
    agreeing = next(w for w in field.values if w.value == "Diskominfo")
    assert set(agreeing.team.split(", ")) == {"Pokja A", "Pokja B"}
    # validate and the findings panel name the programme as officers know it, not its id
    (finding,) = [f for f in validate(sec.plan()) if f.code == "record.conflict"]
    assert finding.message("id").startswith("Program '3.001 Pasar Rakyat Digital' berisi konflik")
    assert finding.message("en").startswith("Programme '3.001 Pasar Rakyat Digital' holds a merge conflict")
    assert pid[:8] not in finding.message("id")


def test_a_delete_that_saw_the_edit_settles_a_double_delete(laptops, base_plan):
    """B edits, A receives the edit and deletes, C deletes without seeing it: A's delete was
    made knowing the edit, so the record is gone; nobody is asked."""
    sec, (a, b, c) = laptops
    _, pid = base_plan
    b.update(pid, name="Pasar Rakyat Daring")
    apply(a, [as_bundle(b)])
    a.delete(pid)
    c.delete(pid)
    apply(sec, [as_bundle(b), as_bundle(a), as_bundle(c)])
    assert sec.get(pid) is None and not sec.conflicts()


# --- undo of a decision brings the conflict back with every value ----------------------------------

def _conflicted(laptops, base_plan):
    sec, (a, b, _c) = laptops
    _, pid = base_plan
    a.update(pid, lead_agency="Diskominfo")
    b.update(pid, lead_agency="Bappeda")
    apply(sec, [as_bundle(a), as_bundle(b)])
    assert _values(sec, pid, "lead_agency") == ["Bappeda", "Diskominfo"]
    return sec, pid


def test_undoing_a_decision_reopens_the_conflict_with_every_value(laptops, base_plan):
    sec, pid = _conflicted(laptops, base_plan)
    shown = sec.get(pid).lead_agency
    sec.resolve(pid, "lead_agency", "Bappeda")
    assert not sec.conflicts() and _values(sec, pid, "lead_agency") == ["Bappeda"]
    sec.undo()
    assert _values(sec, pid, "lead_agency") == ["Bappeda", "Diskominfo"]
    assert sec.get(pid).lead_agency == shown  # the same value shown as before the decision
    assert [c.id for c in list_conflicts(sec)] == [pid]
    sec.redo()
    assert not sec.conflicts() and sec.get(pid).lead_agency == "Bappeda"


def test_a_reopened_conflict_merges_with_a_copy_that_received_the_decision(laptops, base_plan):
    sec, pid = _conflicted(laptops, base_plan)
    _, (_a, _b, c) = laptops
    sec.resolve(pid, "lead_agency", "Diskominfo")
    apply(c, [as_bundle(sec)])  # the decision travels to group C
    assert _values(c, pid, "lead_agency") == ["Diskominfo"]
    sec.undo()
    apply(c, [as_bundle(sec)])
    assert _values(c, pid, "lead_agency") == ["Bappeda", "Diskominfo"]
    apply(sec, [as_bundle(c)])  # and back: nothing changes, nothing lost
    assert _values(sec, pid, "lead_agency") == ["Bappeda", "Diskominfo"]


def test_undoing_keep_or_delete_of_a_delete_versus_edit_reopens_it(laptops, base_plan):
    sec, (a, b, _c) = laptops
    _, pid = base_plan
    a.delete(pid)
    b.update(pid, name="Pasar Rakyat Daring")
    apply(sec, [as_bundle(a), as_bundle(b)])
    assert sec.state(pid).delete_conflict()
    for decide in (sec.restore, sec.settle_delete):
        decide(pid)
        assert not sec.conflicts()
        sec.undo()
        state = sec.state(pid)
        assert state.delete_conflict() and sec.get(pid).name == "Pasar Rakyat Daring"
        assert [c.id for c in list_conflicts(sec)] == [pid]


# --- a child of a deleted programme is never left alone ----------------------------------------------

def _child_edited_while_programme_deleted(laptops, base_plan):
    sec, (a, b, _c) = laptops
    _, pid = base_plan
    ind = sec.add(Indicator(programme_id=pid, name="UMKM daring", unit="unit", baseline=10))
    for g in (a, b):
        apply(g, [as_bundle(sec)])
    a.delete(pid)  # takes the indicator with it
    b.update(ind.id, baseline=12)
    apply(sec, [as_bundle(a), as_bundle(b)])
    return sec, pid, ind.id


def test_keeping_an_edited_indicator_of_a_deleted_programme_brings_the_programme_back(laptops, base_plan):
    sec, pid, iid = _child_edited_while_programme_deleted(laptops, base_plan)
    (conflict,) = list_conflicts(sec)
    assert conflict.id == iid and conflict.parent_id == pid and conflict.delete_vs_edit
    sec.restore(iid)
    assert sec.get(pid) is not None and sec.get(iid).baseline == 12
    assert not sec.conflicts()
    assert not [f for f in validate(sec.plan()) if f.severity == "error"]


def test_letting_the_indicator_go_leaves_no_orphan(laptops, base_plan):
    sec, pid, iid = _child_edited_while_programme_deleted(laptops, base_plan)
    sec.settle_delete(iid)
    assert sec.get(iid) is None and sec.get(pid) is None and not sec.conflicts()
    assert not [f for f in validate(sec.plan()) if f.severity == "error"]


def test_a_milestone_added_to_a_programme_another_group_deleted_is_a_conflict(laptops, base_plan):
    sec, (a, b, _c) = laptops
    _, pid = base_plan
    a.delete(pid)
    ms = b.add(Milestone(programme_id=pid, year=2025, title="Peluncuran"))
    report = preview(sec, [as_bundle(a), as_bundle(b)])
    assert report.total("conflicts_total") == 1 and report.total("conflicts_new") == 1
    apply(sec, [as_bundle(a), as_bundle(b)])
    (conflict,) = list_conflicts(sec)
    assert conflict.id == ms.id and conflict.parent_id == pid and conflict.deleted_by
    assert conflict.deleted_by[0].team == "Pokja A"
    assert ms.id in sec.plan().conflict_ids  # the dashboard counts it
    sec.delete(ms.id)  # let it go
    assert not sec.conflicts() and not list_conflicts(sec)
    # on group B's laptop, receiving A's delete: the same conflict
    apply(b, [as_bundle(a)])
    assert [c.id for c in list_conflicts(b)] == [ms.id]
    b.restore(ms.id)  # bring the programme back
    assert b.get(pid) is not None and b.get(ms.id) is not None and not b.conflicts()


def _appendix(markdown: str) -> str:
    start = markdown.index("Lampiran: Isian yang Belum Disepakati")
    return markdown[start:]


def test_the_book_names_a_milestone_added_to_a_programme_another_group_deleted(laptops, base_plan):
    sec, (a, b, _c) = laptops
    _, pid = base_plan
    a.delete(pid)
    b.add(Milestone(programme_id=pid, year=2025, title="Peluncuran aplikasi"))
    apply(sec, [as_bundle(a), as_bundle(b)])
    book = render_markdown(sec.plan(), conflicts=sec.conflicts(), teams=known_teams(sec),
                           parents=sec.orphan_parents())
    appendix = _appendix(book)
    # the secretariat reading the printed draft sees what the conflict screen says: which
    # programme went, who deleted it, and what the other group wrote meanwhile
    (row,) = [line for line in appendix.splitlines() if "Peluncuran aplikasi" in line and line.startswith("|")]
    assert "Tonggak: Peluncuran aplikasi" in row
    assert "programnya dihapus di satu draf, diisi di draf lain" in row
    assert "Program: 3.001 Pasar Rakyat Digital dihapus oleh Pokja A" in row
    assert "Ditambahkan oleh Pokja B" in row and "Urutan" not in row


def test_the_book_names_the_programme_of_an_indicator_edited_while_it_was_deleted(laptops, base_plan):
    sec, pid, iid = _child_edited_while_programme_deleted(laptops, base_plan)
    book = render_markdown(sec.plan(), conflicts=sec.conflicts(), teams=known_teams(sec),
                           parents=sec.orphan_parents(), lang="en")
    rows = [line for line in book[book.index("Appendix: Entries Not Yet Agreed"):].splitlines()
            if line.startswith("| Indicator")]
    assert len(rows) == 1, rows  # one row, not a bare "deleted by" beside it
    assert "Programme: 3.001 Pasar Rakyat Digital deleted by Pokja A" in rows[0]
    assert "Edited by Pokja B, Baseline: 12" in rows[0]
