"""Building the snapshot model from a register (:func:`build_snapshot`).

Per pilot: the entry valid at the peildatum, its assessment, its texts cleaned for a
document (:func:`pilot_tui.text.for_document`) and split into sections of paragraphs with
the footnote references numbered in the order they are shown. Around the pilots: the
groups, the title, the intro, the Aandachtspunten (:mod:`pilot_tui.snapshot.summary`) and
the changes since an earlier peildatum (:mod:`pilot_tui.snapshot.changes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from pilot_tui.attention import Assessment, assess
from pilot_tui.memory import collector_paused
from pilot_tui.model import Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import Interval, format_date, format_interval
from pilot_tui.snapshot.changes import RevisionDates, changes_between
from pilot_tui.snapshot.model import (
    GROUP_BY,
    NO_ENTRY,
    SECTION_LABELS,
    SECTION_ORDER,
    ZAKEN,
    Group,
    Para,
    Run,
    Section,
    Snapshot,
    SnapshotOptions,
    SnapshotPilot,
)
from pilot_tui.snapshot.paras import Numberer, paras_of
from pilot_tui.snapshot.summary import build_summary
from pilot_tui.text import for_document, has_controls


def _as_is(text: str) -> str:
    return text


def _cleaner(
    pilot: Pilot, entry: HistoryEntry | None, extra: Iterable[str]
) -> Callable[[str], str]:
    """:func:`pilot_tui.text.for_document`, or a function that returns its text as is
    when none of the pilot's texts needs cleaning (the usual case): one scan of them all,
    not one call per field."""
    # the texts the snapshot shows (see _build_pilot), named one by one: a loop over the
    # table of fields takes three times as long, for every pilot
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
    # Every character for_document changes ("\r" and the controls) is unprintable: one
    # scan clears the usual pilot (has_controls would first try latin-1, which fails
    # for any text with a dash or a typographic quote, and then do this scan).
    if joined.replace("\n", " ").isprintable():
        return _as_is
    return for_document if "\r" in joined or has_controls(joined) else _as_is


def _interval_text(interval: Interval | None) -> str:
    return format_interval(interval) if interval is not None else ""


def _build_pilot(pilot: Pilot, a: Assessment, peildatum: date, numberer: Numberer) -> SnapshotPilot:
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
            programma = for_document(p.programma).strip()
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
    numberer = Numberer()
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
    intro = for_document(register.intro).strip("\n")
    annex = " ".join(
        for_document(register.annex if options.annex is None else options.annex).split()
    )
    title = (
        f"{for_document(register.title).strip() or 'Stand van zaken pilots'} – peildatum "
        f"{format_date(peildatum)}"
    )
    return Snapshot(
        title=f"{annex} – {title}" if annex else title,
        register_title=for_document(register.title).strip(),
        intro=intro,
        intro_paras=paras_of(intro),
        peildatum=peildatum,
        peildatum_text=format_date(peildatum),
        window_label=for_document(options.window.label),
        window_end=window_end,
        latest_peildatum=latest,
        group_by=options.group_by,
        groups=tuple(groups),
        summary=build_summary(snap_pilots, peildatum, options.window, latest)
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
