"""The snapshot model: the register as of one peildatum, ready to be rendered.

Everything a renderer shows is decided here, once: which entry is valid at the peildatum,
the attention class, the Dutch wording of dates and counts, where each footnote reference
sits and what number it has, the "Aandachtspunten" and the changes since an earlier
peildatum (with a word-by-word diff). The renderers (one module per format) only lay out
this model; they share nothing else. Every text in the model has passed
:func:`pilot_tui.model.strip_controls` and has ``\\n`` line ends.

No I/O here, and no textual or rich.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from pilot_tui.attention import Assessment, Attention, assess, read_period
from pilot_tui.memory import collector_paused
from pilot_tui.model import BULLET, CLOSED_STATUSES, Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import Interval, Window, format_date, format_interval
from pilot_tui.text import has_controls, strip_controls
from pilot_tui.worddiff import DiffOp, word_diff

GROUP_BY = ("programma", "status")

NO_ENTRY = "(nog geen stand van zaken)"
ZAKEN = "Aantal behandelde zaken: {n}."  # after the stand van zaken, when it has a number
SECTION_LABELS = {
    "achtergrond": "Achtergrond",
    "doel": "Doel",
    "stand_van_zaken": "Stand van zaken",
}
# The order in which the sections of a pilot are shown (and footnotes numbered).
SECTION_ORDER = ("achtergrond", "doel", "stand_van_zaken", "looptijd")


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


# -- when a change was made -------------------------------------------------------------


# The audit log's names for what a document shows, by the field it comes from: a change
# made for peildatum P is logged as "<field>@P" (a pilot added or retired as "pilot@P").
_AUDIT_FIELD = {"removed": "pilot", "former_names": "name"}


class RevisionDates:
    """When each change between two peildata was made, for the date of a Word revision:
    the time of the change in the register's audit log when it is there, else the
    peildatum from which the new value holds (at midnight).

    ``of(pilot_id, field)``: ``field`` is a versioned pilot field (``name``, ``doel``,
    ``looptijd``, ``footnotes``, ``removed`` for a pilot added or retired, …) or
    ``stand_van_zaken``; ``document()`` is for what belongs to the peildatum itself (the
    title)."""

    def __init__(self, register: Register, since: date, peildatum: date) -> None:
        self.since = since
        self.peildatum = peildatum
        self._pilots = {p.id: p for p in register.pilots}
        self._audit = register.audit
        self._logged: dict[tuple[str, str], datetime] | None = None

    def _log(self) -> dict[tuple[str, str], datetime]:
        """(pilot id, audit field) -> the last time it was logged (made once, on demand)."""
        if self._logged is None:
            logged: dict[tuple[str, str], datetime] = {}
            for entry in self._audit:
                key = (entry.pilot_id, entry.field)
                if key not in logged or entry.when > logged[key]:
                    logged[key] = entry.when
            self._logged = logged
        return self._logged

    def _changed_at(self, pilot: Pilot | None, field: str) -> date:
        """The peildatum after ``since`` from which the value at the peildatum holds (the
        last change in between); the peildatum when none is found."""
        found: date | None = None
        if pilot is None:
            return self.peildatum
        if field == "stand_van_zaken":
            for entry in pilot.history:
                if self.since < entry.peildatum <= self.peildatum:
                    found = entry.peildatum
        else:
            # a name shows its former names too ("Nieuw (voorheen: Oud)")
            fields = ("name", "former_names") if field == "name" else (field,)
            for past in pilot.past:
                if self.since < past.until <= self.peildatum and any(
                    f in past.values for f in fields
                ):
                    found = past.until
        return found or self.peildatum

    def of(self, pilot_id: str, field: str) -> datetime:
        when = self._changed_at(self._pilots.get(pilot_id), field)
        logged = self._log().get((pilot_id, f"{_AUDIT_FIELD.get(field, field)}@{when.isoformat()}"))
        return logged or datetime(when.year, when.month, when.day)

    def document(self) -> datetime:
        """For the document as a whole: when the peildatum was started (the audit's
        "peildatum" entry), else the peildatum."""
        p = self.peildatum
        started = [
            e.when
            for e in self._audit
            if e.field == "peildatum" and not e.pilot_id and e.new == p.isoformat()
        ]
        return max(started) if started else datetime(p.year, p.month, p.day)


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


# -- building ---------------------------------------------------------------------------


def clean(text: str) -> str:
    """Control characters out, line ends normalised to ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_controls(text)


