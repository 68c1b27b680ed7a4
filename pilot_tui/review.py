"""Review mode's order and progress (pure; no I/O, no Textual).

Walking through the register for one peildatum P: first the pilots that need attention
(verlopen, eindigt binnenkort, niet bijgewerkt), then the rest that are not closed.

The order is computed from what was known *before* P (the status of the entry before P,
"niet bijgewerkt" against the peildatum before P), so updating pilots during the review
does not reshuffle it, and the same register gives the same order after a restart.
Progress is derived from the register alone: a pilot is done when it has an entry for P.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from pilot_tui.attention import Attention, classify, read_period
from pilot_tui.model import CLOSED_STATUSES, Pilot, Register, Status
from pilot_tui.periods import Window
from pilot_tui.text import normalise


class ReviewGroup(IntEnum):
    VERLOPEN = 0
    EINDIGT_BINNENKORT = 1
    NIET_BIJGEWERKT = 2
    REST = 3


@dataclass(frozen=True)
class ReviewItem:
    pilot_id: str
    group: ReviewGroup
    attention: Attention  # as known before the peildatum


def status_before(pilot: Pilot, peildatum: date) -> Status:
    """The pilot's status as known before ``peildatum`` (its entry before, else current)."""
    entry = pilot.previous_entry(peildatum)
    if entry is not None and entry.status is not None:
        return entry.status
    return pilot.status


def review_order(register: Register, peildatum: date, window: Window) -> list[ReviewItem]:
    window_end = window.end(peildatum)
    previous = register.previous_peildatum(peildatum)
    keyed: list[tuple[tuple[int, date, str], ReviewItem]] = []
    for stored in register.pilots:
        pilot = stored.as_of(peildatum)
        if pilot is None:
            continue  # retired, or added later
        status = status_before(pilot, peildatum)
        if status in CLOSED_STATUSES:
            continue
        period = read_period(pilot.looptijd)
        attention = classify(status, period, peildatum, window_end)
        if attention is Attention.VERLOPEN:
            group = ReviewGroup.VERLOPEN
        elif attention is Attention.EINDIGT_BINNENKORT:
            group = ReviewGroup.EINDIGT_BINNENKORT
        elif previous is not None and pilot.entry_for(previous) is None:
            group = ReviewGroup.NIET_BIJGEWERKT
        else:
            group = ReviewGroup.REST
        end = period.end.latest if period.end else date.max
        keyed.append(((group, end, normalise(pilot.name)), ReviewItem(pilot.id, group, attention)))
    keyed.sort(key=lambda pair: pair[0])
    return [item for _key, item in keyed]


def is_done(register: Register, pilot_id: str, peildatum: date) -> bool:
    pilot = register.get(pilot_id)
    return pilot is not None and pilot.entry_for(peildatum) is not None


def progress(register: Register, items: list[ReviewItem], peildatum: date) -> int:
    """How many of ``items`` have an entry for ``peildatum``."""
    return sum(1 for item in items if is_done(register, item.pilot_id, peildatum))


def first_open(
    register: Register, items: list[ReviewItem], peildatum: date, start: int = 0
) -> int | None:
    """The index of the first item at or after ``start`` (wrapping) that is not done."""
    n = len(items)
    for k in range(n):
        i = (start + k) % n
        if not is_done(register, items[i].pilot_id, peildatum):
            return i
    return None
