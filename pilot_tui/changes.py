"""Validated changes to pilots, each recorded as audit entries (pure; no I/O).

The CLI (`pilot-tui set`) and the app's forms both go through here, so the same input
is accepted or refused in the same words everywhere.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pilot_tui.model import AuditEntry, HistoryEntry, Pilot, Register, Status, normalise
from pilot_tui.store import StoreConflict

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
    """The number of cases as a Dutch user writes it ("1.240"), see numbers.read_count."""
    from pilot_tui.numbers import NumberError, read_count

    try:
        return read_count(value)
    except NumberError as exc:
        raise ChangeError(str(exc)) from None


@functools.lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """normalise(name), remembered: name_problem compares a name with every pilot's, at
    10,000 pilots on each key typed in the form's name field."""
    return normalise(name)


def name_problem(register: Register, name: str, pilot_id: str | None) -> str | None:
    """Why ``name`` cannot be used for the pilot ``pilot_id`` (None: it can)."""
    if not name.strip():
        return "de naam mag niet leeg zijn"
    wanted = normalise(name)
    for other in register.pilots:
        if other.id != pilot_id and _name_key(other.name) == wanted:
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


# -- an editing session: every change saved at once, audited, undoable -------------------


@dataclass
class Operation:
    """One user action, with the states needed to undo and redo it."""

    description: str  # Dutch, for notifications: "stand van zaken van „X” bijgewerkt"
    pilot_id: str
    before: Pilot | None  # None: the pilot did not exist
    after: Pilot | None  # None: the pilot was deleted
    peildata_before: list[date]
    peildata_after: list[date]
    action: str = ""  # Dutch, the same as a noun: "het verwijderen van „X”" (undo, redo)


class EditConflict(ChangeError):
    """The same pilot was changed on disk by someone else; the user chooses."""

    def __init__(self, pilot_id: str, ours: Pilot | None, theirs: Pilot | None) -> None:
        name = ours.name if ours else theirs.name if theirs else pilot_id
        super().__init__(
            f"„{name}” is intussen ook door een ander gewijzigd; kies welke versie blijft"
        )
        self.pilot_id = pilot_id
        self.ours = ours
        self.theirs = theirs