def _as_is(text: str) -> str:
    return text


def _cleaner(
    pilot: Pilot, entry: HistoryEntry | None, extra: Iterable[str]
) -> Callable[[str], str]:
    """:func:`clean`, or a function that returns its text as is when none of the pilot's
    texts needs cleaning (the usual case): one scan of them all, not one call per field."""
    texts = [
        pilot.name,
        pilot.achtergrond,
        pilot.doel,
        pilot.looptijd,
        pilot.looptijd_label,
        pilot.programma,
        pilot.gemeente,
        pilot.rechtsgebied,
        *pilot.former_names,
        *pilot.partners,
        *extra,
    ]
    for fn in pilot.footnotes:
        texts += (fn.text, fn.anchor)
    if entry is not None:
        texts.append(entry.stand_van_zaken)
    joined = "\n".join(texts)
    return clean if "\r" in joined or has_controls(joined) else _as_is


def paras_of(text: str, marks: Iterable[tuple[int, int]] = ()) -> tuple[Para, ...]:
    """Split ``text`` like :func:`pilot_tui.model.blocks`, with footnote references.

    ``marks`` holds (offset in ``text``, note number); a reference sits right after the
    character before that offset. References past the last paragraph go to its end.
    """
    pending = sorted(marks)
    out: list[Para] = []
    bullet = BULLET.strip()
    if not pending and "\n" not in text:  # the usual text: one paragraph
        stripped = text.strip()
        if not stripped:
            return ()
        if stripped.startswith(bullet):
            return (Para("li", (Run(stripped[len(bullet) :].strip()),)),)
        return (Para("p", (Run(stripped),)),)
    if not pending:
        for line in text.split("\n"):
            stripped = line.strip()
            if not stripped:
                continue
            if stripped.startswith(bullet):
                out.append(Para("li", (Run(stripped[len(bullet) :].strip()),)))
            else:
                out.append(Para("p", (Run(stripped),)))
        return tuple(out)
    offset = 0
    mi = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        stripped = line.strip()
        if stripped:
            lead = offset + (len(line) - len(line.lstrip()))
            kind = "p"
            content = stripped
            content_start = lead
            if stripped.startswith(bullet):
                kind = "li"
                rest = stripped[len(bullet) :]
                content = rest.strip()
                content_start = lead + len(bullet) + (len(rest) - len(rest.lstrip()))
            runs: list[Run] = []
            pos = 0  # position in content
            while mi < len(pending) and pending[mi][0] <= line_end:
                at = min(max(pending[mi][0] - content_start, 0), len(content))
                if at > pos:
                    runs.append(Run(content[pos:at]))
                    pos = at
                runs.append(Run(note=pending[mi][1]))
                mi += 1
            if pos < len(content) or not runs:
                runs.append(Run(content[pos:]))
            out.append(Para(kind, tuple(runs)))
        elif out and mi < len(pending) and pending[mi][0] <= line_end:
            # a reference on an empty line belongs to the paragraph before it
            extra = []
            while mi < len(pending) and pending[mi][0] <= line_end:
                extra.append(Run(note=pending[mi][1]))
                mi += 1
            out[-1] = Para(out[-1].kind, out[-1].runs + tuple(extra))
        offset = line_end + 1
    if mi < len(pending):
        extra = [Run(note=n) for _, n in pending[mi:]]
        if out:
            out[-1] = Para(out[-1].kind, out[-1].runs + tuple(extra))
        else:
            out.append(Para("p", tuple(extra)))
    return tuple(out)


class _Numberer:
    def __init__(self) -> None:
        self.notes: list[Note] = []

    def place(
        self, text: str, footnotes: list[Footnote], tidy: Callable[[str], str] = clean
    ) -> list[tuple[int, int]]:
        """Number ``footnotes`` (all of one section) in text order; return their marks."""
        found: list[tuple[int, int, Footnote, bool]] = []
        for i, fn in enumerate(footnotes):
            anchor = fn.anchor.strip()
            at = text.find(anchor) if anchor else -1
            if at >= 0:
                found.append((at + len(anchor), i, fn, True))
            else:
                found.append((len(text), i, fn, False))
        found.sort(key=lambda t: (t[0], t[1]))
        marks = []
        for at, _i, fn, ok in found:
            number = len(self.notes) + 1
            self.notes.append(
                Note(number, tidy(fn.text).strip(), fn.section, tidy(fn.anchor).strip(), ok)
            )
            marks.append((at, number))
        return marks


