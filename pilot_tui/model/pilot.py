"""A pilot: its values now, its earlier values per change point and its stand van zaken
per peildatum (see the package docstring)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from pilot_tui.fields import VERSIONED
from pilot_tui.model.records import Footnote, HistoryEntry, Past, copy_value
from pilot_tui.model.values import (
    CLOSED_STATUSES,
    Status,
    read_status,
    read_str,
    read_str_list,
    unknown_keys,
)


@dataclass
class Pilot:
    id: str
    name: str
    former_names: list[str] = field(default_factory=list)
    achtergrond: str = ""
    doel: str = ""
    looptijd: str = ""
    looptijd_label: str = "Looptijd"  # "Looptijd" or "Doorlooptijd", as the document had it
    status: Status = Status.LOPEND  # current status (of the latest entry)
    programma: str = ""
    gemeente: str = ""  # municipality or region
    rechtsgebied: str = ""  # legal domain
    partners: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)  # sorted by peildatum
    removed: bool = False  # retired (deleted) from the latest change point on
    past: list[Past] = field(default_factory=list)  # earlier values, sorted by ``until``
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown keys, kept

    # -- values per peildatum -------------------------------------------------------------
    def value_at(self, name: str, when: date) -> Any:
        """The value field ``name`` had at ``when`` (see the module docstring)."""
        for past in self.past:
            if past.until > when and name in past.values:
                return past.values[name]
        return getattr(self, name)

    def timeline(self, name: str) -> list[tuple[date | None, Any]]:
        """The values of field ``name`` as (from, value), the first from None (always)."""
        points = [(p.until, p.values[name]) for p in self.past if name in p.values]
        out: list[tuple[date | None, Any]] = []
        start: date | None = None
        for until, old in points:
            out.append((start, old))
            start = until
        out.append((start, getattr(self, name)))
        return out

    def _store_timeline(self, name: str, timeline: list[tuple[date | None, Any]]) -> None:
        merged: list[tuple[date | None, Any]] = []
        for start, value in timeline:
            if merged and merged[-1][1] == value:
                continue  # the same value on both sides of a change point: no change
            merged.append((start, value))
        for entry in self.past:
            entry.values.pop(name, None)
        by_until = {p.until: p for p in self.past}
        for (_start, old), (start, _new) in itertools.pairwise(merged):
            assert start is not None
            point = by_until.get(start)
            if point is None:
                point = by_until[start] = Past(start, {})
            point.values[name] = old
        self.past = sorted((p for p in by_until.values() if p.values), key=lambda p: p.until)
        setattr(self, name, merged[-1][1])

    def set_at(self, name: str, value: Any, when: date) -> bool:
        """Give field ``name`` the value ``value`` from ``when`` until its next change.
        Returns whether anything changed."""
        if self.value_at(name, when) == value:
            return False
        timeline = self.timeline(name)
        i = max(i for i, (start, _v) in enumerate(timeline) if start is None or start <= when)
        start, _old = timeline[i]
        if start == when:
            timeline[i] = (when, copy_value(value))
        else:
            timeline.insert(i + 1, (when, copy_value(value)))
        self._store_timeline(name, timeline)
        return True

    def exists_at(self, when: date) -> bool:
        return not self.value_at("removed", when)

    def change_points(self) -> list[date]:
        """The peildata at which a field other than the stand van zaken changed."""
        return [p.until for p in self.past]

    def as_of(self, when: date) -> Pilot | None:
        """The pilot as it was at ``when``: a new object when that differs from now (a
        view, never to be saved), this pilot itself when it does not; None when the pilot
        did not exist then."""
        past, history = self.past, self.history
        if (not past or past[-1].until <= when) and (not history or history[-1].peildatum <= when):
            return None if self.removed else self
        if self.value_at("removed", when):
            return None
        view = Pilot(
            id=self.id,
            name="",
            history=[e for e in self.history if e.peildatum <= when],
            extra=self.extra,
        )
        for name in VERSIONED:
            setattr(view, name, self.value_at(name, when))
        view.status = self.status_at(when)
        view.view_of = when
        return view

    # set on views made by :meth:`as_of`: the date they show (never saved)
    view_of: date | None = field(default=None, compare=False, repr=False)

    # -- history -------------------------------------------------------------------
    def entry_at(self, peildatum: date) -> HistoryEntry | None:
        """The latest entry dated on or before ``peildatum``."""
        found: HistoryEntry | None = None
        for entry in self.history:
            if entry.peildatum <= peildatum:
                found = entry
            else:
                break
        return found

    def entry_for(self, peildatum: date) -> HistoryEntry | None:
        """The entry dated exactly ``peildatum`` (the last, should there be two)."""
        found: HistoryEntry | None = None
        for entry in self.history:
            if entry.peildatum == peildatum:
                found = entry
        return found

    def text_date(self, entry: HistoryEntry) -> date:
        """The peildatum the text of ``entry`` was written for: an entry kept
        "ongewijzigd" carries the text of the entry before it."""
        when = entry.peildatum
        for earlier in reversed(self.history):
            if earlier.peildatum > when:
                continue
            when = earlier.peildatum
            if not earlier.unchanged:
                break
        return when

    def previous_entry(self, peildatum: date) -> HistoryEntry | None:
        """The latest entry strictly before ``peildatum``."""
        found: HistoryEntry | None = None
        for entry in self.history:
            if entry.peildatum < peildatum:
                found = entry
        return found

    def status_at(self, peildatum: date) -> Status:
        entry = self.entry_at(peildatum)
        if entry is not None and entry.status is not None:
            return entry.status
        if entry is None and self.history:
            # Before its first entry the pilot was not yet registered; its
            # current status is the best we know.
            return self.status
        return self.status

    def set_entry(self, entry: HistoryEntry) -> None:
        """Add or replace the entry for ``entry.peildatum``, keeping the order. Of two
        entries for one peildatum (a file written by another tool) only the last is
        replaced: nothing is dropped unseen (``check`` reports the pair)."""
        same = [i for i, e in enumerate(self.history) if e.peildatum == entry.peildatum]
        if same:
            self.history[same[-1]] = entry
        else:
            self.history.append(entry)
            self.history.sort(key=lambda e: e.peildatum)
        if self.history[-1] is entry and entry.status is not None:
            self.status = entry.status

    @property
    def closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    # -- (de)serialisation ---------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            **self.extra,
            "id": self.id,
            "name": self.name,
            "former_names": list(self.former_names),
            "achtergrond": self.achtergrond,
            "doel": self.doel,
            "looptijd": self.looptijd,
            "looptijd_label": self.looptijd_label,
            "status": self.status.value,
            "programma": self.programma,
            "gemeente": self.gemeente,
            "rechtsgebied": self.rechtsgebied,
            "partners": list(self.partners),
            "footnotes": [f.to_dict() for f in self.footnotes],
            "history": [h.to_dict() for h in self.history],
        }
        # written only when set, so that a register without history of its fields reads
        # the same in both schema versions
        if self.removed:
            data["removed"] = True
        if self.past:
            data["past"] = [p.to_dict() for p in self.past]
        return data

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Pilot:
        if not isinstance(d, dict):
            raise ValueError("een pilot moet een object zijn")
        footnotes = d.get("footnotes", [])
        history = d.get("history", [])
        past = d.get("past", [])
        if not isinstance(footnotes, list) or not isinstance(history, list):
            raise ValueError("'footnotes' en 'history' moeten lijsten zijn")
        if not isinstance(past, list):
            raise ValueError("'past' moet een lijst zijn")
        removed = d.get("removed", False)
        if not isinstance(removed, bool):
            raise ValueError("'removed' moet true of false zijn")
        pilot = cls(
            id=read_str(d, "id"),
            name=read_str(d, "name"),
            former_names=read_str_list(d, "former_names"),
            achtergrond=read_str(d, "achtergrond"),
            doel=read_str(d, "doel"),
            looptijd=read_str(d, "looptijd"),
            looptijd_label=read_str(d, "looptijd_label", "Looptijd"),
            status=read_status(read_str(d, "status", "lopend")),
            programma=read_str(d, "programma"),
            gemeente=read_str(d, "gemeente"),
            rechtsgebied=read_str(d, "rechtsgebied"),
            partners=read_str_list(d, "partners"),
            footnotes=[Footnote.from_dict(f) for f in footnotes],
            history=sorted((HistoryEntry.from_dict(h) for h in history), key=lambda e: e.peildatum),
            removed=removed,
            extra=unknown_keys(d, _PILOT_FIELDS),
        )
        if past:
            pilot.past = sorted((Past.from_dict(p) for p in past), key=lambda p: p.until)
            if len({p.until for p in pilot.past}) != len(pilot.past):
                raise ValueError("'past' noemt een datum twee keer")
        if not pilot.id:
            raise ValueError("een pilot zonder id")
        return pilot


_PILOT_FIELDS = frozenset(f.name for f in fields(Pilot)) - {"extra", "view_of"}
