"""What a reader accepts although the writer never produces it: a UTF-8 BOM and CRLF line
ends (an editor or git on the way), stray files a desktop leaves (Thumbs.db, .DS_Store), a
zip with the bundle in one top folder, and records or fields from a newer app."""

from __future__ import annotations

import zipfile

import pytest
from bundle_helpers import rewrite, states_dicts
from corpus_helpers import ECON, append, copy, edit_line, zip_of
from smartcity_tui.bundle import BundleError, read_bundle


def _files(b):
    return [p for p in b.rglob("*") if p.is_file()]


def test_bom_and_crlf_in_every_file_are_accepted(good, tmp_path):
    b = copy(good.folder, tmp_path)
    for p in _files(b):
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes().replace(b"\n", b"\r\n"))
    assert states_dicts(read_bundle(b).states) == good.states


def test_a_bom_alone_is_accepted(good, tmp_path):
    b = copy(good.folder, tmp_path)
    for rel in ("manifest.toml", "plan.toml", ECON):
        (b / rel).write_bytes(b"\xef\xbb\xbf" + (b / rel).read_bytes())
    assert states_dicts(read_bundle(b).states) == good.states


def test_stray_files_of_desktops_are_ignored(good, tmp_path):
    b = copy(good.folder, tmp_path)
    (b / "Thumbs.db").write_bytes(b"\x00\x01")
    (b / ".DS_Store").write_bytes(b"\x00")
    (b / "pillars" / "catatan.txt").write_text("catatan rapat", encoding="utf-8")
    (b / "System Volume Information").mkdir()
    assert states_dicts(read_bundle(b).states) == good.states


def test_a_zip_holding_the_bundle_folder_is_accepted(good, tmp_path):
    z = zip_of(good.folder, tmp_path / "dikirim.zip", prefix=good.folder.name + "/")
    assert states_dicts(read_bundle(z).states) == good.states


def test_records_and_fields_of_a_newer_app_travel_on(good, tmp_path):
    b = copy(good.folder, tmp_path)
    dot = '["a1b2c3d4e5f60708", 1]'
    append(b, "plan.toml", "\n".join([
        "[[survey]]", 'id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"', 'kind = "survey"',
        "vv = { a1b2c3d4e5f60708 = 1 }", f'f.question = [{{ d = {dot}, v = "Puas?" }}]',
        f"f.answers = [{{ d = {dot}, v = {{ ya = 3, tidak = [1, 2.5, true] }} }}]"]))
    edit_line(b, "manifest.toml", r"^records = (\d+)$", "records = 13", fix_sum=False)
    edit_line(b, ECON, r'^(f\.text = \[\{ d = (\[".*", \d+\])), v = "Dana CSR perbankan" \}\]$',
              r'\1, v = "Dana CSR perbankan" }]' + "\n" + r'f.language = [{ d = \2, v = "jv" }]')
    bundle = read_bundle(b)
    survey = next(s for s in bundle.states if s.kind == "survey")
    assert survey.value("answers") == {"ya": 3, "tidak": [1, 2.5, True]}
    assert any(s.value("language") == "jv" for s in bundle.states if s.kind == "swot")


def test_a_checksum_over_the_bytes_with_bom_is_accepted_too(good, tmp_path):
    """Another team's writer may hash the file exactly as written, BOM included."""
    b = copy(good.folder, tmp_path)
    rewrite(b, "plan.toml", b"\xef\xbb\xbf" + (b / "plan.toml").read_bytes())
    assert states_dicts(read_bundle(b).states) == good.states


def test_a_zip_made_by_windows_tar_with_dot_slash_names_is_accepted(good, tmp_path):
    # `cd bundle && tar -a -c -f ..\bundle.zip .` (Windows 10/11's tar.exe is bsdtar)
    z = tmp_path / "bundle.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("./", b"")
        zf.writestr("./pillars/", b"")
        for p in sorted(_files(good.folder)):
            rel = p.relative_to(good.folder).as_posix()
            zf.writestr(("./" if rel != ECON else ".//") + rel, p.read_bytes())
    assert states_dicts(read_bundle(z).states) == good.states


def test_a_dot_slash_name_beside_the_same_plain_name_is_still_a_duplicate(good, tmp_path):
    z = zip_of(good.folder, tmp_path / "bundle.zip")
    with zipfile.ZipFile(z, "a") as zf:
        zf.writestr("./manifest.toml", (good.folder / "manifest.toml").read_bytes())
    with pytest.raises(BundleError) as err:
        read_bundle(z)
    assert err.value.key == "zip_duplicate"
