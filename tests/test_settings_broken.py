"""A settings.toml that will not read is kept aside and said once, never written over: the
key remaps in it were lost before (Windows review B13)."""

from __future__ import annotations

from smartcity_tui.settings import Settings

REMAPS = '[keys]\n"swot.new" = "a"\n'


def test_a_broken_settings_file_is_kept_aside_said_once_and_not_overwritten(tmp_path, capsys):
    path = tmp_path / "settings.toml"
    broken = ('last_plan = "C:\\Users\\budi\\rencana.json"\n' + REMAPS).encode("utf-8")  # \U: bad escape
    path.write_bytes(broken)
    settings = Settings.load(path)
    err = capsys.readouterr().err
    aside = tmp_path / "settings.toml.broken"
    assert aside.read_bytes() == broken
    assert err.count("\n") == 1 and str(aside) in err and "bukan TOML yang sah" in err
    assert settings.broken_notice and str(aside) in settings.broken_notice
    settings.remember_language("en")  # the app goes on, with defaults, and saves as usual
    assert aside.read_bytes() == broken
    again = Settings.load(path)
    assert again.language == "en" and again.broken_notice == "" and capsys.readouterr().err == ""


def test_a_notepad_ansi_file_is_kept_aside_too_and_a_second_one_does_not_replace_the_first(tmp_path, capsys):
    path = tmp_path / "settings.toml"
    path.write_bytes('theme = "kontras-tinggi"\n# catatan: pengaturan untuk Pokja Ekonomi \xe9\n'.encode("latin-1"))
    Settings.load(path)
    assert "bukan teks UTF-8" in capsys.readouterr().err
    path.write_bytes(b"= rusak lagi")
    Settings.load(path)
    assert (tmp_path / "settings.toml.broken").exists() and (tmp_path / "settings.toml.broken-2").read_bytes() == b"= rusak lagi"


def test_a_broken_file_that_cannot_be_moved_is_never_written(tmp_path, monkeypatch, capsys):
    from pathlib import Path

    path = tmp_path / "settings.toml"
    path.write_bytes(b"= rusak")

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    settings = Settings.load(path)
    settings.remember_theme("kontras-tinggi")
    assert path.read_bytes() == b"= rusak"
