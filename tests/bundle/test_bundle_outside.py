"""Bundles made or handled by other programs: ids in upper case, zips from macOS Finder and
PowerShell 5.1, numbers TOML cannot hold, names with control characters, a `teams` table
over its limits, and errors of the TOML and zip libraries said in the officer's language."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from bundle_helpers import export, make_plan, manifest, rewrite, states_dicts, write_manifest
from corpus_helpers import ECON, Case, append, assert_refused_clearly, copy, edit_line, edit_manifest, registry, zip_of
from smartcity_tui.bundle import BundleError, read_bundle
from smartcity_tui.bundle.layout import DATA_FILES, MAX_TEAM_CHARS, MAX_TEAMS
from smartcity_tui.cli import main
from smartcity_tui.store import PlanStore

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _upper_ids(b, files=DATA_FILES) -> None:
    for rel in files:
        text = (b / rel).read_text(encoding="utf-8")
        rewrite(b, rel, UUID.sub(lambda m: m.group().upper(), text).encode("utf-8"))
    edit_manifest(b, lambda m: m.update(plan_id=m["plan_id"].upper()))


# --- ids in upper case --------------------------------------------------------------------

def test_ids_in_upper_case_are_the_same_records(good, tmp_path):
    b = copy(good.folder, tmp_path)
    _upper_ids(b)
    text = (b / ECON).read_text(encoding="utf-8")
    assert not UUID.search(text) and re.search(r'programme_id = .*v = "[0-9A-F-]{36}"', text)
    bundle = read_bundle(b)
    assert bundle.plan_id == good.plan_id
    assert states_dicts(bundle.states) == good.states  # ids and references in lower case


def test_merging_an_upper_case_bundle_makes_no_second_record(tmp_path, capsys):
    with make_plan(tmp_path / "plan.json") as store:
        b = export(store, tmp_path / "out").path
        n = len(store.states())
    _upper_ids(b)
    assert main(["merge", str(tmp_path / "plan.json"), str(b)]) == 1  # the plan's one conflict stays
    with PlanStore.open(tmp_path / "plan.json", readonly=True) as store:
        assert len(store.states()) == n
        assert all(s.id == s.id.lower() for s in store.states())


def test_one_id_in_both_spellings_is_one_record_twice(good, tmp_path):
    b = copy(good.folder, tmp_path)
    text = (b / ECON).read_text(encoding="utf-8")
    block = next(blk for blk in text.split("\n\n") if blk.startswith("[[swot]]"))
    start = append(b, ECON, UUID.sub(lambda m: m.group().upper(), block))
    edit_manifest(b, lambda m: m["counts"].update(records=m["counts"]["records"] + 1))
    with pytest.raises(BundleError) as err:
        read_bundle(b)
    assert (err.value.key, err.value.file, err.value.line) == ("duplicate_id", ECON, start)


# --- zips from desktops -------------------------------------------------------------------

def test_a_zip_made_by_macos_finder_is_accepted(good, tmp_path):
    """Finder's "Compress" puts the folder in the zip and resource forks in __MACOSX/."""
    top = good.folder.name
    litter = [(f"__MACOSX/{top}/._manifest.toml", b"\x00\x05\x16\x07"), ("__MACOSX/._" + top, b"\x00"),
              (f"{top}/.DS_Store", b"\x00\x00\x00\x01Bud1")]
    z = zip_of(good.folder, tmp_path / f"{top}.zip", litter, prefix=f"{top}/")
    assert states_dicts(read_bundle(z).states) == good.states


