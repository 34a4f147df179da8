"""Which conflicts offer "keep both" (b): only a field where two records make sense. A budget
cell's two amounts once made b copy the whole programme, so every amount counted twice in the
financing (QA round 2, #6); for a number, a year or a flag the choices are pick one or type (e)."""

from __future__ import annotations

import pytest

from smartcity_tui.ui.screens.conflict_resolve import can_keep_both


@pytest.mark.parametrize("kind, field", [
    ("programme", "budget_apbd_2026"), ("programme", "budget_dana_desa_2027"),
    ("programme", "budget_unspecified_2025"), ("programme", "start_year"), ("programme", "progress"),
    ("programme", "quick_win"), ("indicator", "targets"), ("indicator", "baseline"), ("milestone", "year"),
    ("plan", "vision"), ("programme", "_deleted"),
])
def test_no_keep_both_for_an_amount_a_year_a_flag_or_the_plan(kind, field):
    assert not can_keep_both(kind, field)


@pytest.mark.parametrize("kind, field", [
    ("programme", "name"), ("programme", "description"), ("swot", "text"), ("strategy", "text"),
    ("indicator", "name"), ("milestone", "title"),
])
def test_keep_both_for_a_text(kind, field):
    assert can_keep_both(kind, field)


def test_the_small_edit_form_shows_an_amount_grouped_and_reads_it_back():
    from smartcity_tui.ui.screens.conflict_edit import parse, prefill

    assert prefill("int", 700_000_000) == "700.000.000"  # as the programme form shows it, not 700000000
    assert parse("int", "700.000.000") == 700_000_000
    assert parse("int", "Rp 650.000.000") == 650_000_000
    assert prefill("int", 2026) == "2026" and parse("int", "2026") == 2026  # a year stays a year


def test_k_keeps_what_this_laptop_s_team_wrote_in_an_earlier_session():
    """Each session writes as a new replica: the secretariat's own earlier decision counted as
    another team's, and k ("versi laptop ini") kept the other team's value (QA round #5)."""
    from smartcity_tui.bundle.merge_conflicts import FieldConflict, Written
    from smartcity_tui.ui.screens.conflict_resolve import mine_of, ours

    earlier = Written("Diskominfo", replica="r-sekretariat-kemarin", team="Sekretariat", counter=3)
    other = Written("Bappeda", replica="r-pokja-a", team="Pokja A", counter=5, shown=True)
    fc = FieldConflict("lead_agency", [earlier, other])
    assert mine_of(fc, "r-sekretariat-hari-ini", "Sekretariat") is earlier
    assert ours(earlier, "r-sekretariat-hari-ini", "Sekretariat") and not ours(other, "r-x", "Sekretariat")
    # a laptop that wrote none of them keeps what the plan shows, as before
    assert mine_of(fc, "r-pokja-b", "Pokja B") is other
