"""`--help` of every command and sub-command, in both languages, as the IT person runs it:
the help text, never a traceback (argparse %-formats help strings, so a stray % in a
catalog, such as git's %O, used to crash `merge-driver --help`)."""

from __future__ import annotations

import argparse

import pytest

from smartcity_tui.cli import build_parser, main
from smartcity_tui.i18n import set_language


def _command_paths() -> list[list[str]]:
    """Every command word, and every word under one (`sheet export`), from the parser itself,
    so a command added later is checked too."""
    set_language("id")
    parser, _ = build_parser()
    paths: list[list[str]] = []

    def walk(p: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    paths.append([*prefix, name])
                    walk(child, [*prefix, name])

    walk(parser, [])
    return paths


PATHS = _command_paths()


def test_the_list_holds_every_command():
    words = {" ".join(p) for p in PATHS}
    assert {"merge-driver", "merge", "sheet export", "sheet import", "reframe"} <= words


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("words", PATHS, ids=lambda p: "-".join(p))
def test_help_prints_the_help(words, lang, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", lang, *words, "--help"])
    out, err = capsys.readouterr()
    assert stop.value.code == 0, err
    assert out.startswith("cara pakai: " if lang == "id" else "usage: ")
    assert " ".join(words) in out and err == ""


def test_merge_driver_help_shows_gits_placeholders(capsys):
    with pytest.raises(SystemExit):
        main(["merge-driver", "-h"])
    out = capsys.readouterr().out
    assert all(f"({p})" in out for p in ("%O", "%A", "%B", "%P"))
