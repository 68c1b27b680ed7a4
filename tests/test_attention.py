"""Attention classes against a peildatum and window: pure functions, tables."""

from __future__ import annotations

from datetime import date

import pytest

from pilot_tui.attention import (
    Attention,
    assess_all,
    classify,
    counts,
    counts_line,
    is_niet_bijgewerkt,
    sort_key_attention,
)
from pilot_tui.model import HistoryEntry, Pilot, Status
from pilot_tui.periods import Interval, Period, parse_window

from .conftest import D1, D2, small_register

P = date(2021, 12, 1)
W_END = date(2022, 3, 1)  # P + 3 months


def period(
    start: tuple[date, date] | None, end: tuple[date, date] | None, open_end: bool = False
) -> Period:
    return Period(
        text="x",
        start=Interval(*start) if start else None,
        end=Interval(*end) if end else None,
        open_end=open_end,
    )


def d(y: int, m: int, day: int) -> date:
    return date(y, m, day)


CASES = [
    # status, start interval, end interval, open end -> class
    ("afgerond", Status.AFGEROND, None, (d(2020, 1, 1), d(2020, 1, 31)), False, Attention.AFGEROND),
    (
        "stopgezet wins over passed end",
        Status.STOPGEZET,
        None,
        (d(2021, 1, 1), d(2021, 1, 31)),
        False,
        Attention.STOPGEZET,
    ),
    (
        "end passed",
        Status.LOPEND,
        (d(2020, 1, 1), d(2020, 1, 31)),
        (d(2021, 10, 1), d(2021, 10, 31)),
        False,
        Attention.VERLOPEN,
    ),
    (
        "end the day before P",
        Status.LOPEND,
        None,
        (d(2021, 11, 30), d(2021, 11, 30)),
        False,
        Attention.VERLOPEN,
    ),
    ("end on P is not passed", Status.LOPEND, None, (P, P), False, Attention.EINDIGT_BINNENKORT),
    (
        "end within window",
        Status.LOPEND,
        None,
        (d(2021, 12, 1), d(2021, 12, 31)),
        False,
        Attention.EINDIGT_BINNENKORT,
    ),
    ("end on window end", Status.LOPEND, None, (W_END, W_END), False, Attention.EINDIGT_BINNENKORT),
    (
        "end a day after window",
        Status.LOPEND,
        None,
        (d(2022, 3, 2), d(2022, 3, 2)),
        False,
        Attention.LOPEND,
    ),
    (
        "fuzzy end: latest decides",
        Status.LOPEND,
        None,
        (d(2022, 1, 1), d(2022, 3, 31)),
        False,
        Attention.LOPEND,
    ),
    (
        "gepland ends soon still ends soon",
        Status.GEPLAND,
        (d(2021, 12, 10), d(2021, 12, 10)),
        (d(2022, 2, 1), d(2022, 2, 1)),
        False,
        Attention.EINDIGT_BINNENKORT,
    ),
    (
        "starts within window",
        Status.GEPLAND,
        (d(2022, 1, 1), d(2022, 1, 31)),
        (d(2023, 1, 1), d(2023, 1, 31)),
        False,
        Attention.START_BINNENKORT,
    ),
    (
        "starts after window",
        Status.GEPLAND,
        (d(2022, 6, 1), d(2022, 6, 30)),
        (d(2023, 1, 1), d(2023, 1, 31)),
        False,
        Attention.GEPLAND,
    ),
    (
        "open end, started",
        Status.LOPEND,
        (d(2022, 1, 1), d(2022, 1, 1)),
        None,
        True,
        Attention.START_BINNENKORT,
    ),
    (
        "open end, running",
        Status.LOPEND,
        (d(2020, 1, 1), d(2020, 1, 1)),
        None,
        True,
        Attention.LOPEND,
    ),
    ("no end read", Status.LOPEND, (d(2020, 1, 1), d(2020, 1, 1)), None, False, Attention.ONBEKEND),
    ("nothing read", Status.LOPEND, None, None, False, Attention.ONBEKEND),
    ("nothing read, gepland", Status.GEPLAND, None, None, False, Attention.ONBEKEND),
    (
        "running",
        Status.LOPEND,
        (d(2020, 1, 1), d(2020, 1, 31)),
        (d(2022, 12, 1), d(2022, 12, 31)),
        False,
        Attention.LOPEND,
    ),
]


@pytest.mark.parametrize(
    ("label", "status", "start", "end", "open_end", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_classify(
    label: str,
    status: Status,
    start: tuple[date, date] | None,
    end: tuple[date, date] | None,
    open_end: bool,
    expected: Attention,
) -> None:
    assert classify(status, period(start, end, open_end), P, W_END) == expected


def test_every_class_has_symbol_colour_and_word() -> None:
    symbols = {a.symbol for a in Attention}
    assert len(symbols) == len(Attention)
    for a in Attention:
        assert a.colour and a.value and a.plural
        assert len(a.symbol) == 1


@pytest.mark.parametrize(
    ("status", "entries", "latest", "expected"),
    [
        (Status.LOPEND, [D1], D1, False),
        (Status.LOPEND, [D1], D2, True),
        (Status.LOPEND, [D1, D2], D2, False),
        (Status.AFGEROND, [D1], D2, False),
        (Status.STOPGEZET, [], D2, False),
        (Status.GEPLAND, [], D2, True),
        (Status.LOPEND, [D1], None, False),
    ],
)
def test_niet_bijgewerkt(
    status: Status, entries: list[date], latest: date | None, expected: bool
) -> None:
    pilot = Pilot(id="p", name="p", status=status)
    for e in entries:
        pilot.set_entry(HistoryEntry(e, "tekst", status))
    assert is_niet_bijgewerkt(pilot, status, latest) is expected


def test_assess_all_uses_status_at_peildatum_and_counts() -> None:
    reg = small_register()
    huur = reg.get("huur")
    assert huur is not None
    huur.set_entry(HistoryEntry(D2, "Afgerond in januari.", Status.AFGEROND))
    window = parse_window("3m")
    assert window is not None
    at_d1 = {a.pilot.id: a for a in assess_all(reg, D1, window)}
    at_d2 = {a.pilot.id: a for a in assess_all(reg, D2, window)}
    assert at_d1["huur"].attention == Attention.EINDIGT_BINNENKORT
    assert at_d1["huur"].days_left == 30
    assert at_d2["huur"].attention == Attention.AFGEROND
    # At D2 the open pilots without a D2 entry are niet bijgewerkt.
    assert at_d2["almere"].niet_bijgewerkt
    assert not at_d1["almere"].niet_bijgewerkt
    c = counts(list(at_d1.values()))
    assert sum(c.values()) == len(reg.pilots)
    assert list(c) == list(Attention)
    line = counts_line(list(at_d1.values()))
    assert "1 eindigen binnenkort" in line and "0 verlopen" in line


def test_default_sort_is_urgency_then_end() -> None:
    reg = small_register()
    window = parse_window("3m")
    assert window is not None
    ordered = sorted(assess_all(reg, D1, window), key=sort_key_attention)
    ranks = [a.attention.rank for a in ordered]
    assert ranks == sorted(ranks)
    assert ordered[0].pilot.id == "huur"


def test_colours_are_hex_usable_everywhere() -> None:
    import re

    for a in Attention:
        assert re.fullmatch(r"#[0-9a-f]{6}", a.colour), a
