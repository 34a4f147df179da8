"""Cells as people type them: numbers in Indonesian and English notation, yes/no, choices
by label in either language, pillars by name, key or number."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcity_tui.model.records import Stakeholder
from smartcity_tui.model.vocab import FUNDING_SOURCES, HORIZONS, PENTAHELIX_ROLES
from smartcity_tui.sheets import kinds as k
from smartcity_tui.sheets.dimension_kinds import PillarKind
from smartcity_tui.sheets.numbers import decimal_text, parse_number
from smartcity_tui.sheets.problems import CellProblem


@pytest.mark.parametrize("text, whole, value", [
    ("1250000000", True, 1_250_000_000), ("Rp 1.250.000.000", True, 1_250_000_000),
    ("Rp1.250.000.000,00", True, 1_250_000_000), ("1,250,000,000", True, 1_250_000_000),
    ("1 250 000", True, 1_250_000), ("Rp 750.000,-", True, 750_000), ("1.250", True, 1250),
    ("12,5", False, 12.5), ("12.5", False, 12.5), ("1.234,5", False, 1234.5), ("1,234.5", False, 1234.5),
    ("0,75", False, 0.75), ("1234.567", False, 1234.567), ("-3", False, -3), ("2025.0", True, 2025),
])
def test_numbers(text, whole, value):
    assert parse_number(text, whole=whole) == value


@pytest.mark.parametrize("text, whole, problem", [
    ("banyak", True, "not_a_number"), ("1.250", False, "ambiguous_number"), ("1,250", False, "ambiguous_number"),
    ("12,5", True, "not_whole"), ("1.2.3", False, "not_a_number"), ("1.25.000", True, "not_a_number"),
    ("", True, "not_a_number"), ("nan", False, "not_a_number"), ("inf", False, "not_a_number"),
])
def test_numbers_refused(text, whole, problem):
    with pytest.raises(CellProblem) as e:
        parse_number(text, whole=whole)
    assert e.value.key == problem


def test_decimal_text_is_what_excel_in_indonesian_reads():
    assert [decimal_text(v) for v in (12.5, 20.0, 7, 0.1)] == ["12,5", "20", "7", "0,1"]


@pytest.mark.parametrize("raw, key", [
    ("Smart Economy", "economy"), ("economy", "economy"), (3, "economy"), ("3", "economy"), (3.0, "economy"),
    ("smart economy", "economy"), ("Ekonomi", None), ("Economy", "economy"), ("Smart People", "society"),
    ("Dimensi 6", "environment"),
    # the code programme codes start with, and a name with its code beside it
    ("ECO", "economy"), ("gov", "governance"), ("Smart Economy (ECO)", "economy"), ("ENV (Smart Environment)", "environment"),
    ("Smart Economy (GOV)", None),  # two parts that name two pillars: not guessed
])
def test_pillars(raw, key):
    if key is None:
        with pytest.raises(CellProblem):
            PillarKind().from_cell(raw)
    else:
        assert PillarKind().from_cell(raw) == key


def test_choices_by_key_label_and_common_words():
    horizon = k.Choice(HORIZONS, {"pendek": "short"})
    assert [horizon.from_cell(w) for w in ("short", "Jangka pendek (1 tahun)", "Jangka Pendek", "pendek",
                                           "Short term (1 year)")] == ["short"] * 5
    funding = k.ChoiceList(FUNDING_SOURCES)
    assert funding.from_cell("APBD; APBN, CSR / Swasta") == ["apbd", "apbn", "csr", "private"]
    # a label that holds a "/" itself is one source, not two
    assert funding.from_cell("APBD Kabupaten/Kota; CSR/TJSL, BUMD/BUM Desa") == ["apbd", "csr", "bumd"]
    assert funding.from_cell("Dana Desa, DAK / Hibah") == ["dana_desa", "dak", "hibah"]
    with pytest.raises(CellProblem) as e:
        funding.from_cell("APBD; Lotre")
    assert e.value.params["choices"].text("id").startswith("APBD Kabupaten/Kota, APBD Provinsi (bantuan keuangan), APBN, DAK")
    assert "Local budget (APBD)" in e.value.params["choices"].text("en")


def test_a_choice_labelled_for_the_reader_with_a_bracket():
    """"Ancaman (T)" or "T (Ancaman)", as officers label a quadrant for the reader: the part
    that names a choice names it; two parts naming two choices are refused, not guessed."""
    from smartcity_tui.sheets.columns import SWOT

    quadrant = SWOT.column("quadrant").kind
    assert [quadrant.from_cell(w) for w in ("Ancaman (T)", "T (Ancaman)", "Kekuatan (S) ", "(O)")] == ["T", "T", "S", "O"]
    with pytest.raises(CellProblem):
        quadrant.from_cell("S (Ancaman)")
    assert quadrant.from_cell("Ancaman (besar)") == "T"  # one part names a choice, the other none
    with pytest.raises(CellProblem):
        quadrant.from_cell("Lainnya (X)")


def test_whole_lists_of_mission_numbers():
    missions = k.WholeList(1, 99)
    assert [missions.from_cell(v) for v in ("1; 3", "2, 2", 4, 4.0, None, "")] == [[1, 3], [2], [4], [4], [], []]
    with pytest.raises(CellProblem) as e:
        missions.from_cell("1; 120")
    assert e.value.key == "not_in_range"
    assert missions.to_cell([1, 3], "id") == "1; 3" and missions.to_cell([], "id") is None


def test_yes_no_and_stakeholders():
    yes_no = k.YesNo()
    assert [yes_no.from_cell(v) for v in ("Ya", "tidak", "YES", True, 1, None, "x")] == [
        True, False, True, True, True, False, True]
    people = k.Stakeholders(PENTAHELIX_ROLES)
    cell = people.to_cell([Stakeholder("Universitas Wonosari", "academia"), Stakeholder("Pak Lurah (Desa A)", "")], "id")
    assert cell == "Universitas Wonosari (Akademisi); Pak Lurah (Desa A)"
    assert people.from_cell(cell) == [Stakeholder("Universitas Wonosari", "academia"), Stakeholder("Pak Lurah (Desa A)", "")]


def test_years_refuse_dates_and_words():
    with pytest.raises(CellProblem) as e:
        k.YEAR.from_cell(dt.datetime(2026, 1, 1))
    assert e.value.key == "date_not_year"
    assert k.YEAR.from_cell(2026.0) == 2026 and k.YEAR.from_cell(" 2026 ") == 2026 and k.YEAR.from_cell(None) == 0
    with pytest.raises(CellProblem):
        k.YEAR.from_cell("2026/2027")


def test_a_code_excel_turned_into_a_date_says_so():
    with pytest.raises(CellProblem) as e:
        k.Text().from_cell(dt.datetime(2016, 3, 2))
    assert e.value.key == "date_in_text"
