"""The commands that read the register: ``list``, ``show``, ``period``, ``check`` and
``history``. They open it read-only and write nothing."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from pilot_tui.attention import Assessment, Attention, assess_all, end_label, sort_key_attention
from pilot_tui.cli.context import open_readonly, resolve_peildatum, resolve_window
from pilot_tui.cli.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    err,
    out,
    out_json,
    shortened,
    table,
)
from pilot_tui.fields import PILOT_FIELDS, Kind, PilotField
from pilot_tui.model import CLOSED_STATUSES, Pilot, Status
from pilot_tui.ops.pilots import pilot_at
from pilot_tui.periods import format_date, iso, parse_looptijd, period_json
from pilot_tui.text import normalise, one_line, strip_controls

NAME_WIDTH = 60  # characters of a name in `list`'s table; longer names end in "…"

# `show` gives the name, the looptijd and the footnotes places of their own; of the other
# fields, the short ones (text and lists) are a line "Label: value" when set, the long
# ones a paragraph under their label, in the order of the table of fields.
_SHOWN_APART = frozenset({"name", "former_names", "looptijd"})
SHOW_LINES: tuple[PilotField, ...] = tuple(
    f for f in PILOT_FIELDS if f.kind in (Kind.TEXT, Kind.LIST) and f.name not in _SHOWN_APART
)
SHOW_PARAGRAPHS: tuple[PilotField, ...] = tuple(f for f in PILOT_FIELDS if f.kind is Kind.LONG)


def show_label(spec: PilotField) -> str:
    """A field's label in `show`: as documents name it ("Gemeente"), else its label."""
    return spec.doc_label or spec.label


def assessment_json(a: Assessment) -> dict[str, Any]:
    p = a.pilot
    return {
        "id": p.id,
        "name": p.name,
        "status": a.status.value,
        "attention": a.attention.value,
        "start": iso(a.start),
        "end": iso(a.end),
        "end_label": end_label(a.period, a.status in CLOSED_STATUSES),
        "days_left": a.days_left,
        "looptijd": p.looptijd,
        "niet_bijgewerkt": a.niet_bijgewerkt,
        "programma": p.programma,
        "gemeente": p.gemeente,
    }


def _matches_attention(wanted: list[str]) -> set[Attention]:
    result: set[Attention] = set()
    by_norm = {normalise(a.value): a for a in Attention}
    for word in wanted:
        key = normalise(word.replace("-", " ").replace("_", " "))
        if key not in by_norm:
            raise UsageError(
                f"onbekende aandachtsklasse {word!r}; kies uit: "
                + ", ".join(a.value for a in Attention)
            )
        result.add(by_norm[key])
    return result