class EditSession:
    """Applies changes through a store: validated, saved at once, audited, undoable.

    The store is duck-typed (``register``, ``batch``, ``save_pilot``, ``delete_pilot``,
    ``save_meta``, ``add_audit``, ``backup``) so this module stays free of I/O imports.
    """

    def __init__(self, store: Any) -> None:
        self.store = store
        self.undo_stack: list[Operation] = []
        self.redo_stack: list[Operation] = []
        self.reapplied = 0  # changes re-applied on top of someone else's save

    @property
    def register(self) -> Register:
        register: Register = self.store.register
        return register

    # -- actions -------------------------------------------------------------------------
    def edit_fields(
        self, pilot_id: str, assignments: list[tuple[str, str]], peildatum: date
    ) -> Operation | None:
        pilot = self._pilot(pilot_id)
        before = snapshot_pilot(pilot)
        peildata = list(self.register.peildata)
        working = snapshot_pilot(pilot)
        audit = apply_changes(self.register, working, assignments, peildatum)
        if not audit:
            return None
        return self._commit(
            Operation(
                f"„{working.name}” gewijzigd",
                pilot_id,
                before,
                working,
                peildata,
                list(self.register.peildata),
                f"de wijziging van „{working.name}”",
            ),
            audit,
        )

    def update_entry(
        self,
        pilot_id: str,
        peildatum: date,
        change: EntryChange,
        *,
        unchanged: bool = False,
    ) -> Operation:
        pilot = self._pilot(pilot_id)
        before = snapshot_pilot(pilot)
        peildata = list(self.register.peildata)
        working = snapshot_pilot(pilot)
        audit = write_entry(self.register, working, peildatum, change, unchanged=unchanged)
        verb = "ongewijzigd gelaten" if unchanged else "bijgewerkt"
        noun = "het ongewijzigd laten" if unchanged else "het bijwerken"
        return self._commit(
            Operation(
                f"stand van zaken van „{working.name}” {verb}",
                pilot_id,
                before,
                working,
                peildata,
                list(self.register.peildata),
                f"{noun} van de stand van zaken van „{working.name}”",
            ),
            audit,
        )

    def add_pilot(self, pilot: Pilot) -> Operation:
        problem = name_problem(self.register, pilot.name, None)
        if problem:
            raise ChangeError(problem)
        if not pilot.id or self.register.get(pilot.id) is not None:
            pilot.id = self.register.new_id(pilot.name)
        peildata = list(self.register.peildata)
        for entry in pilot.history:
            self.register.add_peildatum(entry.peildatum)
        audit = [AuditEntry(datetime.now(), pilot.id, "pilot", None, pilot.name)]
        return self._commit(
            Operation(
                f"„{pilot.name}” toegevoegd",
                pilot.id,
                None,
                pilot,
                peildata,
                list(self.register.peildata),
                f"het toevoegen van „{pilot.name}”",
            ),
            audit,
        )

    def replace_pilot(self, pilot: Pilot) -> Operation | None:
        """Save a pilot edited as a whole (the edit form): diff it field by field."""
        current = self._pilot(pilot.id)
        problem = name_problem(self.register, pilot.name, pilot.id)
        if problem:
            raise ChangeError(problem)
        when = datetime.now()
        audit = [
            AuditEntry(when, pilot.id, f, _plain(getattr(current, f)), _plain(getattr(pilot, f)))
            for f in (*PILOT_FIELDS, "status", "footnotes")
            if getattr(current, f) != getattr(pilot, f)
        ]
        for entry in audit:
            if entry.field == "footnotes":
                entry.old = [n.to_dict() for n in current.footnotes]
                entry.new = [n.to_dict() for n in pilot.footnotes]
        if not audit:
            return None
        peildata = list(self.register.peildata)
        return self._commit(
            Operation(
                f"„{pilot.name}” gewijzigd",
                pilot.id,
                snapshot_pilot(current),
                snapshot_pilot(pilot),
                peildata,
                peildata,
                f"de wijziging van „{pilot.name}”",
            ),
            audit,
        )

    def delete_pilot(self, pilot_id: str) -> Operation:
        pilot = self._pilot(pilot_id)
        self.store.backup("verwijderen")
        peildata = list(self.register.peildata)
        audit = [AuditEntry(datetime.now(), pilot_id, "pilot", pilot.name, None)]
        return self._commit(
            Operation(
                f"„{pilot.name}” verwijderd",
                pilot_id,
                snapshot_pilot(pilot),
                None,
                peildata,
                peildata,
                f"het verwijderen van „{pilot.name}”",
            ),
            audit,
        )

    # -- undo / redo ---------------------------------------------------------------------
    def undo(self) -> Operation | None:
        if not self.undo_stack:
            return None
        op = self.undo_stack[-1]
        if op.after is None:
            self.store.backup("ongedaan-verwijderen")
        self._apply(op.pilot_id, op.before, op.peildata_before, "ongedaan gemaakt")
        self.undo_stack.pop()
        self.redo_stack.append(op)
        return op

    def redo(self) -> Operation | None:
        if not self.redo_stack:
            return None
        op = self.redo_stack[-1]
        self._apply(op.pilot_id, op.after, op.peildata_after, "opnieuw gedaan")
        self.redo_stack.pop()
        self.undo_stack.append(op)
        return op

    # -- internals -----------------------------------------------------------------------
    def _pilot(self, pilot_id: str) -> Pilot:
        pilot = self.register.get(pilot_id)
        if pilot is None:
            raise ChangeError(f"geen pilot met id {pilot_id!r}")
        return pilot

    def _commit(self, op: Operation, audit: list[AuditEntry]) -> Operation:
        """Apply and save the new state at once.

        When the save fails (disk full) the store raises; the change stays in memory and
        on the undo stack, so the user can retry (``store.flush()``). When the file was
        changed on disk by someone else, see :meth:`_save`.
        """
        self.undo_stack.append(op)
        self.redo_stack.clear()
        try:
            self._save(
                op.pilot_id, op.before, op.after, op.peildata_before, op.peildata_after, audit
            )
        except EditConflict:
            self.undo_stack.pop()
            raise
        return op

    def _apply(self, pilot_id: str, state: Pilot | None, peildata: list[date], how: str) -> None:
        current = self.register.get(pilot_id)
        audit = [
            AuditEntry(
                datetime.now(),
                pilot_id,
                f"pilot ({how})",
                current.to_dict() if current else None,
                state.to_dict() if state else None,
            )
        ]
        self._save(
            pilot_id,
            snapshot_pilot(current) if current else None,
            snapshot_pilot(state) if state else None,
            list(self.register.peildata),
            peildata,
            audit,
        )

    def _save(
        self,
        pilot_id: str,
        expected: Pilot | None,
        state: Pilot | None,
        peildata_from: list[date],
        peildata_to: list[date],
        audit: list[AuditEntry],
    ) -> None:
        """Write ``state`` for one pilot. When the file changed on disk meanwhile, reload
        it; if the other change left this pilot as we knew it (``expected``), apply ours
        on top of theirs and save; otherwise raise :class:`EditConflict` (the register now
        holds their version, ours is in the exception) so the user can choose."""
        try:
            self._write(pilot_id, state, peildata_to, audit)
            return
        except StoreConflict:
            pass
        ours = snapshot_pilot(state) if state else None
        self.store.reload()
        theirs = self.register.get(pilot_id)
        if theirs != expected:
            raise EditConflict(pilot_id, ours, snapshot_pilot(theirs) if theirs else None)
        added = set(peildata_to) - set(peildata_from)
        removed = set(peildata_from) - set(peildata_to)
        merged = sorted((set(self.register.peildata) | added) - removed)
        self._write(pilot_id, ours, merged, audit)
        self.reapplied += 1

    # -- conflicts: the user's choice -------------------------------------------------------
    def keep_mine(self, conflict: EditConflict) -> None:
        """Overwrite their version of this one pilot with ours (theirs goes to a backup)."""
        self.store.backup("extern-gewijzigd")
        audit = [
            AuditEntry(
                datetime.now(),
                conflict.pilot_id,
                "pilot (conflict: mijn versie)",
                conflict.theirs.to_dict() if conflict.theirs else None,
                conflict.ours.to_dict() if conflict.ours else None,
            )
        ]
        peildata = set(self.register.peildata)
        if conflict.ours is not None:
            peildata |= {e.peildatum for e in conflict.ours.history}
        self._write(
            conflict.pilot_id,
            snapshot_pilot(conflict.ours) if conflict.ours else None,
            sorted(peildata),
            audit,
        )

    def _write(
        self, pilot_id: str, state: Pilot | None, peildata: list[date], audit: list[AuditEntry]
    ) -> None:
        register = self.register
        with self.store.batch():
            if state is None:
                self.store.delete_pilot(pilot_id)
            else:
                index = next((i for i, p in enumerate(register.pilots) if p.id == pilot_id), None)
                if index is not None:
                    register.pilots[index] = state
                self.store.save_pilot(state)  # a pilot back from a delete: in its old place
            register.peildata = sorted(peildata)
            self.store.save_meta()
            self.store.add_audit(audit)


def copy_path(path: Path, when: datetime | None = None) -> Path:
    """Where "save mine as a copy" writes: beside the register, never over a file."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem} (mijn versie {stamp}){path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} (mijn versie {stamp}-{n}){path.suffix}")
        n += 1
    return candidate


def register_with(register: Register, pilot_id: str, state: Pilot | None) -> Register:
    """A deep copy of ``register`` in which pilot ``pilot_id`` is ``state`` (None: absent)."""
    result = copy.deepcopy(register)
    result.pilots = [p for p in result.pilots if p.id != pilot_id]
    if state is not None:
        result.pilots.append(snapshot_pilot(state))
        for entry in state.history:
            result.add_peildatum(entry.peildatum)
    return result
