"""Records of the register: plain dataclasses, no I/O.

Text conventions (shared by the importer, the forms and every renderer):

* Long texts (achtergrond, doel, stand van zaken) are plain strings. Paragraphs are
  separated by a newline; a paragraph that starts with ``BULLET`` ("• ") is a list item.
  :func:`blocks` splits a text into paragraphs and list items for renderers.
* Footnotes belong to a pilot. ``Footnote.anchor`` is the text right before the marker
  in the source (e.g. "zomer van 2021.") and ``Footnote.section`` the field it sits in,
  so a renderer can put the reference back where the document had it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    GEPLAND = "gepland"
    LOPEND = "lopend"
    AFGEROND = "afgerond"
    STOPGEZET = "stopgezet"


CLOSED_STATUSES = frozenset({Status.AFGEROND, Status.STOPGEZET})

BULLET = "• "

# Sections a footnote can be anchored in.
SECTIONS = ("name", "achtergrond", "doel", "stand_van_zaken", "looptijd")

SCHEMA_VERSION = 1


@dataclass
class Footnote:
    text: str
    section: str = "stand_van_zaken"
    anchor: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "section": self.section, "anchor": self.anchor}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Footnote:
        return cls(
            text=_str(d, "text"),
            section=_str(d, "section", "stand_van_zaken"),
            anchor=_str(d, "anchor"),
        )


@dataclass
class HistoryEntry:
    """The stand van zaken of one pilot at one peildatum."""

    peildatum: date
    stand_van_zaken: str
    status: Status | None = None
    zaken: int | None = None  # number of cases handled, when known
    unchanged: bool = False  # explicitly carried forward from the previous entry

    def to_dict(self) -> dict[str, Any]:
        return {
            "peildatum": self.peildatum.isoformat(),
            "stand_van_zaken": self.stand_van_zaken,
            "status": self.status.value if self.status else None,
            "zaken": self.zaken,
            "unchanged": self.unchanged,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HistoryEntry:
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
        """The entry dated exactly ``peildatum``."""
        for entry in self.history:
            if entry.peildatum == peildatum:
                return entry
        return None

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
        """Add or replace the entry for ``entry.peildatum``, keeping the order."""
        self.history = [e for e in self.history if e.peildatum != entry.peildatum]
        self.history.append(entry)
        self.history.sort(key=lambda e: e.peildatum)
        if self.history[-1] is entry and entry.status is not None:
            self.status = entry.status

    @property
    def closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    # -- (de)serialisation ---------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Pilot:
        if not isinstance(d, dict):
            raise ValueError("een pilot moet een object zijn")
        unknown = d.keys() - _PILOT_FIELDS
        if unknown:
            raise ValueError(f"onbekende velden: {', '.join(sorted(unknown))}")
        footnotes = d.get("footnotes", [])
        history = d.get("history", [])
        if not isinstance(footnotes, list) or not isinstance(history, list):
            raise ValueError("'footnotes' en 'history' moeten lijsten zijn")
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
        )
        if not pilot.id:
            raise ValueError("een pilot zonder id")
        return pilot


_PILOT_FIELDS = frozenset(f.name for f in fields(Pilot))
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

    def to_dict(self) -> dict[str, Any]:
        return {
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
        )


@dataclass
class Register:
    title: str = "Stand van zaken pilots"
    intro: str = ""
    peildata: list[date] = field(default_factory=list)  # sorted, unique
    pilots: list[Pilot] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    # The annex label the document carries before its title ("Bijlage 2"); "" for none.
    annex: str = ""

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


# -- text helpers --------------------------------------------------------------------

_LIGATURES = str.maketrans({"ĳ": "ij", "Ĳ": "IJ", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold_letters(text: str) -> str:
    """Lower-case, accents and ligatures folded (white space as it comes out)."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def normalise(text: str) -> str:
    """Lower-case, accents and ligatures folded, whitespace collapsed (for matching)."""
    return " ".join(fold_letters(text).split())


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


_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_ESCAPE_SEQ_RE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")


# the characters _CONTROL_RE matches that latin-1 can encode, as bytes
_LATIN1_CONTROLS = bytes(c for c in range(0x100) if _CONTROL_RE.match(chr(c)))


def has_controls(text: str) -> bool:
    """Whether :func:`strip_controls` would change ``text``; for long texts.

    About three times faster than the regular expression: a latin-1 text is checked
    with a byte translation; any other text with ``str.isprintable`` (every character
    ``strip_controls`` removes is unprintable; line ends become spaces first), and only a
    text with an unprintable character that is kept (a tab, a no-break space) is left to
    the expression."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        if text.replace("\n", " ").isprintable():  # one scan and a copy, no list of lines
            return False
        return _CONTROL_RE.search(text) is not None
    return len(raw.translate(None, _LATIN1_CONTROLS)) != len(raw)


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, control characters and bidi overrides.

    Newlines and tabs are kept; everything else a terminal or a document could act on goes.
    """
    if _CONTROL_RE.search(text) is None:  # the usual text: one scan and no copy (ESC is
        return text  # one of the control characters, so there is no sequence either)
    text = _ESCAPE_SEQ_RE.sub("", text)
    return _CONTROL_RE.sub("", text)


# -- validation helpers for from_dict ---------------------------------------------------


def _str(d: dict[str, Any], key: str, default: str = "") -> str:
    value = d.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet tekst zijn")
    return value


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
