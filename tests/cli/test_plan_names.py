"""`new` with a plan file name Windows refuses or misreads: refused on every OS (the plan
travels to Windows laptops and FAT32 flash drives), in one line saying why and suggesting a
name, exit 2, nothing made."""

from __future__ import annotations

import pytest
from cli_support import run

NEW = ["new", "--region", "Wonosari Raya", "--kind", "kabupaten", "--province", "Jawa Tengah",
       "--start", "2025", "--end", "2029", "--team", "Pokja"]


@pytest.mark.parametrize(("name", "why", "suggested"), [
    ("Rencana: Wonosari.json", "tidak boleh memuat :", "Rencana-Wonosari.json"),
    ("rencana?.json", "tidak boleh memuat ?", "rencana.json"),
    ('draf "final".json', 'tidak boleh memuat "', "draf-final.json"),
    ("a<b>.json", "tidak boleh memuat < >", "a-b.json"),
    ("x|y*.json", "tidak boleh memuat | *", "x-y.json"),
    ("CON.json", "CON adalah nama perangkat Windows", "rencana-CON.json"),
    ("nul.json", "NUL adalah nama perangkat Windows", "rencana-nul.json"),
    ("COM1.json", "COM1 adalah nama perangkat Windows", "rencana-COM1.json"),
    ("Lpt9.draf.json", "LPT9 adalah nama perangkat Windows", "rencana-Lpt9.draf.json"),
    ("rencana.json.", "titik atau spasi di akhir", "rencana.json"),
    ("rencana\tbaru.json", "karakter kendali", "rencanabaru.json"),
])
def test_a_name_windows_refuses_is_refused_with_why_and_a_name_to_use(tmp_path, capsys, name, why, suggested):
    code, out, err = run(capsys, *NEW, tmp_path / name)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert why in err and f"Ganti namanya, misalnya {suggested}" in err, err
    assert "\t" not in err, "a control character is printed escaped"
    assert list(tmp_path.iterdir()) == [], "nothing made, not even a lock file"


def test_the_reason_is_said_in_english_too(tmp_path, capsys):
    code, _, err = run(capsys, "--lang", "en", *NEW, tmp_path / "aux.json")
    assert code == 2 and "AUX is a Windows device name" in err and "for example rencana-aux.json" in err, err


def test_names_windows_takes_are_still_made(tmp_path, capsys):
    for name in ("rencana induk (1).json", "console.json", "COM10.json", "ꦗꦮ-rencana.json"):
        assert run(capsys, *NEW, tmp_path / name)[0] == 0, name


