"""The saving half of an edit session: every action saved at once, audited, undoable;
someone else's save of the same file met (re-applied on top, or the user chooses)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pilot_tui.changes.apply import snapshot_pilot
from pilot_tui.changes.rules import ChangeError
from pilot_tui.model import AuditEntry, Pilot, Register
from pilot_tui.periods import format_date
from pilot_tui.store import StoreConflict


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


class SavingSession:
    """Saves the states :class:`~pilot_tui.changes.session.EditSession` prepares through a
    store, keeps the undo and redo stacks and resolves a conflict with another save.

    The store is duck-typed (``register``, ``batch``, ``save_pilot``, ``delete_pilot``,
    ``save_meta``, ``add_audit``, ``backup``, ``reload``) so this stays free of I/O.
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
