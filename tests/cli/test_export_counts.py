"""The counts line `export` prints (and the export screen shows): one part per kind of record
the bundle carries, so the parts add up to the total an officer reads first."""

from __future__ import annotations

import re
from pathlib import Path

from smartcity_tui.cli import main
from smartcity_tui.commands.export import counts_line

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"


def parts_of(line: str) -> tuple[int, list[int]]:
    total, rest = line.split(":", 1)
    kinds = rest.split(";")[0]
    return int(total.split()[0]), [int(p.split()[0]) for p in kinds.split(",")]


def test_the_parts_of_the_printed_counts_add_up_to_the_total(tmp_path, capsys):
    assert main(["export", str(SAMPLE), "--out", str(tmp_path)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "entri:" in x)
    total, parts = parts_of(line)
    assert total == sum(parts)
    # the book's records are there by name, not only in the sum
    for words in ("bagian narasi", "dasar hukum", "anggota kelembagaan"):
        assert words in line


def test_a_kind_of_a_newer_app_is_counted_too():
    counts = {"records": 7, "plan": 1, "swot": 2, "future_kind": 4, "deleted": 1, "conflicts": 0}
    line = counts_line(counts, "en")
    total, parts = parts_of(line)
    assert total == sum(parts) == 7
    assert "4 records of other kinds" in line
    assert re.search(r"0 programmes", line), "the plan's main lists are said even when empty"
    assert "narrative" not in line, "a kind the plan does not hold is not listed"


def test_deleted_records_are_said_apart_from_the_kinds_the_plan_shows(tmp_path, capsys):
    """QA round 2, #7: after deleting ECO-04 (with its indicator and milestones) the export said
    "26 program" while `stats` and the screens showed 25."""
    import shutil

    from smartcity_tui.store import PlanStore

    plan = tmp_path / "plan.json"
    shutil.copyfile(SAMPLE, plan)
    with PlanStore.open(plan) as store:
        eco = next(p for p in store.plan().programmes if p.code == "ECO-04")
        store.delete(eco.id)
        shown = store.plan()
        programmes, milestones = len(shown.programmes), len(shown.milestones)
    (tmp_path / "out").mkdir()
    assert main(["export", str(plan), "--out", str(tmp_path / "out")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "entri:" in x)
    total, parts = parts_of(line)
    assert total == sum(parts)
    assert f" {programmes} program," in line and f" {milestones} tonggak" in line
    deleted = int(re.search(r"(\d+) terhapus", line).group(1))
    assert deleted >= 2  # ECO-04 and what went with it
    with PlanStore.open(plan, readonly=True) as store:
        assert total + deleted == len(store.states())
