"""Tests for pilot_tui.periods: a date and a window as typed."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from pilot_tui.periods import date_problem, parse_date, parse_window

from .helpers.periods import TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-06-01", date(2022, 6, 1)),
        ("01-06-2022", date(2022, 6, 1)),
        ("1-6-2022", date(2022, 6, 1)),
        ("1/6/2022", date(2022, 6, 1)),
        ("1.6.2022", date(2022, 6, 1)),
        ("1 juni 2022", date(2022, 6, 1)),
        ("1 Juni 2022", date(2022, 6, 1)),
        ("1 jun. 2022", date(2022, 6, 1)),
        ("1 jun 2022", date(2022, 6, 1)),
        ("  5\u00a0mrt. 2024 ", date(2024, 3, 5)),
        ("29 februari 2024", date(2024, 2, 29)),
        ("vandaag", TODAY),
        ("Vandaag", TODAY),
        ("gisteren", date(2021, 12, 31)),
        ("morgen", date(2022, 1, 2)),
        ("juni 2022", None),
        ("2022", None),
        ("1 juni", None),
        ("31-06-2022", None),
        ("29 februari 2023", None),
        ("06-13-2022", None),
        ("2022-13-01", None),
        ("1 juni 2022 – 1 juli 2022", None),
        ("", None),
        ("nooit", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text, today=TODAY) == expected


def test_parse_date_default_today() -> None:
    assert parse_date("vandaag") == date.today()


@pytest.mark.parametrize(
    ("text", "delta", "label"),
    [
        ("90d", relativedelta(days=90), "90 dagen"),
        ("90 dagen", relativedelta(days=90), "90 dagen"),
        ("1 dag", relativedelta(days=1), "1 dag"),
        ("3m", relativedelta(months=3), "3 maanden"),
        ("3 maanden", relativedelta(months=3), "3 maanden"),
        ("6 Maanden", relativedelta(months=6), "6 maanden"),
        ("1 maand", relativedelta(months=1), "1 maand"),
        ("1y", relativedelta(years=1), "1 jaar"),
        ("1j", relativedelta(years=1), "1 jaar"),
        ("1 jaar", relativedelta(years=1), "1 jaar"),
        ("2 jaar", relativedelta(years=2), "2 jaar"),
        ("2w", relativedelta(weeks=2), "2 weken"),
        ("6 weken", relativedelta(weeks=6), "6 weken"),
        ("1 week", relativedelta(weeks=1), "1 week"),
        ("3", relativedelta(months=3), "3 maanden"),
    ],
)
def test_parse_window(text: str, delta: relativedelta, label: str) -> None:
    w = parse_window(text)
    assert w is not None
    assert w.delta == delta
    assert w.label == label


@pytest.mark.parametrize("text", ["", "0", "0d", "-3", "-3m", "abc", "3x", "m", "3.5m", "99999999"])
def test_parse_window_rejects(text: str) -> None:
    assert parse_window(text) is None


def test_window_end_uses_month_arithmetic() -> None:
    w = parse_window("1 maand")
    assert w is not None
    assert w.end(date(2024, 1, 31)) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("31 juni 2022", "„31 juni 2022” is geen bestaande datum"),
        ("2022-02-30", "„2022-02-30” is geen bestaande datum"),
        ("32-13-2022", "maand 13 bestaat niet"),
        ("bla bla", "geen datum die ik kan lezen: „bla bla”"),
        ("", "geen datum die ik kan lezen: „”"),
    ],
)
def test_date_problem_says_why(text: str, problem: str) -> None:
    assert parse_date(text) is None
    assert date_problem(text) == problem
