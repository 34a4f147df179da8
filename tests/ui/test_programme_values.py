"""The form's numbers and checks without a terminal: amounts and indicator values read the
way officers type them, and an untouched form gives back exactly the records it was given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcity_tui.model.format import parse_rupiah, rupiah
from smartcity_tui.ui.screens.programme_form_values import (
    build,
    check,
    draft_of,
    indicator_orders,
    parse_number,
    show_amount,
    show_number,
)

try:
    from .test_programme_plan import fixed_id, programme_plan
except ImportError:
    from test_programme_plan import fixed_id, programme_plan


@pytest.mark.parametrize("typed, amount", [
    ("1.250.000.000", 1_250_000_000), ("1250000000", 1_250_000_000),
    ("Rp 1.250.000.000", 1_250_000_000), (" 750.000 ", 750_000), ("0", 0),
])
def test_amounts_read_as_typed_and_show_grouped(typed, amount):
    assert parse_rupiah(typed) == amount
    assert rupiah(amount) == "Rp " + show_amount(amount)


def test_amounts_show_the_indonesian_way():
    assert rupiah(1_250_000_000) == "Rp 1.250.000.000"
    assert show_amount(750_000) == "750.000"


@pytest.mark.parametrize("typed, value", [
    ("1.834", 1834.0), ("76,5", 76.5), ("76.5", 76.5), ("1.234,5", 1234.5), ("12", 12.0),
    ("", None), ("  ", None), ("0,25", 0.25),
])
def test_indicator_values_read_indonesian_and_plain(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["banyak", "1,2,3", "nan", "inf", "12%"])
def test_what_is_not_a_number_is_refused(typed):
    with pytest.raises(ValueError):
        parse_number(typed)


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_a_shown_value_reads_back_the_same(n):
    assert parse_number(show_number(n / 100)) == n / 100
    assert parse_rupiah(show_amount(n)) == n


def test_an_untouched_form_gives_back_the_same_records():
    plan = programme_plan()
    for prog in plan.programmes:
        indicators = plan.indicators_of(prog.id)
        draft = draft_of(prog, indicators)
        assert check(draft, plan.info.years) == {}
        result = build(draft, prog.pillar, prog, indicators)
        assert result.programme == prog
        assert result.indicators == indicators
        assert result.removed_indicator_ids == []


def test_messages_follow_the_language():
    plan = programme_plan()
    draft = draft_of(plan.get(fixed_id(10)), [])
    draft.start_year, draft.end_year = "2027", "2026"
    assert "sebelum tahun mulai" in check(draft, plan.info.years)["end_year"]
    assert "before the start year" in check(draft, plan.info.years, lang="en")["end_year"]


def test_a_budget_year_outside_the_plan_must_be_cleared_not_dropped_unseen():
    plan = programme_plan()
    prog = plan.get(fixed_id(10)).replace(budget_by_source={"apbd": {2025: 1, 2031: 5}})
    draft = draft_of(prog, [])
    errs = check(draft, plan.info.years)
    assert "2031" in errs["budget-apbd-2031"] and "2025-2029" in errs["budget-apbd-2031"]
    draft.budget["apbd"][2031] = ""
    assert check(draft, plan.info.years) == {}
    assert build(draft, "governance", prog, []).programme.budget_by_source == {"apbd": {2025: 1}}


# --- the indicators' order: what a save writes -------------------------------------------


@pytest.mark.parametrize("stored, written", [
    ([31, 32], [31, 32]),  # saved unchanged: every order kept (the sample's GOV-02)
    ([26], [26]),
    ([0, 0, 0], [0, 0, 0]),  # records from before orders: kept too (equal orders list by id)
    ([31, 32, None], [31, 32, 0]),  # a new one at the end: 0, the store puts it after all
    ([None, None], [0, 0]),
    ([10, 20, None, 30], [10, 20, 21, 30]),  # a new one between two: a number between them
    ([32, 31], [32, 33]),  # moved: only the one that moved gets a new order
    ([1, 3, 2], [1, 3, 4]),
    ([5, None, 6], [5, 6, 7]),  # no room between: the next one moves too, nothing else
])
def test_only_indicators_that_moved_or_are_new_get_an_order(stored, written):
    assert indicator_orders(stored) == written


@given(st.lists(st.one_of(st.none(), st.integers(0, 60)), max_size=8))
def test_the_orders_written_keep_the_forms_sequence(stored):
    out = indicator_orders(stored)
    assert len(out) == len(stored)
    placed = [o for o in out if o]  # 0: the store places it after every record
    assert placed == sorted(placed), "the list would read in another order than the form's"
    # a stored order the form's sequence allows is never rewritten when nothing moved
    if all(o is not None for o in stored) and stored == sorted(stored):
        assert out == stored


def test_the_form_shows_a_line_for_each_ticked_source_and_each_holding_money():
    prog = programme_plan().get(fixed_id(10)).replace(
        funding_sources=["dak", "apbd"], budget_by_source={"apbd": {2025: 1}, "csr": {2026: 2}, "unspecified": {2027: 3}})
    assert draft_of(prog, []).budget_sources() == ["apbd", "dak", "csr", "unspecified"]