def _interval_text(interval: Interval | None) -> str:
    return format_interval(interval) if interval is not None else ""


def _days(n: int) -> str:
    return f"{n} dag" if n == 1 else f"{n} dagen"


def _months(n: int) -> str:
    return f"{n} maand" if n == 1 else f"{n} maanden"


def _is_month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def shift_text(old_end: date, new_end: date) -> str:
    """How far an end moved, in Dutch: "3 maanden later (92 dagen)", "12 dagen eerder"."""
    days = (new_end - old_end).days
    if days == 0:
        return "einde ongewijzigd"
    direction = "later" if days > 0 else "eerder"
    lo, hi = sorted((old_end, new_end))
    rd = relativedelta(hi, lo)
    months = rd.years * 12 + rd.months
    whole = rd.days == 0 or (_is_month_end(lo) and _is_month_end(hi))
    if _is_month_end(lo) and _is_month_end(hi):
        # 30 april -> 31 juli is three whole months
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
    if months and whole:
        return f"{_months(months)} {direction} ({_days(abs(days))})"
    if months:
        return f"ruim {_months(months)} {direction} ({_days(abs(days))})"
    return f"{_days(abs(days))} {direction}"


def _ref(p: Pilot) -> PilotRef:
    return PilotRef(p.id, clean(p.name))


def _build_pilot(
    pilot: Pilot, a: Assessment, peildatum: date, numberer: _Numberer
) -> SnapshotPilot:
    entry = pilot.entry_at(peildatum)
    period = a.period
    start_text = _interval_text(period.start)
    end_text = _interval_text(period.end)
    tidy = _cleaner(pilot, entry, (start_text, end_text, period.error or ""))
    svz = tidy(entry.stand_van_zaken).strip("\n") if entry is not None else ""
    name = tidy(pilot.name).strip()
    texts = {
        "achtergrond": tidy(pilot.achtergrond).strip("\n"),
        "doel": tidy(pilot.doel).strip("\n"),
        "stand_van_zaken": svz,
        "looptijd": tidy(pilot.looptijd).strip("\n"),
    }
    first_note = len(numberer.notes)
    by_section: dict[str, list[Footnote]] = {}
    for fn in pilot.footnotes:
        key = fn.section if fn.section in texts or fn.section == "name" else "stand_van_zaken"
        by_section.setdefault(key, []).append(fn)
    name_notes: tuple[int, ...] = ()
    if "name" in by_section:
        name_notes = tuple(n for _, n in numberer.place(name, by_section["name"], tidy))
    label = tidy(pilot.looptijd_label).strip() or "Looptijd"
    sections: list[Section] = []
    for key in SECTION_ORDER:
        text = texts[key]
        notes = by_section.get(key, [])
        if not text and not notes and key != "stand_van_zaken":
            continue
        marks = numberer.place(text, notes, tidy) if notes else []
        paras = paras_of(text, marks)
        empty = not text.strip()
        if empty and key == "stand_van_zaken":
            placeholder = Para("p", (Run(NO_ENTRY, italic=True),))
            refs = tuple(r for p in paras for r in p.runs if r.note is not None)
            paras = (Para("p", placeholder.runs + refs),)
        if key == "stand_van_zaken" and entry is not None and entry.zaken is not None:
            paras += (Para("p", (Run(ZAKEN.format(n=entry.zaken)),)),)
        title = SECTION_LABELS.get(key, label)
        if key == "stand_van_zaken" and entry is not None:
            written = pilot.text_date(entry)
            if written != peildatum:
                # an earlier text, not updated (or kept "ongewijzigd") for this peildatum:
                # never shown as if current
                title = f"{title} (per {format_date(written)})"
        sections.append(Section(key, title, text, paras, empty=empty))
    return SnapshotPilot(
        id=pilot.id,
        name=name,
        former_names=tuple(tidy(n).strip() for n in pilot.former_names),
        name_notes=name_notes,
        achtergrond=texts["achtergrond"],
        doel=texts["doel"],
        stand_van_zaken=svz,
        entry_peildatum=entry.peildatum if entry is not None else None,
        entry_unchanged=entry.unchanged if entry is not None else False,
        zaken=entry.zaken if entry is not None else None,
        looptijd=texts["looptijd"],
        looptijd_label=label,
        status=a.status,
        attention=a.attention,
        niet_bijgewerkt=a.niet_bijgewerkt,
        start=a.start,
        end=a.end,
        start_text=tidy(start_text),
        end_text=tidy(end_text),
        days_left=a.days_left,
        period_error=tidy(period.error) if period.error else None,
        programma=tidy(pilot.programma).strip(),
        gemeente=tidy(pilot.gemeente).strip(),
        rechtsgebied=tidy(pilot.rechtsgebied).strip(),
        partners=tuple(tidy(p).strip() for p in pilot.partners),
        sections=tuple(sections),
        notes=tuple(numberer.notes[first_note:]),
    )


