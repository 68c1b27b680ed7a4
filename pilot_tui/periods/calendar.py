"""Calendar work for the looptijd reader: text normalised for reading, the years read,
month ends and spans, days checked (python-dateutil reads day-month-year text), and the
one rule for the months a part of a year or a season covers."""

from __future__ import annotations

import functools
import re
from datetime import date
from types import ModuleType
from typing import Any, cast

from dateutil.relativedelta import relativedelta

from pilot_tui.periods.words import DATEUTIL_MONTHS, SEASONS, ULTIMO, WINTER, YEAR_PARTS

MIN_YEAR = 1900
MAX_YEAR = 2199

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _normalize(text: str) -> str:
    """Lower case, one kind of dash and space, no soft hyphens or zero-width characters."""
    t = _INVISIBLE.sub("", text)
    t = _DASHES.sub("-", t)
    t = re.sub(r"\s+", " ", t)  # \s covers non-breaking and other Unicode spaces
    return t.lower().strip()


def _quote(text: str, limit: int = 60) -> str:
    t = re.sub(r"\s+", " ", _INVISIBLE.sub("", text)).strip()
    if len(t) > limit:
        t = t[: limit - 1].rstrip() + "…"
    return f"„{t}”"


@functools.cache
def _dateutil_parser() -> tuple[ModuleType, Any]:
    """dateutil's parser (imported when first needed: it is a tenth of the app's start)
    and a parserinfo with the Dutch month names, day first."""
    from dateutil import parser

    class DutchParserInfo(parser.parserinfo):
        # dateutil reads this class attribute (its stubs want two or three spellings a
        # month; "mei" has one, which dateutil takes as well)
        MONTHS = cast(Any, DATEUTIL_MONTHS)

    return parser, DutchParserInfo(dayfirst=True)


class _ReadError(ValueError):
    """Dutch reason why a piece of text is not a date."""

    def __init__(self, message: str, *, hard: bool = True) -> None:
        super().__init__(message)
        # hard: the text is clearly meant as a date but is wrong ("31 juni 2022"); soft: it
        # may just be a word or number in a sentence ("Jan", "3"), so reading goes on.
        self.hard = hard
        self.skip_to: int | None = None  # where scanning resumes: past what was tried


def _month_end(first: date) -> date:
    return first + relativedelta(day=31)


def _months_span(year: int, month: int, count: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, first + relativedelta(months=count, days=-1)


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _ReadError(f"jaartal {year} ligt buiten {MIN_YEAR}–{MAX_YEAR}")
    return year


def _check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise _ReadError(f"maand {month} bestaat niet")
    return month


def _day_via_dateutil(text: str, year: int, month: int, day: int) -> date:
    """Read a day-first day-month-year text with dateutil; cross-check what the regex saw.

    dateutil is lenient (it swaps day and month when the month is out of range), so the
    result must agree with the numbers the pattern captured.
    """
    _check_year(year)
    _check_month(month)
    cleaned = re.sub(r"(\d)(?:ste|de|e)\b", r"\1", text)
    parser, dutch = _dateutil_parser()
    try:
        d = parser.parse(cleaned, parserinfo=dutch).date()
    except (ValueError, OverflowError) as exc:
        raise _ReadError(f"{_quote(text)} is geen bestaande datum") from exc
    if (d.year, d.month, d.day) != (year, month, day):
        raise _ReadError(f"{_quote(text)} is geen bestaande datum")
    return d


def _iso_day(text: str, year: int, month: int, day: int) -> date:
    _check_year(year)
    _check_month(month)
    parser, _dutch = _dateutil_parser()
    try:
        return parser.isoparse(f"{year:04d}-{month:02d}-{day:02d}").date()
    except (ValueError, OverflowError) as exc:
        raise _ReadError(f"{_quote(text)} is geen bestaande datum") from exc


def _make_day(year: int, month: int, day: int, text: str) -> date:
    _check_year(year)
    _check_month(month)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _ReadError(f"{_quote(text)} is geen bestaande datum") from exc


def year_part_span(word: str, year: int) -> tuple[date, date]:
    """The days a part of a year covers ("medio 2024": 1 june – 31 july; "ultimo 2024":
    31 december). ``word`` as :data:`~pilot_tui.periods.words.PART_WORDS` reads it."""
    if word == ULTIMO:
        last = date(year, 12, 31)
        return last, last
    first, count = YEAR_PARTS[word]
    return _months_span(year, first, count)


def season_span(word: str, year: int) -> tuple[date, date]:
    """The three months of a season named with ``year``: "zomer 2024" is june – august
    2024; a winter is the one that ends in ``year`` ("winter 2025": december 2024 –
    februari 2025, also written "winter 2024/2025")."""
    first = SEASONS[word]
    return _months_span(year - 1 if word == WINTER else year, first, 3)
