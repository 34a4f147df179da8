"""A corpus of bad bundles, each made from a good export by one precise break: here the
manifest, checksums and record files; test_bundle_bad_containers.py breaks folders and zips.
Every one is refused with one BundleError that names the file (and line, where there is
one) in both languages; none is half-read."""

from __future__ import annotations

import pytest

from bundle_helpers import rewrite
from corpus_helpers import (
    ECON, LIVING, OTHER_UUID, Case, append, assert_refused_clearly, edit_line, edit_manifest, lines,
    record_block, registry,
)
from smartcity_tui.bundle.layout import MAX_STRING_CHARS

CASES: list[Case] = []
case = registry(CASES)


# --- missing files and checksums -------------------------------------------------------

@case("missing_file", "manifest.toml")
def no_manifest(b, tmp):
    (b / "manifest.toml").unlink()
    return b, None


@case("missing_file", ECON)
def no_pillar_file(b, tmp):
    (b / ECON).unlink()
    return b, None


@case("checksum", ECON)
def changed_after_export(b, tmp):
    edit_line(b, ECON, r'v = "Dana CSR perbankan"', 'v = "Dana CSR bank"', fix_sum=False)
    return b, None


@case("checksum", "masterplan.md")
def markdown_changed_after_export(b, tmp):
    (b / "masterplan.md").write_text("# diganti\n", encoding="utf-8")
    return b, None


# --- the manifest -----------------------------------------------------------------------

@case("toml_error", "manifest.toml")
def manifest_broken_toml(b, tmp):
    line, _ = edit_line(b, "manifest.toml", r'^team = "(.*)"$', r'team = "\1', fix_sum=False)
    return b, line


@case("too_new", "manifest.toml")
def newer_format_version(b, tmp):
    edit_manifest(b, lambda m: m.update(format_version=3, app_version="3.0.0"))
    return b, None


@case("bad_version", "manifest.toml")
def version_as_text(b, tmp):
    edit_manifest(b, lambda m: m.update(format_version="1"))
    return b, None


@case("not_our_format", "manifest.toml")
def other_format(b, tmp):
    edit_manifest(b, lambda m: m.update(format="some-other-tool"))
    return b, None


@case("manifest_bad_key", "manifest.toml")
def manifest_without_plan_id(b, tmp):
    edit_manifest(b, lambda m: m.pop("plan_id"))
    return b, None


@case("manifest_missing_entry", "manifest.toml")
def manifest_forgets_plan_file(b, tmp):
    edit_manifest(b, lambda m: m["files"].pop("plan.toml"))
    return b, None


@case("manifest_bad_entry", "manifest.toml")
def manifest_bad_sha(b, tmp):
    edit_manifest(b, lambda m: m["files"]["plan.toml"].update(sha256="xyz"))
    return b, None


@case("unsafe_path", "../outside.toml")
def manifest_names_a_file_outside(b, tmp):
    edit_manifest(b, lambda m: m["files"].update({"../outside.toml": {"sha256": "0" * 64, "size": 1}}))
    return b, None


@case("count_mismatch", "manifest.toml")
def manifest_counts_wrong(b, tmp):
    edit_manifest(b, lambda m: m["counts"].update(records=999))
    return b, None


# --- record files: TOML, header ---------------------------------------------------------

@case("toml_error", ECON)
def record_file_broken_toml(b, tmp):
    line, _ = edit_line(b, ECON, r'^kind = "strategy"$', "kind = strategy")
    return b, line


@case("toml_too_deep", ECON)
def nesting_bomb(b, tmp):
    append(b, ECON, "bomb = " + "[" * 100_000 + "]" * 100_000)
    return b, None


@case("not_utf8", ECON)
def not_utf8(b, tmp):
    data = (b / ECON).read_bytes().replace(b"Dana CSR", b"Dana \xff\xfe CSR", 1)
    rewrite(b, ECON, data)
    line = data[: data.index(b"\xff")].count(b"\n") + 1
    return b, line


@case("plan_id_mismatch", ECON)
def file_of_another_plan(b, tmp):
    line, _ = edit_line(b, ECON, r'^plan_id = ".*"$', f'plan_id = "{OTHER_UUID}"')
    return b, line


@case("pillar_mismatch", ECON)
def file_names_another_pillar(b, tmp):
    line, _ = edit_line(b, ECON, r'^pillar = "economy"$', 'pillar = "living"')
    return b, line


@case("bad_array", ECON)
def key_that_is_no_array_of_records(b, tmp):
    line, _ = edit_line(b, ECON, r'^pillar = "economy"$', 'pillar = "economy"\nnotes = "catatan"')
    return b, line + 1


# --- records ----------------------------------------------------------------------------

@case("wrong_type", ECON)
def text_is_a_number(b, tmp):
    _, header = edit_line(b, ECON, r'v = "Dana CSR perbankan"', "v = 5")
    return b, header


@case("wrong_type", ECON)
def budget_is_words(b, tmp):
    _, header = edit_line(b, ECON, r"^(f\.budget_apbd_2025 = .* v = )1250000000", r'\1"banyak"')
    return b, header


@case("wrong_type", ECON)
def year_is_text(b, tmp):
    _, header = edit_line(b, ECON, r"^(f\.start_year = .* v = )2025", r'\1"2025"')
    return b, header


@case("bad_value_type", ECON)
def toml_date_value(b, tmp):
    _, header = edit_line(b, ECON, r"v = 12\.5", "v = 2025-01-01")
    return b, header


