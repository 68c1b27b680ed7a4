"""Validated changes to pilots, each recorded as audit entries (pure; no I/O).

The CLI (`pilot-tui set`) and the app's forms both go through here, so the same input
is accepted or refused in the same words everywhere.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pilot_tui.model import AuditEntry, Footnote, HistoryEntry, Past, Pilot, Register, Status
from pilot_tui.periods import format_date
from pilot_tui.store import StoreConflict
from pilot_tui.text import normalise

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


class RoundError(ChangeError):
    """A change for a date that is no peildatum of the register (start a round first)."""


class CorrectionError(ChangeError):
    """A change for an earlier peildatum than the latest, not asked for as a correction."""


def check_peildatum(register: Register, when: date, *, correction: bool = False) -> None:
    """Refuse a change for ``when`` unless it is the register's latest peildatum, or an
    earlier one and the change is explicitly a correction of what that round showed."""
    if when not in register.peildata:
        latest = register.latest_peildatum()
        if latest is not None and when < latest:
            raise RoundError(
                f"{format_date(when)} is geen peildatum van het register "
                f"(peildata: {', '.join(format_date(p) for p in register.peildata)})"
            )
        raise RoundError(
            f"{format_date(when)} is geen peildatum van het register; begin eerst een nieuwe "
            f"ronde: pilot-tui start-round {format_date(when)}"
        )
    if not correction and when < max(register.peildata):
        raise CorrectionError(
            f"{format_date(when)} is een eerdere peildatum (de laatste is "
            f"{format_date(max(register.peildata))}); een wijziging verandert wat die ronde "
            "liet zien (latere rondes blijven zoals ze waren): geef --correct om dat bewust "
            "te doen"
        )


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


def name_problem(
    register: Register, name: str, pilot_id: str | None, when: date | None = None
) -> str | None:
    """Why ``name`` cannot be used for the pilot ``pilot_id`` (None: it can): another
    pilot that exists (at ``when``, or now) has that name."""
    if not name.strip():
        return "de naam mag niet leeg zijn"
    wanted = normalise(name)
    for other in register.pilots:
        if other.id == pilot_id:
            continue
        if when is None or not other.past:
            if other.removed:
                continue
            other_name = other.name
        else:
            if not other.exists_at(when):
                continue
            other_name = other.value_at("name", when)
        if _name_key(other_name) == wanted:
            return f"er is al een pilot met de naam „{' '.join(other_name.split())}”"
    return None


def _starts_after(looptijd: str, when: date) -> bool:
    from pilot_tui.periods import parse_looptijd

    period = parse_looptijd(looptijd)
    return period.start is not None and period.start.earliest > when


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
            problem = name_problem(register, raw, pilot.id, peildatum)
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
    # a bulk action: every pilot's (id, before, after), undone and redone as one step
    parts: tuple[tuple[str, Pilot | None, Pilot | None], ...] = ()
    # The register's title, intro and unknown meta keys before and after, for an action
    # that changes them (resolving a merge conflict); None: the action leaves them as they are.
    meta_before: RegisterMeta | None = None
    meta_after: RegisterMeta | None = None


RegisterMeta = tuple[str, str, dict[str, Any]]  # title, intro, unknown meta keys


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
    def start_round(self, peildatum: date) -> None:
        """Begin a new round: ``peildatum`` becomes the register's latest peildatum.
        Deliberate and not undoable by ctrl+z (nothing of a pilot changes)."""
        latest = self.register.latest_peildatum()
        if peildatum in self.register.peildata:
            raise RoundError(f"{format_date(peildatum)} is al een peildatum van het register")
        if latest is not None and peildatum <= latest:
            raise RoundError(
                f"een nieuwe ronde moet na de laatste peildatum ({format_date(latest)}) liggen"
            )
        peildata = sorted([*self.register.peildata, peildatum])
        audit = [AuditEntry(datetime.now(), "", "peildatum", None, peildatum.isoformat())]
        with self.store.batch():
            self.register.peildata = peildata
            self.store.save_meta()
            self.store.add_audit(audit)

    def edit_fields(
        self,
        pilot_id: str,
        assignments: list[tuple[str, str]],
        peildatum: date,
        *,
        correction: bool = False,
    ) -> Operation | None:
        check_peildatum(self.register, peildatum, correction=correction)
        pilot = self._existing(pilot_id, peildatum)
        before = snapshot_pilot(pilot)
        peildata = list(self.register.peildata)
        working = snapshot_pilot(pilot)
        audit = apply_changes(self.register, working, assignments, peildatum)
        if not audit:
            return None
        name = working.value_at("name", peildatum)
        return self._commit(
            Operation(
                f"„{name}” gewijzigd",
                pilot_id,
                before,
                working,
                peildata,
                list(self.register.peildata),
                f"de wijziging van „{name}”",
            ),
            audit,
        )

    def set_values(
        self,
        pilot_id: str,
        values: dict[str, Any],
        peildatum: date,
        *,
        correction: bool = False,
    ) -> Operation | None:
        """Give fields of the pilot these values (model values: lists, Footnotes) from
        ``peildatum`` on."""
        check_peildatum(self.register, peildatum, correction=correction)
        pilot = self._existing(pilot_id, peildatum)
        working = snapshot_pilot(pilot)
        audit = set_fields(working, values, peildatum, later=self.register.peildata)
        if not audit:
            return None
        name = working.value_at("name", peildatum)
        peildata = list(self.register.peildata)
        return self._commit(
            Operation(
                f"„{name}” gewijzigd",
                pilot_id,
                snapshot_pilot(pilot),
                working,
                peildata,
                peildata,
                f"de wijziging van „{name}”",
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
        correction: bool = False,
    ) -> Operation:
        check_peildatum(self.register, peildatum, correction=correction)
        pilot = self._existing(pilot_id, peildatum)
        before = snapshot_pilot(pilot)
        peildata = list(self.register.peildata)
        working = snapshot_pilot(pilot)
        audit = write_entry(self.register, working, peildatum, change, unchanged=unchanged)
        verb = "ongewijzigd gelaten" if unchanged else "bijgewerkt"
        noun = "het ongewijzigd laten" if unchanged else "het bijwerken"
        name = working.value_at("name", peildatum)
        return self._commit(
            Operation(
                f"stand van zaken van „{name}” {verb}",
                pilot_id,
                before,
                working,
                peildata,
                list(self.register.peildata),
                f"{noun} van de stand van zaken van „{name}”",
            ),
            audit,
        )

    def add_pilot(self, pilot: Pilot, peildatum: date | None = None) -> Operation:
        """Add a new pilot; it exists from ``peildatum`` on (the register's latest
        peildatum when not given), not before."""
        when = peildatum or self.register.latest_peildatum()
        if when is None:
            raise RoundError(
                "het register heeft nog geen peildatum; begin eerst een ronde: "
                "pilot-tui start-round DATUM"
            )
        check_peildatum(self.register, when)
        problem = name_problem(self.register, pilot.name, None, when)
        if problem:
            raise ChangeError(problem)
        if not pilot.id or self.register.get(pilot.id) is not None:
            pilot.id = self.register.new_id(pilot.name)
        for entry in pilot.history:
            if entry.peildatum != when:
                raise ChangeError(
                    f"een nieuwe pilot krijgt alleen een stand van zaken voor {format_date(when)}"
                )
            if not entry.stand_van_zaken.strip():
                raise ChangeError("de stand van zaken mag niet leeg zijn")
        if pilot.status == Status.LOPEND and _starts_after(pilot.looptijd, when):
            # not running yet at the peildatum: planned (the form and `add` default to
            # lopend without looking at the looptijd)
            pilot.status = Status.GEPLAND
            for entry in pilot.history:
                if entry.status == Status.LOPEND:
                    entry.status = Status.GEPLAND
        pilot.removed = False
        pilot.past = [Past(when, {"removed": True})]
        if pilot.history and pilot.history[-1].status is not None:
            pilot.status = pilot.history[-1].status
        peildata = list(self.register.peildata)
        audit = [
            AuditEntry(datetime.now(), pilot.id, f"pilot@{when.isoformat()}", None, pilot.name)
        ]
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

    def replace_pilot(
        self, pilot: Pilot, peildatum: date | None = None, *, correction: bool = False
    ) -> Operation | None:
        """Save a pilot edited as a whole (the edit form, which showed the pilot as it is
        at ``peildatum``): each field that differs from then changes from then on."""
        when = peildatum or self.register.latest_peildatum()
        if when is None:
            raise RoundError("het register heeft nog geen peildatum")
        check_peildatum(self.register, when, correction=correction)
        current = self._existing(pilot.id, when)
        problem = name_problem(self.register, pilot.name, pilot.id, when)
        if problem:
            raise ChangeError(problem)
        working = snapshot_pilot(current)
        now = datetime.now()
        values = {
            f: getattr(pilot, f)
            for f in (*PILOT_FIELDS, "footnotes")
            if getattr(pilot, f) != current.value_at(f, when)
        }
        audit = set_fields(working, values, when, now=now, later=self.register.peildata)
        if pilot.status != current.status_at(when):
            audit.extend(
                write_entry(self.register, working, when, EntryChange(status=pilot.status), now=now)
            )
        if not audit:
            return None
        peildata = list(self.register.peildata)
        return self._commit(
            Operation(
                f"„{pilot.name}” gewijzigd",
                pilot.id,
                snapshot_pilot(current),
                working,
                peildata,
                peildata,
                f"de wijziging van „{pilot.name}”",
            ),
            audit,
        )

    def delete_pilot(
        self, pilot_id: str, peildatum: date | None = None, *, correction: bool = False
    ) -> Operation:
        """Retire the pilot from ``peildatum`` on: it stays in every earlier view. A pilot
        that then exists at no date at all (added in this round) leaves the register."""
        when = peildatum or self.register.latest_peildatum()
        if when is None:
            raise RoundError("het register heeft nog geen peildatum")
        check_peildatum(self.register, when, correction=correction)
        pilot = self._existing(pilot_id, when)
        self.store.backup("verwijderen")
        peildata = list(self.register.peildata)
        working = snapshot_pilot(pilot)
        name = working.value_at("name", when)
        set_fields(working, {"removed": True}, when, later=self.register.peildata)
        after: Pilot | None = working  # kept, even when it now exists at no date: undelete
        audit = [AuditEntry(datetime.now(), pilot_id, f"pilot@{when.isoformat()}", name, None)]
        return self._commit(
            Operation(
                f"„{name}” verwijderd",
                pilot_id,
                snapshot_pilot(pilot),
                after,
                peildata,
                peildata,
                f"het verwijderen van „{name}”",
            ),
            audit,
        )

    def undelete(self, pilot_id: str, peildatum: date | None = None) -> Operation:
        """Bring a retired pilot back from ``peildatum`` on."""
        when = peildatum or self.register.latest_peildatum()
        if when is None:
            raise RoundError("het register heeft nog geen peildatum")
        check_peildatum(self.register, when)
        pilot = self._pilot(pilot_id)
        if pilot.exists_at(when):
            raise ChangeError(f"„{pilot.name}” bestaat al op {format_date(when)}")
        problem = name_problem(self.register, pilot.name, pilot.id, when)
        if problem:
            raise ChangeError(problem)
        working = snapshot_pilot(pilot)
        set_fields(working, {"removed": False}, when, later=self.register.peildata)
        audit = [
            AuditEntry(datetime.now(), pilot_id, f"pilot@{when.isoformat()}", None, pilot.name)
        ]
        peildata = list(self.register.peildata)
        return self._commit(
            Operation(
                f"„{pilot.name}” teruggezet",
                pilot_id,
                snapshot_pilot(pilot),
                working,
                peildata,
                peildata,
                f"het terugzetten van „{pilot.name}”",
            ),
            audit,
        )

    def keep_unchanged_many(
        self, pilot_ids: list[str], peildatum: date, *, correction: bool = False
    ) -> Operation | None:
        """Keep the stand van zaken of several pilots "ongewijzigd" for the peildatum, as
        one action (one undo step). Pilots that already have an entry for the peildatum,
        or none before it, are left as they are. None: nothing to do."""
        check_peildatum(self.register, peildatum, correction=correction)
        parts: list[tuple[str, Pilot | None, Pilot | None]] = []
        audit: list[AuditEntry] = []
        now = datetime.now()
        for pilot_id in pilot_ids:
            pilot = self._existing(pilot_id, peildatum)
            if pilot.entry_for(peildatum) is not None or pilot.entry_at(peildatum) is None:
                continue
            working = snapshot_pilot(pilot)
            audit += write_entry(
                self.register, working, peildatum, EntryChange(), unchanged=True, now=now
            )
            parts.append((pilot_id, snapshot_pilot(pilot), working))
        if not parts:
            return None
        peildata = list(self.register.peildata)
        n = len(parts)
        op = Operation(
            f"stand van zaken van {n} pilots ongewijzigd gelaten",
            parts[0][0],
            parts[0][1],
            parts[0][2],
            peildata,
            peildata,
            f"het ongewijzigd laten van {n} pilots",
            parts=tuple(parts),
        )
        self._write_many([(pid, after) for pid, _before, after in parts], audit)
        self.undo_stack.append(op)
        self.redo_stack.clear()
        return op

    def _write_many(self, states: list[tuple[str, Pilot | None]], audit: list[AuditEntry]) -> None:
        """Several pilots in one save. When the file changed on disk meanwhile, nothing is
        written: the register is read anew and the action refused (the user repeats it)."""
        try:
            with self.store.batch():
                for pilot_id, state in states:
                    self._put(pilot_id, state)
                self.store.save_meta()
                self.store.add_audit(audit)
        except StoreConflict:
            self.store.reload()
            raise ChangeError(
                "het register is intussen door een ander gewijzigd en opnieuw gelezen; "
                "doe het nog eens"
            ) from None

    # -- undo / redo ---------------------------------------------------------------------
    def undo(self) -> Operation | None:
        if not self.undo_stack:
            return None
        op = self.undo_stack[-1]
        if op.parts:
            self._apply_many(
                [(pid, before) for pid, before, _after in op.parts], "ongedaan gemaakt"
            )
            self.undo_stack.pop()
            self.redo_stack.append(op)
            return op
        if op.after is None:
            self.store.backup("ongedaan-verwijderen")
        self._apply(op.pilot_id, op.before, op.peildata_before, "ongedaan gemaakt", op.meta_before)
        self.undo_stack.pop()
        self.redo_stack.append(op)
        return op

    def redo(self) -> Operation | None:
        if not self.redo_stack:
            return None
        op = self.redo_stack[-1]
        if op.parts:
            self._apply_many([(pid, after) for pid, _before, after in op.parts], "opnieuw gedaan")
            self.redo_stack.pop()
            self.undo_stack.append(op)
            return op
        self._apply(op.pilot_id, op.after, op.peildata_after, "opnieuw gedaan", op.meta_after)
        self.redo_stack.pop()
        self.undo_stack.append(op)
        return op

    # -- internals -----------------------------------------------------------------------
    def _pilot(self, pilot_id: str) -> Pilot:
        pilot = self.register.get(pilot_id)
        if pilot is None:
            raise ChangeError(f"geen pilot met id {pilot_id!r}")
        return pilot

    def _existing(self, pilot_id: str, when: date) -> Pilot:
        """The stored pilot, refused when it does not exist at ``when``."""
        pilot = self._pilot(pilot_id)
        if not pilot.exists_at(when):
            raise ChangeError(
                f"„{' '.join(pilot.name.split())}” bestaat niet op {format_date(when)} "
                "(verwijderd, of later toegevoegd)"
            )
        return pilot

    def commit(self, op: Operation, audit: list[AuditEntry]) -> Operation:
        """Apply and save an action prepared elsewhere (resolving a merge conflict)."""
        return self._commit(op, audit)

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
                op.pilot_id,
                op.before,
                op.after,
                op.peildata_before,
                op.peildata_after,
                audit,
                op.meta_after,
            )
        except EditConflict:
            self.undo_stack.pop()
            raise
        return op

    def _apply(
        self,
        pilot_id: str,
        state: Pilot | None,
        peildata: list[date],
        how: str,
        meta: RegisterMeta | None = None,
    ) -> None:
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
            meta,
        )

    def _put(self, pilot_id: str, state: Pilot | None) -> None:
        """One pilot's new state into the register and the file (inside a batch)."""
        register = self.register
        if state is None:
            self.store.delete_pilot(pilot_id)
            return
        index = next((i for i, p in enumerate(register.pilots) if p.id == pilot_id), None)
        if index is not None:
            register.pilots[index] = state
        self.store.save_pilot(state)  # a pilot back from a delete: in its old place

    def _apply_many(self, states: list[tuple[str, Pilot | None]], how: str) -> None:
        now = datetime.now()
        audit = []
        for pilot_id, state in states:
            current = self.register.get(pilot_id)
            audit.append(
                AuditEntry(
                    now,
                    pilot_id,
                    f"pilot ({how})",
                    current.to_dict() if current else None,
                    state.to_dict() if state else None,
                )
            )
        self._write_many(
            [(pid, snapshot_pilot(state) if state else None) for pid, state in states], audit
        )

    def _save(
        self,
        pilot_id: str,
        expected: Pilot | None,
        state: Pilot | None,
        peildata_from: list[date],
        peildata_to: list[date],
        audit: list[AuditEntry],
        meta: RegisterMeta | None = None,
    ) -> None:
        """Write ``state`` for one pilot (and ``meta``, when given). When the file changed on disk meanwhile, reload
        it; if the other change left this pilot as we knew it (``expected``), apply ours
        on top of theirs and save; otherwise raise :class:`EditConflict` (the register now
        holds their version, ours is in the exception) so the user can choose."""
        try:
            self._write(pilot_id, state, peildata_to, audit, meta)
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
        self._write(pilot_id, ours, merged, audit, meta)
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
        self,
        pilot_id: str,
        state: Pilot | None,
        peildata: list[date],
        audit: list[AuditEntry],
        meta: RegisterMeta | None = None,
    ) -> None:
        register = self.register
        with self.store.batch():
            self._put(pilot_id, state)
            register.peildata = sorted(peildata)
            if meta is not None:
                register.title, register.intro = meta[0], meta[1]
                register.extra = copy.deepcopy(meta[2])
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
