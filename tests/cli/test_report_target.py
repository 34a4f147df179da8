"""Where `--out` may write a report (stats, validate, conflicts, merge): never over a plan,
this one or another (`stats rencana.json --out rencana.json` replaced the plan with a table,
and stats makes no backup), never over a bundle or a workbook, and whatever would make the
report fail (a folder named, a write-protected drive) is said before the command runs: a
merge must not be written and then called failed, with a hidden temporary file's name.
`render`'s book likewise never goes over a plan or a backup (`render rencana.json rencana.json`
replaced the plan with the book), but does replace the last book."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from cli_support import SAMPLE, run
from mounts import CAN_MOUNT, NO_MOUNT, read_only_view

from smartcity_tui.store import PlanStore

BUNDLES = sorted(p for p in (SAMPLE.parent / "bundles").iterdir() if not p.name.startswith("."))
COMMANDS = {"stats": [], "validate": [], "conflicts": [], "merge": BUNDLES}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return Path(shutil.copyfile(SAMPLE, tmp_path / "rencana.json"))


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_plan_itself_as_out_is_refused_and_the_plan_kept(plan, capsys, command):
    before = digest(plan)
    same_file_other_spelling = plan.parent / "." / plan.name
    code, out, err = run(capsys, command, plan, *COMMANDS[command], "--out", same_file_other_spelling)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "adalah berkas rencana" in err and "laporan.txt" in err, err
    assert digest(plan) == before, "the plan is exactly as it was (and merged into nothing)"


def test_another_plan_open_in_the_app_is_not_written_over(plan, tmp_path, capsys):
    other = Path(shutil.copyfile(SAMPLE, tmp_path / "pokja-ekonomi.json"))
    before = digest(other)
    with PlanStore.open(other):  # the app holds it open at another table
        code, _, err = run(capsys, "stats", plan, "--out", other)
    assert code == 2 and "pokja-ekonomi.json adalah berkas rencana" in err
    assert digest(other) == before


def test_a_bundle_or_a_workbook_is_not_written_over(plan, tmp_path, capsys):
    workbook = tmp_path / "lembar.xlsx"
    assert run(capsys, "sheet", "export", plan, workbook)[0] == 0
    before = digest(workbook)
    code, _, err = run(capsys, "--lang", "en", "validate", plan, "--out", workbook)
    assert code == 2 and "already holds a bundle, a sheet or a document" in err, err
    assert str(tmp_path / "report.txt") in err, "the example file name is in English too"
    assert digest(workbook) == before


def test_a_folder_as_out_is_said_before_the_merge_is_done(plan, tmp_path, capsys):
    folder = tmp_path / "laporan"
    folder.mkdir()
    before = digest(plan)
    code, _, err = run(capsys, "merge", plan, *BUNDLES, "--out", folder)
    assert code == 2 and "adalah folder; tulis nama berkas untuk --out" in err, err
    assert ".tmp" not in err, "no temporary file's name"
    assert digest(plan) == before and list(folder.iterdir()) == []


def test_a_report_file_is_written_again_on_the_next_run(plan, tmp_path, capsys):
    report = tmp_path / "laporan.txt"
    assert run(capsys, "stats", plan, "--out", report)[0] == 0
    first = report.read_text(encoding="utf-8")
    assert run(capsys, "stats", plan, "--json", "--out", report)[0] == 0
    assert report.read_text(encoding="utf-8") != first and report.read_text(encoding="utf-8").startswith("{")


@pytest.mark.skipif(not CAN_MOUNT, reason=NO_MOUNT)
def test_a_write_protected_drive_for_the_report_is_said_before_the_merge(plan, tmp_path, capsys):
    drive = tmp_path / "flashdisk"
    drive.mkdir()
    before = digest(plan)
    with read_only_view(drive) as view:
        code, _, err = run(capsys, "merge", plan, *BUNDLES, "--out", view / "gabung.txt")
    assert code == 2 and "hanya bisa dibaca" in err and "Tidak ada yang dikerjakan" in err, err
    assert digest(plan) == before, "the merge was not done"


@pytest.mark.parametrize("how", ["FILE", "--out", "--out html"])
def test_render_refuses_to_write_the_book_over_the_plan_itself(plan, capsys, how):
    before = digest(plan)
    target = [plan] if how == "FILE" else ["--out", plan.parent / "." / plan.name]
    code, out, err = run(capsys, "render", plan, *target, *(["--format", "html"] if "html" in how else []))
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "rencana.json adalah berkas rencana; dokumen tidak ditulis di atasnya" in err, err
    assert digest(plan) == before, "the plan is exactly as it was"


def test_render_refuses_another_plan_or_a_backup_and_a_workbook(plan, tmp_path, capsys):
    assert run(capsys, "merge", plan, BUNDLES[0])[0] == 0  # makes rencana.backup-1.json
    others = [tmp_path / "rencana.backup-1.json", Path(shutil.copyfile(SAMPLE, tmp_path / "pokja-ekonomi.json"))]
    workbook = tmp_path / "lembar.xlsx"
    assert run(capsys, "sheet", "export", plan, workbook)[0] == 0
    for target in [*others, workbook]:
        before = digest(target)
        code, _, err = run(capsys, "--lang", "en", "render", plan, "--out", target)
        assert code == 2 and "the document is not written over it" in err, err
        assert digest(target) == before


def test_render_writes_a_new_book_over_the_last_book(plan, tmp_path, capsys):
    book_md = tmp_path / "rencana-induk.md"
    book_md.write_text("versi lama", encoding="utf-8")
    code, _, err = run(capsys, "render", plan, book_md)
    assert code == 0 and book_md.read_text(encoding="utf-8").startswith("# Rencana Induk"), err