@case("bad_number", ECON)
def not_a_number(b, tmp):
    _, header = edit_line(b, ECON, r"v = 12\.5", "v = nan")
    return b, header


@case("string_too_long", ECON)
def enormous_string(b, tmp):
    _, header = edit_line(b, ECON, r'v = "Dana CSR perbankan"', f'v = "{"x" * (MAX_STRING_CHARS + 1)}"')
    return b, header


@case("too_deep", ECON)
def deeply_nested_value(b, tmp):
    _, header = edit_line(b, ECON, r'^(f\.text = \[\{ d = \[".*", \d+\]), v = "Dana CSR perbankan"',
                          r"\1, v = " + "[" * 30 + "]" * 30)
    return b, header


@case("duplicate_id", ECON)
def same_record_twice_in_a_file(b, tmp):
    start = append(b, ECON, record_block(b, ECON, "swot", 0))
    return b, start


@case("duplicate_id", LIVING)
def same_record_in_two_files(b, tmp):
    start = append(b, LIVING, record_block(b, ECON, "strategy", 0))
    return b, start


@case("bad_id", ECON)
def id_not_a_uuid(b, tmp):
    _, header = edit_line(b, ECON, r'^id = ".*"$', 'id = "swot-1"')
    return b, header


@case("kind_mismatch", ECON)
def record_in_the_wrong_array(b, tmp):
    _, header = edit_line(b, ECON, r'^kind = "swot"$', 'kind = "strategy"')
    return b, header


@case("bad_vv", ECON)
def counter_zero(b, tmp):
    _, header = edit_line(b, ECON, r"^vv = \{ (\w+) = \d+", r"vv = { \1 = 0")
    return b, header


@case("dot_not_covered", ECON)
def dot_not_covered_by_vv(b, tmp):
    _, header = edit_line(b, ECON, r"^vv = \{ (\w+) = \d+ \}", r"vv = { \1 = 1 }")
    return b, header


@case("bad_dot", ECON)
def dot_without_counter(b, tmp):
    _, header = edit_line(b, ECON, r'd = \[("\w+"), \d+\]', r"d = [\1]")
    return b, header


@case("bad_tombstone", ECON)
def tombstone_is_text(b, tmp):
    _, header = edit_line(b, ECON, r"^(f\._deleted = \[\{ d = \[.*?\]), v = \{.*\} \}\]$", r'\1, v = "ya" }]')
    return b, header


@case("unknown_record_key", ECON)
def extra_key_in_record(b, tmp):
    _, header = edit_line(b, ECON, r'^kind = "swot"$', 'kind = "swot"\nwritten_by = "tangan"')
    return b, header


@case("dangling", ECON)
def strategy_uses_missing_swot_item(b, tmp):
    _, header = edit_line(b, ECON, r'^(f\.swot_ids = .*v = \[)"[0-9a-f-]+"', rf'\1"{OTHER_UUID}"')
    return b, header


@case("dangling", ECON)
def indicator_of_missing_programme(b, tmp):
    ls = lines(b, ECON)
    start = next(i for i, x in enumerate(ls) if x == "[[indicator]]")
    i = next(i for i in range(start, len(ls)) if ls[i].startswith("f.programme_id"))
    ls[i] = ls[i].rsplit('v = "', 1)[0] + f'v = "{OTHER_UUID}" }}]'
    rewrite(b, ECON, "\n".join(ls).encode("utf-8"))
    return b, start + 1


@case("plan_record_missing", "plan.toml")
def plan_record_removed(b, tmp):
    text = (b / "plan.toml").read_text(encoding="utf-8")
    block = record_block(b, "plan.toml", "plan", 0)
    rewrite(b, "plan.toml", text.replace(block + "\n\n", "").encode("utf-8"))
    return b, None


@case("extra_plan_record", "plan.toml")
def second_plan_record(b, tmp):
    block = record_block(b, "plan.toml", "plan", 0).split("\n")
    block[1] = f'id = "{OTHER_UUID}"'
    text = (b / "plan.toml").read_text(encoding="utf-8")
    head, rest = text.split("\n\n", 1)
    new = head + "\n\n" + "\n".join(block) + "\n\n" + rest
    rewrite(b, "plan.toml", new.encode("utf-8"))
    return b, head.count("\n") + 3


def test_the_corpus_is_big_enough():
    from test_bundle_bad_containers import CASES as CONTAINER_CASES
    names = [c.name for c in CASES + CONTAINER_CASES]
    assert len(names) >= 30 and len(set(names)) == len(names)


@pytest.mark.parametrize("c", CASES, ids=[c.name for c in CASES])
def test_bad_bundle_is_refused_with_a_clear_message(good, tmp_path, c):
    assert_refused_clearly(c, good.folder, tmp_path)


def test_a_newer_format_is_refused_naming_both_versions(good, tmp_path):
    from corpus_helpers import copy
    from smartcity_tui.bundle import BundleError, read_bundle
    b = copy(good.folder, tmp_path)
    edit_manifest(b, lambda m: m.update(format_version=7, app_version="2.3.0"))
    with pytest.raises(BundleError) as err:
        read_bundle(b)
    assert "versi 7" in err.value.message("id") and "sampai versi 2" in err.value.message("id")
    assert "version 7 (from smartcity-tui 2.3.0)" in err.value.message("en")
    assert "Update smartcity-tui" in err.value.message("en")
