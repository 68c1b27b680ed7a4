"""Dutch looptijd text -> Period; Dutch date formatting.

INTERFACE STUB: the implementation is being written; the names and types below are the
contract the rest of the code uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from pilot_tui.model import Status

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


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
        """How the text is read, in Dutch: "1 mei 2020 – uiterlijk 31 mei 2022"."""
        raise NotImplementedError


def parse_looptijd(text: str) -> Period:
    """Read a Dutch looptijd. Never raises."""
    raise NotImplementedError


def parse_date(text: str, today: date | None = None) -> date | None:
    """A single day: ISO, "01-06-2022", "1 juni 2022", "vandaag". None when unreadable."""
    raise NotImplementedError


def format_date(d: date) -> str:
    """1 december 2021"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def format_interval(i: Interval) -> str:
    """Dutch text for a fuzzy point: its label, or the day, month or year it covers."""
    raise NotImplementedError


@dataclass(frozen=True)
class Window:
    delta: relativedelta
    label: str  # Dutch: "3 maanden", "90 dagen", "1 jaar"

    def end(self, peildatum: date) -> date:
        return peildatum + self.delta


def parse_window(text: str) -> Window | None:
    """"90d", "3m", "1y", "6 maanden", "3" (months). None when unreadable."""
    raise NotImplementedError
