"""Dutch looptijd text -> Period; Dutch date formatting.

The reader follows the conventions table in DESIGN.md ("Periods: what a Dutch looptijd
means"). Every point in time is an :class:`Interval` ``[earliest, latest]``: a month, a
quarter or a season is not a day. The calendar work (month ends, adding months, reading
day-month-year text) is done by python-dateutil; the Dutch words are ours.

Nothing here raises on text input: :func:`parse_looptijd` returns a :class:`Period` whose
``error`` says (in Dutch) what could not be read, :func:`parse_date` and
:func:`parse_window` return ``None``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from types import ModuleType
from typing import Any

from dateutil.relativedelta import relativedelta

from pilot_tui.model import Status

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# Spellings of months we accept (lower case, without the optional trailing dot).
MONTH_WORDS: dict[str, int] = {
    **{name: i for i, name in enumerate(MONTHS, start=1)},
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

ORDINALS = ("eerste", "tweede", "derde", "vierde")

MIN_YEAR = 1900
MAX_YEAR = 2199


@dataclass(frozen=True)
class Interval:
    """A fuzzy point in time: somewhere in [earliest, latest]."""

    earliest: date
    latest: date
    label: str = ""  # Dutch, as it reads: "medio 2022", "december 2021", "1 december 2021"

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


@dataclass(frozen=True)
class Phase:
    label: str  # "deel 1"
    start: Interval | None
    end: Interval | None
    open_end: bool = False


@dataclass(frozen=True)
class Period:
    text: str
    start: Interval | None = None
    end: Interval | None = None
    open_end: bool = False  # "vanaf A", or a last phase without end
    no_later_than: bool = False  # "uiterlijk B"
    phases: tuple[Phase, ...] = ()
    status_hint: Status | None = None  # "Afgerond." / "(stopgezet)"
    extended_to: Interval | None = None  # "verlengd tot B" (already applied to end)
    error: str | None = None  # Dutch: what could not be read; None when fully read
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.error is None

    def describe(self) -> str:
        """How the text is read, in Dutch: "1 mei 2020 – uiterlijk 31 mei 2022".

        Exact format:

        - an error: ``"niet te lezen: <error>"``;
        - a span with start and end: ``"<start.earliest> – <end.latest>"`` (en dash, days as
          ``format_date``); the end gets ``"uiterlijk "`` in front when it is fuzzy (not a
          single day) or ``no_later_than`` is set; a single day read as both start and end
          gives just that day;
        - an open end: ``"vanaf <start.earliest>"``;
        - only an end: ``"tot en met <end.latest>"``, or ``"uiterlijk <end.latest>"`` when
          fuzzy or ``no_later_than``;
        - phases: ``"<label>: <span>"`` per phase, joined with ``"; "``;
        - then ``" (verlengd)"`` when ``extended_to`` is set and ``" (<status>)"`` for a
          status hint; a status hint without dates gives just ``"<status>"`` ("afgerond").
        """
        if self.error is not None:
            return f"niet te lezen: {self.error}"
        if self.phases:
            body = "; ".join(
                f"{ph.label}: {_span(ph.start, ph.end, ph.open_end, False)}".rstrip(": ")
                for ph in self.phases
            )
        else:
            body = _span(self.start, self.end, self.open_end, self.no_later_than)
        if self.extended_to is not None:
            body = f"{body} (verlengd)" if body else "verlengd"
        if self.status_hint is not None:
            body = f"{body} ({self.status_hint.value})" if body else self.status_hint.value
        return body


def _span(start: Interval | None, end: Interval | None, open_end: bool, no_later: bool) -> str:
    if start is not None and end is not None and not open_end:
        if start == end and start.exact and not no_later:
            return format_date(start.earliest)
        until = "uiterlijk " if (no_later or not end.exact) else ""
        return f"{format_date(start.earliest)} – {until}{format_date(end.latest)}"
    if start is not None:
        return f"vanaf {format_date(start.earliest)}"
    if end is not None:
        word = "uiterlijk" if (no_later or not end.exact) else "tot en met"
        return f"{word} {format_date(end.latest)}"
    return ""


# --------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------
# Calendar helpers (python-dateutil)
# --------------------------------------------------------------------------------------


_DUTCH_MONTHS: list[tuple[str, str] | tuple[str, str, str]] = [
    ("jan", "januari"),
    ("feb", "febr", "februari"),
    ("mrt", "mar", "maart"),
    ("apr", "april"),
    ("mei", "mei"),
    ("jun", "juni"),
    ("jul", "juli"),
    ("aug", "augustus"),
    ("sep", "sept", "september"),
    ("okt", "oct", "oktober"),
    ("nov", "november"),
    ("dec", "december"),
]


@functools.cache
def _dateutil_parser() -> tuple[ModuleType, Any]:
    """dateutil's parser (imported when first needed: it is a tenth of the app's start)
    and a parserinfo with the Dutch month names, day first."""
    from dateutil import parser

    class DutchParserInfo(parser.parserinfo):
        MONTHS = _DUTCH_MONTHS  # dateutil reads this class attribute

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


# --------------------------------------------------------------------------------------
# Points in time: patterns -> specs -> intervals
# --------------------------------------------------------------------------------------

_PART_WORDS = {
    "begin": "begin",
    "medio": "medio",
    "half": "half",
    "halverwege": "halverwege",
    "midden": "midden",
    "eind": "eind",
    "einde": "eind",
    "ultimo": "ultimo",
}
_QUARTER_WORDS = {
    "eerste": 1, "1e": 1, "1ste": 1,
    "tweede": 2, "2e": 2, "2de": 2,
    "derde": 3, "3e": 3, "3de": 3,
    "vierde": 4, "4e": 4, "4de": 4, "laatste": 4,
}  # fmt: skip
_HALF_WORDS = {
    "eerste": 1, "1e": 1, "1ste": 1,
    "tweede": 2, "2e": 2, "2de": 2, "laatste": 2,
}  # fmt: skip
_SEASON_START = {"voorjaar": 3, "lente": 3, "zomer": 6, "najaar": 9, "herfst": 9}


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
            w = self.word
            if w == "begin":
                lo, hi = _months_span(y, 1, 3)
            elif w == "eind":
                lo, hi = _months_span(y, 10, 3)
            elif w == "ultimo":
                lo = hi = date(y, 12, 31)
            else:  # medio, half, halverwege, midden
                lo, hi = _months_span(y, 6, 2)
            return Interval(lo, hi, f"{w} {y}")
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
            lo, hi = _months_span(y, _SEASON_START[self.word], 3)
            return Interval(lo, hi, f"{self.word} {y}")
        if k == "winter":
            # "winter 2024/2025" is stored with year 2025: december of the year before.
            lo, hi = _months_span(y - 1, 12, 3)
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
    return _Spec("part_month", m[0], _year_of(m), MONTH_WORDS[m["mon"]], word=_PART_WORDS[m["q"]])


def _b_part_year(m: re.Match[str]) -> _Spec:
    return _Spec("part_year", m[0], _year_of(m), word=_PART_WORDS[m["q"]])


def _b_month(m: re.Match[str]) -> _Spec:
    return _Spec("month", m[0], _year_of(m), MONTH_WORDS[m["mon"]])


def _b_quarter(m: re.Match[str]) -> _Spec:
    n = m["n"]
    return _Spec("quarter", m[0], _year_of(m), n=_QUARTER_WORDS.get(n) or int(n))


def _b_half(m: re.Match[str]) -> _Spec:
    n = m["n"]
    word = "halfjaar" if (m.groupdict().get("w") or "helft").startswith("half") else "helft"
    return _Spec("half", m[0], _year_of(m), n=_HALF_WORDS.get(n) or int(n), word=word)


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


_PART = r"(?P<q>" + "|".join(sorted(_PART_WORDS, key=len, reverse=True)) + r")"
_QWORD = r"(?P<n>" + "|".join(sorted(_QUARTER_WORDS, key=len, reverse=True)) + r")"
_HWORD = r"(?P<n>" + "|".join(sorted(_HALF_WORDS, key=len, reverse=True)) + r")"

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
            re.compile(
                r"(?P<w>voorjaar|lente|zomer|najaar|herfst)(?: (?:van )?" + _YEAR + r")?" + _END
            ),
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


# --------------------------------------------------------------------------------------
# Expressions: [prefix] A [connector [uiterlijk] B]
# --------------------------------------------------------------------------------------

_START_PREFIXES = ("met ingang van", "m.i.v.", "m.i.v", "vanaf", "van af", "sinds", "per", "van")
_END_PREFIXES = ("tot en met", "t.e.m.", "t/m", "t.m.", "tot", "uiterlijk")
_PREFIX_RE = re.compile(
    r"(?P<p>"
    + "|".join(
        re.escape(p) for p in sorted((*_START_PREFIXES, *_END_PREFIXES, "tussen"), key=len)[::-1]
    )
    + r")(?![a-z0-9]) ?"
)
_CONNECTOR_RE = re.compile(
    r"(?: ?-+ ?| (?P<w>tot en met|t\.e\.m\.|t/m|t\.m\.|tot|en)(?![a-z0-9]) ?)"
)
_UITERLIJK_RE = re.compile(r"uiterlijk ")
_OPEN_WORDS_RE = re.compile(
    r"(?:heden|nu|vandaag|onbepaalde tijd|onbepaald|doorlopend|nader order|nader bericht|"
    r"open|onbekend|nog onbekend|nnb|n\.n\.b\.|nader te bepalen|ntb|n\.t\.b\.|\?+|\.\.\.|…)"
    r"(?![a-z0-9])"
)


@dataclass
class _Expr:
    start: Interval | None = None
    end: Interval | None = None
    open_end: bool = False
    no_later_than: bool = False
    span: tuple[int, int] = (0, 0)
    warnings: list[str] = field(default_factory=list)

    @property
    def end_only(self) -> bool:
        return self.start is None and self.end is not None

    @property
    def start_only(self) -> bool:
        return self.start is not None and (self.end is None or self.end == self.start)


def _resolve_pair(a: _Spec, b: _Spec) -> tuple[Interval, Interval]:
    """Resolve A and B, taking a missing year (or month, for a bare day) from the other."""
    if a.kind == "bareday":
        if b.month is None or b.kind not in ("day", "month", "part_month"):
            raise _ReadError(f"geen maand bij {_quote(a.text)}", hard=False)
        bi = b.resolve()
        return a.resolve(bi.latest.year, b.month), bi
    if not a.has_year and not b.has_year:
        raise _ReadError(f"geen jaartal in {_quote(a.text + ' - ' + b.text)}", hard=False)
    if not a.has_year:
        bi = b.resolve()
        assert b.year is not None
        ai = a.resolve(b.year)
        if ai.earliest > bi.latest:  # "november – februari 2024": november 2023
            ai = a.resolve(b.year - 1)
        return ai, bi
    ai = a.resolve()
    if not b.has_year:
        assert a.year is not None
        bi = b.resolve(a.year)
        if bi.latest < ai.earliest:  # "november 2023 – februari": februari 2024
            bi = b.resolve(a.year + 1)
        return ai, bi
    return ai, b.resolve()


def _exclusive(b: _Spec, bi: Interval) -> Interval:
    """ "tot <dag>" ends the day before; "tot <maand/jaar/…>" is inclusive."""
    if b.kind in ("day", "bareday") and bi.exact:
        d = bi.earliest - timedelta(days=1)
        return Interval(d, d, format_date(d))
    return bi


def _read_expr(s: str, pos: int) -> tuple[_Expr | None, int]:
    """Try to read an expression at ``pos``. Returns (expr, end) or (None, skip_to).

    Raises _ReadError when something date-like is there but cannot be read.
    """
    prefix = ""
    p = pos
    m = _PREFIX_RE.match(s, pos)
    if m is not None:
        prefix = m["p"]
        p = m.end()
    no_later = False
    if prefix in _END_PREFIXES and prefix != "uiterlijk":
        mu = _UITERLIJK_RE.match(s, p)
        if mu:
            no_later, p = True, mu.end()
    if prefix == "uiterlijk":
        no_later = True
        mt = re.compile(r"(?:tot en met|t/m|tot) ").match(s, p)
        if mt:
            p = mt.end()
    pt = _read_point(s, p)
    if pt is None:
        return None, (m.end() if m is not None else pos + 1)
    a, a_end = pt

    if prefix in _END_PREFIXES:
        bi = a.resolve()
        if prefix == "tot":
            bi = _exclusive(a, bi)
        return _Expr(end=bi, no_later_than=no_later, span=(pos, a_end)), a_end

    # A connector and B?
    c = _CONNECTOR_RE.match(s, a_end)
    if c is not None and (c["w"] != "en" or prefix == "tussen"):
        word = c["w"] or "-"
        bp = c.end()
        b_no_later = False
        mu = _UITERLIJK_RE.match(s, bp)
        if mu:
            b_no_later, bp = True, mu.end()
        bpt = _read_point(s, bp) if bp < len(s) else None
        if bpt is not None:
            b, b_end = bpt
            try:
                ai, bi = _resolve_pair(a, b)
            except _ReadError as exc:
                exc.skip_to = b_end
                raise
            if word == "tot":
                bi = _exclusive(b, bi)
            return _Expr(ai, bi, no_later_than=b_no_later, span=(pos, b_end)), b_end
        if a.kind == "bareday":
            return None, a_end
        mo = _OPEN_WORDS_RE.match(s, bp)
        rest = s[bp:].strip(" .,;:)")
        if mo is not None or (not rest and word == "-"):
            expr = _Expr(a.resolve(), open_end=True, span=(pos, mo.end() if mo else len(s)))
            if mo is None:
                expr.warnings.append("na het streepje staat geen einde; gelezen als open einde")
            return expr, expr.span[1]
        if word not in ("-", "en"):
            expr = _Expr(a.resolve(), open_end=True, span=(pos, c.end()))
            expr.warnings.append(f"einde na „{word}” niet gelezen; gelezen als open einde")
            return expr, c.end()
        if word == "-":
            ai = a.resolve()
            expr = _Expr(ai, None if prefix in _START_PREFIXES else ai, span=(pos, a_end))
            expr.open_end = prefix in _START_PREFIXES
            expr.warnings.append("na het streepje staat geen datum; alleen het begin gelezen")
            return expr, a_end

    if a.kind == "bareday":
        return None, a_end
    ai = a.resolve()
    if prefix in _START_PREFIXES:
        return _Expr(ai, open_end=True, span=(pos, a_end)), a_end
    return _Expr(ai, ai, span=(pos, a_end)), a_end


def _find_exprs(s: str) -> tuple[list[_Expr], list[_ReadError]]:
    """All expressions in ``s`` from left to right, plus what failed on the way."""
    exprs: list[_Expr] = []
    errors: list[_ReadError] = []
    i = 0
    n = len(s)
    while i < n:
        if not (s[i].isalnum() and (i == 0 or not s[i - 1].isalnum())):
            i += 1
            continue
        try:
            expr, nxt = _read_expr(s, i)
        except _ReadError as exc:
            errors.append(exc)
            # skip past what failed so its tail is not read as another date
            i = max(exc.skip_to or 0, i + 1)
            continue
        if expr is not None:
            exprs.append(expr)
            i = max(nxt, i + 1)
        else:
            i = max(nxt, i + 1)
    return exprs, errors


def _combine(exprs: list[_Expr]) -> tuple[_Expr | None, list[_Expr]]:
    """The first expression, merged with a following end-only one ("vanaf A, tot B")."""
    if not exprs:
        return None, []
    first, rest = exprs[0], exprs[1:]
    if (first.open_end or first.start_only) and first.start is not None and rest:
        nxt = rest[0]
        if nxt.end_only and nxt.end is not None:
            merged = _Expr(
                first.start,
                nxt.end,
                no_later_than=nxt.no_later_than,
                span=(first.span[0], nxt.span[1]),
                warnings=first.warnings + nxt.warnings,
            )
            return merged, rest[1:]
    return first, rest


# --------------------------------------------------------------------------------------
# Status hints, extensions, phases
# --------------------------------------------------------------------------------------

_STATUS_WORDS = {
    "afgerond": Status.AFGEROND,
    "afgesloten": Status.AFGEROND,
    "voltooid": Status.AFGEROND,
    "stopgezet": Status.STOPGEZET,
    "gestopt": Status.STOPGEZET,
    "gestaakt": Status.STOPGEZET,
}
_STATUS_RE = re.compile(r"(?<![a-z])(" + "|".join(_STATUS_WORDS) + r")(?![a-z])")
_FUTURE_RE = re.compile(r"(?<![a-z])(wordt|worden|zal|zullen|moet|moeten|kan|kunnen|niet)(?![a-z])")
_PAST_RE = re.compile(r"(?<![a-z])(is|zijn|werd|werden|was|waren)(?![a-z])")


def _status_hints(s: str) -> list[tuple[Status, tuple[int, int]]]:
    found: list[tuple[Status, tuple[int, int]]] = []
    for m in _STATUS_RE.finditer(s):
        before = s[: m.start()]
        after = s[m.end() :]
        clause = re.split(r"[.;:!?(),]", before)[-1]
        in_parens = before.rstrip().endswith("(") and after.lstrip().startswith(")")
        alone = not clause.strip() and re.match(r"\s*(?:[.;:!?,)]|-|$)", after) is not None
        past = _PAST_RE.search(clause) is not None and _FUTURE_RE.search(clause) is None
        if in_parens or alone or past:
            found.append((_STATUS_WORDS[m[1]], m.span()))
    return found


_EXTENSION_RE = re.compile(
    r"(?<![a-z])verlengd (?P<w>tot en met|t\.e\.m\.|t/m|t\.m\.|tot) (?P<ul>uiterlijk )?"
)
_PHASE_RE = re.compile(
    r"(?<![a-z])(?:(?P<w>deel|fase) ?(?P<n>\d{1,2}|i{1,3}|iv|v|een|twee|drie|vier|vijf)"
    r"(?![a-z0-9]) ?[:.)]?"
    r"|(?P<ord>eerste|tweede|derde|vierde|vijfde|1e|2e|3e|4e|5e) (?P<w2>deel|fase) ?:)"
)
_PHASE_NUMBERS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5,
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5,
    "1e": 1, "2e": 2, "3e": 3, "4e": 4, "5e": 5,
}  # fmt: skip


def _phase_label(m: re.Match[str]) -> str:
    word = m["w"] or m["w2"]
    n = m["n"] or m["ord"]
    num = _PHASE_NUMBERS.get(n) or int(n)
    return f"{word} {num}"


def _blank(s: str, span: tuple[int, int]) -> str:
    a, b = span
    return s[:a] + " " * (b - a) + s[b:]


def _read_segment(s: str) -> tuple[_Expr | None, list[str], list[str]]:
    """One looptijd: (expression, reasons it failed, warnings)."""
    exprs, errors = _find_exprs(s)
    hard = [str(e) for e in errors if e.hard]
    if hard:  # a date that does not exist: do not guess around it
        return None, hard, []
    expr, rest = _combine(exprs)
    warnings: list[str] = []
    if expr is not None:
        warnings.extend(expr.warnings)
        for other in rest:
            text = s[other.span[0] : other.span[1]].strip()
            warnings.append(f"nog een datum gevonden en niet gebruikt: „{text}”")
    return expr, [str(e) for e in errors], warnings


def _check_order(start: Interval | None, end: Interval | None) -> str | None:
    if start is not None and end is not None and end.latest < start.earliest:
        return "einde ligt voor begin"
    return None


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def parse_looptijd(text: str) -> Period:
    """Read a Dutch looptijd. Never raises."""
    if not isinstance(text, str):  # defensive: callers may pass None from storage
        return Period(str(text), error="geen tekst")
    try:
        return _parse_looptijd(text)
    except Exception as exc:  # noqa: BLE001 - the contract is: never raise on text
        return Period(text, error=f"interne fout bij het lezen ({type(exc).__name__})")


def _parse_looptijd(text: str) -> Period:
    s = _normalize(text)
    if not s:
        return Period(text, error="geen looptijd opgegeven")
    warnings: list[str] = []

    if re.search(r"(?<![a-z])winter (?:19|20|21)\d\d(?! ?[/-] ?\d)", s):
        warnings.append("„winter <jaar>” gelezen als de winter die in dat jaar eindigt")

    # Status hints.
    hints = _status_hints(s)
    status: Status | None = None
    if hints:
        kinds = {h[0] for h in hints}
        status = Status.STOPGEZET if Status.STOPGEZET in kinds else hints[0][0]
        if len(kinds) > 1:
            warnings.append("zowel afgerond als stopgezet genoemd; stopgezet aangehouden")
        for _, span in hints:
            s = _blank(s, span)

    # "verlengd tot B".
    extended: Interval | None = None
    ext_no_later = False
    me = _EXTENSION_RE.search(s)
    if me is not None:
        try:
            pt = _read_point(s, me.end())
            if pt is None:
                warnings.append("verlenging gevonden maar de datum is niet te lezen")
                s = _blank(s, me.span())
            else:
                spec, end_pos = pt
                iv = spec.resolve()
                if me["w"] == "tot":
                    iv = _exclusive(spec, iv)
                extended = iv
                ext_no_later = me["ul"] is not None
                s = _blank(s, (me.start(), end_pos))
        except _ReadError as exc:
            warnings.append(f"verlenging niet gelezen: {exc}")
            s = _blank(s, me.span())

    # Phases.
    markers = list(_PHASE_RE.finditer(s))
    segments: list[tuple[str, str]] = []
    if markers:
        for k, mk in enumerate(markers):
            seg_end = markers[k + 1].start() if k + 1 < len(markers) else len(s)
            segments.append((_phase_label(mk), s[mk.end() : seg_end]))
    elif ";" in s:
        parts = [p for p in s.split(";") if p.strip()]
        readable = [p for p in parts if _read_segment(p)[0] is not None]
        if len(readable) >= 2:
            segments = [(f"deel {k}", p) for k, p in enumerate(readable, start=1)]

    start: Interval | None
    end: Interval | None
    phases: tuple[Phase, ...] = ()
    no_later = False
    if segments:
        read: list[Phase] = []
        for label, seg in segments:
            expr, errors, seg_warnings = _read_segment(seg)
            warnings.extend(f"{label}: {w}" for w in seg_warnings)
            if expr is None:
                reason = errors[0] if errors else "geen datum of periode gevonden"
                return Period(text, error=f"{label}: {reason}", warnings=tuple(warnings))
            problem = _check_order(expr.start, expr.end)
            if problem:
                return Period(text, error=f"{label}: {problem}", warnings=tuple(warnings))
            read.append(Phase(label, expr.start, expr.end, expr.open_end))
        phases = tuple(read)
        start = phases[0].start
        end = phases[-1].end
        open_end = phases[-1].open_end
    else:
        expr, errors, seg_warnings = _read_segment(s)
        warnings.extend(seg_warnings)
        if expr is None:
            if status is not None or extended is not None:
                start, end, open_end = None, None, False
                warnings.extend(f"niet gelezen: {e}" for e in errors if "jaartal" not in e)
            else:
                reason = (
                    errors[0] if errors else f"geen datum of periode gevonden in {_quote(text)}"
                )
                return Period(text, error=reason, warnings=tuple(warnings))
        else:
            start, end, open_end, no_later = expr.start, expr.end, expr.open_end, expr.no_later_than

    if extended is not None:
        if end is not None and extended.latest < end.latest:
            warnings.append("de verlenging ligt voor het oorspronkelijke einde")
        end, open_end = extended, False
        no_later = no_later or ext_no_later
        if phases:
            last = phases[-1]
            phases = (*phases[:-1], replace(last, end=extended, open_end=False))

    problem = _check_order(start, end)
    if problem:
        return Period(text, error=problem, warnings=tuple(warnings))
    return Period(
        text,
        start=start,
        end=end,
        open_end=open_end,
        no_later_than=no_later,
        phases=phases,
        status_hint=status,
        extended_to=extended,
        warnings=tuple(warnings),
    )


_RELATIVE_DAYS = {"vandaag": 0, "gisteren": -1, "morgen": 1, "eergisteren": -2, "overmorgen": 2}


def parse_date(text: str, today: date | None = None) -> date | None:
    """A single day: ISO, "01-06-2022", "1 juni 2022", "vandaag". None when unreadable."""
    try:
        s = _normalize(text).rstrip(".").strip()
        if s in _RELATIVE_DAYS:
            return (today or date.today()) + timedelta(days=_RELATIVE_DAYS[s])
        pt = _read_point(s, 0)
        if pt is None:
            return None
        spec, end = pt
        if end != len(s) or spec.kind != "day" or spec.year is None:
            return None
        return spec.resolve().earliest
    except Exception:  # noqa: BLE001 - the contract is: never raise on text
        return None


def date_problem(text: str) -> str:
    """Why :func:`parse_date` cannot read ``text``, in Dutch: the specific reason when
    the text is clearly meant as a date ("„31 juni 2022” is geen bestaande datum"), else
    "geen datum die ik kan lezen: „…”"."""
    unreadable = f"geen datum die ik kan lezen: {_quote(text)}"
    try:
        _read_point(_normalize(text).rstrip(".").strip(), 0)
    except _ReadError as exc:
        return str(exc)
    except Exception:  # noqa: BLE001 - never raise on text: anything else is unreadable
        return unreadable
    return unreadable


def format_date(d: date) -> str:
    """1 december 2021"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def format_interval(i: Interval) -> str:
    """Dutch text for a fuzzy point: its label, or the day, month or year it covers."""
    if i.label:
        return i.label
    if i.exact:
        return format_date(i.earliest)
    lo, hi = i.earliest, i.latest
    if lo.day == 1 and hi == _month_end(lo):
        return f"{MONTHS[lo.month - 1]} {lo.year}"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return str(lo.year)
    return f"{format_date(lo)} – {format_date(hi)}"


