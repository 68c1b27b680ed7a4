"""Snapshot -> JSON: the snapshot model in full, for scripts and spreadsheets.

Format
======

One UTF-8 JSON object (non-ASCII kept as is). Keys appear in the order documented here,
always, whether their value is empty or not; dates are ISO ``"JJJJ-MM-DD"`` strings;
missing values are ``null``. The layout puts each pilot on one line, so two snapshots
diff line by line. All texts are as in the register, with control characters removed and
``\\n`` between paragraphs; a paragraph starting with ``"• "`` is a bullet.

Top level::

    format            "pilot-tui-snapshot"
    version           2 (raised when a key changes meaning or disappears; 2: the
                      changes' stand_van_zaken items lost "new")
    title             "Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021"
    annex             the annex label the title starts with ("Bijlage 2"), or ""
    register_title    the register's title ("Stand van zaken pilots")
    intro             the register's intro text
    peildatum         "2021-12-01"
    window            {"label": "3 maanden", "end": "2022-03-01"}: the attention window
    latest_peildatum  the register's latest peildatum on or before ``peildatum`` (or null);
                      "niet bijgewerkt" means: no stand van zaken for this date
    group_by          null, "programma" or "status"
    summary           null (without summary) or the Aandachtspunten:
        intro             one Dutch sentence
        counts            {"verlopen": 0, "eindigt binnenkort": 3, "start binnenkort": 0,
                           "lopend": 25, "gepland": 0, "onbekend": 0, "afgerond": 4,
                           "stopgezet": 1}: every class, in urgency order
        niet_bijgewerkt   number of open pilots without a stand van zaken for
                          ``latest_peildatum``
        lists             {"eindigt_binnenkort": [...], "verlopen": [...],
                           "niet_bijgewerkt": [...], "start_binnenkort": [...]}, each a list
                          of {"id", "name", "detail"} (detail in Dutch, e.g. "eindigt
                          december 2021 (uiterlijk 31 december 2021, over 30 dagen)")
    changes           null (without ``since``) or the changes since an earlier peildatum:
        since             "2021-06-01"
        title             "Wijzigingen sinds peildatum 1 juni 2021"
        new               [{"id", "name"}]: pilots without a stand van zaken on or before
                          ``since`` that have one at ``peildatum`` or were added to the
                          register after ``since`` (audit log)
        closed            [{"id", "name", "old", "new"}]: open at ``since``, afgerond or
                          stopgezet at ``peildatum`` (old/new are statuses)
        status            [{"id", "name", "old", "new"}]: other status changes
        looptijd          [{"id", "name", "old", "new", "old_end", "new_end", "shift_days",
                           "shift_text"}]: looptijd texts changed after ``since`` (from the
                          audit log); old_end/new_end are the latest possible ends, and
                          shift_text says in Dutch how far the end moved ("3 maanden later
                          (92 dagen)")
        stand_van_zaken   [{"id", "name", "old_peildatum", "new_peildatum", "old",
                           "diff"}]: updated texts; ``old`` is the text at old_peildatum;
                          the new text is not repeated here: it is the pilot's
                          stand_van_zaken.text (see pilots); diff is a list of lines,
                          each a list of [op, text] pairs, op "equal", "delete" or
                          "insert" (word by word): the equal and delete parts make
                          ``old``, the equal and insert parts make the new text (white
                          space at its ends aside)
        removed           [{"id", "name"}]: in the register at ``since``, retired by
                          ``peildatum`` (name as it was at ``since``)
        renamed           [{"id", "name", "old"}]: name at ``peildatum`` and at ``since``
        fields            [{"id", "name", "field", "label", "old", "new", "diff"}]: other
                          fields changed (achtergrond, doel, programma, gemeente,
                          rechtsgebied, partners, former_names, looptijd_label,
                          footnotes as "[1] text" lines); diff as for stand_van_zaken
        unchanged         [{"id", "name"}]: stand van zaken explicitly kept "ongewijzigd"
    pilots            list, in document order (grouped when group_by is set), each:
        id, name          stable id; name as shown
        former_names      list of earlier names ("voorheen")
        group             the group title ("Programma: Divosa"), "" when not grouped
        programma, gemeente, rechtsgebied   text ("" when unknown)
        partners          list of text
        status            status at the peildatum: gepland, lopend, afgerond, stopgezet
        attention         verlopen, eindigt binnenkort, start binnenkort, lopend, gepland,
                          onbekend, afgerond or stopgezet
        niet_bijgewerkt   true or false (see latest_peildatum)
        looptijd_label    "Looptijd" or "Doorlooptijd", as the document has it
        looptijd          the looptijd as written
        start, end        earliest possible start, latest possible end (dates or null)
        start_text, end_text  the same in Dutch ("najaar 2019", "december 2021")
        days_left         days from the peildatum to ``end`` (negative: passed), or null
        looptijd_error    what could not be read in the looptijd (Dutch), or null
        achtergrond, doel texts
        stand_van_zaken   the entry valid at the peildatum, or null when there is none:
                          {"peildatum", "text", "unchanged", "zaken"} (unchanged: carried
                          forward explicitly; zaken: cases handled, or null)
        footnotes         [{"number", "text", "section", "anchor", "anchored"}]: numbered
                          through the document; section is name, achtergrond, doel,
                          stand_van_zaken or looptijd; the reference follows ``anchor`` in
                          that section when ``anchored``, else it ends the section
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pilot_tui.snapshot.model import (
    Changes,
    Snapshot,
    SnapshotPilot,
    StatusChange,
    Summary,
)

FORMAT = "pilot-tui-snapshot"
VERSION = 2


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _summary(s: Summary) -> dict[str, Any]:
    return {
        "intro": s.intro,
        "counts": {c.attention.value: c.count for c in s.counts},
        "niet_bijgewerkt": s.niet_bijgewerkt,
        "lists": {
            lst.key: [{"id": i.pilot_id, "name": i.name, "detail": i.detail} for i in lst.items]
            for lst in s.lists
        },
    }


def _status(c: StatusChange) -> dict[str, Any]:
    return {"id": c.pilot.id, "name": c.pilot.name, "old": c.old.value, "new": c.new.value}


def _changes(c: Changes) -> dict[str, Any]:
    return {
        "since": _d(c.since),
        "title": c.title,
        "new": [{"id": r.id, "name": r.name} for r in c.new],
        "closed": [_status(x) for x in c.closed],
        "status": [_status(x) for x in c.status],
        "looptijd": [
            {
                "id": lc.pilot.id,
                "name": lc.pilot.name,
                "old": lc.old,
                "new": lc.new,
                "old_end": _d(lc.old_end),
                "new_end": _d(lc.new_end),
                "shift_days": lc.shift_days,
                "shift_text": lc.shift_text,
            }
            for lc in c.looptijd
        ],
        "stand_van_zaken": [
            {
                "id": tc.pilot.id,
                "name": tc.pilot.name,
                "old_peildatum": _d(tc.old_peildatum),
                "new_peildatum": _d(tc.new_peildatum),
                "old": tc.old,
                "diff": [[[o.op, o.text] for o in line] for line in tc.lines],
            }
            for tc in c.texts
        ],
        "removed": [{"id": r.id, "name": r.name} for r in c.removed],
        "renamed": [{"id": x.pilot.id, "name": x.pilot.name, "old": x.old} for x in c.renamed],
        "fields": [
            {
                "id": fc.pilot.id,
                "name": fc.pilot.name,
                "field": fc.field,
                "label": fc.label,
                "old": fc.old,
                "new": fc.new,
                "diff": [[[o.op, o.text] for o in line] for line in fc.lines],
            }
            for fc in c.fields
        ],
        "unchanged": [{"id": r.id, "name": r.name} for r in c.kept],
    }


def pilot_dict(p: SnapshotPilot, group: str) -> dict[str, Any]:
    entry: dict[str, Any] | None = None
    if p.entry_peildatum is not None:
        entry = {
            "peildatum": _d(p.entry_peildatum),
            "text": p.stand_van_zaken,
            "unchanged": p.entry_unchanged,
            "zaken": p.zaken,
        }
    return {
        "id": p.id,
        "name": p.name,
        "former_names": list(p.former_names),
        "group": group,
        "programma": p.programma,
        "gemeente": p.gemeente,
        "rechtsgebied": p.rechtsgebied,
        "partners": list(p.partners),
        "status": p.status.value,
        "attention": p.attention.value,
        "niet_bijgewerkt": p.niet_bijgewerkt,
        "looptijd_label": p.looptijd_label,
        "looptijd": p.looptijd,
        "start": _d(p.start),
        "end": _d(p.end),
        "start_text": p.start_text,
        "end_text": p.end_text,
        "days_left": p.days_left,
        "looptijd_error": p.period_error,
        "achtergrond": p.achtergrond,
        "doel": p.doel,
        "stand_van_zaken": entry,
        "footnotes": [
            {
                "number": n.number,
                "text": n.text,
                "section": n.section,
                "anchor": n.anchor,
                "anchored": n.anchored,
            }
            for n in p.notes
        ],
    }


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # one encoder: dumps() makes one per call


def _dump(value: Any) -> str:
    return _ENCODER.encode(value)


def render(snapshot: Snapshot) -> bytes:
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "title": snapshot.title,
        "annex": snapshot.annex,
        "register_title": snapshot.register_title,
        "intro": snapshot.intro,
        "peildatum": _d(snapshot.peildatum),
        "window": {"label": snapshot.window_label, "end": _d(snapshot.window_end)},
        "latest_peildatum": _d(snapshot.latest_peildatum),
        "group_by": snapshot.group_by,
        "summary": _summary(snapshot.summary) if snapshot.summary is not None else None,
        "changes": _changes(snapshot.changes) if snapshot.changes is not None else None,
    }
    # One key per line and one pilot per line: readable, diffable, and json's C encoder.
    # Each line is encoded to UTF-8 on its own and the bytes are joined: joining tens of
    # megabytes of text with non-ASCII characters in it, and then encoding that, costs
    # more than the JSON encoding itself. Each pilot's dict is encoded as soon as it is
    # made, so that the dicts never pile up.
    out = [b"{"]
    out += [f"  {_dump(k)}: {_dump(v)},".encode() for k, v in head.items()]
    pilots = [
        f"    {_dump(pilot_dict(p, g.title))},".encode() for g in snapshot.groups for p in g.pilots
    ]
    if pilots:
        pilots[-1] = pilots[-1][:-1]  # no comma after the last one
        out.append(b'  "pilots": [')
        out += pilots
        out.append(b"  ]")
    else:
        out.append(b'  "pilots": []')
    out.append(b"}\n")
    return b"\n".join(out)
