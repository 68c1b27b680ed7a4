"""What the screens show, as plain data: rows, counts, detail, search and sort.

No Textual here: the app computes these from the register and hands them to widgets.
Every text taken from the register passes through :func:`pilot_tui.text.for_screen` or
:func:`pilot_tui.text.one_line` (control characters and terminal escapes removed) before
it can reach the screen.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from pilot_tui.attention import Assessment, Attention, end_label, sort_key_attention
from pilot_tui.fields import PILOT_FIELDS, Kind, PilotField
from pilot_tui.model import CLOSED_STATUSES, Pilot, Status
from pilot_tui.periods import format_date
from pilot_tui.text import fold_letters, for_screen, normalise, one_line, strip_controls
from pilot_tui.tui import strings as S
from pilot_tui.tui.history import EntryDiff, HistoryLine, entry_diff, history_lines

if TYPE_CHECKING:
    from pilot_tui.compare import PilotChange  # imported when comparing (v), not at start


def first_upper(text: str) -> str:
    """A reason as a sentence: its first letter a capital, the rest as it is."""
    return text[:1].upper() + text[1:]


# -- search -------------------------------------------------------------------------------


_NOT_PLAIN = re.compile("[^\t\n\r -~]")  # all but printable ASCII, tab and newlines


@functools.lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    """One character as it is matched: as model.normalise folds it (case, accents,
    ligatures); a control character removed, white space a space."""
    if not strip_controls(c):
        return ""
    if c.isspace():
        return " "
    return fold_letters(c)


def _folded(match: re.Match[str]) -> str:
    return _fold_char(match[0])


# ASCII capitals only: lower() on a folded character could undo its fold (Cherokee
# capitals are what casefold() makes of the small letters).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Text as search words are matched in it: case, accents and ligatures folded as by
    model.normalise, control characters and terminal escapes removed; white space is
    not collapsed (a word never holds any). Fast on long texts: each character that is
    not plain ASCII is folded once (and then looked up), the rest lower-cased at C speed.
    """
    if "\x1b" in text:
        text = strip_controls(text)  # escape sequences as a whole
    lowered = text.lower() if text.isascii() else text.translate(_ASCII_LOWER)
    return _NOT_PLAIN.sub(_folded, lowered)


# The pilot's searchable fields (its status and stand van zaken are searched too).
_SEARCHED = tuple((f.name, f.kind) for f in PILOT_FIELDS if f.searchable)


def pilot_search_text(pilot: Pilot) -> str:
    """Every field of a pilot (and its history), normalised for matching."""
    parts: list[str] = [pilot.id, pilot.status.value]
    for name, kind in _SEARCHED:
        value = getattr(pilot, name)
        if kind is Kind.LIST:
            parts += value
        elif kind is Kind.FOOTNOTES:
            parts += [f.text for f in value]  # the text; its anchor is in the text
        else:
            parts.append(value)
    parts += [h.stand_van_zaken for h in pilot.history]
    return fold("\n".join(parts))


def query_words(query: str) -> tuple[str, ...]:
    return tuple(fold(query).split())


def matches(search_text: str, words: Sequence[str]) -> bool:
    return all(w in search_text for w in words)


def match_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the words occur in ``text`` (case- and accent-insensitive), as (start, end)."""
    if not words or not text:
        return []
    haystack, where = _fold_with_positions(text)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = haystack.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((where(start), where(end - 1) + 1))
            start = haystack.find(word, end)
    return _merge(spans)


def _fold_with_positions(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` folded per character, and where in ``text`` each folded character is."""
    # Plain ASCII runs keep their length; each other character becomes its folding (0 or
    # more characters). marks: [where a folding starts, where the run after it starts]
    # per such character, in the folded text (at) and in the text (source).
    at: list[int] = []
    source: list[int] = []
    pieces: list[str] = []
    last = length = 0
    for m in _NOT_PLAIN.finditer(text):
        i = m.start()
        pieces.append(text[last:i].lower())
        length += i - last
        folded = _fold_char(m[0])
        at += (length, length + len(folded))
        source += (i, i + 1)
        pieces.append(folded)
        length += len(folded)
        last = i + 1
    if not at:
        return text.lower(), lambda x: x
    pieces.append(text[last:].lower())

    def where(x: int) -> int:
        k = bisect.bisect_right(at, x) - 1
        if k < 0:
            return x
        if k % 2 == 0:  # inside a folding: its character
            return source[k]
        return source[k] + x - at[k]  # in a plain run

    return "".join(pieces), where


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# -- sort and filter ----------------------------------------------------------------------


