"""Budgets per source and year, and the verifier's fields, merge field by field: two groups
filling different cells of one programme's budget never conflict, one cell typed twice
differently is a conflict that keeps both amounts and names the cell in the officer's words,
the same amount typed twice is agreement; a new target and a programme's link to it arrive
together; the new optional fields of programmes, indicators and milestones combine like
any other field."""

from __future__ import annotations

from merge_helpers import as_bundle

from smartcity_tui.bundle.merge import apply
from smartcity_tui.bundle.merge_conflicts import list_conflicts
from smartcity_tui.model.labels import field_label
from smartcity_tui.model.records import Indicator, Milestone, PlanTarget


def _budget(store, prog_id, **cells):
    """Write some cells of a programme's budget, as the form does (the rest stays)."""
    prog = store.get(prog_id)
    budget = {s: dict(y) for s, y in prog.budget_by_source.items()}
    for name, amount in cells.items():
        source, year = name.rsplit("_", 1)
        budget.setdefault(source, {})[int(year)] = amount
    store.update(prog_id, budget_by_source=budget)


def test_two_groups_filling_different_cells_of_one_budget_do_not_conflict(laptops, base_plan):
    sec, (a, b, c) = laptops
    _, prog_id = base_plan
    _budget(a, prog_id, dak_2026=500)
    _budget(b, prog_id, apbd_2026=200, dana_desa_2025=50)
    _budget(c, prog_id, apbd_2025=150)  # another year of the same source
    apply(sec, [as_bundle(a), as_bundle(b), as_bundle(c)])
    assert sec.get(prog_id).budget_by_source == {"apbd": {2025: 150, 2026: 200}, "dak": {2026: 500},
                                                 "dana_desa": {2025: 50}}
    assert sec.conflicts() == []


def test_one_cell_typed_differently_by_two_groups_is_a_conflict_named_by_source_and_year(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    _budget(a, prog_id, dak_2026=500)
    _budget(b, prog_id, dak_2026=750, apbd_2027=10)
    apply(sec, [as_bundle(a), as_bundle(b)])
    state = sec.state(prog_id)
    assert set(state.field_conflicts()) == {"budget_dak_2026"}
    assert sorted(s.value for s in state.fields["budget_dak_2026"]) == [500, 750]
    assert sec.get(prog_id).budget_by_source["apbd"] == {2025: 100, 2027: 10}  # the rest merged
    [listed] = list_conflicts(sec)
    assert field_label("budget_dak_2026", "id") == "Anggaran DAK 2026"
    assert field_label("budget_dana_desa_2026", "en") == "Budget Village fund (Dana Desa) 2026"
    assert [f.field for f in listed.fields] == ["budget_dak_2026"]


def test_the_same_amount_typed_by_two_groups_is_agreement(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    _budget(a, prog_id, apbd_prov_2027=300)
    _budget(b, prog_id, apbd_prov_2027=300)
    apply(sec, [as_bundle(a), as_bundle(b)])
    assert sec.conflicts() == [] and sec.get(prog_id).budget_by_source["apbd_prov"] == {2027: 300}


def test_clearing_a_cell_while_another_group_fills_another_keeps_both(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    a.update(prog_id, budget_by_source={})  # the 2025 APBD amount removed
    _budget(b, prog_id, csr_2026=80)
    apply(sec, [as_bundle(a), as_bundle(b)])
    assert sec.get(prog_id).budget_by_source == {"csr": {2026: 80}} and sec.conflicts() == []


def test_the_verifiers_fields_and_a_new_target_merge_field_by_field(laptops, base_plan):
    sec, (a, b, _) = laptops
    _, prog_id = base_plan
    target = a.add(PlanTarget(text="Meningkatnya transaksi nontunai", indicator="UMKM menerima QRIS", order=1))
    a.update(prog_id, target_ids=[target.id], location="24 pasar desa")
    b.update(prog_id, beneficiaries="Pedagang pasar desa", regulation_needs="Perbup pasar rakyat",
             mission_numbers=[2], status="cancelled")
    ind = b.add(Indicator(programme_id=prog_id, name="Lapak QRIS", kind="output", baseline=220, baseline_year=2024,
                          end_target=1000, data_source="Bank Indonesia"))
    ms = a.add(Milestone(programme_id=prog_id, year=2025, title="Pendataan lapak", agency="Dinas Perdagangan"))
    apply(sec, [as_bundle(a), as_bundle(b)])
    prog = sec.get(prog_id)
    assert (prog.target_ids, prog.location, prog.beneficiaries, prog.regulation_needs, prog.mission_numbers,
            prog.status) == ([target.id], "24 pasar desa", "Pedagang pasar desa", "Perbup pasar rakyat", [2],
                             "cancelled")
    assert sec.get(ind.id).end_target == 1000 and sec.get(ms.id).agency == "Dinas Perdagangan"
    assert [t.text for t in sec.plan().targets] == ["Meningkatnya transaksi nontunai"]
    assert sec.conflicts() == []
    # two groups editing different fields of one indicator and one milestone
    a.merge_in(sec.states())
    b.merge_in(sec.states())
    a.update(ind.id, definition="Lapak aktif menerima pembayaran QRIS sebulan terakhir")
    b.update(ind.id, evidence="Data QRIS Bank Indonesia Des 2024")
    a.update(ms.id, evidence="Daftar lapak 2025.xlsx")
    b.update(ms.id, done=True)
    apply(sec, [as_bundle(a), as_bundle(b)])
    ind2, ms2 = sec.get(ind.id), sec.get(ms.id)
    assert (ind2.definition, ind2.evidence) == ("Lapak aktif menerima pembayaran QRIS sebulan terakhir",
                                                "Data QRIS Bank Indonesia Des 2024")
    assert (ms2.evidence, ms2.done) == ("Daftar lapak 2025.xlsx", True)
    assert sec.conflicts() == []
