"""The commands that change pilots: ``set``, ``add``, ``delete``, ``undelete``,
``start-round`` and ``footnote``. Each opens the register to write, finds the pilot,
changes it through one :class:`~pilot_tui.changes.EditSession` (validated, saved,
audited) and says what it did, with a warning for what the change left behind."""

from __future__ import annotations

import argparse
from datetime import date

from pilot_tui.changes import EditSession, EntryChange, parse_assignment
from pilot_tui.cli.context import open_writable, write_peildatum
from pilot_tui.cli.output import EXIT_OK, UsageError, err, out
from pilot_tui.fields import ENTRY_FIELDS, PILOT_FIELDS, Kind
from pilot_tui.model import Footnote, Pilot, Register
from pilot_tui.ops.edits import changed_footnotes, detached, looptijd_problem, newly_detached
from pilot_tui.ops.pilots import find_pilot, find_pilot_any
from pilot_tui.periods import format_date
from pilot_tui.text import strip_controls


def fields_epilog() -> str:
    """The fields `set` and `add` take (footnotes have a command of their own)."""
    fields = [f for f in (*PILOT_FIELDS, *ENTRY_FIELDS) if f.editable]
    fields = [f for f in fields if f.kind is not Kind.FOOTNOTES]
    width = max(len(f.name) for f in fields)
    lines = ["velden:"]
    lines += [f"  {f.name.ljust(width)}  {f.help}" for f in fields]
    return "\n".join(lines)


def _warn_looptijd(pilot: Pilot, peildatum: date) -> None:
    problem = looptijd_problem(pilot, peildatum)
    if problem is not None:
        err(f"waarschuwing: opgeslagen, maar de looptijd is niet te lezen ({problem})")


def _warn_detached(pilot: Pilot, peildatum: date, before: list[tuple[int, Footnote]]) -> None:
    """Say which footnotes the change detached from their words (not those that were
    detached already: `check` lists all)."""
    for number, note in newly_detached(pilot, peildatum, before):
        err(
            f"waarschuwing: voetnoot {number} hoort bij „{note.anchor}”, maar die woorden "
            f"staan niet meer in {note.section}; pas de voetnoot aan met pilot-tui footnote "
            "change of remove"
        )


def cmd_set(args: argparse.Namespace) -> int:
    assignments = [parse_assignment(a) for a in args.assignments]
    if not assignments and not args.unchanged:
        raise UsageError("geef VELD=WAARDE of --unchanged (zie `pilot-tui set --help`)")
    if args.unchanged and any(f == "stand_van_zaken" for f, _v in assignments):
        raise UsageError("--unchanged en stand_van_zaken=… gaan niet samen")
    with open_writable(args) as store:
        peildatum = write_peildatum(args, store.register)
        pilot = find_pilot(store.register, args.pilot, peildatum)
        name = strip_controls(" ".join(pilot.value_at("name", peildatum).split()))
        before = detached(pilot, peildatum)
        session = EditSession(store)
        op = None
        if assignments:
            op = session.edit_fields(pilot.id, assignments, peildatum, correction=args.correct)
        if args.unchanged:
            op = session.update_entry(
                pilot.id, peildatum, EntryChange(), unchanged=True, correction=args.correct
            )
        stored = store.register.get(pilot.id)
        if op is None:
            out(f"{name}: niets gewijzigd")
            return EXIT_OK
        what = [field for field, _value in assignments]
        if args.unchanged:
            what.append("stand van zaken ongewijzigd")
        out(f"{name}: {', '.join(what)} opgeslagen (peildatum {format_date(peildatum)})")
        if stored is not None:
            if any(f == "looptijd" for f, _v in assignments):
                _warn_looptijd(stored, peildatum)
            _warn_detached(stored, peildatum, before)
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from pilot_tui.changes import apply_changes

    assignments = [parse_assignment(a) for a in args.assignments]
    if any(f == "name" for f, _v in assignments):
        raise UsageError("de naam staat al vooraan: pilot-tui add NAAM VELD=WAARDE …")
    with open_writable(args) as store:
        register = store.register
        peildatum = write_peildatum(args, register)
        pilot = Pilot(id="", name=" ".join(args.name.split()))
        if not pilot.name:
            raise UsageError("de naam mag niet leeg zijn")
        pilot.id = register.new_id(pilot.name)
        scratch = Register(peildata=list(register.peildata))
        apply_changes(scratch, pilot, assignments, peildatum)
        op = EditSession(store).add_pilot(pilot, peildatum)
        out(op.pilot_id)
        err(f"„{pilot.name}” toegevoegd vanaf peildatum {format_date(peildatum)}")
        stored = store.register.get(op.pilot_id)
        if stored is not None and any(f == "looptijd" for f, _v in assignments):
            _warn_looptijd(stored, peildatum)
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with open_writable(args) as store:
        peildatum = write_peildatum(args, store.register)
        pilot = find_pilot(store.register, args.pilot, peildatum)
        op = EditSession(store).delete_pilot(pilot.id, peildatum, correction=args.correct)
        out(f"{strip_controls(op.description)} vanaf peildatum {format_date(peildatum)}")
    return EXIT_OK


def cmd_undelete(args: argparse.Namespace) -> int:
    with open_writable(args) as store:
        peildatum = write_peildatum(args, store.register)
        pilot = find_pilot_any(store.register, args.pilot)
        op = EditSession(store).undelete(pilot.id, peildatum)
        out(f"{strip_controls(op.description)} vanaf peildatum {format_date(peildatum)}")
    return EXIT_OK


def cmd_start_round(args: argparse.Namespace) -> int:
    with open_writable(args) as store:
        EditSession(store).start_round(args.date)
        n = sum(1 for p in store.register.pilots if p.exists_at(args.date))
        out(
            f"nieuwe ronde: peildatum {format_date(args.date)} ({n} pilots; nog geen enkele "
            "bijgewerkt)"
        )
    return EXIT_OK


def cmd_footnote(args: argparse.Namespace) -> int:
    with open_writable(args) as store:
        peildatum = write_peildatum(args, store.register)
        stored = find_pilot(store.register, args.pilot, peildatum)
        before = detached(stored, peildatum)
        notes = changed_footnotes(
            stored.value_at("footnotes", peildatum),
            args.action,
            args.number,
            text=args.text,
            section=args.section,
            anchor=args.anchor,
        )
        op = EditSession(store).set_values(
            stored.id, {"footnotes": notes}, peildatum, correction=args.correct
        )
        name = strip_controls(" ".join(stored.value_at("name", peildatum).split()))
        if op is None:
            out(f"{name}: niets gewijzigd")
        else:
            out(f"{name}: voetnoten opgeslagen (peildatum {format_date(peildatum)})")
            after = store.register.get(stored.id)
            if after is not None:
                _warn_detached(after, peildatum, before)
    return EXIT_OK
