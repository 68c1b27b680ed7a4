"""Property tests for pilot_tui.periods: the readers never raise, and what they read holds."""

from __future__ import annotations

import json
from datetime import date

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot_tui.periods import (
    MONTHS,
    Interval,
    Period,
    format_date,
    parse_date,
    parse_looptijd,
    parse_window,
    period_json,
)

from .helpers.periods import TODAY

# --- property tests ---

WORDS = [
    *MONTHS, "jan", "feb", "mrt", "mrt.", "apr", "sept", "okt", "dec.", "begin", "medio", "half",
    "eind", "ultimo", "eerste", "tweede", "1e", "kwartaal", "helft", "halfjaar", "Q1", "Q4", "H2",
    "voorjaar", "lente", "zomer", "najaar", "herfst", "winter", "van", "vanaf", "per", "sinds",
    "tot", "tot en met", "t/m", "uiterlijk", "verlengd", "deel 1:", "deel 2:", "fase", ";", "-",
    "–", "—", "(stopgezet)", "Afgerond.", "heden", "/", ".", ",", "\u00a0", "\u00ad",
]  # fmt: skip
NUMBERS = st.sampled_from(["0", "1", "15", "29", "31", "32", "03", "13", "99", "1899", "1900",
                           "2019", "2020", "2024", "2199", "2200", "9999", "0000"])  # fmt: skip
DUTCHISH = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS), max_size=12).map(
    lambda parts: " ".join(parts)
)
DUTCHISH_TIGHT = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS), max_size=8).map(
    lambda parts: "".join(parts)
)


def _check_invariants(p: Period) -> None:
    assert isinstance(p, Period)
    p.describe()
    json.dumps(period_json(p))
    if p.ok:
        assert p.start is not None or p.end is not None or p.status_hint is not None
        if p.start is not None:
            assert p.start.earliest <= p.start.latest
        if p.end is not None:
            assert p.end.earliest <= p.end.latest
        if p.start is not None and p.end is not None:
            assert p.start.earliest <= p.end.latest
        for ph in p.phases:
            if ph.start is not None and ph.end is not None:
                assert ph.start.earliest <= ph.end.latest
        if p.open_end:
            assert p.end is None
    else:
        assert p.error and "\n" not in p.error


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check_invariants(parse_looptijd(text))


@settings(max_examples=600, deadline=None)
@given(st.one_of(DUTCHISH, DUTCHISH_TIGHT))
def test_never_raises_on_dutch_date_words(text: str) -> None:
    _check_invariants(parse_looptijd(text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), DUTCHISH))
def test_parse_date_and_window_never_raise(text: str) -> None:
    d = parse_date(text, today=TODAY)
    assert d is None or isinstance(d, date)
    w = parse_window(text)
    assert w is None or w.end(TODAY) > TODAY


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_day_round_trip(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%d-%m-%Y")) == d
    p = parse_looptijd(format_date(d))
    assert p.start == Interval(d, d, format_date(d))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1901, max_value=2190),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=0, max_value=30),
)
def test_month_ranges_are_ordered(year: int, month: int, span: int) -> None:
    first = date(year, month, 1)
    last = first + relativedelta(months=span)
    text = f"{MONTHS[first.month - 1]} {first.year} – {MONTHS[last.month - 1]} {last.year}"
    p = parse_looptijd(text)
    assert p.ok and p.start is not None and p.end is not None
    assert p.start.earliest == first
    assert p.end.latest == last + relativedelta(day=31)
    reverse = f"{MONTHS[last.month - 1]} {last.year} – {MONTHS[first.month - 1]} {first.year}"
    if span > 0:
        assert parse_looptijd(reverse).error == "einde ligt voor begin"
