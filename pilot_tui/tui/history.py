"""A pilot's stand van zaken through time, as plain data for the detail pane.

* :func:`history_lines`: every entry (peildatum → text), newest first, the one that holds
  at the chosen peildatum marked;
* :func:`entry_diff`: what changed in that entry against the entry before it, as a word
  diff (difflib, shared with the snapshot's "what changed" section).

No Textual here; texts are made safe (:func:`pilot_tui.text.for_screen`) before they can
reach the screen, and the pane styles them with Rich styles, never with markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pilot_tui.model import Pilot
from pilot_tui.periods import format_date
from pilot_tui.text import for_screen
from pilot_tui.tui import strings as S
from pilot_tui.worddiff import DiffOp, word_diff

MAX_DIFF_CHARS = 20_000  # longer texts: no word diff (it would cost more than it shows)


@dataclass(frozen=True)
class HistoryLine:
    peildatum: date
    label: str  # "1 juni 2022 · status lopend · 12 zaken · ongewijzigd"
    text: str
    current: bool  # the entry that holds at the chosen peildatum


@dataclass(frozen=True)
class EntryDiff:
    title: str  # "Gewijzigd t.o.v. 1 december 2021" or "Geen verschil met …"
    same: bool
    lines: tuple[tuple[DiffOp, ...], ...]


def history_lines(pilot: Pilot, peildatum: date) -> tuple[HistoryLine, ...]:
    holding = pilot.entry_at(peildatum)
    out: list[HistoryLine] = []
    for entry in reversed(pilot.history):
        parts = [S.HISTORY_LINE.format(date=format_date(entry.peildatum))]
        if entry.status is not None:
            parts.append(S.HISTORY_STATUS.format(status=entry.status.value))
        if entry.zaken is not None:
            parts.append(S.HISTORY_ZAKEN.format(n=entry.zaken))
        if entry.unchanged:
            parts.append(S.HISTORY_UNCHANGED)
        out.append(
            HistoryLine(
                entry.peildatum,
                " · ".join(parts),
                for_screen(entry.stand_van_zaken),
                entry is holding,
            )
        )
    return tuple(out)


def entry_diff(pilot: Pilot, peildatum: date) -> EntryDiff | None:
    """The entry holding at ``peildatum`` against the one before it (None: nothing to
    compare, or too long to diff)."""
    entry = pilot.entry_at(peildatum)
    if entry is None:
        return None
    before = pilot.previous_entry(entry.peildatum)
    if before is None:
        return None
    old, new = for_screen(before.stand_van_zaken), for_screen(entry.stand_van_zaken)
    when = format_date(before.peildatum)
    if old == new:
        return EntryDiff(S.DIFF_NONE.format(date=when), True, ())
    if len(old) + len(new) > MAX_DIFF_CHARS:
        return None
    # A word carries the spaces after it: without a space at the end, text added after the
    # last word would show that word as deleted and inserted again.
    lines = word_diff(old.rstrip() + " ", new.rstrip() + " ")
    return EntryDiff(S.DIFF_TITLE.format(date=when), False, lines)