def _exact(sp: SnapshotPilot) -> str:
    """ "31 december 2021, " when the end text is not that day already."""
    if sp.end is None or sp.end_text == format_date(sp.end):
        return ""
    return f"{format_date(sp.end)}, "


def _summary(
    snap_pilots: list[SnapshotPilot], peildatum: date, window: Window, latest: date | None
) -> Summary:
    counter = dict.fromkeys(Attention, 0)
    for sp in snap_pilots:
        counter[sp.attention] += 1
    window_end = window.end(peildatum)
    ending: list[AttentionItem] = []
    expired: list[AttentionItem] = []
    stale: list[AttentionItem] = []
    starting: list[AttentionItem] = []
    # only the pilots each list holds are sorted (a few hundred of 10,000)
    by_end = [
        sp
        for sp in snap_pilots
        if sp.attention in (Attention.EINDIGT_BINNENKORT, Attention.VERLOPEN)
    ]
    for sp in sorted(by_end, key=lambda s: (s.end or date.max, s.name.casefold())):
        if sp.attention == Attention.EINDIGT_BINNENKORT and sp.end is not None:
            days = sp.days_left or 0
            when = "vandaag" if days == 0 else f"over {_days(days)}"
            exact = sp.end_text == format_date(sp.end)
            bound = "" if exact else f"uiterlijk {format_date(sp.end)}, "
            ending.append(AttentionItem(sp.id, sp.name, f"eindigt {sp.end_text} ({bound}{when})"))
        elif sp.attention == Attention.VERLOPEN and sp.end is not None:
            days = -(sp.days_left or 0)
            ago = f"{_days(days)} geleden"
            expired.append(
                AttentionItem(
                    sp.id,
                    sp.name,
                    f"einde {sp.end_text} ({_exact(sp)}{ago}), status nog {sp.status.value}",
                )
            )
    by_start = [sp for sp in snap_pilots if sp.attention == Attention.START_BINNENKORT]
    for sp in sorted(by_start, key=lambda s: (s.start or date.max, s.name.casefold())):
        if sp.attention == Attention.START_BINNENKORT and sp.start is not None:
            days = (sp.start - peildatum).days
            since = (
                ""
                if sp.start_text == format_date(sp.start)
                else (f"vanaf {format_date(sp.start)}, ")
            )
            starting.append(
                AttentionItem(sp.id, sp.name, f"start {sp.start_text} ({since}over {_days(days)})")
            )
    for sp in snap_pilots:
        if sp.niet_bijgewerkt:
            if sp.entry_peildatum is None:
                detail = "nog geen stand van zaken"
            else:
                detail = f"laatste stand van zaken: peildatum {format_date(sp.entry_peildatum)}"
            stale.append(AttentionItem(sp.id, sp.name, detail))
    latest_text = (
        f"niet bijgewerkt: geen stand van zaken voor peildatum {format_date(latest)}"
        if latest is not None
        else "niet bijgewerkt"
    )
    lists = (
        AttentionList(
            "eindigt_binnenkort",
            f"Eindigen binnenkort (binnen {window.label}, tot en met {format_date(window_end)})",
            tuple(ending),
        ),
        AttentionList("verlopen", "Verlopen (einde voorbij, niet afgesloten)", tuple(expired)),
        AttentionList("niet_bijgewerkt", latest_text[:1].upper() + latest_text[1:], tuple(stale)),
        AttentionList(
            "start_binnenkort", f"Starten binnenkort (binnen {window.label})", tuple(starting)
        ),
    )
    intro = (
        f"Peildatum {format_date(peildatum)}; venster {window.label} "
        f"(tot en met {format_date(window_end)}); {len(snap_pilots)} pilots."
    )
    return Summary(
        title="Aandachtspunten",
        intro=intro,
        counts=tuple(AttentionCount(k, v) for k, v in counter.items()),
        niet_bijgewerkt=len(stale),
        lists=lists,
    )


