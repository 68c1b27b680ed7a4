"""The edit session's actions: what the CLI and the app's forms do to the register."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pilot_tui.changes.apply import (
    EntryChange,
    apply_changes,
    set_fields,
    snapshot_pilot,
    write_entry,
)
from pilot_tui.changes.rules import (
    ChangeError,
    RoundError,
    check_peildatum,
    name_problem,
)
from pilot_tui.changes.saving import Operation, SavingSession
from pilot_tui.fields import EDITABLE
from pilot_tui.model import AuditEntry, Past, Pilot, Status
from pilot_tui.periods import format_date


class EditSession(SavingSession):
    """Applies changes through a store: validated, saved at once, audited, undoable
    (the saving, undo and redo: :class:`~pilot_tui.changes.saving.SavingSession`)."""

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
            f: getattr(pilot, f) for f in EDITABLE if getattr(pilot, f) != current.value_at(f, when)
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


def _starts_after(looptijd: str, when: date) -> bool:
    from pilot_tui.periods import parse_looptijd

    period = parse_looptijd(looptijd)
    return period.start is not None and period.start.earliest > when
