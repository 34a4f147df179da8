"""`export` and `render` as a person at a terminal sees them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from cli_support import SAMPLE, run
from md_parse import parse

from smartcity_tui.bundle import read_bundle
from smartcity_tui.store import PlanStore


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_prints_the_bundle_path_and_counts(tmp_path, capsys):
    before = _digest(SAMPLE)
    code, out, err = run(capsys, "export", SAMPLE, "--out", tmp_path)
    assert code == 0 and err == ""
    path = Path(re.search(r"Bundel ditulis: (.+)", out).group(1))
    assert path.parent == tmp_path and path.is_dir()
    with PlanStore.open(SAMPLE, readonly=True) as store:
        n = len(store.states())
        swot = len(store.plan().swot)
    assert f"{n} entri: {swot} butir SWOT" in out
    assert len(read_bundle(path).states) == n
    assert _digest(SAMPLE) == before  # exporting never touches the plan


def test_export_zip_in_english(tmp_path, capsys):
    code, out, _ = run(capsys, "export", SAMPLE, "--out", tmp_path, "--zip", "--lang", "en")
    assert code == 0
    path = Path(re.search(r"Bundle written: (.+)", out).group(1))
    assert path.suffix == ".zip" and read_bundle(path).language == "en"
    assert "SWOT items" in out


def test_export_to_a_missing_folder_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = run(capsys, "export", SAMPLE, "--out", tmp_path / "no-flashdisk")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no-flashdisk" in err and "tidak ada" in err
    assert list(tmp_path.iterdir()) == []


def test_export_to_a_zip_name_or_a_file_says_out_is_a_folder(tmp_path, capsys):
    """`--out rencana.zip` is what someone who wants a zip types first: the message names
    the folder and --zip, and nothing is written; a file given as --out is called a file."""
    code, out, err = run(capsys, "export", SAMPLE, "--out", tmp_path / "rencana.zip")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"--out {tmp_path} --zip" in err
    assert list(tmp_path.iterdir()) == []
    a_file = tmp_path / "catatan.txt"
    a_file.write_text("isi", encoding="utf-8")
    code, _, err = run(capsys, "export", SAMPLE, "--out", a_file, "--lang", "en")
    assert code == 2 and err.count("\n") == 1
    assert "catatan.txt is a file, not a folder" in err
    assert [p.name for p in tmp_path.iterdir()] == ["catatan.txt"]


def test_export_of_a_missing_plan_is_one_line_and_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "export", tmp_path / "none.json", "--out", tmp_path)
    assert code == 2 and err.count("\n") == 1 and "none.json" in err


def test_export_that_fails_writing_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    import errno

    from smartcity_tui.bundle import safe_write

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(safe_write, "_write_bytes", full)
    code, _, err = run(capsys, "export", SAMPLE, "--out", tmp_path, "--lang", "en")
    assert code == 2 and err.count("\n") == 1 and "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


def test_render_prints_the_masterplan_as_markdown(capsys):
    code, out, _ = run(capsys, "render", SAMPLE)
    assert code == 0
    doc = parse(out)
    assert doc.headings[0] == (1, "Rencana Induk Smart City Kabupaten Wonosari Raya Tahun 2025\u20132029")
    assert (2, "4.1 Smart Governance") in doc.headings
    code, out, _ = run(capsys, "render", SAMPLE, "--lang", "en")
    assert code == 0 and parse(out).headings[0][1].startswith("Smart City Masterplan")


def test_render_of_a_missing_plan_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = run(capsys, "render", tmp_path / "none.json")
    assert code == 2 and out == "" and err.count("\n") == 1


def test_export_takes_its_folder_as_a_second_word_too(tmp_path, capsys):
    """`sheet export PLAN DIR` takes its folder that way, so an officer types `export PLAN DIR`
    too: it writes the bundle there, as --out does."""
    code, out, err = run(capsys, "export", SAMPLE, tmp_path)
    assert code == 0 and err == ""
    path = Path(re.search(r"Bundel ditulis: (.+)", out).group(1))
    assert path.parent == tmp_path and read_bundle(path).states
    (tmp_path / "zips").mkdir()
    code, out, err = run(capsys, "export", SAMPLE, "--zip", tmp_path / "zips")  # after an option too
    assert code == 0 and err == ""
    assert [p.suffix for p in (tmp_path / "zips").iterdir()] == [".zip"]


def test_export_without_a_folder_or_with_two_says_so_and_writes_nothing(tmp_path, capsys):
    code, out, err = run(capsys, "export", SAMPLE)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "Folder tujuan belum disebut" in err and "--out" in err
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    code, out, err = run(capsys, "export", SAMPLE, tmp_path / "a", "--out", tmp_path / "b")
    assert code == 2 and out == "" and err.count("\n") == 1 and "Sebut satu saja" in err
    assert list((tmp_path / "a").iterdir()) == [] and list((tmp_path / "b").iterdir()) == []


def test_a_plan_the_reader_would_refuse_says_why_to_the_team_exporting_it(tmp_path, capsys):
    """A year typed as text by another program: the export names the record's kind in the
    message's language ("Program", not "programme") and does not tell the team exporting to
    ask "the sending team" to export again: that is them."""
    import json

    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    programme = next(v for v in data["records"].values() if v["kind"] == "programme")
    programme["f"]["start_year"][0]["v"] = "2025"
    plan = tmp_path / "rencana.json"
    plan.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "flashdisk"
    out.mkdir()
    for lang, kind, sender in (("id", "Program ", "tim pengirim"), ("en", "Programme ", "sending team")):
        code, _, err = run(capsys, "--lang", lang, "export", plan, out)
        assert code == 2 and err.count("\n") == 1, err
        assert kind in err and "programme " not in err and sender not in err, err
    assert list(out.iterdir()) == []
