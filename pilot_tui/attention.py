"""Classify pilots against a peildatum and a window (pure functions, no I/O)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from pilot_tui.model import CLOSED_STATUSES, Pilot, Register, Status
from pilot_tui.periods import Period, Window, format_interval, parse_looptijd


class Attention(StrEnum):
    VERLOPEN = "verlopen"
    EINDIGT_BINNENKORT = "eindigt binnenkort"
    START_BINNENKORT = "start binnenkort"
    LOPEND = "lopend"
    GEPLAND = "gepland"
    ONBEKEND = "onbekend"
    AFGEROND = "afgerond"
    STOPGEZET = "stopgezet"

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]

    @property
    def colour(self) -> str:
        return _COLOURS[self]

    @property
    def rank(self) -> int:
        """Urgency: 0 is most urgent. The default sort is by rank, then end date."""
        return _ORDER.index(self)

    @property
    def plural(self) -> str:
        """Dutch phrase for a count: "3 eindigen binnenkort"."""
        return _PLURALS[self]


_ORDER = list(Attention)
# Symbols are single-width in every common terminal font; never rely on colour alone.
_SYMBOLS = {
    Attention.VERLOPEN: "✗",
    Attention.EINDIGT_BINNENKORT: "▲",
    Attention.START_BINNENKORT: "►",
    Attention.LOPEND: "●",
    Attention.GEPLAND: "○",
    Attention.ONBEKEND: "?",
    Attention.AFGEROND: "✓",
    Attention.STOPGEZET: "■",
}
# Hex colours: the same value works in Rich, Textual CSS, HTML/SVG and Word.
_COLOURS = {
    Attention.VERLOPEN: "#d62728",
    Attention.EINDIGT_BINNENKORT: "#ff8c00",
    Attention.START_BINNENKORT: "#17becf",
    Attention.LOPEND: "#2ca02c",
    Attention.GEPLAND: "#1f77b4",
    Attention.ONBEKEND: "#b04ab0",
    Attention.AFGEROND: "#8c8c8c",
    Attention.STOPGEZET: "#8c8c8c",
}
_PLURALS = {
    Attention.VERLOPEN: "verlopen",
    Attention.EINDIGT_BINNENKORT: "eindigen binnenkort",
    Attention.START_BINNENKORT: "starten binnenkort",
    Attention.LOPEND: "lopend",
    Attention.GEPLAND: "gepland",
    Attention.ONBEKEND: "onbekend",
    Attention.AFGEROND: "afgerond",
    Attention.STOPGEZET: "stopgezet",
}


@lru_cache(maxsize=65536)
def read_period(looptijd: str) -> Period:
    """parse_looptijd, cached: a looptijd text always reads the same."""
    return parse_looptijd(looptijd)


@dataclass(frozen=True)
class Assessment:
    pilot: Pilot  # as it was at the peildatum (see Pilot.as_of)
    attention: Attention
    status: Status  # at the peildatum
    period: Period
    start: date | None  # earliest possible start
    end: date | None  # latest possible end
    days_left: int | None  # days from the peildatum to the latest possible end
    niet_bijgewerkt: bool
    source: Pilot | None = field(default=None, compare=False, repr=False)  # as stored


def classify(status: Status, period: Period, peildatum: date, window_end: date) -> Attention:
    """The attention class of one pilot (see DESIGN.md, "Attention")."""
    if status == Status.AFGEROND:
        return Attention.AFGEROND
    if status == Status.STOPGEZET:
        return Attention.STOPGEZET
    end = period.end.latest if period.end else None
    start = period.start.earliest if period.start else None
    if end is not None:
        if end < peildatum:
            return Attention.VERLOPEN
        if end <= window_end:
            return Attention.EINDIGT_BINNENKORT
    if start is not None and start > peildatum:
        return Attention.START_BINNENKORT if start <= window_end else Attention.GEPLAND
    if end is None and not period.open_end:
        return Attention.ONBEKEND
    if status == Status.GEPLAND and start is None:
        return Attention.GEPLAND
    return Attention.LOPEND


def is_niet_bijgewerkt(pilot: Pilot, status: Status, latest_peildatum: date | None) -> bool:
    """Open, and no stand van zaken for the register's latest peildatum (on or before P)."""
    if latest_peildatum is None or status in CLOSED_STATUSES:
        return False
    return pilot.entry_for(latest_peildatum) is None


def assess(
    stored: Pilot, peildatum: date, window_end: date, latest_peildatum: date | None
) -> Assessment:
    """One pilot at the peildatum, with its values as they were then. The caller passes
    only pilots that existed at the peildatum (see :func:`assess_all`)."""
    pilot = stored.as_of(peildatum) or stored
    status = pilot.status_at(peildatum)
    period = read_period(pilot.looptijd)
    end = period.end.latest if period.end else None
    return Assessment(
        pilot=pilot,
        attention=classify(status, period, peildatum, window_end),
        status=status,
        period=period,
        start=period.start.earliest if period.start else None,
        end=end,
        days_left=(end - peildatum).days if end is not None else None,
        niet_bijgewerkt=is_niet_bijgewerkt(pilot, status, latest_peildatum),
        source=stored,
    )


def assess_all(register: Register, peildatum: date, window: Window) -> list[Assessment]:
    """Every pilot that existed at the peildatum, as it was then."""
    window_end = window.end(peildatum)
    latest = register.latest_peildatum(peildatum)
    return [
        assess(p, peildatum, window_end, latest)
        for p in register.pilots
        if not (p.removed if not p.past else p.value_at("removed", peildatum))
    ]


def counts(assessments: list[Assessment]) -> dict[Attention, int]:
    """Count per class, in urgency order, every class present (zero included)."""
    counter = Counter(a.attention for a in assessments)
    return {cls: counter.get(cls, 0) for cls in Attention}


def counts_line(assessments: list[Assessment]) -> str:
    """ "3 eindigen binnenkort · 0 verlopen · 25 lopend · …" (non-zero classes + verlopen)."""
    c = counts(assessments)
    parts = [f"{n} {cls.plural}" for cls, n in c.items() if n or cls == Attention.VERLOPEN]
    stale = sum(1 for a in assessments if a.niet_bijgewerkt)
    if stale:
        parts.append(f"{stale} niet bijgewerkt")
    return " · ".join(parts)


def sort_key_attention(a: Assessment) -> tuple[int, date, str]:
    return (a.attention.rank, a.end or date.max, a.pilot.name.casefold())


def end_label(period: Period, closed: bool, *, mark_no_later_than: bool = False) -> str:
    """When a pilot ends, in Dutch, as a list shows it: "juni 2023", "open einde",
    "onbekend", or "—" for a closed pilot without an end; with ``mark_no_later_than``
    an end the text gives as a limit ("uiterlijk juni 2023") reads "≤ juni 2023"."""
    if period.end is None:
        if period.open_end:
            return "open einde"
        return "—" if closed else "onbekend"
    label = format_interval(period.end)
    if mark_no_later_than and period.no_later_than:
        return f"≤ {label}"
    return label
