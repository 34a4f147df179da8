"""Team and region names never reach the terminal raw: a control character typed with
`new --team` is refused (a tab, a line break, an ESC), and one in a bundle's manifest (which
has no checksum of its own) is printed written out, so that a crafted team name cannot set
the terminal's title or clear the screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

NEW = ["new", "--region", "Wonosari Raya", "--kind", "kabupaten", "--province", "Jawa Tengah",
       "--start", "2025", "--end", "2029", "--team", "Pokja"]
ECO = SAMPLE.parent / "bundles" / "wonosari-raya_pokja-smart-economy_2026-11-16_1000"


@pytest.mark.parametrize("option", ["--team", "--region"])
def test_a_control_character_in_a_name_is_refused_and_printed_escaped(tmp_path, capsys, option):
    args = list(NEW)
    args[args.index(option) + 1] = "Pokja\x1b]0;DIRETAS\x07\tEko"
    code, out, err = run(capsys, *args, tmp_path / "rencana.json")
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert f"{option} memuat karakter kendali" in err and "Pokja\\x1b]0;DIRETAS\\x07\\x09Eko" in err, err
    assert "\x1b" not in err and "\x07" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_bundles_team_name_with_escape_codes_is_printed_written_out(tmp_path, capsys):
    plan = Path(shutil.copyfile(SAMPLE, tmp_path / "rencana.json"))
    eco = Path(shutil.copytree(ECO, tmp_path / "eco"))
    manifest = eco / "manifest.toml"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [('team = "Pokja\\u001b]0;DIRETAS\\u0007\\u001b[2J Eko"\n' if ln.startswith("team = ") else ln)
             for ln in lines]
    manifest.write_text("".join(lines), encoding="utf-8")
    for args in (["merge", "--dry-run", plan, eco], ["merge", plan, eco], ["conflicts", plan], ["stats", plan]):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert "\x1b" not in out + err and "\x07" not in out + err, args
    code, out, _ = run(capsys, "merge", "--dry-run", plan, eco)
    assert "Pokja\\x1b]0;DIRETAS\\x07\\x1b[2J Eko" in out, out


def test_a_plan_s_own_team_name_with_escape_codes_is_printed_written_out_by_stats(tmp_path, capsys):
    """A plan written by an older version, or by hand, may hold one already: `stats` prints it
    written out too, never raw."""
    from smartcity_tui.store import PlanStore

    plan = Path(shutil.copyfile(SAMPLE, tmp_path / "rencana.json"))
    with PlanStore.open(plan) as store:
        store.set_team("Pokja\x1b]0;DIRETAS\x07 Eko")
    code, out, err = run(capsys, "stats", plan)
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "Pokja\\x1b]0;DIRETAS\\x07 Eko" in out, out
