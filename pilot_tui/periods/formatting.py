"""Dates, fuzzy points in time and periods written back in Dutch, and the JSON form of a
period (``pilot-tui period TEXT --json``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from pilot_tui.periods.calendar import _month_end
from pilot_tui.periods.words import MONTHS

if TYPE_CHECKING:
    from pilot_tui.periods.types import Interval, Period


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


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def period_json(p: Period) -> dict[str, Any]:
    """The JSON form printed by ``pilot-tui period TEXT --json``."""
    return {
        "text": p.text,
        "start": iso(p.start.earliest if p.start else None),
        "start_latest": iso(p.start.latest if p.start else None),
        "end_earliest": iso(p.end.earliest if p.end else None),
        "end": iso(p.end.latest if p.end else None),
        "open_end": p.open_end,
        "no_later_than": p.no_later_than,
        "phases": [
            {
                "label": ph.label,
                "start": iso(ph.start.earliest if ph.start else None),
                "start_latest": iso(ph.start.latest if ph.start else None),
                "end_earliest": iso(ph.end.earliest if ph.end else None),
                "end": iso(ph.end.latest if ph.end else None),
                "open_end": ph.open_end,
            }
            for ph in p.phases
        ],
        "status_hint": p.status_hint.value if p.status_hint is not None else None,
        "extended_to": iso(p.extended_to.latest if p.extended_to else None),
        "describe": p.describe(),
        "error": p.error,
        "warnings": list(p.warnings),
    }
