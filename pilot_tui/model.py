"""Records of the register: plain dataclasses, no I/O.

Text conventions (shared by the importer, the forms and every renderer):

* Long texts (achtergrond, doel, stand van zaken) are plain strings. Paragraphs are
  separated by a newline; a paragraph that starts with ``BULLET`` ("• ") is a list item.
  :func:`blocks` splits a text into paragraphs and list items for renderers.
* Footnotes belong to a pilot. ``Footnote.anchor`` is the text right before the marker
  in the source (e.g. "zomer van 2021.") and ``Footnote.section`` the field it sits in,
  so a renderer can put the reference back where the document had it.

The register remembers every peildatum, for every field. A pilot's attributes hold its
values as they are now (from the latest change on); ``Pilot.past`` holds, per change point
``until``, the values the changed fields had before it (backward deltas, sorted by
``until``). The value of a field at date D is therefore the value recorded by the first
change point after D that mentions the field, or the current value when there is none.
:meth:`Pilot.as_of` materialises a pilot at a peildatum (None when it did not exist then:
a pilot added at P has ``removed`` true before P; deleting retires it by setting
``removed`` from the peildatum on). The stand van zaken itself is kept per peildatum in
``Pilot.history``. A change made for P holds from P until the field's next change.

Unknown keys found in a file (written by a newer tool or a colleague's script) are kept in
``extra`` at every level and written back as they were; nothing is dropped.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pilot_tui.fields import VERSIONED
from pilot_tui.text import normalise


class Status(StrEnum):
    GEPLAND = "gepland"
    LOPEND = "lopend"
    AFGEROND = "afgerond"
    STOPGEZET = "stopgezet"


CLOSED_STATUSES = frozenset({Status.AFGEROND, Status.STOPGEZET})

BULLET = "• "

# Sections a footnote can be anchored in.
SECTIONS = ("name", "achtergrond", "doel", "stand_van_zaken", "looptijd")

SCHEMA_VERSION = 2  # 2: per-peildatum values of every field (``past``, ``removed``)

# Fields of a pilot whose value is kept per peildatum: see pilot_tui.fields.


@dataclass
class Footnote:
    text: str
    section: str = "stand_van_zaken"
    anchor: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown keys, kept

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "text": self.text,
            "section": self.section,
            "anchor": self.anchor,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Footnote:
        if not isinstance(d, dict):
            raise ValueError("een voetnoot moet een object zijn")
        return cls(
            text=_str(d, "text"),
            section=_str(d, "section", "stand_van_zaken"),
            anchor=_str(d, "anchor"),
            extra=_extra(d, _FOOTNOTE_KEYS),
        )


_FOOTNOTE_KEYS = frozenset({"text", "section", "anchor"})


@dataclass
class HistoryEntry:
    """The stand van zaken of one pilot at one peildatum."""

    peildatum: date
    stand_van_zaken: str
    status: Status | None = None
    zaken: int | None = None  # number of cases handled, when known
    unchanged: bool = False  # explicitly carried forward from the previous entry
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown keys, kept

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "peildatum": self.peildatum.isoformat(),
            "stand_van_zaken": self.stand_van_zaken,
            "status": self.status.value if self.status else None,
            "zaken": self.zaken,
            "unchanged": self.unchanged,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HistoryEntry:
        if not isinstance(d, dict):
            raise ValueError("een stand van zaken moet een object zijn")
        status = d.get("status")
        zaken = d.get("zaken")
        if zaken is not None and (not isinstance(zaken, int) or isinstance(zaken, bool)):
            raise ValueError("'zaken' moet een geheel getal zijn")
        unchanged = d.get("unchanged", False)
        if not isinstance(unchanged, bool):
            raise ValueError("'unchanged' moet true of false zijn")
        return cls(
            peildatum=_date(d, "peildatum"),
            stand_van_zaken=_str(d, "stand_van_zaken"),
            status=_status(status) if status is not None else None,
            zaken=zaken,
            unchanged=unchanged,
            extra=_extra(d, _ENTRY_KEYS),
        )


_ENTRY_KEYS = frozenset({"peildatum", "stand_van_zaken", "status", "zaken", "unchanged"})


@dataclass
class Past:
    """The values fields had before the change point ``until`` (see the module docstring)."""

    until: date
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "until": self.until.isoformat(),
            "values": {k: _value_to_json(k, v) for k, v in self.values.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Past:
        if not isinstance(d, dict):
            raise ValueError("een eerdere waarde moet een object zijn")
        unknown = d.keys() - {"until", "values"}
        if unknown:
            raise ValueError(f"onbekende velden in 'past': {', '.join(sorted(unknown))}")
        values = d.get("values")
        if not isinstance(values, dict) or not values:
            raise ValueError("'past' zonder waarden")
        return cls(
            until=_date(d, "until"),
            values={k: _value_from_json(k, v) for k, v in values.items()},
        )


def _value_to_json(name: str, value: Any) -> Any:
    if name == "footnotes":
        return [f.to_dict() for f in value]
    if isinstance(value, list):
        return list(value)
    return value


def _value_from_json(name: str, value: Any) -> Any:
    if name not in VERSIONED:
        raise ValueError(f"onbekend veld {name!r} in 'past'")
    if name == "footnotes":
        if not isinstance(value, list):
            raise ValueError("'footnotes' moet een lijst zijn")
        return [Footnote.from_dict(f) for f in value]
    if name in ("former_names", "partners"):
        return _str_list({name: value}, name)
    if name == "removed":
        if not isinstance(value, bool):
            raise ValueError("'removed' moet true of false zijn")
        return value
    return _str({name: value}, name)


def _copy_value(value: Any) -> Any:
    """A copy of a field value that shares nothing mutable with the original."""
    if isinstance(value, list):
        return [
            Footnote(v.text, v.section, v.anchor, dict(v.extra)) if isinstance(v, Footnote) else v
            for v in value
        ]
    return value


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
            timeline[i] = (when, _copy_value(value))
        else:
            timeline.insert(i + 1, (when, _copy_value(value)))
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
            id=_str(d, "id"),
            name=_str(d, "name"),
            former_names=_str_list(d, "former_names"),
            achtergrond=_str(d, "achtergrond"),
            doel=_str(d, "doel"),
            looptijd=_str(d, "looptijd"),
            looptijd_label=_str(d, "looptijd_label", "Looptijd"),
            status=_status(_str(d, "status", "lopend")),
            programma=_str(d, "programma"),
            gemeente=_str(d, "gemeente"),
            rechtsgebied=_str(d, "rechtsgebied"),
            partners=_str_list(d, "partners"),
            footnotes=[Footnote.from_dict(f) for f in footnotes],
            history=sorted((HistoryEntry.from_dict(h) for h in history), key=lambda e: e.peildatum),
            removed=removed,
            extra=_extra(d, _PILOT_FIELDS),
        )
        if past:
            pilot.past = sorted((Past.from_dict(p) for p in past), key=lambda p: p.until)
            if len({p.until for p in pilot.past}) != len(pilot.past):
                raise ValueError("'past' noemt een datum twee keer")
        if not pilot.id:
            raise ValueError("een pilot zonder id")
        return pilot


_PILOT_FIELDS = frozenset(f.name for f in fields(Pilot)) - {"extra", "view_of"}
_STATUSES = {s.value: s for s in Status}


def _status(value: Any) -> Status:
    """Status by value; a plain lookup (the Enum call is slow for 10,000s of records)."""
    try:
        return _STATUSES[value]
    except (KeyError, TypeError):
        raise ValueError(f"ongeldige status {value!r} (kies uit: {', '.join(_STATUSES)})") from None


@dataclass
class AuditEntry:
    """One recorded change: when, which pilot, which field, old and new value."""

    when: datetime
    pilot_id: str
    field: str
    old: Any
    new: Any
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)  # unknown keys

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "when": self.when.isoformat(timespec="seconds"),
            "pilot_id": self.pilot_id,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AuditEntry:
        return cls(
            when=datetime.fromisoformat(_str(d, "when")),
            pilot_id=_str(d, "pilot_id"),
            field=_str(d, "field"),
            old=d.get("old"),
            new=d.get("new"),
            extra=_extra(d, _AUDIT_KEYS),
        )


_AUDIT_KEYS = frozenset({"when", "pilot_id", "field", "old", "new"})


@dataclass
class Register:
    title: str = "Stand van zaken pilots"
    intro: str = ""
    peildata: list[date] = field(default_factory=list)  # sorted, unique
    pilots: list[Pilot] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    # The annex label the document carries before its title ("Bijlage 2"); "" for none.
    annex: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown meta keys, kept

    def as_of(self, when: date) -> Register:
        """The register as it was at ``when``: the pilots that existed then, each with
        its values then (see :meth:`Pilot.as_of`). Shares title, peildata and audit."""
        pilots = []
        for pilot in self.pilots:
            view = pilot.as_of(when)
            if view is not None:
                pilots.append(view)
        return Register(
            title=self.title,
            intro=self.intro,
            peildata=self.peildata,
            pilots=pilots,
            audit=self.audit,
            annex=self.annex,
            extra=self.extra,
        )

    def current(self) -> list[Pilot]:
        """The pilots not retired (as they are now)."""
        return [p for p in self.pilots if not p.removed]

    def latest_peildatum(self, on_or_before: date | None = None) -> date | None:
        candidates = [p for p in self.peildata if on_or_before is None or p <= on_or_before]
        return max(candidates) if candidates else None

    def previous_peildatum(self, peildatum: date) -> date | None:
        earlier = [p for p in self.peildata if p < peildatum]
        return max(earlier) if earlier else None

    def next_peildatum(self, peildatum: date) -> date | None:
        later = [p for p in self.peildata if p > peildatum]
        return min(later) if later else None

    def add_peildatum(self, peildatum: date) -> None:
        if peildatum not in self.peildata:
            self.peildata.append(peildatum)
            self.peildata.sort()

    def get(self, pilot_id: str) -> Pilot | None:
        for pilot in self.pilots:
            if pilot.id == pilot_id:
                return pilot
        return None

    def find(self, key: str) -> Pilot | None:
        """A pilot by id, exact name, or (failing those) normalised name or former name."""
        for pilot in self.pilots:
            if pilot.id == key:
                return pilot
        for pilot in self.pilots:
            if pilot.name == key:
                return pilot
        wanted = normalise(key)
        for pilot in self.pilots:
            if normalise(pilot.name) == wanted or any(
                normalise(n) == wanted for n in pilot.former_names
            ):
                return pilot
        return None

    def new_id(self, name: str) -> str:
        base = slugify(name) or "pilot"
        taken = {p.id for p in self.pilots}
        candidate, n = base, 2
        while candidate in taken:
            candidate = f"{base}-{n}"
            n += 1
        return candidate


# -- text helpers (the general ones are in pilot_tui.text) ------------------------------


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")[:60].strip("-")


@dataclass(frozen=True)
class Block:
    kind: str  # "p" for a paragraph, "li" for a list item
    text: str


def blocks(text: str) -> list[Block]:
    """Split a long text into paragraphs and bullet items (see module docstring)."""
    out: list[Block] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith(BULLET.strip()):
            out.append(Block("li", line[len(BULLET.strip()) :].strip()))
        else:
            out.append(Block("p", line))
    return out


# -- validation helpers for from_dict ---------------------------------------------------


def _str(d: dict[str, Any], key: str, default: str = "") -> str:
    value = d.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet tekst zijn")
    return value


def _extra(d: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The keys of ``d`` this version does not know, kept to be written back."""
    if d.keys() <= known:
        return {}
    return {k: v for k, v in d.items() if k not in known}


def _str_list(d: dict[str, Any], key: str) -> list[str]:
    value = d.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' moet een lijst met tekst zijn")
    return list(value)


def _date(d: dict[str, Any], key: str) -> date:
    value = d.get(key)
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet een datum (JJJJ-MM-DD) zijn")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"'{key}' is geen geldige datum: {value!r}") from exc
