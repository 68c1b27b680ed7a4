"""Dutch looptijd text -> Period; Dutch date formatting.

The reader follows the conventions table in DESIGN.md ("Periods: what a Dutch looptijd
means"). Every point in time is an :class:`Interval` ``[earliest, latest]``: a month, a
quarter or a season is not a day. The calendar work (month ends, adding months, reading
day-month-year text) is done by python-dateutil; the Dutch words are ours.

Nothing here raises on text input: :func:`parse_looptijd` returns a :class:`Period` whose
``error`` says (in Dutch) what could not be read, :func:`parse_date` and
:func:`parse_window` return ``None``.

The modules, one job each (this package re-exports their public names):

* :mod:`~pilot_tui.periods.words`: the Dutch words and tables (months, parts of a year,
  quarters, halves, seasons, number and status words, window units), the one place
  for them (the importer reads them too);
* :mod:`~pilot_tui.periods.calendar`: normalised text, year and day checks, month
  spans, the months a part of a year or a season covers;
* :mod:`~pilot_tui.periods.types`: :class:`Interval`, :class:`Phase`, :class:`Period`,
  :class:`Window`;
* :mod:`~pilot_tui.periods.points`: one point in time ("medio 2022", "Q1 2023");
* :mod:`~pilot_tui.periods.expressions`: "vanaf A", "A – B", "uiterlijk B";
* :mod:`~pilot_tui.periods.looptijd`: a whole looptijd (phases, status hints,
  extensions): :func:`parse_looptijd`;
* :mod:`~pilot_tui.periods.dates`: what a user types: :func:`parse_date`,
  :func:`date_problem`, :func:`parse_window`;
* :mod:`~pilot_tui.periods.formatting`: dates and periods back in Dutch, and
  :func:`period_json`.

Names with a leading underscore are the package's own: the modules share them, nothing
outside the package uses them.
"""

from __future__ import annotations

from pilot_tui.periods.calendar import MAX_YEAR, MIN_YEAR, season_span, year_part_span
from pilot_tui.periods.dates import date_problem, parse_date, parse_window
from pilot_tui.periods.formatting import format_date, format_interval, iso, period_json
from pilot_tui.periods.looptijd import parse_looptijd
from pilot_tui.periods.types import Interval, Period, Phase, Window
from pilot_tui.periods.words import MONTH_WORDS, MONTHS, ORDINALS

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS",
    "MONTH_WORDS",
    "ORDINALS",
    "Interval",
    "Period",
    "Phase",
    "Window",
    "date_problem",
    "format_date",
    "format_interval",
    "iso",
    "parse_date",
    "parse_looptijd",
    "parse_window",
    "period_json",
    "season_span",
    "year_part_span",
]