class SortOrder(Enum):
    ATTENTION = S.SORT_ATTENTION
    NAME = S.SORT_NAME
    END = S.SORT_END
    DAYS = S.SORT_DAYS
    STATUS = S.SORT_STATUS

    def next(self) -> SortOrder:
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]

    @property
    def column(self) -> str:
        """The list column this order sorts by (marked in the list's header)."""
        return {"ATTENTION": "attention", "NAME": "name", "END": "end", "DAYS": "days"}.get(
            self.name, "status"
        )


_STATUS_ORDER = list(Status)


def sort_key(order: SortOrder) -> Callable[[Assessment], Any]:
    def name(a: Assessment) -> str:
        return normalise(a.pilot.name)

    if order is SortOrder.ATTENTION:
        return sort_key_attention
    if order is SortOrder.NAME:
        return name
    if order is SortOrder.END:
        return lambda a: (a.end or date.max, name(a))
    if order is SortOrder.DAYS:
        # the open pilots by the days they have left (expired ones first), then those
        # without an end; closed pilots, which show no days, last (by end: "einddatum")
        return lambda a: (
            a.status in CLOSED_STATUSES,
            a.days_left is None,
            a.days_left or 0,
            name(a),
        )
    return lambda a: (_STATUS_ORDER.index(a.status), name(a))


@dataclass(frozen=True)
class Filter:
    """Classes and statuses to show (empty: all), optionally only "niet bijgewerkt"."""

    attentions: frozenset[Attention] = frozenset()
    statuses: frozenset[Status] = frozenset()
    stale_only: bool = False

    @property
    def active(self) -> bool:
        return bool(self.attentions or self.statuses or self.stale_only)

    def accepts(self, a: Assessment) -> bool:
        if self.attentions and a.attention not in self.attentions:
            return False
        if self.statuses and a.status not in self.statuses:
            return False
        return not (self.stale_only and not a.niet_bijgewerkt)

    def describe(self) -> str:
        parts = [f"{a.symbol} {a.value}" for a in Attention if a in self.attentions]
        parts += [S.FILTER_STATUS_WORD.format(name=s.value) for s in Status if s in self.statuses]
        if self.stale_only:
            parts.append(S.NIET_BIJGEWERKT)
        return ", ".join(parts) if parts else S.FILTER_NONE


# -- rows of the list -----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    pilot_id: str
    name: str
    status: str
    attention: Attention
    stale: bool
    end: str
    days: str
    programma: str = ""
    gemeente: str = ""


def days_label(days: int | None) -> str:
    return "" if days is None else S.DAYS.format(n=days)


def days_left_label(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return S.DAYS_AGO.format(n=-days, dagen="dag" if days == -1 else "dagen")
    return S.DAYS_LEFT.format(n=days, dagen="dag" if days == 1 else "dagen")


def make_row(a: Assessment) -> Row:
    return Row(
        pilot_id=a.pilot.id,
        name=one_line(a.pilot.name) or S.NO_NAME,
        status=a.status.value,
        attention=a.attention,
        stale=a.niet_bijgewerkt,
        end=end_label(a.period, a.status in CLOSED_STATUSES, mark_no_later_than=True),
        days="" if a.status in CLOSED_STATUSES else days_label(a.days_left),
        programma=one_line(a.pilot.programma),
        gemeente=one_line(a.pilot.gemeente),
    )


def select(
    assessments: Iterable[Assessment],
    search_texts: dict[str, str],
    words: Sequence[str],
    flt: Filter,
    order: SortOrder,
) -> list[Assessment]:
    """The assessments that pass filter and search, sorted (see also :func:`filtered`)."""
    return filtered(sort_assessments(assessments, order), search_texts, words, flt)


def sort_assessments(assessments: Iterable[Assessment], order: SortOrder) -> list[Assessment]:
    return sorted(assessments, key=sort_key(order))


def filtered(
    ordered: Sequence[Assessment],
    search_texts: dict[str, str],
    words: Sequence[str],
    flt: Filter,
) -> list[Assessment]:
    """Filter an already sorted list, keeping its order (a search costs no sort)."""
    if not words and not flt.active:
        return list(ordered)
    return [
        a
        for a in ordered
        if flt.accepts(a) and (not words or matches(search_texts.get(a.pilot.id, ""), words))
    ]


@functools.lru_cache(maxsize=1 << 16)
def _folded_name(name: str) -> str:
    return fold(name)


@functools.lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![0-9a-z])" + re.escape(word) + r"(?![0-9a-z])")


def search_rank(a: Assessment, words: Sequence[str]) -> int:
    """0: every word a whole word of the name; 1: every word in the name; 2: elsewhere."""
    name = _folded_name(a.pilot.name)
    if not all(w in name for w in words):
        return 2
    return 0 if all(_whole_word(w).search(name) for w in words) else 1


