"""The budget per source and year as stored: one field per cell, read back whatever order
the cells come in, the source key may hold underscores."""

from __future__ import annotations

from smartcity_tui.model import budget
from smartcity_tui.model.vocab import FUNDING_SOURCES, budget_source_label


def test_cell_names_read_back_with_underscored_sources():
    assert budget.cell_name("dana_desa", 2027) == "budget_dana_desa_2027"
    assert budget.parse_cell("budget_dana_desa_2027") == ("dana_desa", 2027)
    assert budget.parse_cell("budget_unspecified_2025") == ("unspecified", 2025)
    for name in ("budget", "budget_2025", "budget_apbd_25", "budget_apbd_02025", "budget_APBD_2025", "name"):
        assert budget.parse_cell(name) is None, name


def test_every_source_key_makes_a_legal_field_name():
    import re

    legal = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
    for key in (*FUNDING_SOURCES.keys, budget.UNSPECIFIED):
        assert legal.fullmatch(budget.cell_name(key, 2200)) and budget.parse_cell(budget.cell_name(key, 2200))


def test_cells_round_trip_and_add_up_per_year():
    b = {"apbd": {2026: 300, 2025: 100}, "dak": {2025: 50}, "unspecified": {2027: 7}}
    cells = budget.to_cells(b)
    assert list(cells) == ["budget_apbd_2025", "budget_apbd_2026", "budget_dak_2025", "budget_unspecified_2027"]
    assert budget.from_cells(dict(reversed(list(cells.items())))) == {
        "apbd": {2025: 100, 2026: 300}, "dak": {2025: 50}, "unspecified": {2027: 7}}
    assert budget.per_year(b) == {2025: 150, 2026: 300, 2027: 7}


def test_sources_are_ordered_as_the_vocabulary_then_unknown_then_not_split():
    assert budget.source_order(["unspecified", "zakat", "csr", "apbd"]) == ["apbd", "csr", "zakat", "unspecified"]


def test_the_not_split_share_has_a_name_in_both_languages():
    assert budget_source_label("unspecified", "id") == "Belum dirinci per sumber"
    assert budget_source_label("unspecified", "en") == "Not yet split by source"
    assert budget_source_label("apbd", "en") == "Local budget (APBD)"
    assert budget_source_label("apbd", "id") == "APBD Kabupaten/Kota"


def test_funding_source_keys_of_the_first_release_are_kept():
    assert {"apbd", "apbd_prov", "apbn", "csr", "kpbu", "private", "community", "other"} <= set(FUNDING_SOURCES.keys)
    assert {"dak", "dana_desa", "bumd", "hibah"} <= set(FUNDING_SOURCES.keys)
