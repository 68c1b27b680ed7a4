"""Editing's state and what all its parts use: guards, noting what is unsaved, after a
change."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from pilot_tui.changes import (
    EditConflict,
    EditSession,
)
from pilot_tui.model import Pilot
from pilot_tui.store import (
    FileStamp,
    Store,
)
from pilot_tui.text import one_line
from pilot_tui.tui import strings as S

if TYPE_CHECKING:
    from pilot_tui.tui.host import EditHost

# Actions that change the register: refused (with a notice) when it is read-only.
EDIT_ACTIONS = frozenset(
    {"new", "edit", "update", "keep_unchanged", "delete", "review", "undo", "redo"}
)

# What the disk watch has seen (EditFlow.disk_state); None: the file is as we know it.
DISK_DIRTY = "dirty"  # changed by someone else while something of ours is unsaved
DISK_MISSING = "missing"  # removed or moved
DISK_UNREADABLE = "unreadable"  # changed and cannot be read (truncated, not a register)
_UNSEEN = FileStamp(-1, -1)  # no stamp looked at yet


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _name(conflict: EditConflict) -> str:
    pilot = conflict.ours or conflict.theirs
    return (one_line(pilot.name) if pilot else "") or conflict.pilot_id


class EditState:
    """The state of editing for one app (its EditSession, what is unsaved, what the disk
    watch has seen) and what every part of editing uses: the guards, after a change."""

    def __init__(self, app: EditHost) -> None:
        self.app = app
        self.session = EditSession(app.store)
        self.review_peildatum: date | None = None
        self.review_correction = False  # the review corrects an earlier peildatum
        self.corrections: set[date] = set()  # earlier peildata the user chose to correct
        self.conflict = False  # the file changed on disk and ours is unsaved: ctrl+r offered
        # pilot id -> the pilot before our first unsaved change (None: it did not exist)
        self.unsaved: dict[str, Pilot | None] = {}
        self.open_conflicts: list[EditConflict] = []  # waiting for the user's choice
        self._asking = False  # a ConflictDialog is open
        self.disk_state: str | None = None
        self._disk_seen: FileStamp | None = _UNSEEN
        self.no_change = False  # the last run() found nothing to change (not: it failed)

    @property
    def store(self) -> Store:
        return self.app.store

    # -- guards ----------------------------------------------------------------------------
    def refused(self) -> bool:
        """True (and a one-line notice) when the register cannot be changed."""
        if not self.store.readonly:
            return self.blocked()
        reason = self.app.notice or str(self.store.path)
        self.app.notify(S.READONLY_REFUSED.format(reason=reason), severity="warning", markup=False)
        return True

    def blocked(self) -> bool:
        """Something is unsaved and the file changed on disk: a change now would reload
        the file and lose it, so the user chooses first (ctrl+s or ctrl+r)."""
        if not self.store.dirty or not self.store.changed_on_disk():
            return False
        self.conflict = True
        self.app.notify(S.DISK_RESOLVE_FIRST, severity="warning", markup=False)
        self.app.refresh_bindings()
        return True

    def selected_pilot(self) -> Pilot | None:
        pilot_id = self.app.highlighted_pilot()
        pilot = self.store.register.get(pilot_id) if pilot_id else None
        if pilot is None:
            self.app.notify(S.NO_PILOT_SELECTED, severity="warning", markup=False)
        return pilot

    def _pilots(self) -> dict[str, Pilot]:
        return {p.id: p for p in self.store.register.pilots}

    def _note_unsaved(self, before: dict[str, Pilot]) -> None:
        """Remember which pilots differ from the file (with their state before), for
        saving them later over someone else's change; forget it all once saved."""
        if not self.store.dirty:
            self.unsaved.clear()
            return
        after = self._pilots()
        for pilot_id in before.keys() | after.keys():
            old, new = before.get(pilot_id), after.get(pilot_id)
            if old is not new and old != new:
                self.unsaved.setdefault(pilot_id, old)

    def changed(self, select: str | None = None, pilots: Iterable[str] | None = None) -> None:
        """After any change (saved or not): show the register as it is in memory.
        ``pilots``: the only pilots that changed (None: any may have)."""
        self.app.register_changed(select, pilots)

    def _reset_after_reload(self) -> None:
        self.conflict = False
        self.unsaved.clear()
        self.disk_state = None
        self.session = EditSession(self.store)  # the old undo states belong to the old file
