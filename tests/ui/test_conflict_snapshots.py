"""SVG snapshots of the conflicts screen at 80x24 (nothing cut off) and 120x40, on the sample
plan with the three groups' drafts merged in: the programme name two groups changed (every
value with its team) and the programme deleted by one group while another edited it. Each
was looked at as an image before it was accepted."""

from __future__ import annotations

import pytest
from exchange_support import app_on, copy_sample_plan, merge_samples

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def merged_plan(tmp_path):
    plan = copy_sample_plan(tmp_path / "plan")
    merge_samples(plan)
    return plan


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_conflict_of_one_field(snap_compare, merged_plan, size):
    app, _store = app_on(merged_plan)
    assert snap_compare(app, terminal_size=size, press=["k", "n"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_conflict_delete_versus_edit(snap_compare, merged_plan, size):
    app, _store = app_on(merged_plan)
    assert snap_compare(app, terminal_size=size, press=["k"])