@dataclass(frozen=True)
class Window:
    delta: relativedelta
    label: str  # Dutch: "3 maanden", "90 dagen", "1 jaar"

    def end(self, peildatum: date) -> date:
        return peildatum + self.delta


# unit -> (relativedelta keyword, singular, plural, maximum)
_WINDOW_UNITS: dict[str, tuple[str, str, str, int]] = {}
for _keys, _unit in (
    (("d", "dag", "dagen"), ("days", "dag", "dagen", 36_600)),
    (("w", "wk", "wkn", "week", "weken"), ("weeks", "week", "weken", 5_220)),
    (("m", "mnd", "mnd.", "maand", "maanden"), ("months", "maand", "maanden", 1_200)),
    (("y", "j", "jr", "jr.", "jaar", "jaren"), ("years", "jaar", "jaar", 100)),
):
    for _k in _keys:
        _WINDOW_UNITS[_k] = _unit
_WINDOW_RE = re.compile(r"(?P<n>\d{1,6}) ?(?P<u>[a-z.]+)?")


def parse_window(text: str) -> Window | None:
    """ "90d", "3m", "1y", "6 maanden", "3" (months). None when unreadable."""
    try:
        m = _WINDOW_RE.fullmatch(_normalize(text))
        if m is None:
            return None
        n = int(m["n"])
        unit = _WINDOW_UNITS.get(m["u"] or "m")
        if unit is None or n <= 0:
            return None
        kw, one, many, maximum = unit
        if n > maximum:
            return None
        delta = {
            "days": relativedelta(days=n),
            "weeks": relativedelta(weeks=n),
            "months": relativedelta(months=n),
            "years": relativedelta(years=n),
        }[kw]
        return Window(delta, f"{n} {one if n == 1 else many}")
    except Exception:  # noqa: BLE001 - the contract is: never raise on text
        return None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def period_json(p: Period) -> dict[str, Any]:
    """The JSON form printed by ``pilot-tui period TEXT --json``."""
    return {
        "text": p.text,
        "start": _iso(p.start.earliest if p.start else None),
        "start_latest": _iso(p.start.latest if p.start else None),
        "end_earliest": _iso(p.end.earliest if p.end else None),
        "end": _iso(p.end.latest if p.end else None),
        "open_end": p.open_end,
        "no_later_than": p.no_later_than,
        "phases": [
            {
                "label": ph.label,
                "start": _iso(ph.start.earliest if ph.start else None),
                "start_latest": _iso(ph.start.latest if ph.start else None),
                "end_earliest": _iso(ph.end.earliest if ph.end else None),
                "end": _iso(ph.end.latest if ph.end else None),
                "open_end": ph.open_end,
            }
            for ph in p.phases
        ],
        "status_hint": p.status_hint.value if p.status_hint is not None else None,
        "extended_to": _iso(p.extended_to.latest if p.extended_to else None),
        "describe": p.describe(),
        "error": p.error,
        "warnings": list(p.warnings),
    }
