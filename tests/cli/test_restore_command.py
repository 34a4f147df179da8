"""`restore` as an officer meets it after a bad afternoon: the copy a refused save left
(`backup-next`) is offered when it is the only good one; the plan itself given as `--from`,
a backup number that cannot be, a plan that does not exist and a plan open in the app are
each said as such, and nothing is changed. A damaged plan's reason is in the message's
language, not the app's English internals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.store import PlanStore


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return Path(shutil.copyfile(SAMPLE, tmp_path / "rencana.json"))


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_backup_a_refused_save_left_is_offered_and_restored(plan, capsys):
    good = plan.read_bytes()
    pending = plan.with_name("rencana.backup-next.json")
    pending.write_bytes(good)  # a save refused after another program replaced the plan
    plan.write_text("Kabupaten,S,W\n", encoding="utf-8")  # ... with something that is no plan
    code, _, err = run(capsys, "stats", plan)
    assert code == 2 and "rencana.backup-next.json" in err, "the unreadable plan names the good copy"
    code, out, _ = run(capsys, "restore", plan, "--list")
    assert code == 0 and "rencana.backup-next.json  baik" in out
    code, out, _ = run(capsys, "restore", plan)
    assert code == 0 and "dipulihkan dari" in out and "backup-next" in out
    assert json.loads(plan.read_bytes())["_meta"] == json.loads(good)["_meta"]


def test_the_plan_itself_as_from_is_refused(plan, capsys):
    before = files(plan.parent)
    code, _, err = run(capsys, "restore", plan, "--from", plan.parent / "." / plan.name)
    assert code == 2 and "adalah rencana itu sendiri" in err, err
    assert files(plan.parent) == before, "no .previous copy, nothing written"


@pytest.mark.parametrize("number", ["0", "-1", "9", "satu"])
def test_a_backup_number_that_cannot_be_says_which_can(plan, capsys, number):
    code, _, err = run(capsys, "restore", plan, "--backup", number)
    assert code == 2 and "ketik 1 (terbaru) sampai 5" in err and "backup--" not in err, err


def test_a_plan_that_does_not_exist_is_said_as_such(tmp_path, capsys):
    code, _, err = run(capsys, "restore", tmp_path / "rencna.json")
    assert code == 2 and "rencna.json tidak ada" in err, err
    assert list(tmp_path.iterdir()) == [], "no lock file left behind"


def test_a_plan_open_in_the_app_is_said_even_without_a_backup(plan, capsys):
    with PlanStore.open(plan):
        code, _, err = run(capsys, "restore", plan)
    assert code == 2 and "cadangan yang baik" not in err and "sedang dibuka" in err, err


@pytest.mark.parametrize(("damage", "words"), [
    (lambda d: d.pop("records") and d, "entri rencana itu sendiri"),
    (lambda d: next(iter(d["_meta"].values())).update(schema="3") or d, "nomor versi format rencana"),
])
def test_a_damaged_plan_says_why_in_indonesian(plan, capsys, damage, words):
    data = json.loads(plan.read_bytes())
    records = data.get("records")
    assert records, "the sample keeps its records under 'records'"
    plan.write_text(json.dumps(damage(data)), encoding="utf-8")
    code, _, err = run(capsys, "stats", plan)
    assert code == 2 and words in err, err
    assert "missing" not in err


def test_an_empty_plan_beside_its_last_save_as_a_temp_file_is_restored_from_that_save(plan, capsys):
    # a FAT32 drive pulled mid-save: the plan is 0 bytes, the whole last save is the temp file
    last_save = plan.read_bytes()
    temp = plan.with_name(".rencana.json.4242-abcdef.tmp")
    temp.write_bytes(last_save)
    plan.write_bytes(b"")
    code, _, err = run(capsys, "stats", plan)
    assert code == 2 and ".rencana.json.4242-abcdef.tmp" in err and "Tidak ada cadangan" not in err, err
    assert temp.read_bytes() == last_save, "a reader only names it"
    code, out, _ = run(capsys, "restore", plan, "--list")
    assert code == 0 and ".rencana.json.4242-abcdef.tmp  baik, penyimpanan terakhir" in out, out
    code, out, err = run(capsys, "restore", plan)
    assert code == 0 and "rencana.recovered-1.json" in out, out + err
    assert json.loads(plan.read_bytes())["records"] == json.loads(last_save)["records"]
    assert plan.with_name("rencana.recovered-1.json").read_bytes() == last_save, "the copy is kept"
    assert plan.with_name("rencana.json.broken-1").read_bytes() == b"", "the empty file is kept too"


def test_a_missing_plan_with_its_last_save_as_a_temp_file_is_restored(plan, capsys):
    temp = plan.with_name(".rencana.json.4242-abcdef.tmp")
    temp.write_bytes(plan.read_bytes())
    plan.unlink()
    code, out, err = run(capsys, "--lang", "en", "restore", plan)
    assert code == 0 and "restored from" in out and "rencana.recovered-1.json" in out, out + err
    assert run(capsys, "stats", plan)[0] == 0


def test_restore_list_without_any_backup_says_there_is_none(plan, capsys):
    code, out, _ = run(capsys, "restore", plan, "--list")
    assert code == 0 and out == f"tidak ada cadangan untuk {plan} di folder itu\n"
