"""The snapshot model: the register as of one peildatum, ready to be rendered.

Everything a renderer shows is decided when the model is built, once: which entry is
valid at the peildatum, the attention class, the Dutch wording of dates and counts, where
each footnote reference sits and what number it has, the "Aandachtspunten" and the
changes since an earlier peildatum (with a word-by-word diff). The renderers (one module
per format) only lay out this model; they share nothing else. Every text in the model has
passed :func:`pilot_tui.text.for_document` (no control characters, ``\\n`` line ends).

This module holds the model's types and the wording they share; building it is split by
job:

* :mod:`pilot_tui.snapshot.build`: the snapshot from a register (:func:`build_snapshot`),
  pilot by pilot;
* :mod:`pilot_tui.snapshot.paras`: texts as paragraphs with their footnote references;
* :mod:`pilot_tui.snapshot.summary`: the Aandachtspunten;
* :mod:`pilot_tui.snapshot.changes`: "Wijzigingen sinds" and when each change was made.

No I/O here, and no textual or rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from pilot_tui import fields
from pilot_tui.attention import Attention
from pilot_tui.model import SECTIONS, Status
from pilot_tui.periods import Window
from pilot_tui.worddiff import DiffOp

if TYPE_CHECKING:
    from pilot_tui.snapshot.changes import RevisionDates

GROUP_BY = ("programma", "status")

NO_ENTRY = "(nog geen stand van zaken)"
ZAKEN = "Aantal behandelde zaken: {n}."  # after the stand van zaken, when it has a number
# The sections of a pilot's text in the order they are shown (and footnotes numbered):
# every place a footnote can sit but the name. Each is named for the field its text
# comes from.
SECTION_ORDER = tuple(key for key in SECTIONS if key != "name")
# The field a section's heading comes from: the looptijd's is the pilot's own
# "Looptijd" or "Doorlooptijd"; the others' is their field's label (SECTION_LABELS).
HEADING_FIELD = {"looptijd": "looptijd_label"}
SECTION_LABELS = {key: fields.label(key) for key in SECTION_ORDER if key not in HEADING_FIELD}


def days_text(n: int) -> str:
    """ "1 dag", "30 dagen"."""
    return f"{n} dag" if n == 1 else f"{n} dagen"


# -- options ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SnapshotOptions:
    peildatum: date
    window: Window
    since: date | None = None  # show "Wijzigingen sinds peildatum <since>"
    summary: bool = True  # show "Aandachtspunten"
    group_by: str | None = None  # None | "programma" | "status"
    annex: str | None = None  # the annex label before the title; None: the register's
    # Word only: the changes since ``since`` as revisions in the document (w:ins/w:del)
    # instead of a "Wijzigingen sinds" chapter; the snapshot then carries the one at
    # ``since`` as ``before`` (see Snapshot).
    track_changes: bool = False


# -- text with footnote references ------------------------------------------------------


# Run, Para, Section, SnapshotPilot and DiffOp are NamedTuples: there are hundreds of
# thousands of them in a big register, and a tuple is built several times faster than a
# frozen dataclass (the whole md snapshot of 10,000 pilots: a sixth faster).


class Run(NamedTuple):
    """A piece of a paragraph: text, or (when ``note`` is set) a footnote reference."""

    text: str = ""
    note: int | None = None  # the footnote number; ``text`` is then empty
    italic: bool = False  # only for the placeholder NO_ENTRY


class Para(NamedTuple):
    kind: str  # "p" for a paragraph, "li" for a bullet item
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Note:
    number: int  # numbered through the document, from 1
    text: str
    section: str  # where the reference sits: "name", "achtergrond", ... (SECTIONS)
    anchor: str  # the text the reference follows ("" or not found: end of the section)
    anchored: bool  # True when the anchor was found and the reference follows it


class Section(NamedTuple):
    key: str  # "achtergrond" | "doel" | "stand_van_zaken" | "looptijd"
    label: str  # "Achtergrond", "Doel", "Stand van zaken", "Looptijd" / "Doorlooptijd"
    text: str  # the text as in the register
    paras: tuple[Para, ...]  # the text split into paragraphs and bullets, with references
    empty: bool = False  # no text; ``paras`` then holds the italic placeholder


# -- pilots -----------------------------------------------------------------------------


class SnapshotPilot(NamedTuple):
    id: str
    name: str
    former_names: tuple[str, ...]
    name_notes: tuple[int, ...]  # references right after the name
    achtergrond: str
    doel: str
    stand_van_zaken: str  # the entry valid at the peildatum; "" when there is none
    entry_peildatum: date | None  # the peildatum of that entry
    entry_unchanged: bool  # that entry was carried forward unchanged
    zaken: int | None  # cases handled, from that entry
    looptijd: str
    looptijd_label: str
    status: Status  # at the peildatum
    attention: Attention
    niet_bijgewerkt: bool
    start: date | None  # earliest possible start
    end: date | None  # latest possible end
    start_text: str  # Dutch: "oktober 2019"
    end_text: str  # Dutch: "medio 2022"
    days_left: int | None  # from the peildatum to ``end``
    period_error: str | None  # what the looptijd parser could not read
    programma: str
    gemeente: str
    rechtsgebied: str
    partners: tuple[str, ...]
    sections: tuple[Section, ...]  # in display order
    notes: tuple[Note, ...]  # this pilot's footnotes, in number order

    @property
    def display_name(self) -> str:
        """The name as shown: "Nieuw (voorheen: Oud)"."""
        if self.former_names:
            return f"{self.name} (voorheen: {', '.join(self.former_names)})"
        return self.name


@dataclass(frozen=True)
class Group:
    title: str  # "" when the snapshot is not grouped
    pilots: tuple[SnapshotPilot, ...]


# -- aandachtspunten --------------------------------------------------------------------


@dataclass(frozen=True)
class AttentionCount:
    attention: Attention
    count: int

    @property
    def label(self) -> str:
        return f"{self.attention.symbol} {self.attention.value}"


@dataclass(frozen=True)
class AttentionItem:
    pilot_id: str
    name: str
    detail: str  # Dutch: "eindigt december 2021 (uiterlijk 31 december 2021, over 30 dagen)"


@dataclass(frozen=True)
class AttentionList:
    key: str  # "eindigt_binnenkort" | "verlopen" | "niet_bijgewerkt" | "start_binnenkort"
    title: str  # Dutch heading
    items: tuple[AttentionItem, ...]


@dataclass(frozen=True)
class Summary:
    title: str  # "Aandachtspunten"
    intro: str  # "Peildatum …, venster … (tot en met …)."
    counts: tuple[AttentionCount, ...]  # every class, in urgency order
    niet_bijgewerkt: int
    lists: tuple[AttentionList, ...]
    empty_text: str = "Geen."


# -- changes since an earlier peildatum -------------------------------------------------


@dataclass(frozen=True)
class PilotRef:
    id: str
    name: str


@dataclass(frozen=True)
class StatusChange:
    pilot: PilotRef
    old: Status
    new: Status

    @property
    def text(self) -> str:
        return f"{self.old.value} → {self.new.value}"


@dataclass(frozen=True)
class LooptijdChange:
    pilot: PilotRef
    old: str
    new: str
    old_end: date | None
    new_end: date | None
    shift_days: int | None  # new_end - old_end, in days
    shift_text: str  # Dutch: "3 maanden later (92 dagen)"; "" when not computable


@dataclass(frozen=True)
class TextChange:
    pilot: PilotRef
    old_peildatum: date
    new_peildatum: date
    old: str
    new: str
    lines: tuple[tuple[DiffOp, ...], ...]  # the word diff, one tuple per line


@dataclass(frozen=True)
class RenameChange:
    pilot: PilotRef  # with its name at the peildatum
    old: str

    @property
    def text(self) -> str:
        return f"voorheen „{self.old}”"


@dataclass(frozen=True)
class FieldChange:
    """Another field than status, looptijd and stand van zaken changed."""

    pilot: PilotRef
    field: str  # the key, e.g. "doel", "footnotes"
    label: str  # Dutch: "Doel", "Voetnoten"
    old: str
    new: str
    lines: tuple[tuple[DiffOp, ...], ...]  # the word diff, one tuple per line


@dataclass(frozen=True)
class Changes:
    since: date
    title: str  # "Wijzigingen sinds peildatum 1 juni 2021"
    new: tuple[PilotRef, ...]  # no entry at or before ``since``; one now, or added since
    closed: tuple[StatusChange, ...]  # open at ``since``, closed at the peildatum
    status: tuple[StatusChange, ...]  # other status changes
    looptijd: tuple[LooptijdChange, ...]
    texts: tuple[TextChange, ...]  # stand van zaken updated
    removed: tuple[PilotRef, ...] = ()  # there at ``since``, retired by the peildatum
    renamed: tuple[RenameChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    kept: tuple[PilotRef, ...] = ()  # stand van zaken explicitly kept "ongewijzigd"
    empty_text: str = "Geen."

    @property
    def pilot_ids(self) -> set[str]:
        """Every pilot named in the changes."""
        refs: list[PilotRef] = [*self.new, *self.removed, *self.kept]
        refs += [c.pilot for c in self.renamed]
        refs += [c.pilot for c in self.closed]
        refs += [c.pilot for c in self.status]
        refs += [c.pilot for c in self.looptijd]
        refs += [c.pilot for c in self.texts]
        refs += [c.pilot for c in self.fields]
        return {r.id for r in refs}


# -- the snapshot -----------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    title: str  # "Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021"
    register_title: str
    intro: str
    intro_paras: tuple[Para, ...]
    peildatum: date
    peildatum_text: str  # "1 december 2021"
    window_label: str  # "3 maanden"
    window_end: date
    latest_peildatum: date | None  # the register's latest peildatum on or before this one
    group_by: str | None
    groups: tuple[Group, ...]
    summary: Summary | None
    changes: Changes | None
    notes: tuple[Note, ...]  # every footnote, in number order
    annex: str = ""  # "Bijlage 2": the label ``title`` starts with; "" for none
    # With ``track_changes``: the same document at the earlier peildatum (built with the
    # same options), and when each change was made (for the revisions' dates).
    before: Snapshot | None = None
    revisions: RevisionDates | None = None

    @property
    def pilots(self) -> list[SnapshotPilot]:
        return [p for g in self.groups for p in g.pilots]

    @property
    def notes_title(self) -> str:
        return "Noten"

    @property
    def pilots_title(self) -> str:
        return "Pilots"
