"""Numbers, dates and times the way an Indonesian officer reads them, and the English
screens and book the way an English reader does (76.5, not 76,5)."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcity_tui.model.format import clock, date, number, parse_rupiah, rupiah


@pytest.mark.parametrize("amount, text", [
    (1_250_000_000, "Rp 1.250.000.000"), (0, "Rp 0"), (999, "Rp 999"), (1000, "Rp 1.000"),
    (-2_500_000, "Rp -2.500.000"),
])
def test_rupiah(amount, text):
    assert rupiah(amount) == text


@pytest.mark.parametrize("value, text", [
    (1834, "1.834"), (76.5, "76,5"), (None, "-"), (2.0, "2"), (-1234.25, "-1.234,25"), (0, "0"),
    (0.125, "0,125"), (1_000_000, "1.000.000"),
])
def test_number(value, text):
    assert number(value) == text


@pytest.mark.parametrize("value, text", [
    (1834, "1,834"), (76.5, "76.5"), (-1234.25, "-1,234.25"), (0.125, "0.125"), (1_000_000, "1,000,000"),
])
def test_number_in_english(value, text):
    assert number(value, "en") == text


def test_numbers_follow_the_current_language(monkeypatch):
    from smartcity_tui import i18n

    monkeypatch.setattr(i18n, "_current", "en")
    assert (number(76.5), rupiah(36_385_000_000)) == ("76.5", "Rp 36,385,000,000")
    monkeypatch.setattr(i18n, "_current", "id")
    assert (number(76.5), rupiah(36_385_000_000)) == ("76,5", "Rp 36.385.000.000")


def test_time_of_day_with_a_full_stop_in_indonesian():
    when = dt.datetime(2026, 11, 22, 2, 5)
    assert (clock(when, "id"), clock(when, "en")) == ("02.05", "02:05")


def test_dates_in_both_languages():
    assert date(dt.date(2026, 11, 22)) == "22 Nov 2026"
    assert date(dt.date(2026, 8, 17), "id") == "17 Agu 2026"
    assert date(dt.date(2026, 8, 17), "en") == "17 Aug 2026"
    assert date(dt.datetime(2025, 5, 2, 14, 30), "id") == "2 Mei 2025"
    assert date(dt.date(2025, 10, 1), "xx") == "1 Okt 2025"  # unknown language: Indonesian


@pytest.mark.parametrize("typed, amount", [
    ("1.250.000.000", 1_250_000_000), ("Rp 1.250.000", 1_250_000), ("1250000", 1_250_000),
    ("  rp750.000 ", 750_000), ("0", 0), ("1,250,000", 1_250_000),
])
def test_parse_rupiah_reads_what_officers_type(typed, amount):
    assert parse_rupiah(typed) == amount


@pytest.mark.parametrize("typed", ["", "Rp", "satu juta", "1,5", "12a", "1.5e6"])
def test_parse_rupiah_refuses_what_is_not_whole_rupiah(typed):
    with pytest.raises(ValueError):
        parse_rupiah(typed)


def test_parse_rupiah_reads_back_what_rupiah_writes():
    for amount in (0, 7, 1_000, 98_765_432_100):
        assert parse_rupiah(rupiah(amount)) == amount


def test_parse_rupiah_refuses_amounts_a_plan_file_cannot_hold():
    """Bundles are TOML, which holds signed 64-bit integers only."""
    assert parse_rupiah(str(2**63 - 1)) == 2**63 - 1
    for typed in (str(2**63), "1" + "0" * 21, "Rp " + ".".join(["999"] * 10), str(2**70)):
        with pytest.raises(ValueError):
            parse_rupiah(typed)
