"""build() of the programme form keeps what the officer left as shown (programme_form_keep.py),
for every list field: the form shows ticks in the list's order and agencies joined by commas,
so reading them back used to rewrite a stored order or split an agency's name."""

from __future__ import annotations

import dataclasses

from smartcity_tui.model.records import Indicator, Programme, Stakeholder
from smartcity_tui.ui.screens.programme_form_keep import kept_order
from smartcity_tui.ui.screens.programme_form_values import build, draft_of

STORED = Programme(
    code="ECO-04", name="Resi gudang", pillar="economy", start_year=2025, end_year=2027,
    strategy_ids=["s-b", "s-a"], supporting_agencies=["Dinas Koperasi, UKM dan Perdagangan", "Bappeda"],
    stakeholders=[Stakeholder("Koperasi Tani", "community")], funding_sources=["dak", "apbd"],
    mission_numbers=[3, 1], target_ids=["t-2", "t-1"], budget_by_source={"apbd": {2025: 5}},
)
INDICATOR = Indicator(programme_id=STORED.id, name="Petani", unit="orang", baseline=120,
                      targets={2025: 300, 2026: 1200}, order=4)


def saved(**typed):
    """What a save writes after the officer changed `typed` (draft fields, as the form gathers
    them: pick lists in the list's order), over the stored programme and its indicator."""
    draft = draft_of(STORED, [INDICATOR])
    draft = dataclasses.replace(draft, **typed)
    return build(draft, "economy", STORED, [INDICATOR])


def test_a_form_read_back_unchanged_in_the_lists_order_writes_the_stored_values():
    # the pick lists give their ticks in the order they list them, not the stored one
    result = saved(strategy_ids=["s-a", "s-b"], funding_sources=["apbd", "dak"], mission_numbers=[1, 3],
                   target_ids=["t-1", "t-2"])
    assert result.programme == STORED
    assert result.indicators == [INDICATOR]


def test_a_tick_added_goes_after_the_stored_order_and_an_untick_keeps_the_rest_in_place():
    result = saved(funding_sources=["apbd", "dak", "kpbu"], strategy_ids=["s-b"], mission_numbers=[1, 2, 3],
                   target_ids=["t-1", "t-2", "t-3"])
    p = result.programme
    assert p.funding_sources == ["dak", "apbd", "kpbu"]
    assert p.strategy_ids == ["s-b"]
    assert p.mission_numbers == [3, 1, 2]
    assert p.target_ids == ["t-2", "t-1", "t-3"]


def test_an_agency_with_a_comma_in_its_name_is_not_split_when_the_field_is_left_alone():
    result = saved(name="Resi gudang Arabika")
    assert result.programme.supporting_agencies == STORED.supporting_agencies
    assert result.programme == dataclasses.replace(STORED, name="Resi gudang Arabika")


def test_numbers_come_back_as_typed_and_untouched_targets_as_stored():
    draft = draft_of(STORED, [INDICATOR])
    draft.indicators[0].targets[2027] = "2500"
    [ind] = build(draft, "economy", STORED, [INDICATOR]).indicators
    assert ind.targets == {2025: 300, 2026: 1200, 2027: 2500}
    assert all(type(v) is int for v in ind.targets.values())
    draft.indicators[0].targets[2027] = "2,5"
    [ind] = build(draft, "economy", STORED, [INDICATOR]).indicators
    assert ind.targets[2027] == 2.5 and type(ind.targets[2025]) is int


def test_kept_order():
    assert kept_order(["b", "a"], ["a", "b"]) == ["b", "a"]
    assert kept_order(["b", "a"], ["a", "c"]) == ["a", "c"]
    assert kept_order([], ["x"]) == ["x"]
