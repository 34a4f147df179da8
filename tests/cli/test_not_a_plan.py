"""The wrong file given as a plan, a bundle or a sheet, as happens at the secretariat where
plans, the groups' bundles, Bappeda's sheets and the books sit side by side: each is named
for what it is, with what to do with it instead (merge a bundle, import a sheet, export a
bundle from a plan, name the plan in a folder), never as a damaged plan to restore from a
backup; and the file is left exactly as it was. A word
that is no command and no file is a mistyped command, not a plan to create."""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.cli import main
from smartcity_tui.store import PlanStore, PlanUnreadable


def digest(path: Path) -> str:
    if path.is_dir():
        return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file())).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def _round_made(tmp_path_factory) -> Path:
    """What a secretariat's flash drive holds after a round, each kind of file once: made once
    for the module (two bundles, a workbook, two books), copied for each test."""
    folder = tmp_path_factory.mktemp("round") / "putaran-2"
    folder.mkdir()
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["export", str(SAMPLE), "--out", str(folder)]) == 0
        assert main(["export", str(SAMPLE), "--out", str(folder), "--zip"]) == 0
        assert main(["sheet", "export", str(SAMPLE), str(folder / "lembar.xlsx")]) == 0
        assert main(["render", str(SAMPLE), "--out", str(folder / "rencana-induk.html")]) == 0
        assert main(["render", str(SAMPLE), "--out", str(folder / "rencana-induk.md")]) == 0
    (folder / "Program.csv").write_text("Kode;Nama Program\nGOV-01;Portal\n", encoding="utf-8-sig")
    with zipfile.ZipFile(folder / "lembar.ods", "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", "<office:document-content/>")
    (folder / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return folder


@pytest.fixture
def round_folder(_round_made, tmp_path) -> dict[str, Path]:
    """The round's files, this test's own copy."""
    folder = shutil.copytree(_round_made, tmp_path / "putaran-2")
    bundle_folder, = (p for p in folder.iterdir() if p.is_dir())
    bundle_zip, = folder.glob("*.zip")
    names = {"xlsx": "lembar.xlsx", "csv": "Program.csv", "ods": "lembar.ods", "xls": "lama.xls",
             "html": "rencana-induk.html", "md": "rencana-induk.md"}
    return {"bundle folder": bundle_folder, "bundle zip": bundle_zip} | {k: folder / n for k, n in names.items()}


KINDS = {
    "bundle folder": ("bundel ekspor", "smartcity-tui merge RENCANA.json"),
    "bundle zip": ("bundel ekspor", "smartcity-tui merge RENCANA.json"),
    "xlsx": ("lembar kerja", "smartcity-tui sheet import RENCANA.json"),
    "csv": ("lembar kerja", "sheet import"),
    "ods": ("lembar kerja", "sheet import"),
    "xls": ("lembar kerja", "sheet import"),
    "html": ("dokumen rencana induk", "berkas rencananya (.json)"),
    "md": ("dokumen rencana induk", "berkas rencananya (.json)"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_file_of_a_round_is_named_for_what_it_is(round_folder, capsys, kind):
    path = round_folder[kind]
    before = digest(path)
    code, out, err = run(capsys, "stats", path)
    assert code == 2 and out == "" and err.count("\n") == 1
    what, instead = KINDS[kind]
    assert what in err and instead in err and str(path) in err, err
    assert "cadangan" not in err and "rusak" not in err, "not a damaged plan: no backup to restore"
    assert digest(path) == before


def test_a_folder_names_the_plans_in_it(round_folder, tmp_path, capsys):
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    (folder / "rencana-pokja-ekonomi.json").write_bytes(SAMPLE.read_bytes())
    code, _, err = run(capsys, "--lang", "en", "validate", folder)
    assert code == 2 and err.count("\n") == 1
    assert "it is a folder" in err and "rencana-pokja-ekonomi.json" in err
    assert f"for example {folder / 'rencana-pokja-ekonomi.json'}" in err
    empty = tmp_path / "kosong"
    empty.mkdir()
    code, _, err = run(capsys, "--lang", "en", "stats", empty)
    assert code == 2 and "holds no .json file" in err


def test_the_store_refuses_them_offering_no_backup(round_folder):
    """The app's problem screen offers a backup only where the store lists one: never for a
    bundle or a sheet, which no backup of a plan can replace."""
    for kind in ("bundle zip", "xlsx"):
        with pytest.raises(PlanUnreadable) as caught:
            PlanStore.open(round_folder[kind])
        assert caught.value.backups == [] and not caught.value.io_error


def test_a_damaged_plan_is_still_said_as_damaged(tmp_path, capsys):
    plan = tmp_path / "rencana.json"
    plan.write_text('{"_meta": {"1": ', encoding="utf-8")
    code, _, err = run(capsys, "stats", plan)
    assert code == 2 and "isinya rusak" in err and "cadangan" in err


@pytest.mark.parametrize("word, close", [("exprot", "export"), ("stat", "stats"), ("rencana", None)])
def test_a_bare_word_that_is_no_command_and_no_file_is_refused(tmp_path, monkeypatch, capsys, word, close):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, word)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"'{word}' bukan perintah" in err and f"'{word}.json'" in err
    assert (f"Maksudnya '{close}'?" in err) if close else ("Maksudnya" not in err)
    assert list(tmp_path.iterdir()) == [], "no plan file made"


def test_a_bare_word_naming_a_file_that_exists_still_opens_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("rencana").write_bytes(SAMPLE.read_bytes())
    code, _, err = run(capsys, "rencana")
    assert "bukan perintah" not in err
    assert code == 2 and "perlu terminal" in err  # it went on to open the app, which needs one


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "rencana.json"
    path.write_bytes(SAMPLE.read_bytes())
    return path


@pytest.mark.parametrize("kind, said, instead", [
    ("xlsx", "adalah lembar kerja, bukan bundel", "sheet import"),
    ("ods", "adalah lembar kerja, bukan bundel", "sheet import"),
    ("csv", "adalah lembar kerja, bukan bundel", "sheet import"),
    ("html", "adalah dokumen rencana induk, bukan bundel", "smartcity-tui export"),
])
def test_merge_given_a_sheet_or_a_book_says_what_it_is(round_folder, plan, capsys, kind, said, instead):
    before = digest(plan)
    code, out, err = run(capsys, "merge", plan, round_folder[kind])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert said in err and instead in err
    assert digest(plan) == before


def test_merge_given_a_plan_says_to_export_a_bundle_from_it(plan, tmp_path, capsys):
    other = tmp_path / "rencana-pokja.json"
    other.write_bytes(SAMPLE.read_bytes())
    before = digest(plan)
    code, _, err = run(capsys, "--lang", "en", "merge", plan, other)
    assert code == 2 and err.count("\n") == 1
    assert "is a plan file, not a bundle" in err and f"smartcity-tui export {other} --out FOLDER" in err
    assert digest(plan) == before


def test_merge_given_the_rounds_folder_merges_the_bundles_in_it(round_folder, plan, capsys):
    """As on the merge screen; PowerShell passes `E:\\putaran-2\\*` on unexpanded, so the
    folder is what a Windows secretariat types. The sheets and books beside them are left."""
    folder = round_folder["bundle zip"].parent
    code, out, err = run(capsys, "merge", plan, folder, "--dry-run")
    assert code == 0 and err == ""
    assert f"Bundel {round_folder['bundle folder']} " in out
    assert f"Bundel {round_folder['bundle zip']} " in out
    assert "lembar.xlsx" not in out


def test_a_reader_of_one_bundle_given_the_rounds_folder_names_the_bundles_in_it(round_folder):
    from smartcity_tui.bundle import BundleError
    from smartcity_tui.bundle.reader import read_bundle

    with pytest.raises(BundleError) as caught:
        read_bundle(round_folder["bundle zip"].parent)
    said = caught.value.message("en")
    assert "a folder holding bundles" in said and round_folder["bundle folder"].name in said


@pytest.mark.parametrize("kind", ["bundle zip", "bundle folder"])
def test_sheet_import_given_a_bundle_says_to_merge_it(round_folder, plan, capsys, kind):
    before = digest(plan)
    code, _, err = run(capsys, "sheet", "import", plan, round_folder[kind])
    assert code == 2 and "adalah bundel ekspor" in err and "smartcity-tui merge RENCANA.json" in err
    assert digest(plan) == before


@pytest.mark.parametrize("kind", ["bundle folder", "bundle zip", "xlsx"])
def test_restore_puts_no_plan_over_a_bundle_or_a_sheet(round_folder, plan, capsys, kind):
    """`restore FILE --from PLAN` with the wrong FILE named: it is said as what it is, and
    nothing is put in its place or moved aside."""
    target = round_folder[kind]
    before = digest(target)
    listing = sorted(p.name for p in target.parent.iterdir())
    code, out, err = run(capsys, "restore", target, "--from", plan)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert KINDS[kind][0] in err
    assert digest(target) == before and sorted(p.name for p in target.parent.iterdir()) == listing


def test_restore_still_mends_a_plan_a_power_cut_zeroed(plan, tmp_path, capsys):
    """A flash drive pulled mid-write on FAT32 can leave a file of zero bytes: that is a
    damaged plan, not something else, and its backup goes back in place."""
    good = plan.read_bytes()
    backup = plan.with_name("rencana.backup-1.json")
    backup.write_bytes(good)
    plan.write_bytes(b"\0" * 4096)
    code, out, err = run(capsys, "restore", plan)
    assert code == 0, err
    assert plan.read_bytes() == good
