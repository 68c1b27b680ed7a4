"""Changes applied to a pilot, each recorded as audit entries (pure; no I/O): field
values from a peildatum on, and the stand van zaken of a peildatum."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pilot_tui import fields
from pilot_tui.changes.rules import (
    PILOT_FIELDS,
    ChangeError,
    name_problem,
    parse_status,
    parse_zaken,
    split_list,
)
from pilot_tui.fields import Kind
from pilot_tui.model import AuditEntry, Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import format_date


@dataclass
class EntryChange:
    stand_van_zaken: str | None = None
    status: Status | None = None
    zaken: int | None = None
    zaken_given: bool = False


def apply_changes(
    register: Register,
    pilot: Pilot,
    assignments: list[tuple[str, str]],
    peildatum: date,
    *,
    now: datetime | None = None,
) -> list[AuditEntry]:
    """Validate all assignments, then apply them; all or nothing. Returns the audit."""
    pilot_values: dict[str, Any] = {}
    entry = EntryChange()
    for field, raw in assignments:
        if field == "name":
            problem = name_problem(register, raw, pilot.id, peildatum)
            if problem:
                raise ChangeError(problem)
            pilot_values[field] = raw.strip()
        elif field in PILOT_FIELDS:
            spec = fields.BY_NAME[field]
            if spec.kind is Kind.LIST:
                pilot_values[field] = split_list(raw)
            elif spec.choices and raw not in spec.choices:
                words = " of ".join(repr(c) for c in spec.choices)
                raise ChangeError(f"{field} moet {words} zijn")
            else:
                pilot_values[field] = raw
        elif field == "stand_van_zaken":
            entry.stand_van_zaken = raw
        elif field == "status":
            entry.status = parse_status(raw)
        elif field == "zaken":
            entry.zaken = parse_zaken(raw)
            entry.zaken_given = True
    when = now or datetime.now()
    audit = set_fields(pilot, pilot_values, peildatum, now=when, later=register.peildata)
    if entry.stand_van_zaken is not None or entry.status is not None or entry.zaken_given:
        audit.extend(write_entry(register, pilot, peildatum, entry, now=when))
    return audit


def field_label(field: str, peildatum: date) -> str:
    """The audit's name for a field changed for a peildatum: ``looptijd@2022-06-01``."""
    return f"{field}@{peildatum.isoformat()}"


def set_fields(
    pilot: Pilot,
    values: dict[str, Any],
    peildatum: date,
    *,
    now: datetime | None = None,
    later: Sequence[date] = (),
) -> list[AuditEntry]:
    """Give the pilot these field values from ``peildatum`` on; the audit of what changed.

    ``later``: the register's peildata after ``peildatum`` (a correction of an earlier
    round): what each of them showed stays as it was, so the change holds only until the
    next peildatum."""
    when = now or datetime.now()
    audit: list[AuditEntry] = []
    for field, value in values.items():
        old = pilot.value_at(field, peildatum)
        shown = [(q, pilot.value_at(field, q)) for q in sorted(later) if q > peildatum]
        if pilot.set_at(field, value, peildatum):
            for q, was in shown:
                pilot.set_at(field, was, q)
            audit.append(
                AuditEntry(
                    when, pilot.id, field_label(field, peildatum), _plain(old), _plain(value)
                )
            )
    return audit


def write_entry(
    register: Register,
    pilot: Pilot,
    peildatum: date,
    change: EntryChange,
    *,
    unchanged: bool = False,
    now: datetime | None = None,
) -> list[AuditEntry]:
    """Write the pilot's entry for ``peildatum``: missing parts come from the entry before.

    A round's entry is a text or an explicit "ongewijzigd": an empty text is refused, and
    an entry made without a text (only a status or a number of cases) carries the text
    before it as unchanged, never as if it were new."""
    when = now or datetime.now()
    existing = pilot.entry_for(peildatum)
    base = existing or pilot.entry_at(peildatum)
    if change.stand_van_zaken is not None and not change.stand_van_zaken.strip():
        raise ChangeError(
            "de stand van zaken mag niet leeg zijn; laat hem ongewijzigd om de vorige tekst "
            "te houden"
        )
    if unchanged and base is None:
        raise ChangeError("er is geen eerdere stand van zaken om ongewijzigd te laten")
    if change.stand_van_zaken is None and base is None:
        raise ChangeError("geef een stand van zaken: er is nog geen eerdere tekst")
    carried = change.stand_van_zaken is None and (existing is None or existing.unchanged)
    new = HistoryEntry(
        peildatum=peildatum,
        stand_van_zaken=(
            change.stand_van_zaken
            if change.stand_van_zaken is not None
            else (base.stand_van_zaken if base else "")
        ),
        status=change.status or (base.status if base and base.status else pilot.status),
        zaken=change.zaken if change.zaken_given else (existing.zaken if existing else None),
        unchanged=unchanged or carried,
        extra=dict(existing.extra) if existing is not None else {},
    )
    later = [q for q in register.peildata if q > peildatum and pilot.entry_for(q) is None]
    shown = {q: pilot.entry_at(q) for q in later}
    old_status = pilot.status
    pilot.set_entry(new)
    for q, was in shown.items():
        if pilot.entry_at(q) is not was:
            # a later round showed the entry before this one (the pilot was not updated
            # for it): changing it would change what that round showed
            pilot.history = [e for e in pilot.history if e is not new]
            if existing is not None:
                pilot.set_entry(existing)
            pilot.status = old_status
            raise ChangeError(
                f"de ronde van {format_date(q)} toont deze stand van zaken ook (daar niet "
                "bijgewerkt); een correctie zou die ronde veranderen"
            )
    field = f"stand_van_zaken@{peildatum.isoformat()}"
    audit = [
        AuditEntry(when, pilot.id, field, existing.to_dict() if existing else None, new.to_dict())
    ]
    if pilot.status != old_status:
        audit.append(AuditEntry(when, pilot.id, "status", old_status.value, pilot.status.value))
    return audit


def snapshot_pilot(pilot: Pilot) -> Pilot:
    """A deep copy, for undo."""
    return copy.deepcopy(pilot)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [v.to_dict() if isinstance(v, Footnote) else v for v in value]
    if isinstance(value, Status):
        return value.value
    return value