def cmd_list(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        register = store.register
        peildatum = resolve_peildatum(args, register)
        window = resolve_window(args)
        items = sorted(assess_all(register, peildatum, window), key=sort_key_attention)
    if args.status:
        statuses = set()
        for s in args.status:
            try:
                statuses.add(Status(s.lower()))
            except ValueError:
                raise UsageError(
                    f"onbekende status {s!r}; kies uit: " + ", ".join(x.value for x in Status)
                ) from None
        items = [a for a in items if a.status in statuses]
    if args.attention:
        classes = _matches_attention(args.attention)
        items = [a for a in items if a.attention in classes]
    if args.json:
        out_json([assessment_json(a) for a in items])
        return EXIT_OK
    out(
        f"{strip_controls(register.title)} – peildatum {format_date(peildatum)} "
        f"(venster {window.label}): {len(items)} pilots"
    )
    rows = [
        [
            shortened(one_line(a.pilot.name), NAME_WIDTH),
            a.status.value,
            f"{a.attention.symbol} {a.attention.value}" + (" *" if a.niet_bijgewerkt else ""),
            end_label(a.period, a.status in CLOSED_STATUSES),
            "" if a.days_left is None or a.status in CLOSED_STATUSES else str(a.days_left),
        ]
        for a in items
    ]
    for line in table(rows, ["Naam", "Status", "Aandacht", "Einde", "Dagen"]):
        out(line)
    if any(a.niet_bijgewerkt for a in items):
        out("* niet bijgewerkt voor de laatste peildatum")
    return EXIT_OK


def pilot_json(pilot: Pilot, a: Assessment, peildatum: date) -> dict[str, Any]:
    entry = pilot.entry_at(peildatum)
    data = pilot.to_dict()
    # the pilot as it is at the peildatum: not what it was or will be at other dates
    data.pop("past", None)
    data.pop("removed", None)
    data.update(
        {
            "peildatum": peildatum.isoformat(),
            "stand_van_zaken": entry.stand_van_zaken if entry else None,
            "stand_van_zaken_peildatum": entry.peildatum.isoformat() if entry else None,
            "status": a.status.value,
            "current_status": pilot.status.value,  # as of the peildatum, like every field
            "attention": a.attention.value,
            "start": iso(a.start),
            "end": iso(a.end),
            "days_left": a.days_left,
            "niet_bijgewerkt": a.niet_bijgewerkt,
            "period": period_json(a.period),
        }
    )
    return data


def _field_text(pilot: Pilot, spec: PilotField) -> str:
    value = getattr(pilot, spec.name)
    return "; ".join(value) if spec.kind is Kind.LIST else value


def cmd_show(args: argparse.Namespace) -> int:
    from pilot_tui.attention import assess

    with open_readonly(args) as store:
        register = store.register
        peildatum = resolve_peildatum(args, register)
        pilot = pilot_at(register, args.pilot, peildatum)
        window = resolve_window(args)
        a = assess(pilot, peildatum, window.end(peildatum), register.latest_peildatum(peildatum))
    if args.json:
        out_json(pilot_json(pilot, a, peildatum))
        return EXIT_OK
    entry = pilot.entry_at(peildatum)
    out(strip_controls(pilot.name))
    if pilot.former_names:
        out("voorheen: " + "; ".join(strip_controls(n) for n in pilot.former_names))
    out(
        f"id: {strip_controls(pilot.id)} · status: {a.status.value} · "
        f"{a.attention.symbol} {a.attention.value}"
    )
    for spec in SHOW_LINES:
        value = _field_text(pilot, spec)
        if value:
            out(f"{show_label(spec)}: {strip_controls(value)}")
    for spec in SHOW_PARAGRAPHS:
        out()
        out(show_label(spec))
        out(strip_controls(_field_text(pilot, spec)))
    out()
    if entry:
        written = pilot.text_date(entry)
        kept = f", ongewijzigd sinds {format_date(written)}" if written != entry.peildatum else ""
        out(f"Stand van zaken (peildatum {format_date(entry.peildatum)}{kept})")
        out(strip_controls(entry.stand_van_zaken))
        if entry.zaken is not None:
            out(f"Aantal zaken: {entry.zaken}")
    else:
        out("Stand van zaken: nog geen stand van zaken op of voor deze peildatum")
    out()
    out(pilot.looptijd_label)
    out(strip_controls(pilot.looptijd))
    out(f"gelezen als: {a.period.describe()}")
    for i, note in enumerate(pilot.footnotes, start=1):
        out(f"[{i}] {strip_controls(note.text)}")
    n = len(pilot.history)
    out(f"{n} {'peildatum' if n == 1 else 'peildata'} in de geschiedenis")
    return EXIT_OK


def cmd_period(args: argparse.Namespace) -> int:
    period = parse_looptijd(args.text)
    if args.json:
        out_json(period_json(period))
    elif period.ok:
        out(period.describe())
    if not period.ok:
        err(period.error or "onleesbaar")
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from pilot_tui.ops.checking import check_register

    with open_readonly(args) as store:
        register = store.register
        peildatum = resolve_peildatum(args, register)
        result = check_register(register, peildatum, strict=args.strict)
    if args.json:
        out_json(result.problems)
    else:
        for pr in result.counted:
            out(one_line(f"{pr['name']} ({pr['id']}): {pr['problem']}"))
        for pr in result.noticed:
            out(one_line(f"let op: {pr['name']} ({pr['id']}): {pr['problem']}"))
        n = result.pilots
        out(
            f"{len(result.counted)} problemen in {n} pilots (peildatum {format_date(peildatum)})"
            if result.counted
            else f"geen problemen in {n} pilots (peildatum {format_date(peildatum)})"
        )
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def cmd_history(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        peildatum = resolve_peildatum(args, store.register)
        pilot = pilot_at(store.register, args.pilot, peildatum)
    entries = [
        {
            "peildatum": e.peildatum.isoformat(),
            "stand_van_zaken": e.stand_van_zaken,
            "status": e.status.value if e.status else None,
            "zaken": e.zaken,
            "unchanged": e.unchanged,
        }
        for e in pilot.history
    ]
    if args.json:
        out_json(entries)
        return EXIT_OK
    out(strip_controls(pilot.name))
    for e in pilot.history:
        status = e.status.value if e.status else "?"
        extra = " (ongewijzigd)" if e.unchanged else ""
        zaken = f" · {e.zaken} zaken" if e.zaken is not None else ""
        out()
        out(f"{format_date(e.peildatum)} · {status}{zaken}{extra}")
        out(strip_controls(e.stand_van_zaken))
    if not pilot.history:
        out("nog geen stand van zaken")
    return EXIT_OK
