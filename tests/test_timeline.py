"""Timeline geometry: dates to columns, fuzzy shading, open ends, phases, clipping."""

from __future__ import annotations

from datetime import date

import pytest

from pilot_tui.periods import parse_looptijd
from pilot_tui.timeline import Axis, Cell, axis_line, bar_for, phase_breaks, year_labels

AXIS = Axis(date(2021, 1, 1), 24)  # jan 2021 – dec 2022, one column per month


@pytest.mark.parametrize(
    ("day", "column"),
    [
        (date(2021, 1, 1), 0),
        (date(2021, 1, 31), 0),
        (date(2021, 12, 1), 11),
        (date(2022, 1, 15), 12),
        (date(2020, 12, 31), -1),
        (date(2023, 1, 1), 24),
    ],
)
def test_column_one_per_month(day: date, column: int) -> None:
    assert AXIS.column(day) == column


@pytest.mark.parametrize(
    ("day", "column"),
    [
        (date(2021, 1, 1), 0),
        (date(2021, 1, 16), 0),
        (date(2021, 1, 17), 1),
        (date(2021, 2, 14), 2),
        (date(2021, 2, 15), 3),
        (date(2024, 2, 15), 3 + 2 * 36 - 1),
    ],
)
def test_column_two_per_month(day: date, column: int) -> None:
    axis = Axis(date(2021, 1, 1), 12, per_month=2)
    assert axis.column(day) == column


@pytest.mark.parametrize(
    ("looptijd", "expected"),
    [
        # exact months: solid from start month to end month
        ("maart 2021 – juni 2021", "  ████" + " " * 18),
        # fuzzy end: medio 2022 = june–july, drawn lighter
        ("oktober 2021 – medio 2022", " " * 9 + "████████░░" + " " * 5),
        # fuzzy start: voorjaar 2021 = march–may
        ("voorjaar 2021 – augustus 2021", "  ░░░███" + " " * 16),
        # open end runs to the edge with an arrow
        ("vanaf november 2022", " " * 22 + "█▶"),
        # phases are separate segments
        (
            "Deel 1: januari 2021 – maart 2021; deel 2: vanaf 1 januari 2022",
            "███" + " " * 9 + "███████████▶",
        ),
    ],
)
def test_bars(looptijd: str, expected: str) -> None:
    bar = bar_for(parse_looptijd(looptijd), AXIS)
    assert bar.text() == expected
    assert len(bar.cells) == AXIS.width


def test_clipping_both_sides() -> None:
    bar = bar_for(parse_looptijd("januari 2019 – december 2025"), AXIS)
    assert bar.text() == "█" * 24
    assert bar.clipped_left and bar.clipped_right


@pytest.mark.parametrize(
    ("looptijd", "expected"),
    [
        ("januari 2010 – december 2011", "◁" + " " * 23),  # ended before the axis
        ("deel 1: 2010; deel 2: 2012", "◁" + " " * 23),
        ("januari 2030 – december 2031", " " * 23 + "▷"),  # starts after it
        ("vanaf januari 2010", "█" * 23 + "▶"),  # open: runs through
        ("Afgerond.", " " * 24),  # no dates: nothing to point at
    ],
)
def test_outside_the_axis_is_pointed_at(looptijd: str, expected: str) -> None:
    bar = bar_for(parse_looptijd(looptijd), AXIS)
    assert bar.text() == expected
    assert not bar.clipped_right


def test_unreadable_is_empty() -> None:
    bar = bar_for(parse_looptijd("nog onbekend"), AXIS)
    assert set(bar.cells) == {Cell.EMPTY}


def test_axis_labels_and_scroll() -> None:
    assert year_labels(AXIS) == [(0, "2021"), (12, "2022")]
    line = axis_line(AXIS)
    assert line.startswith("2021") and line[12:16] == "2022"
    later = AXIS.shifted(6)
    assert later.first == date(2021, 7, 1)
    assert year_labels(later) == [(0, "2021"), (6, "2022"), (18, "2023")]
    assert Axis.around(date(2021, 12, 1), 36).first == date(2020, 12, 1)


@pytest.mark.parametrize(
    ("looptijd", "breaks"),
    [
        # deel 1 ends in december 2021 (column 11), deel 2 starts in january 2022
        ("Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022", {11}),
        # a pause between the phases: no break needed
        ("Deel 1: januari 2021 – maart 2021; deel 2: vanaf 1 januari 2022", set()),
        # three touching phases
        (
            "Deel 1: januari 2021 – maart 2021; deel 2: april 2021 – juni 2021; "
            "deel 3: juli 2021 – december 2021",
            {2, 5},
        ),
        # no phases at all
        ("januari 2021 – december 2022", set()),
        # the touch lies left of the axis
        ("Deel 1: januari 2019 – december 2019; deel 2: vanaf januari 2020", set()),
    ],
)
def test_phase_breaks(looptijd: str, breaks: set[int]) -> None:
    period = parse_looptijd(looptijd)
    assert phase_breaks(period, AXIS) == breaks
