"""The merge's counts add up to the records it writes (QA round 2, #8): records that arrive
already deleted (a programme a group deleted, with its indicator and milestones, adopted into
an empty plan) were written but in no column: "Jumlah 277 ..." then "283 entri ditulis"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from smartcity_tui.cli import main
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
COLUMNS = ("added", "updated", "deleted")


def _bundle_with_a_deleted_programme(tmp_path: Path, capsys) -> Path:
    plan = tmp_path / "eko" / "plan.json"
    plan.parent.mkdir()
    shutil.copyfile(SAMPLE, plan)
    with PlanStore.open(plan) as store:
        store.delete(next(p for p in store.plan().programmes if p.code == "ECO-04").id)
    (tmp_path / "flash").mkdir()
    assert main(["export", str(plan), "--out", str(tmp_path / "flash")]) == 0
    capsys.readouterr()
    return next((tmp_path / "flash").iterdir())


def _new_plan(path: Path, capsys) -> Path:
    assert main(["new", str(path), "--region", "Wonosari Raya", "--kind", "kabupaten", "--province",
                 "Jawa Tengah", "--start", "2025", "--end", "2029", "--team", "Sekretariat"]) == 0
    capsys.readouterr()
    return path


def test_the_columns_and_the_deleted_records_add_up_to_what_is_written(tmp_path, capsys):
    bundle = _bundle_with_a_deleted_programme(tmp_path, capsys)
    plan = _new_plan(tmp_path / "adopt.json", capsys)
    main(["merge", str(plan), str(bundle), "--adopt", "--dry-run", "--json"])
    report = json.loads(capsys.readouterr().out)
    in_columns = sum(report["totals"][k] for k in COLUMNS)
    assert report["hidden"] >= 2  # ECO-04 and what went with it
    assert in_columns + report["hidden"] == report["written"]

    main(["merge", str(plan), str(bundle), "--adopt"])
    out = capsys.readouterr().out
    assert f"Entri yang sudah terhapus (tidak tampil di rencana), ikut ditulis agar penghapusannya tercatat: " \
           f"{report['hidden']}" in out
    assert f"{report['written']} entri ditulis" in out
