"""`smartcity-tui render PLAN [--format md|html|docx] [--lang id|en] [--out FILE]` as an
officer at a terminal sees it: Markdown on the screen or in a file, HTML and Word only into a
file, every mistake one line with exit code 2, the plan untouched and no half-written file."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

from cli_support import SAMPLE, run

TITLE = "# Rencana Induk Smart City Kabupaten Wonosari Raya Tahun 2025\u20132029"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_markdown_goes_to_the_screen_or_to_a_file(tmp_path, capsys):
    code, out, err = run(capsys, "render", SAMPLE)
    assert code == 0 and err == "" and out.startswith(TITLE + "\n")
    target = tmp_path / "rencana-induk.md"
    code, said, err = run(capsys, "render", SAMPLE, "--out", target)
    assert code == 0 and said == f"Dokumen ditulis: {target}\n"
    assert target.read_text(encoding="utf-8") == out
    assert [p.name for p in tmp_path.iterdir()] == ["rencana-induk.md"]  # no temp file left


def test_html_is_written_whole_and_replaces_an_older_one(tmp_path, capsys):
    target = tmp_path / "rencana-induk.html"
    target.write_text("versi lama", encoding="utf-8")
    code, said, _ = run(capsys, "render", SAMPLE, "--format", "html", "--out", target, "--lang", "en")
    assert code == 0 and said == f"Document written: {target}\n"
    html = target.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">') and html.endswith("</html>\n")
    assert "CHAPTER VIII" in html


def test_html_or_word_without_out_is_one_line_and_exit_2(tmp_path, capsys):
    for fmt in ("html", "docx"):
        code, out, err = run(capsys, "render", SAMPLE, "--format", fmt)
        assert code == 2 and out == "" and err.count("\n") == 1
        assert f"--out rencana-induk.{fmt}" in err


def test_a_bad_out_says_what_to_do_before_reading_the_plan(tmp_path, capsys):
    code, _, err = run(capsys, "render", tmp_path / "tidak-ada.json", "--out", tmp_path / "map" / "a.md")
    assert code == 2 and "Folder" in err and "tidak ada" in err and err.count("\n") == 1
    code, _, err = run(capsys, "render", SAMPLE, "--format", "html", "--out", tmp_path)
    assert code == 2 and "adalah folder" in err and "rencana-induk.html" in err


def test_a_failed_write_leaves_no_file_and_the_plan_as_it_was(tmp_path, capsys, monkeypatch):
    import smartcity_tui.commands.render as render

    def disk_full(target, data, **kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render, "atomic_write_bytes", disk_full)
    before = digest(SAMPLE)
    target = tmp_path / "rencana-induk.html"
    code, out, err = run(capsys, "render", SAMPLE, "--format", "html", "--out", target)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "tidak dapat ditulis" in err and "disk penuh" in err.lower()
    assert not target.exists() and digest(SAMPLE) == before


def test_a_missing_plan_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = run(capsys, "render", tmp_path / "tidak-ada.json", "--format", "html",
                         "--out", tmp_path / "a.html")
    assert code == 2 and out == "" and err.count("\n") == 1 and not (tmp_path / "a.html").exists()


def test_the_name_given_to_out_says_the_format(tmp_path, capsys):
    """`--out rencana.html` is a page for the browser, not Markdown under an .html name."""
    page = tmp_path / "Rencana.HTML"
    code, _, _ = run(capsys, "render", SAMPLE, "--out", page)
    assert code == 0 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    other = tmp_path / "rencana.txt"  # an ending that says nothing: Markdown, as without --out
    code, _, _ = run(capsys, "render", SAMPLE, "--out", other)
    assert code == 0 and other.read_text(encoding="utf-8").startswith(TITLE + "\n")


def test_a_format_the_name_contradicts_is_refused_and_nothing_written(tmp_path, capsys):
    target = tmp_path / "rencana-induk.md"
    code, out, err = run(capsys, "render", SAMPLE, "--format", "html", "--out", target, "--lang", "en")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "--format html" in err and f"{tmp_path / 'rencana-induk.html'}" in err
    assert list(tmp_path.iterdir()) == []


def test_the_file_may_be_the_word_after_the_plan_or_after_an_option(tmp_path, capsys):
    """`render PLAN FILE` is `--out FILE` (as `sheet export PLAN OUT` is typed), wherever the
    options stand; a second, different target is refused and nothing is written."""
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    code, said, err = run(capsys, "render", SAMPLE, first)
    assert code == 0 and said == f"Dokumen ditulis: {first}\n" and first.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    code, said, err = run(capsys, "render", SAMPLE, "--lang", "en", second)
    assert code == 0 and '<html lang="en">' in second.read_text(encoding="utf-8")
    code, out, err = run(capsys, "render", SAMPLE, tmp_path / "c.html", "--out", tmp_path / "d.html")
    assert code == 2 and out == "" and err.count("\n") == 1 and "Sebut satu saja" in err
    code, out, err = run(capsys, "render", SAMPLE, "--format", "html", tmp_path / "e.html", tmp_path / "f.html")
    assert code == 2 and f"argumen tidak dikenal: {tmp_path / 'f.html'}." in err and "e.html" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]