# Fields reported as "Overige wijzigingen", with their Dutch labels, in this order.
FIELD_LABELS = {
    "achtergrond": "Achtergrond",
    "doel": "Doel",
    "looptijd_label": "Looptijd of doorlooptijd",
    "programma": "Programma",
    "gemeente": "Gemeente",
    "rechtsgebied": "Rechtsgebied",
    "partners": "Partners",
    "former_names": "Voormalige namen",
    "footnotes": "Voetnoten",
}


def _field_text(field: str, value: object) -> str:
    if field == "footnotes":
        assert isinstance(value, list)
        return "\n".join(f"[{i}] {clean(n.text).strip()}" for i, n in enumerate(value, start=1))
    if isinstance(value, list):
        return "; ".join(clean(str(v)).strip() for v in value)
    return clean(str(value)).strip()


def changes_between(register: Register, peildatum: date, since: date) -> Changes:
    """What changed from the register as it was at ``since`` to as it is at the
    peildatum: both views come from the per-peildatum values (see Pilot.as_of), so a
    retired pilot is reported as removed and a renamed one as renamed."""
    new: list[PilotRef] = []
    removed: list[PilotRef] = []
    renamed: list[RenameChange] = []
    closed: list[StatusChange] = []
    status: list[StatusChange] = []
    looptijd: list[LooptijdChange] = []
    texts: list[TextChange] = []
    fields: list[FieldChange] = []
    kept: list[PilotRef] = []
    for stored in register.pilots:
        before = stored.as_of(since)
        pilot = stored.as_of(peildatum)
        if pilot is None:
            if before is not None:
                removed.append(_ref(before))
            continue
        ref = _ref(pilot)
        then = before.entry_at(since) if before is not None else None
        now = pilot.entry_at(peildatum)
        if before is None or then is None:
            # new: added since, or a stand van zaken now but none then
            if before is None or now is not None:
                new.append(ref)
            continue
        if clean(before.name).strip() != ref.name:
            renamed.append(RenameChange(ref, clean(before.name).strip()))
        s0 = before.status_at(since)
        s1 = pilot.status_at(peildatum)
        if s0 != s1:
            if s0 not in CLOSED_STATUSES and s1 in CLOSED_STATUSES:
                closed.append(StatusChange(ref, s0, s1))
            else:
                status.append(StatusChange(ref, s0, s1))
        if now is not None and now is not then:
            old_text = clean(then.stand_van_zaken).strip()
            new_text = clean(now.stand_van_zaken).strip()
            if old_text != new_text:
                texts.append(
                    TextChange(
                        ref,
                        then.peildatum,
                        now.peildatum,
                        old_text,
                        new_text,
                        word_diff(old_text, new_text),
                    )
                )
            elif now.unchanged:
                kept.append(ref)
        if now is not None and now is not then and now.zaken != then.zaken:
            a = "" if then.zaken is None else str(then.zaken)
            b = "" if now.zaken is None else str(now.zaken)
            fields.append(
                FieldChange(ref, "zaken", "Aantal behandelde zaken", a, b, word_diff(a, b))
            )
        old = clean(before.looptijd).strip()
        cur = clean(pilot.looptijd).strip()
        if old != cur:
            p0 = read_period(old)
            p1 = read_period(cur)
            e0 = p0.end.latest if p0.end else None
            e1 = p1.end.latest if p1.end else None
            days = (e1 - e0).days if e0 and e1 else None
            text = shift_text(e0, e1) if e0 and e1 else ""
            looptijd.append(LooptijdChange(ref, old, cur, e0, e1, days, text))
        if not stored.past or stored.past[-1].until <= since:
            continue  # no field changed after ``since``
        for field, label in FIELD_LABELS.items():
            a = _field_text(field, getattr(before, field))
            b = _field_text(field, getattr(pilot, field))
            if a != b:
                fields.append(FieldChange(ref, field, label, a, b, word_diff(a, b)))
    return Changes(
        since=since,
        title=f"Wijzigingen sinds peildatum {format_date(since)}",
        new=tuple(new),
        closed=tuple(closed),
        status=tuple(status),
        looptijd=tuple(looptijd),
        texts=tuple(texts),
        removed=tuple(removed),
        renamed=tuple(renamed),
        fields=tuple(fields),
        kept=tuple(kept),
    )


