"""Points in time in a looptijd: a day, a month, a year, a part of one, a quarter, a half,
a season. Patterns -> :class:`_Spec` (as written, the year may be missing) -> :class:`Interval`."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from pilot_tui.periods.calendar import (
    _check_month,
    _check_year,
    _day_via_dateutil,
    _iso_day,
    _make_day,
    _month_end,
    _months_span,
    _quote,
    _ReadError,
    season_span,
    year_part_span,
)
from pilot_tui.periods.formatting import format_date
from pilot_tui.periods.types import Interval
from pilot_tui.periods.words import (
    HALF_WORDS,
    MONTH_WORDS,
    MONTHS,
    ORDINALS,
    PART_WORDS,
    QUARTER_WORDS,
    SEASONS,
    WINTER,
)


@dataclass(frozen=True)
class _Spec:
    """A point in time as written; the year (or month, for a bare day) may be missing."""

    kind: str  # day, month, year, part_year, part_month, quarter, half, season, winter, bareday
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    n: int = 0
    word: str = ""
    day_date: date | None = None  # a fully written day, read by dateutil

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def resolve(self, year: int | None = None, month: int | None = None) -> Interval:
        y = self.year if self.year is not None else year
        if y is None:
            raise _ReadError(f"geen jaartal bij {_quote(self.text)}", hard=False)
        _check_year(y)
        k = self.kind
        if k == "day":
            if self.day_date is not None and self.year is not None:
                d = self.day_date
            else:
                assert self.month is not None and self.day is not None
                d = _make_day(y, self.month, self.day, self.text)
            return Interval(d, d, format_date(d))
        if k == "bareday":
            if month is None:
                raise _ReadError(f"geen maand bij {_quote(self.text)}", hard=False)
            assert self.day is not None
            d = _make_day(y, month, self.day, self.text)
            return Interval(d, d, format_date(d))
        if k == "month":
            assert self.month is not None
            first = date(y, self.month, 1)
            return Interval(first, _month_end(first), f"{MONTHS[self.month - 1]} {y}")
        if k == "year":
            return Interval(date(y, 1, 1), date(y, 12, 31), str(y))
        if k == "part_year":
            lo, hi = year_part_span(self.word, y)
            return Interval(lo, hi, f"{self.word} {y}")
        if k == "part_month":
            assert self.month is not None
            first = date(y, self.month, 1)
            last = _month_end(first)
            w = self.word
            if w == "begin":
                lo, hi = first, first + relativedelta(day=10)
            elif w == "eind":
                lo, hi = first + relativedelta(day=21), last
            elif w == "ultimo":
                lo = hi = last
            else:  # medio, half, halverwege, midden
                lo, hi = first + relativedelta(day=11), first + relativedelta(day=20)
            return Interval(lo, hi, f"{w} {MONTHS[self.month - 1]} {y}")
        if k == "quarter":
            lo, hi = _months_span(y, 3 * (self.n - 1) + 1, 3)
            return Interval(lo, hi, f"{ORDINALS[self.n - 1]} kwartaal {y}")
        if k == "half":
            lo, hi = _months_span(y, 6 * (self.n - 1) + 1, 6)
            return Interval(lo, hi, f"{ORDINALS[self.n - 1]} {self.word} {y}")
        if k == "season":
            lo, hi = season_span(self.word, y)
            return Interval(lo, hi, f"{self.word} {y}")
        if k == "winter":
            # "winter 2024/2025" is stored with year 2025, the year it ends in.
            lo, hi = season_span(WINTER, y)
            return Interval(lo, hi, f"winter {y - 1}/{y}")
        raise _ReadError(f"onbekende soort datum {_quote(self.text)}")


_MON = r"(?P<mon>" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")(?![a-z])\.?"
# Only 1900–2199 are years: "1500 deelnemers" or "3000 euro" are not dates.
_YEAR = r"(?P<year>(?:19|20|21)\d\d)(?!\d)"
_END = r"(?![a-z0-9])"


def _year_of(m: re.Match[str]) -> int | None:
    y = m.groupdict().get("year")
    return _check_year(int(y)) if y else None


def _b_iso_day(m: re.Match[str]) -> _Spec:
    y, mo, d = int(m["year"]), int(m["m"]), int(m["d"])
    return _Spec("day", m[0], y, mo, d, day_date=_iso_day(m[0], y, mo, d))


def _b_num_day(m: re.Match[str]) -> _Spec:
    y, mo, d = int(m["year"]), int(m["m"]), int(m["d"])
    return _Spec("day", m[0], y, mo, d, day_date=_day_via_dateutil(m[0], y, mo, d))


def _b_num_month(m: re.Match[str]) -> _Spec:
    return _Spec("month", m[0], _year_of(m), _check_month(int(m["m"])))


def _b_text_day(m: re.Match[str]) -> _Spec:
    mo, d = MONTH_WORDS[m["mon"]], int(m["d"])
    y = _year_of(m)
    if y is None:
        if not 1 <= d <= 31:
            raise _ReadError(f"{_quote(m[0])} is geen bestaande datum")
        return _Spec("day", m[0], None, mo, d)
    return _Spec("day", m[0], y, mo, d, day_date=_day_via_dateutil(m[0], y, mo, d))


def _b_part_month(m: re.Match[str]) -> _Spec:
    return _Spec("part_month", m[0], _year_of(m), MONTH_WORDS[m["mon"]], word=PART_WORDS[m["q"]])


def _b_part_year(m: re.Match[str]) -> _Spec:
    return _Spec("part_year", m[0], _year_of(m), word=PART_WORDS[m["q"]])


def _b_month(m: re.Match[str]) -> _Spec:
    return _Spec("month", m[0], _year_of(m), MONTH_WORDS[m["mon"]])


def _b_quarter(m: re.Match[str]) -> _Spec:
    n = m["n"]
    return _Spec("quarter", m[0], _year_of(m), n=QUARTER_WORDS.get(n) or int(n))


def _b_half(m: re.Match[str]) -> _Spec:
    n = m["n"]
    word = "halfjaar" if (m.groupdict().get("w") or "helft").startswith("half") else "helft"
    return _Spec("half", m[0], _year_of(m), n=HALF_WORDS.get(n) or int(n), word=word)


def _b_season(m: re.Match[str]) -> _Spec:
    return _Spec("season", m[0], _year_of(m), word=m["w"])


def _b_winter(m: re.Match[str]) -> _Spec:
    if m["y1"]:
        y1 = _check_year(int(m["y1"]))
        y2s = m["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 != y1 + 1:
            raise _ReadError(f"{_quote(m[0])}: de jaren moeten op elkaar volgen")
        return _Spec("winter", m[0], _check_year(y2))
    return _Spec("winter", m[0], _year_of(m))


def _b_year(m: re.Match[str]) -> _Spec:
    return _Spec("year", m[0], _year_of(m))


def _b_bareday(m: re.Match[str]) -> _Spec:
    d = int(m["d"])
    if not 1 <= d <= 31:
        raise _ReadError(f"dag {d} bestaat niet", hard=False)
    return _Spec("bareday", m[0], day=d)


_PART = r"(?P<q>" + "|".join(sorted(PART_WORDS, key=len, reverse=True)) + r")"
_QWORD = r"(?P<n>" + "|".join(sorted(QUARTER_WORDS, key=len, reverse=True)) + r")"
_HWORD = r"(?P<n>" + "|".join(sorted(HALF_WORDS, key=len, reverse=True)) + r")"
# The seasons but winter, which has a pattern of its own ("winter 2024/2025").
_SEASON = r"(?P<w>" + "|".join(w for w in SEASONS if w != WINTER) + r")"

_Builder = Callable[[re.Match[str]], _Spec]


@functools.cache
def _point_patterns() -> list[tuple[re.Pattern[str], _Builder]]:
    """The point-in-time patterns, compiled when first needed: compiling them is most of
    what importing this module costs, and a start of the app from its start cache reads
    no looptijd before its first screen."""
    return [
        (re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _END), _b_iso_day),
        (
            re.compile(r"(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<year>\d{4})" + _END),
            _b_num_day,
        ),
        (re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})(?![\d-])" + _END), _b_num_month),
        (re.compile(r"(?P<m>\d{1,2})[-/](?P<year>\d{4})" + _END), _b_num_month),
        (
            re.compile(
                r"(?P<d>\d{1,2})(?:ste|de|e)?(?: |-)?" + _MON + r"(?:(?: |-)" + _YEAR + r")?"
            ),
            _b_text_day,
        ),
        (re.compile(_PART + r" (?:van )?" + _MON + r"(?: " + _YEAR + r")?"), _b_part_month),
        (re.compile(_PART + r" (?:van )?" + _YEAR), _b_part_year),
        (re.compile(_MON + r"(?:(?: |-)" + _YEAR + r")?"), _b_month),
        (
            re.compile(_QWORD + r" kwartaal(?: (?:van )?(?:het jaar )?" + _YEAR + r")?" + _END),
            _b_quarter,
        ),
        (re.compile(r"q(?P<n>[1-4])(?:(?: |-)" + _YEAR + r")?" + _END), _b_quarter),
        (re.compile(r"kwartaal (?P<n>[1-4])(?: " + _YEAR + r")?" + _END), _b_quarter),
        (
            re.compile(
                _HWORD
                + r" (?P<w>helft|halfjaar|half jaar)(?: (?:van )?(?:het jaar )?"
                + _YEAR
                + r")?"
            ),
            _b_half,
        ),
        (re.compile(r"h(?P<n>[12])(?:(?: |-)" + _YEAR + r")?" + _END), _b_half),
        (
            re.compile(_SEASON + r"(?: (?:van )?" + _YEAR + r")?" + _END),
            _b_season,
        ),
        (
            re.compile(
                r"winter(?: (?P<y1>(?:19|20|21)\d\d) ?[/-] ?(?P<y2>\d{4}|\d{2})(?!\d)| "
                + _YEAR
                + r")?"
                + _END
            ),
            _b_winter,
        ),
        (re.compile(_YEAR + _END), _b_year),
        (re.compile(r"(?P<d>\d{1,2})(?!\d)" + _END), _b_bareday),
    ]


def _read_point(s: str, pos: int) -> tuple[_Spec, int] | None:
    """The longest point-in-time pattern at ``pos``. Raises _ReadError when it is invalid."""
    best: re.Match[str] | None = None
    best_builder: _Builder | None = None
    for pattern, builder in _point_patterns():
        m = pattern.match(s, pos)
        if m is None:
            continue
        if m.end() < len(s) and s[m.end()].isalnum() and s[m.end() - 1] != ".":
            continue
        if best is None or m.end() > best.end():
            best, best_builder = m, builder
    if best is None or best_builder is None:
        return None
    try:
        return best_builder(best), best.end()
    except _ReadError as exc:
        exc.skip_to = best.end()
        raise
