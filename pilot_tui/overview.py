"""The overview: how many pilots per attention class, programme, municipality and end quarter.

Pure counting over :class:`~pilot_tui.attention.Assessment` objects (no textual, no rich).
Every count carries the :class:`OverviewFilter` that selects exactly the pilots counted, and
:func:`matches` applies such a filter, so "click a count, see those pilots" is consistent by
construction: ``count == sum(matches(a, flt) for a in assessments)``.

Conventions:

* attention classes are listed in urgency order, every class (zero counts included);
* programmes and municipalities are grouped by their text with whitespace collapsed and
  control characters removed; the empty text is a group of its own ("geen programma",
  "geen gemeente/regio"); groups are sorted by count (most first), then by name;
* end quarters count the pilots that are *not closed* at the peildatum (afgerond and
  stopgezet have ended by definition), by the latest possible end of their looptijd; open
  pilots without a readable end are one group "geen einddatum" after the quarters, which are
  in calendar order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pilot_tui.attention import Assessment, Attention
from pilot_tui.model import CLOSED_STATUSES
from pilot_tui.text import strip_controls

__all__ = [
    "KINDS",
    "Count",
    "FilterKind",
    "Overview",
    "OverviewFilter",
    "build",
    "matches",
    "quarter_key",
    "quarter_label",
]

FilterKind = Literal["attention", "programma", "gemeente", "kwartaal"]
KINDS: tuple[FilterKind, ...] = ("attention", "programma", "gemeente", "kwartaal")

# Dutch labels (the core speaks Dutch, like attention.Attention.plural).
NO_PROGRAMMA = "geen programma"
NO_GEMEENTE = "geen gemeente/regio"
NO_END = "geen einddatum"
ENDS_IN = "eindigt {quarter}"


@dataclass(frozen=True)
class OverviewFilter:
    """One selectable count: which pilots, and how to say so ("eindigt Q1 2022")."""

    kind: FilterKind
    value: str  # attention value, programme or municipality text, "2022-Q1" or "" (none)
    label: str  # Dutch, one line, for the status line or a notification

    def describe(self) -> str:
        return self.label


@dataclass(frozen=True)
class Count:
    filter: OverviewFilter
    count: int


@dataclass(frozen=True)
class Overview:
    attention: tuple[Count, ...]
    programma: tuple[Count, ...]
    gemeente: tuple[Count, ...]
    kwartaal: tuple[Count, ...]
    total: int

    def section(self, kind: FilterKind) -> tuple[Count, ...]:
        return {
            "attention": self.attention,
            "programma": self.programma,
            "gemeente": self.gemeente,
            "kwartaal": self.kwartaal,
        }[kind]


def group_text(text: str) -> str:
    """The group a programme or municipality text belongs to: one line, no controls."""
    return " ".join(strip_controls(text).split())


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def quarter_key(d: date) -> str:
    """ "2022-Q1": sorts in calendar order."""
    year, q = quarter_of(d)
    return f"{year:04d}-Q{q}"


def quarter_label(key: str) -> str:
    """ "2022-Q1" -> "Q1 2022" (as a Dutch reader writes it)."""
    year, _, q = key.partition("-")
    return f"{q} {year.lstrip('0') or '0'}"


def _open(a: Assessment) -> bool:
    return a.status not in CLOSED_STATUSES


def _sorted_groups(counter: Counter[str], kind: FilterKind, empty_label: str) -> tuple[Count, ...]:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0].casefold()))
    return tuple(Count(OverviewFilter(kind, value, value or empty_label), n) for value, n in items)


def build(assessments: Iterable[Assessment]) -> Overview:
    """Count the assessments per class, programme, municipality and end quarter."""
    per_class: Counter[Attention] = Counter()
    per_programma: Counter[str] = Counter()
    per_gemeente: Counter[str] = Counter()
    per_quarter: Counter[str] = Counter()
    total = 0
    for a in assessments:
        total += 1
        per_class[a.attention] += 1
        per_programma[group_text(a.pilot.programma)] += 1
        per_gemeente[group_text(a.pilot.gemeente)] += 1
        if _open(a):
            per_quarter[quarter_key(a.end) if a.end is not None else ""] += 1
    attention = tuple(
        Count(OverviewFilter("attention", cls.value, f"{cls.symbol} {cls.value}"), per_class[cls])
        for cls in Attention
    )
    quarters = sorted(k for k in per_quarter if k)
    kwartaal = tuple(
        Count(
            OverviewFilter("kwartaal", k, ENDS_IN.format(quarter=quarter_label(k))), per_quarter[k]
        )
        for k in quarters
    )
    if per_quarter.get(""):
        kwartaal += (Count(OverviewFilter("kwartaal", "", NO_END), per_quarter[""]),)
    return Overview(
        attention=attention,
        programma=_sorted_groups(per_programma, "programma", NO_PROGRAMMA),
        gemeente=_sorted_groups(per_gemeente, "gemeente", NO_GEMEENTE),
        kwartaal=kwartaal,
        total=total,
    )


def matches(assessment: Assessment, flt: OverviewFilter) -> bool:
    """Whether the pilot is one of those counted under ``flt``."""
    if flt.kind == "attention":
        return assessment.attention.value == flt.value
    if flt.kind == "programma":
        return group_text(assessment.pilot.programma) == flt.value
    if flt.kind == "gemeente":
        return group_text(assessment.pilot.gemeente) == flt.value
    if flt.kind == "kwartaal":
        if not _open(assessment):
            return False
        if assessment.end is None:
            return flt.value == ""
        return quarter_key(assessment.end) == flt.value
    return False
