"""Validated changes to pilots, each recorded as audit entries (pure; no I/O).

The CLI (`pilot-tui set`) and the app's forms both go through here, so the same input
is accepted or refused in the same words everywhere.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pilot_tui.model import AuditEntry, HistoryEntry, Pilot, Register, Status, normalise

# Fields as they appear in `show --json`, with a Dutch description for help texts.
PILOT_FIELDS: dict[str, str] = {
    "name": "naam",
    "former_names": "voormalige namen (gescheiden door ;)",
    "achtergrond": "achtergrond",
    "doel": "doel",
    "looptijd": "looptijd zoals geschreven",
    "looptijd_label": "Looptijd of Doorlooptijd",
    "programma": "programma of koepel",
    "gemeente": "gemeente of regio",
    "rechtsgebied": "rechtsgebied",
    "partners": "partners (gescheiden door ;)",
}
ENTRY_FIELDS: dict[str, str] = {
    "stand_van_zaken": "stand van zaken op de peildatum",
    "status": "status op de peildatum (gepland, lopend, afgerond, stopgezet)",
    "zaken": "aantal behandelde zaken op de peildatum",
}
LIST_FIELDS = frozenset({"former_names", "partners"})
ALL_FIELDS = {**PILOT_FIELDS, **ENTRY_FIELDS}


class ChangeError(ValueError):
    """Refused input; the message is one Dutch line."""


def parse_assignment(text: str) -> tuple[str, str]:
    field, sep, value = text.partition("=")
    field = field.strip()
    if not sep or not field:
        raise ChangeError(f"verwacht VELD=WAARDE, kreeg {text!r}")
    if field not in ALL_FIELDS:
        raise ChangeError(f"onbekend veld {field!r}; kies uit: {', '.join(sorted(ALL_FIELDS))}")
    return field, value


def parse_status(value: str) -> Status:
    try:
        return Status(value.strip().lower())
    except ValueError:
        raise ChangeError(
            f"ongeldige status {value!r}; kies uit: {', '.join(s.value for s in Status)}"
        ) from None


def parse_zaken(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise ChangeError(f"aantal zaken moet een geheel getal zijn, kreeg {value!r}")
    return int(value)


def name_problem(register: Register, name: str, pilot_id: str | None) -> str | None:
    """Why ``name`` cannot be used for the pilot ``pilot_id`` (None: it can)."""
    if not name.strip():
        return "de naam mag niet leeg zijn"
    wanted = normalise(name)
    for other in register.pilots:
        if other.id != pilot_id and normalise(other.name) == wanted:
            return f"er is al een pilot met de naam „{other.name}”"
    return None


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.replace("\n", ";").split(";") if part.strip()]


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
            problem = name_problem(register, raw, pilot.id)
            if problem:
                raise ChangeError(problem)
            pilot_values[field] = raw.strip()
        elif field in LIST_FIELDS:
            pilot_values[field] = split_list(raw)
        elif field == "looptijd_label":
            if raw not in ("Looptijd", "Doorlooptijd"):
                raise ChangeError("looptijd_label moet 'Looptijd' of 'Doorlooptijd' zijn")
            pilot_values[field] = raw
        elif field in PILOT_FIELDS:
            pilot_values[field] = raw
        elif field == "stand_van_zaken":
            entry.stand_van_zaken = raw
        elif field == "status":
            entry.status = parse_status(raw)
        elif field == "zaken":
            entry.zaken = parse_zaken(raw)
            entry.zaken_given = True
    when = now or datetime.now()
    audit: list[AuditEntry] = []
    for field, value in pilot_values.items():
        old = getattr(pilot, field)
        if old != value:
            setattr(pilot, field, value)
            audit.append(AuditEntry(when, pilot.id, field, _plain(old), _plain(value)))
    if entry.stand_van_zaken is not None or entry.status is not None or entry.zaken_given:
        audit.extend(write_entry(register, pilot, peildatum, entry, now=when))
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
    """Write the pilot's entry for ``peildatum``: missing parts come from the entry before."""
    when = now or datetime.now()
    existing = pilot.entry_for(peildatum)
    base = existing or pilot.entry_at(peildatum)
    new = HistoryEntry(
        peildatum=peildatum,
        stand_van_zaken=(
            change.stand_van_zaken
            if change.stand_van_zaken is not None
            else (base.stand_van_zaken if base else "")
        ),
        status=change.status or (base.status if base and base.status else pilot.status),
        zaken=change.zaken if change.zaken_given else (existing.zaken if existing else None),
        unchanged=unchanged,
    )
    old_status = pilot.status
    pilot.set_entry(new)
    register.add_peildatum(peildatum)
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
        return list(value)
    if isinstance(value, Status):
        return value.value
    return value