def _group_titles(
    items: list[tuple[Pilot, Assessment]], group_by: str | None
) -> list[tuple[str, list[int]]]:
    """Group titles with the indices of their pilots, in display order."""
    if group_by is None:
        return [("", list(range(len(items))))]
    buckets: dict[str, list[int]] = {}
    if group_by == "status":
        for st in Status:
            buckets[f"Status: {st.value}"] = []
        for i, (_, a) in enumerate(items):
            buckets[f"Status: {a.status.value}"].append(i)
    else:
        for i, (p, _) in enumerate(items):
            programma = clean(p.programma).strip()
            buckets.setdefault(f"Programma: {programma}" if programma else "", []).append(i)
        if "" in buckets:
            buckets["Zonder programma"] = buckets.pop("")
    return [(k, v) for k, v in buckets.items() if v]


def build_snapshot(
    register: Register,
    options: SnapshotOptions,
    progress: Callable[[int, int], None] | None = None,
) -> Snapshot:
    """The register as of ``options.peildatum``, with summary and changes as asked.

    Built with the cyclic collector paused (see pilot_tui.memory): its collections would
    walk the whole register again and again while the snapshot's objects are made (two
    fifths of the time at 10,000 pilots)."""
    with collector_paused():
        return _build_snapshot(register, options, progress)


def _build_snapshot(
    register: Register,
    options: SnapshotOptions,
    progress: Callable[[int, int], None] | None,
) -> Snapshot:
    if options.group_by is not None and options.group_by not in GROUP_BY:
        raise ValueError(f"onbekende groepering {options.group_by!r} (kies programma of status)")
    peildatum = options.peildatum
    before: Snapshot | None = None
    revisions: RevisionDates | None = None
    if options.track_changes:
        since = options.since
        if since is None or since >= peildatum:
            raise ValueError("wijzigingen als revisies vragen een eerdere peildatum (--since)")
        # the document at ``since``, with the same options: what rejecting every
        # revision gives
        at_since = replace(options, peildatum=since, since=None, track_changes=False)
        before = _build_snapshot(register, at_since, None)
        revisions = RevisionDates(register, since, peildatum)
    window_end = options.window.end(peildatum)
    latest = register.latest_peildatum(peildatum)
    present = [p for p in register.pilots if p.exists_at(peildatum)]
    total = len(present)
    if progress is not None:
        progress(0, total)
    assessed: list[tuple[Pilot, Assessment]] = []
    for i, stored in enumerate(present):
        a = assess(stored, peildatum, window_end, latest)
        assessed.append((a.pilot, a))
        if progress is not None and (i + 1) % 100 == 0 and i + 1 < total:
            progress(i + 1, total)
    # group first, so that footnotes are numbered in the order they are shown
    numberer = _Numberer()
    built: list[SnapshotPilot | None] = [None] * total
    groups: list[Group] = []
    for title, indices in _group_titles(assessed, options.group_by):
        members = []
        for i in indices:
            pilot, a = assessed[i]
            sp = _build_pilot(pilot, a, peildatum, numberer)
            built[i] = sp
            members.append(sp)
        groups.append(Group(title, tuple(members)))
    snap_pilots = [sp for sp in built if sp is not None]
    if progress is not None:
        progress(total, total)
    intro = clean(register.intro).strip("\n")
    annex = " ".join(clean(register.annex if options.annex is None else options.annex).split())
    title = (
        f"{clean(register.title).strip() or 'Stand van zaken pilots'} – peildatum "
        f"{format_date(peildatum)}"
    )
    return Snapshot(
        title=f"{annex} – {title}" if annex else title,
        register_title=clean(register.title).strip(),
        intro=intro,
        intro_paras=paras_of(intro),
        peildatum=peildatum,
        peildatum_text=format_date(peildatum),
        window_label=clean(options.window.label),
        window_end=window_end,
        latest_peildatum=latest,
        group_by=options.group_by,
        groups=tuple(groups),
        summary=_summary(snap_pilots, peildatum, options.window, latest)
        if options.summary
        else None,
        # with revisions, the revisions are the changes: no chapter of them
        changes=changes_between(register, peildatum, options.since)
        if options.since and not options.track_changes
        else None,
        notes=tuple(numberer.notes),
        annex=annex,
        before=before,
        revisions=revisions,
    )
