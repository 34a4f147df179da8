"""`smartcity-tui conflicts` shows values as the plan's other outputs do (QA round 2, #10):
amounts in rupiah, targets without ".0", funding sources by their labels, and whole: the
2029 target of a long row used to be cut off, so it could not be read at all."""

from __future__ import annotations

import shutil
from pathlib import Path

from smartcity_tui.cli import main
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"


def _group(tmp_path: Path, name: str, amount: int, targets: dict[int, float], sources: list[str]) -> None:
    plan = tmp_path / name / "plan.json"
    plan.parent.mkdir()
    shutil.copyfile(SAMPLE, plan)
    with PlanStore.open(plan) as store:
        store.set_team(name)
        eco = next(p for p in store.plan().programmes if p.code == "ECO-02")
        budget = {s: dict(y) for s, y in eco.budget_by_source.items()}
        budget.setdefault("apbd", {})[2026] = amount
        store.update(eco.id, budget_by_source=budget, funding_sources=sources)
        indicator = min(store.plan().indicators_of(eco.id), key=lambda i: i.order)
        store.update(indicator.id, targets=targets)
    assert main(["export", str(plan), "--out", str(tmp_path / "flash")]) == 0


def test_values_are_shown_as_the_plan_shows_them_and_whole(tmp_path, capsys):
    (tmp_path / "flash").mkdir()
    _group(tmp_path, "Pokja A", 600_000_000, {2025: 300, 2026: 1200, 2027: 2500, 2028: 2800, 2029: 3000},
           ["apbd", "dana_desa", "csr", "kpbu"])
    _group(tmp_path, "Pokja B", 700_000_000, {2025: 300.0, 2026: 1200.0, 2027: 2600.0}, ["apbd"])
    plan = tmp_path / "sek.json"
    shutil.copyfile(SAMPLE, plan)
    main(["merge", str(plan), str(tmp_path / "flash")])
    capsys.readouterr()
    assert main(["conflicts", str(plan)]) == 1
    out = capsys.readouterr().out
    assert "Rp 600.000.000" in out and "Rp 700.000.000" in out
    assert "2025: 300, 2026: 1.200, 2027: 2.500, 2028: 2.800, 2029: 3.000" in out
    assert "2027: 2.600  (Pokja B)" in out and ".0," not in out and ".0 " not in out
    assert "APBD Kabupaten/Kota, Dana Desa, CSR/TJSL, KPBU  (Pokja A)" in out and "dana_desa" not in out
