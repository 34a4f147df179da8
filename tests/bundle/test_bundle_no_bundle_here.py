"""QA report #6: where no bundle is (an empty folder, a bundle one or two folders deeper than
where it is read, a zip of two bundles) the secretariat hears "no bundle found here", what
was looked at and what to pick instead, not "manifest.toml is missing, copy the whole bundle";
a bundle cut short on the way (an empty manifest, a record file that stops mid-line) is said
to be damaged, to be copied again, not foreign or edited by hand."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_support import SAMPLE, run
from corpus_helpers import ECON, copy, zip_of

from bundle_helpers import rewrite
from smartcity_tui.bundle import BundleError, read_bundle
from smartcity_tui.i18n import set_language

# words of the English messages that must not leak into the Indonesian ones
ENGLISH = re.compile(r"\b(bundle|file|found|missing|looked|choose|copy|deeper|damaged|extract|the)\b", re.I)


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")
    yield
    set_language("id")


def _refused(path: Path) -> BundleError:
    with pytest.raises(BundleError) as err:
        read_bundle(path)
    e = err.value
    for msg in (e.message("id"), e.message("en")):
        assert "\n" not in msg and str(path) in msg and len(msg) < 600
    assert not ENGLISH.search(e.message("id").replace(str(path), "")), e.message("id")
    return e


def _no_wrong_advice(e: BundleError) -> None:
    """The advice for a bundle copied in part does not fit a bundle copied whole."""
    assert "bukan sebagian" not in e.message("id") and "not part of it" not in e.message("en")


def test_an_empty_folder_holds_no_bundle(tmp_path):
    (tmp_path / "kosong").mkdir()
    e = _refused(tmp_path / "kosong")
    assert e.key == "no_bundle_here"
    _no_wrong_advice(e)
    assert "Tidak ada bundel di" in e.message("id") and "manifest.toml" in e.message("id")
    assert e.message("en").startswith("No bundle found in") and "Choose the bundle folder itself" in e.message("en")


@pytest.mark.parametrize("depth", [2, 3])
def test_a_folder_whose_bundle_sits_deeper_names_where_it_is(good, tmp_path, depth):
    """`E:\\` given for `E:\\putaran-2\\pokja-a\\<bundle>`: a folder of bundles is expanded
    (one level), anything deeper is said, with the path to pick."""
    drive = tmp_path / "E"
    inner = drive / "putaran-2" / "pokja-a" if depth == 3 else drive / "pokja-a"
    inner.mkdir(parents=True)
    shutil.copytree(good.folder, inner / good.folder.name)
    e = _refused(drive)
    assert e.key == "bundle_deeper"
    _no_wrong_advice(e)
    where = str((inner / good.folder.name).relative_to(drive))
    assert where in e.message("id") and where in e.message("en")
    assert "Pilih folder bundel itu sendiri" in e.message("id")


def test_a_zip_whose_bundle_sits_two_folders_deep_says_where(good, tmp_path):
    packed = zip_of(good.folder, tmp_path / "b.zip", prefix=f"E/{good.folder.name}/")
    e = _refused(packed)
    assert e.key == "zip_bundle_deeper"
    _no_wrong_advice(e)
    assert f"E/{good.folder.name}" in e.message("id") and "Ekstrak" in e.message("id")
    assert "Extract the .zip" in e.message("en")


def test_a_zip_of_two_bundles_says_it_holds_two(good, tmp_path):
    packed = zip_of(good.folder, tmp_path / "two.zip", prefix="one/",
                    extra=[(f"two/{p.relative_to(good.folder).as_posix()}", p.read_bytes())
                           for p in sorted(good.folder.rglob("*")) if p.is_file()])
    e = _refused(packed)
    assert e.key == "zip_many_bundles"
    _no_wrong_advice(e)
    assert "2 bundel (one, two)" in e.message("id") and "2 bundles (one, two)" in e.message("en")


def test_a_zip_without_any_bundle_says_so(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "foto.zip", "w") as zf:
        zf.writestr("foto/rapat.jpg", b"\xff\xd8")
    e = _refused(tmp_path / "foto.zip")
    assert e.key == "zip_no_bundle"
    _no_wrong_advice(e)


def test_a_bundle_missing_only_its_manifest_still_says_copy_the_whole_bundle(good, tmp_path):
    b = copy(good.folder, tmp_path)
    (b / "manifest.toml").unlink()
    e = _refused(b)
    assert (e.key, e.file) == ("missing_file", "manifest.toml")


@pytest.mark.parametrize("content", [b"", b"\x00" * 512], ids=["empty", "zeros"])
def test_an_empty_manifest_is_a_damaged_copy_not_a_foreign_bundle(good, tmp_path, content):
    """What a flash drive pulled too early leaves: a file of its size in zeros, or none."""
    b = copy(good.folder, tmp_path)
    (b / "manifest.toml").write_bytes(content)
    e = _refused(b)
    assert (e.key, e.file) == ("manifest_empty", "manifest.toml")
    assert "rusak" in e.message("id") and "Salin lagi bundelnya dari flashdisk kelompok" in e.message("id")
    assert "damaged" in e.message("en") and "bukan manifest" not in e.message("id")


def test_a_record_file_cut_short_names_its_line_and_says_copy_again(good, tmp_path):
    b = copy(good.folder, tmp_path)
    data = (b / ECON).read_bytes()
    cut = data[: data.rindex(b"f.text = ") + len(b"f.te")]  # mid-line, as a pulled drive leaves it
    rewrite(b, ECON, cut)  # checksums recomputed, as in the report: so the parser meets it
    e = _refused(b)
    assert (e.key, e.file, e.line) == ("file_cut", ECON, cut.count(b"\n") + 1)
    msg_id, msg_en = e.message("id"), e.message("en")
    assert f"baris {e.line}:" in msg_id and "terpotong" in msg_id and "Salin lagi" in msg_id
    assert "secara manual" not in msg_id and "by hand" not in msg_en and "cut short" in msg_en


def test_a_record_file_cut_inside_a_character_says_cut_short_too(good, tmp_path):
    b = copy(good.folder, tmp_path)
    data = (b / ECON).read_bytes() + "é".encode()
    rewrite(b, ECON, data[:-1])
    assert _refused(b).key == "file_cut"


def test_merge_of_an_empty_folder_is_one_line_and_the_plan_is_untouched(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    shutil.copyfile(SAMPLE, plan)
    (tmp_path / "kosong").mkdir()
    before = plan.read_bytes()
    code, out, err = run(capsys, "merge", plan, tmp_path / "kosong")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Tidak ada bundel di" in err
    code, _, err = run(capsys, "merge", plan, tmp_path / "kosong", "--lang", "en")
    assert code == 2 and "No bundle found in" in err
    assert plan.read_bytes() == before


def test_a_bundle_zip_zipped_again_says_to_extract_it_first(good, tmp_path, capsys):
    import zipfile

    inner = zip_of(good.folder, tmp_path / "wonosari-raya_pokja-smart-environment_2026-11-17_0915.zip")
    outer = tmp_path / "kiriman WA.zip"
    with zipfile.ZipFile(outer, "w") as zf:  # Explorer's "Send to > Compressed folder" on the .zip
        zf.write(inner, inner.name)
    e = _refused(outer)
    assert e.key == "zip_in_zip"
    _no_wrong_advice(e)
    said = e.message("id")
    assert f"berisi .zip lain ({inner.name})" in said and "Ekstrak dulu kiriman WA.zip" in said, said
    assert "Extract kiriman WA.zip first, then choose the .zip inside it" in e.message("en")
    plan = Path(shutil.copyfile(SAMPLE, tmp_path / "rencana.json"))
    before = plan.read_bytes()
    code, _, err = run(capsys, "merge", plan, outer)
    assert code == 2 and "berisi .zip lain" in err and plan.read_bytes() == before, err


@pytest.mark.parametrize("rel", ["manifest.toml", "plan.toml", ECON])
def test_an_empty_or_utf16_file_of_the_bundle_is_said_as_such_not_as_changed(good, tmp_path, rel):
    empty = copy(good.folder, tmp_path / "kosong")
    (empty / rel).write_bytes(b"")  # a pulled flash drive
    e = _refused(empty)
    assert e.file == rel and "Berkas ini kosong" in e.message("id") and "sha256" not in e.message("id")
    utf16 = copy(good.folder, tmp_path / "notepad")
    (utf16 / rel).write_bytes((utf16 / rel).read_text(encoding="utf-8").encode("utf-16"))  # Notepad's "Unicode"
    e = _refused(utf16)
    assert e.file == rel and "UTF-16" in e.message("id") and "sha256" not in e.message("id"), e.message("id")
    assert "saved again by another program as UTF-16" in e.message("en")