def ranked(found: Sequence[Assessment], words: Sequence[str]) -> list[Assessment]:
    """Search results best first: a match in the name before one in other fields, whole
    words before parts of words; within each, the order they came in (the list's sort)."""
    if not words:
        return list(found)
    return sorted(found, key=lambda a: search_rank(a, words))


def narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """Can every pilot matching ``after`` only be among those matching ``before``? True
    when each earlier word is part of a later one ("p063" -> "p0632", "jeugd" -> "jeugd
    zorg"): typing on then searches the previous matches, not the whole register."""
    return bool(before) and all(any(b in a for a in after) for b in before)


class Narrowing:
    """The last search's result, reused while the next query only narrows it."""

    def __init__(self) -> None:
        self._last: tuple[Sequence[Assessment], object, tuple[str, ...], list[Assessment]] | None
        self._last = None

    def candidates(
        self, ordered: Sequence[Assessment], key: object, words: Sequence[str]
    ) -> Sequence[Assessment]:
        """What to search: the last result when it came from the same list (the same
        object) and ``key`` (filters) and the query narrows it; else ``ordered``."""
        last = self._last
        if last is not None and last[0] is ordered and last[1] == key and narrows(last[2], words):
            return last[3]
        return ordered

    def remember(
        self,
        ordered: Sequence[Assessment],
        key: object,
        words: Sequence[str],
        shown: list[Assessment],
    ) -> None:
        self._last = (ordered, key, tuple(words), shown) if words else None


# -- detail -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    """One pilot in full, as text ready to show."""

    pilot_id: str
    name: str
    former_names: str
    attention: Attention
    stale: bool
    status: str
    days_left: str
    achtergrond: str
    doel: str
    stand: str
    stand_date: str  # "per 1 december 2021", or the "none" line
    stand_found: bool
    zaken: str
    looptijd_label: str
    looptijd: str
    looptijd_reading: str
    footnotes: tuple[str, ...]
    fields: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    history: tuple[HistoryLine, ...] = ()  # every entry, newest first
    diff: EntryDiff | None = None  # the entry shown against the one before it
    # comparing with an earlier peildatum (v): its title and this pilot's changes
    compare_title: str = ""
    compare: tuple[PilotChange, ...] = ()


# The fields shown as rows under "Gegevens", after the pilot's id.
_DETAIL_ROWS = tuple(f for f in PILOT_FIELDS if f.detail_row)


def _detail_text(spec: PilotField, value: Any) -> str:
    if spec.kind is Kind.LIST:
        return ", ".join(one_line(v) for v in value) or S.NONE
    return one_line(value) or S.NONE


def make_detail(a: Assessment, peildatum: date) -> Detail:
    pilot = a.pilot
    entry = pilot.entry_at(peildatum)
    if entry is not None:
        stand = for_screen(entry.stand_van_zaken)
        stand_date = S.STAND_AT.format(date=format_date(entry.peildatum))
        if entry.unchanged:
            stand_date += S.STAND_UNCHANGED
        zaken = S.STAND_ZAKEN.format(n=entry.zaken) if entry.zaken is not None else ""
    else:
        stand = ""
        stand_date = S.STAND_NONE.format(date=format_date(peildatum))
        zaken = ""
    period = a.period
    if not pilot.looptijd.strip():
        reading = ""
    elif period.ok:
        reading = S.LOOPTIJD_READ.format(reading=one_line(period.describe()))
    else:
        reading = S.LOOPTIJD_UNREADABLE.format(error=one_line(period.error or ""))
    fields = (
        (S.FIELD_ID, one_line(pilot.id)),
        *((spec.label, _detail_text(spec, getattr(pilot, spec.name))) for spec in _DETAIL_ROWS),
    )
    former = ", ".join(one_line(n) for n in pilot.former_names)
    return Detail(
        pilot_id=pilot.id,
        name=one_line(pilot.name) or S.NO_NAME,
        former_names=S.FORMER_NAMES.format(names=former) if former else "",
        attention=a.attention,
        stale=a.niet_bijgewerkt,
        status=a.status.value,
        days_left="" if a.status in CLOSED_STATUSES else days_left_label(a.days_left),
        achtergrond=for_screen(pilot.achtergrond),
        doel=for_screen(pilot.doel),
        stand=stand,
        stand_date=stand_date,
        stand_found=entry is not None,
        zaken=zaken,
        looptijd_label=one_line(pilot.looptijd_label) or S.SECTION_LOOPTIJD,
        looptijd=for_screen(pilot.looptijd).strip() or S.LOOPTIJD_EMPTY,
        looptijd_reading=reading,
        footnotes=tuple(for_screen(f.text) for f in pilot.footnotes),
        fields=fields,
        history=history_lines(pilot, peildatum),
        diff=entry_diff(pilot, peildatum),
    )