def test_a_zip_made_by_powershell_compress_archive_is_accepted(good, tmp_path):
    """Windows PowerShell 5.1 writes `pillars\\economy.toml`, with backslashes."""
    files = sorted(p for p in good.folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(tmp_path / "ps.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            zf.writestr(zipfile.ZipInfo(str(p.relative_to(good.folder)).replace("/", "\\")), p.read_bytes())
    assert any("\\" in n for n in zipfile.ZipFile(tmp_path / "ps.zip").namelist())
    assert states_dicts(read_bundle(tmp_path / "ps.zip").states) == good.states
    with zipfile.ZipFile(tmp_path / "ps-folder.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            zf.writestr(zipfile.ZipInfo("kiriman\\" + str(p.relative_to(good.folder)).replace("/", "\\")), p.read_bytes())
    assert states_dicts(read_bundle(tmp_path / "ps-folder.zip").states) == good.states


# --- refused, each with one clear line ------------------------------------------------------

CASES: list[Case] = []
case = registry(CASES)


@case("zip_bad_name", "pillars/economy.toml\\x00.exe")
def zip_member_name_with_nul(b, tmp):
    """Python cuts a name at NUL (this one would read as pillars/economy.toml)."""
    z = zip_of(b, tmp / "b.zip", [(zipfile.ZipInfo("pillars/economy.tomlZ.exe"), b"x")])
    z.write_bytes(z.read_bytes().replace(b"economy.tomlZ.exe", b"economy.toml\x00.exe"))
    return z, None


@case("zip_bad_name", "catatan\\x1b[2Jrapat.txt")
def zip_member_name_with_escape(b, tmp):
    return zip_of(b, tmp / "b.zip", [(zipfile.ZipInfo("catatan\x1b[2Jrapat.txt"), b"x")]), None


@case("zip_slip", "C:\\Windows\\evil.toml")
def zip_member_on_a_drive(b, tmp):
    return zip_of(b, tmp / "b.zip", [(zipfile.ZipInfo("C:\\Windows\\evil.toml"), b"x")]), None


@case("zip_slip", "\\evil.toml")
def zip_member_at_the_root_in_backslashes(b, tmp):
    return zip_of(b, tmp / "b.zip", [(zipfile.ZipInfo("\\evil.toml"), b"x")]), None


@case("int_out_of_range", ECON)
def budget_beyond_64_bits(b, tmp):
    _, header = edit_line(b, ECON, r"^(f\.budget_apbd_2025 = .* v = )1250000000", rf"\g<1>{2**70}")
    return b, header


@case("int_out_of_range", ECON)
def year_beyond_64_bits(b, tmp):
    _, header = edit_line(b, ECON, r"^(f\.start_year = .* v = )2025", rf"\g<1>{2**70}")
    return b, header


@case("int_out_of_range", "plan.toml")
def field_of_a_newer_app_beyond_64_bits(b, tmp):
    dot = '["a1b2c3d4e5f60708", 1]'
    start = append(b, "plan.toml", "\n".join([
        "[[survey]]", 'id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"', 'kind = "survey"',
        "vv = { a1b2c3d4e5f60708 = 1 }", f"f.answers = [{{ d = {dot}, v = [1, {-2**63 - 1}] }}]"]))
    return b, start


@case("bad_vv", ECON)
def counter_beyond_64_bits(b, tmp):
    _, header = edit_line(b, ECON, r"^vv = \{ (\w+) = \d+", rf"vv = {{ \1 = {2**63}")
    return b, header


@case("bad_year", ECON)
def year_3000(b, tmp):
    _, header = edit_line(b, ECON, r"^(f\.start_year = .* v = )2025", r"\g<1>3025")
    return b, header


@case("bad_year", ECON)
def budget_for_year_1800(b, tmp):
    _, header = edit_line(b, ECON, r"^f\.budget_apbd_2025 = ", "f.budget_apbd_1800 = ")
    return b, header


@case("bad_year", ECON)
def target_year_with_a_leading_zero(b, tmp):
    _, header = edit_line(b, ECON, r"2025 = 40", "02025 = 40")
    return b, header


@case("toml_error", ECON)
def number_of_5000_digits(b, tmp):
    edit_line(b, ECON, r"^(f\.budget_apbd_2025 = .* v = )1250000000", r"\g<1>" + "1" * 5000)
    return b, None


@case("teams_too_many", "manifest.toml")
def too_many_teams(b, tmp):
    edit_manifest(b, lambda m: m.update(teams={f"r{i:05d}": "Pokja" for i in range(MAX_TEAMS + 1)}))
    return b, None


@case("teams_name_too_long", "manifest.toml")
def team_name_too_long(b, tmp):
    edit_manifest(b, lambda m: m.update(teams={"a1b2c3d4e5f60708": "P" * (MAX_TEAM_CHARS + 1)}))
    return b, None


@case("teams_bad_replica", "manifest.toml")
def team_of_no_replica(b, tmp):
    edit_manifest(b, lambda m: m.update(teams={"bukan replika!": "Pokja"}))
    return b, None


@pytest.mark.parametrize("c", CASES, ids=[c.name for c in CASES])
def test_refused_with_one_clear_line(good, tmp_path, c):
    assert_refused_clearly(c, good.folder, tmp_path)


def test_a_control_character_never_reaches_the_message(good, tmp_path):
    z = zip_member_name_with_escape(copy(good.folder, tmp_path), tmp_path)[0]
    with pytest.raises(BundleError) as err:
        read_bundle(z)
    for lang in ("id", "en"):
        assert not re.search(r"[\x00-\x1f\x7f]", err.value.message(lang))


def test_teams_limits_are_named(good, tmp_path):
    b = copy(good.folder, tmp_path)
    too_many_teams(b, tmp_path)
    with pytest.raises(BundleError) as err:
        read_bundle(b)
    assert f"{MAX_TEAMS + 1}" in err.value.message("en") and f"at most {MAX_TEAMS}" in err.value.message("en")
    assert "teams" in err.value.message("id") and f"paling banyak {MAX_TEAMS}" in err.value.message("id")


def test_the_year_limits_are_named(good, tmp_path):
    b = copy(good.folder, tmp_path)
    year_3000(b, tmp_path)
    with pytest.raises(BundleError) as err:
        read_bundle(b)
    assert "3025" in err.value.message("id") and "1900" in err.value.message("id") and "2200" in err.value.message("id")


# --- the libraries' words, as a labelled detail ----------------------------------------------

def test_a_toml_error_is_said_in_indonesian_with_the_parser_words_as_detail(good, tmp_path):
    b = copy(good.folder, tmp_path)
    edit_line(b, ECON, r'^kind = "strategy"$', 'kind = "strategy')
    with pytest.raises(BundleError) as err:
        read_bundle(b)
    msg_id, msg_en = err.value.message("id"), err.value.message("en")
    said, _, detail = msg_id.partition("keterangan teknis: ")
    assert detail.startswith("Unterminated string") or detail.startswith("Illegal character")
    assert "teks dalam tanda kutip tidak ditutup" in said or "karakter" in said
    assert not re.search(r"\b(Unterminated|Illegal|string)\b", said)
    assert "technical detail: " in msg_en


def test_a_damaged_zip_is_said_in_indonesian_with_the_library_words_as_detail(good, tmp_path):
    data = zip_of(good.folder, tmp_path / "whole.zip").read_bytes()
    (tmp_path / "b.zip").write_bytes(data[: len(data) // 2])
    with pytest.raises(BundleError) as err:
        read_bundle(tmp_path / "b.zip")
    said, _, detail = err.value.message("id").partition("keterangan teknis: ")
    assert "rusak atau terpotong" in said and detail.startswith("File is not a zip file")
    assert "File is not" not in said


def test_a_member_in_an_unsupported_compression_is_said_so(good, tmp_path):
    z = zip_of(good.folder, tmp_path / "b.zip")
    data = bytearray(z.read_bytes())
    # every member's method in the local header and the central directory: 99 (AES, WinZip)
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        pos = data.find(sig)
        while pos != -1:
            data[pos + off: pos + off + 2] = (99).to_bytes(2, "little")
            pos = data.find(sig, pos + 4)
    z.write_bytes(bytes(data))
    with pytest.raises(BundleError) as err:
        read_bundle(z)
    assert err.value.key in ("zip_damaged", "bad_zip")
    assert "metode kompresi" in err.value.message("id")
    assert "compression method" in err.value.message("en")


# --- merge --json answers refusals in JSON --------------------------------------------------

def test_merge_json_answers_a_bad_bundle_in_json(good, tmp_path, capsys):
    with make_plan(tmp_path / "plan.json"):
        pass
    b = copy(good.folder, tmp_path)
    edit_line(b, ECON, r'v = "Dana CSR perbankan"', 'v = "Dana CSR bank"', fix_sum=False)
    before = (tmp_path / "plan.json").read_bytes()
    code = main(["merge", str(tmp_path / "plan.json"), str(b), "--json"])
    out, err = capsys.readouterr()
    assert code == 2 and err == ""
    answer = json.loads(out)
    assert answer["error"]["key"] == "bundle.checksum"
    assert answer["error"]["file"] == ECON and answer["error"]["bundle"] == str(b)
    assert ECON in answer["error"]["message"] and "sha256" in answer["error"]["message"]
    assert (tmp_path / "plan.json").read_bytes() == before


def test_merge_json_answers_a_missing_plan_in_json(good, tmp_path, capsys):
    code = main(["merge", str(tmp_path / "none.json"), str(good.folder), "--json", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 2 and err == ""
    answer = json.loads(out)
    assert answer["error"]["key"].startswith("store.") and "none.json" in answer["error"]["message"]


def test_merge_without_json_still_says_one_line(good, tmp_path, capsys):
    b = copy(good.folder, tmp_path)
    (b / ECON).unlink()
    with make_plan(tmp_path / "plan.json"):
        pass
    code = main(["merge", str(tmp_path / "plan.json"), str(b)])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1 and ECON in err


def test_the_manifest_keeps_a_big_teams_table_the_writer_could_write(good, tmp_path):
    """The reader's limits leave room for a plan that has met many replicas."""
    b = copy(good.folder, tmp_path)
    man = manifest(b)
    man["teams"] = {f"{i:016x}": f"Pokja {i}" for i in range(MAX_TEAMS)}
    write_manifest(b, man)
    assert len(read_bundle(b).teams) == MAX_TEAMS


@pytest.mark.parametrize("levels, accepted", [(16, True), (17, False)])
def test_nesting_is_counted_as_the_spec_says(good, tmp_path, levels, accepted):
    """`v = [[[1]]]` is three levels; at most 16 (docs/bundle-format.md, section 7)."""
    b = copy(good.folder, tmp_path)
    dot = '["a1b2c3d4e5f60708", 1]'
    start = append(b, "plan.toml", "\n".join([
        "[[survey]]", 'id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"', 'kind = "survey"',
        "vv = { a1b2c3d4e5f60708 = 1 }", f"f.answers = [{{ d = {dot}, v = {'[' * (levels - 1)}{{ x = 1 }}{']' * (levels - 1)} }}]"]))
    edit_manifest(b, lambda m: m["counts"].update(records=m["counts"]["records"] + 1))
    if accepted:
        survey = next(s for s in read_bundle(b).states if s.kind == "survey")
        depth, v = 0, survey.value("answers")
        while isinstance(v, (list, dict)):
            depth, v = depth + 1, (v[0] if isinstance(v, list) else v["x"])
        assert depth == levels
    else:
        with pytest.raises(BundleError) as err:
            read_bundle(b)
        assert (err.value.key, err.value.line) == ("too_deep", start)
        assert "16" in err.value.message("en")
