"""`--out FILE` on the commands that print a report (stats, validate, conflicts, merge): the
report as UTF-8 bytes in a file. In Windows PowerShell 5.1, `> file` decodes a program's output
in the console's code page and writes it as UTF-16, which garbles JSON and every accented
word; `--out` writes what the command would print, byte for byte."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from smartcity_tui.cli import main
from smartcity_tui.i18n import set_language, t
from smartcity_tui.store import PlanStore

ROOT = Path(__file__).resolve().parents[2]
BUNDLES = sorted(p for p in (ROOT / "sample_data" / "bundles").iterdir() if not p.name.startswith("."))


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "rencana.json"
    shutil.copyfile(ROOT / "sample_data" / "plan.json", target)
    with PlanStore.open(target) as store:
        store.set_info(vision="Wonosari Raya — cerdas, hijau ≥ 2030, «gotong royong»")
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("argv", [["stats", "--json"], ["stats"], ["validate", "--json"], ["validate"],
                                  ["conflicts", "--json"]])
def test_the_file_holds_what_the_screen_would_show(plan, tmp_path, capsys, argv):
    command, *options = argv
    code_screen = main([command, str(plan), *options])
    shown = capsys.readouterr().out
    out = tmp_path / "laporan.txt"
    code_file = main([command, str(plan), *options, "--out", str(out)])
    assert capsys.readouterr().out == ""
    assert code_file == code_screen
    assert out.read_bytes() == shown.encode("utf-8")


def test_json_into_a_file_keeps_every_character(plan, tmp_path):
    out = tmp_path / "stats.json"
    assert main(["stats", str(plan), "--json", "--out", str(out)]) == 0
    data = json.loads(out.read_bytes().decode("utf-8"))  # UTF-8, no BOM, no UTF-16
    assert data["plan"]["vision"] == "Wonosari Raya — cerdas, hijau ≥ 2030, «gotong royong»"


def test_merge_report_into_a_file_and_the_plan_merged_in_place(plan, tmp_path, capsys):
    twin = tmp_path / "kembar" / "rencana.json"
    twin.parent.mkdir()
    shutil.copyfile(plan, twin)
    code_screen = main(["merge", str(twin), *map(str, BUNDLES), "--json"])
    shown = json.loads(capsys.readouterr().out)
    out = tmp_path / "gabung.json"
    code_file = main(["merge", str(plan), *map(str, BUNDLES), "--json", "--out", str(out)])
    assert capsys.readouterr().out == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code_file == code_screen == 1  # the sample drafts conflict
    assert {**report, "plan": ""} == {**shown, "plan": ""} and report["plan"] == str(plan)
    with PlanStore.open(plan, readonly=True) as store:
        assert store.plan().conflict_ids  # merged where it is


def test_a_missing_folder_is_said_first_and_the_merge_is_not_done(plan, tmp_path, capsys):
    before = digest(plan)
    out = tmp_path / "tidak-ada" / "gabung.json"
    assert main(["merge", str(plan), *map(str, BUNDLES), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"smartcity-tui: {t('win.out_folder_missing', folder=out.parent)}\n"
    assert digest(plan) == before and not out.exists()


def test_a_refused_merge_in_json_goes_to_the_file_too(plan, tmp_path):
    out = tmp_path / "gabung.json"
    missing = tmp_path / "tidak-ada.zip"
    assert main(["merge", str(plan), str(missing), "--json", "--out", str(out)]) == 2
    assert json.loads(out.read_text(encoding="utf-8"))["error"]


def test_the_option_is_in_each_commands_help(capsys):
    for command in ("stats", "validate", "conflicts", "merge"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "--out FILE" in capsys.readouterr().out
