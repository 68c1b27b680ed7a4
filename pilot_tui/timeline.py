"""Timeline geometry: periods as bars on a month axis (pure; shared by the TUI and SVG).

A bar is a list of cells, one per column. A fuzzy start or end ("medio 2022" is june–july)
is drawn as ``FUZZY`` cells, the certain part as ``SOLID``; an open end runs to the edge
and ends in an ``ARROW``; phases are separate segments with a gap between them. A period
wholly before the axis shows ``BEFORE`` in its first column, one wholly after it ``AFTER``
in its last: the row is not empty for want of a looptijd.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from itertools import pairwise

from dateutil.relativedelta import relativedelta

from pilot_tui.periods import Interval, Period


class Cell(Enum):
    EMPTY = " "
    SOLID = "█"
    FUZZY = "░"
    ARROW = "▶"
    BEFORE = "◁"  # the period ended before the axis starts
    AFTER = "▷"  # the period starts after the axis ends


@dataclass(frozen=True)
class Axis:
    """``months`` months from ``first`` (the 1st of a month), ``per_month`` columns each."""

    first: date
    months: int
    per_month: int = 1

    @classmethod
    def around(cls, centre: date, width: int, per_month: int = 1, before: int = 12) -> Axis:
        """An axis ``width`` columns wide that starts ``before`` months before ``centre``."""
        first = date(centre.year, centre.month, 1) - relativedelta(months=before)
        return cls(first, max(1, width // per_month), per_month)

    @property
    def width(self) -> int:
        return self.months * self.per_month

    @property
    def last(self) -> date:
        """The last day on the axis."""
        return self.first + relativedelta(months=self.months, days=-1)

    def column(self, d: date) -> int:
        """The column of day ``d``; may lie outside [0, width) (the caller clips)."""
        months = (d.year - self.first.year) * 12 + d.month - self.first.month
        days_in_month = (d + relativedelta(day=31)).day
        within = (d.day - 1) * self.per_month // days_in_month
        return months * self.per_month + within

    def shifted(self, months: int) -> Axis:
        return Axis(self.first + relativedelta(months=months), self.months, self.per_month)

    def month_starts(self) -> list[tuple[int, date]]:
        """(column, first day) for every month on the axis."""
        return [
            (i * self.per_month, self.first + relativedelta(months=i)) for i in range(self.months)
        ]


@dataclass(frozen=True)
class Bar:
    cells: tuple[Cell, ...]
    clipped_left: bool = False
    clipped_right: bool = False

    def text(self) -> str:
        return "".join(c.value for c in self.cells)


def _paint(cells: list[Cell], start: int, end: int, kind: Cell) -> None:
    """Paint columns [start, end] (inclusive), clipped; never paint fuzzy over solid."""
    lo, hi = max(start, 0), min(end, len(cells) - 1)
    for col in range(lo, hi + 1):
        if kind == Cell.FUZZY and cells[col] == Cell.SOLID:
            continue
        cells[col] = kind


def _segment(
    cells: list[Cell], axis: Axis, start: Interval | None, end: Interval | None, open_end: bool
) -> tuple[bool, bool]:
    """Draw one phase; return (clipped left, clipped right)."""
    width = axis.width
    if start is None and end is None:
        return False, False
    if start is not None:
        s_early, s_late = axis.column(start.earliest), axis.column(start.latest)
    else:
        s_early = s_late = -1  # unknown start: from the left edge
    if end is not None and not open_end:
        e_early, e_late = axis.column(end.earliest), axis.column(end.latest)
    else:
        e_early = e_late = width  # open end: to the right edge
    if start is not None:
        _paint(cells, s_early, s_late, Cell.FUZZY if s_early != s_late else Cell.SOLID)
    solid_from = s_late if start is None or s_early == s_late else s_late + 1
    solid_to = e_early if end is None or open_end or e_early == e_late else e_early - 1
    _paint(cells, solid_from, solid_to, Cell.SOLID)
    if end is not None and not open_end:
        _paint(cells, e_early, e_late, Cell.FUZZY if e_early != e_late else Cell.SOLID)
    if open_end and width - 1 >= 0 and s_early < width:
        cells[width - 1] = Cell.ARROW
    return s_early < 0 and e_late >= 0, e_late >= width and s_early < width and not open_end


_NOT_DRAWN = frozenset({Cell.EMPTY, Cell.BEFORE, Cell.AFTER})  # no part of the period itself


def bar_for(period: Period, axis: Axis) -> Bar:
    """The bar of a period on an axis: phases as segments, fuzzy parts lighter."""
    cells = [Cell.EMPTY] * axis.width
    left = right = False
    if period.phases:
        for i, phase in enumerate(period.phases):
            last = i == len(period.phases) - 1
            cl, cr = _segment(cells, axis, phase.start, phase.end, phase.open_end and last)
            left, right = left or cl, right or cr
    else:
        left, right = _segment(cells, axis, period.start, period.end, period.open_end)
    if axis.width and all(c is Cell.EMPTY for c in cells):
        known = [d for d in (period.start, period.end) if d is not None]
        if known and not period.open_end and all(d.latest < axis.first for d in known):
            cells[0] = Cell.BEFORE
        elif known and all(d.earliest > axis.last for d in known):
            cells[-1] = Cell.AFTER
    return Bar(tuple(cells), left, right)


def year_labels(axis: Axis) -> list[tuple[int, str]]:
    """(column, "2022") at every january on the axis, and at column 0."""
    labels = [(col, str(first.year)) for col, first in axis.month_starts() if first.month == 1]
    if axis.first.month != 1 and (not labels or labels[0][0] >= 5):
        labels.insert(0, (0, str(axis.first.year)))
    return labels


def axis_line(axis: Axis) -> str:
    """A one-line month axis: year labels at januaries, "·" for the other months."""
    line = [" "] * axis.width
    for col, _first in axis.month_starts():
        line[col] = "·"
    for col, label in year_labels(axis):
        for i, ch in enumerate(label):
            if col + i < axis.width:
                line[col + i] = ch
    return "".join(line)


def phase_breaks(period: Period, axis: Axis) -> frozenset[int]:
    """Columns where a phase's bar ends right against the next phase's bar.

    ``bar_for`` draws phases that follow each other without a pause ("deel 1: … december
    2021; deel 2: vanaf januari 2022") as one unbroken run; a renderer can mark these
    columns (e.g. with a half block) so each phase still reads as a segment of its own.
    """
    if len(period.phases) < 2:
        return frozenset()
    spans: list[tuple[int, int] | None] = []
    last = len(period.phases) - 1
    for i, phase in enumerate(period.phases):
        single = Period(period.text, phase.start, phase.end, open_end=phase.open_end and i == last)
        cells = bar_for(single, axis).cells
        painted = [c for c, cell in enumerate(cells) if cell not in _NOT_DRAWN]
        spans.append((painted[0], painted[-1]) if painted else None)
    breaks: set[int] = set()
    for here, after in pairwise(spans):
        if here is not None and after is not None and here[1] + 1 >= after[0]:
            breaks.add(min(here[1], after[0] - 1) if after[0] > 0 else here[1])
    return frozenset(c for c in breaks if 0 <= c < axis.width)
