"""Running a change and saving it: refusals and save failures said, the same pilot changed
by someone else chosen by the user (:class:`ConflictDialog`), undo and redo, ctrl+s and ctrl+r."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial

from pilot_tui.changes import (
    ChangeError,
    EditConflict,
    Operation,
    copy_path,
    register_with,
)
from pilot_tui.store import (
    Store,
    StoreConflict,
    StoreError,
    list_backups,
    lock_path,
)
from pilot_tui.tui import strings as S
from pilot_tui.tui.dialogs.conflict import COPY, MINE, THEIRS, ConflictDialog, differences
from pilot_tui.tui.editing.state import EditState, _line, _name


class Saving(EditState):
    # -- running a change --------------------------------------------------------------------
    def run(
        self,
        change: Callable[[], Operation | None],
        done: str = S.DONE,
        *,
        select_pilot: bool = False,
        as_action: bool = False,
    ) -> Operation | None:
        """Apply a change; report it, or why it was refused, or why saving failed.
        ``as_action``: name it as an action ("het verwijderen van „X”"), for undo/redo.

        ``select_pilot``: afterwards the cursor goes to the pilot the change concerned
        (undo/redo), when it is still in the register."""
        app = self.app
        self.no_change = False
        if self.blocked():
            return None
        merged = self.session.reapplied
        before = self._pilots()
        try:
            op = change()
        except EditConflict as exc:
            self._note_unsaved(before)
            self.changed()  # the register holds their version now
            self.choose_version(exc)
            return None
        except ChangeError as exc:
            app.notify(S.REFUSED.format(error=_line(exc)), severity="error", markup=False)
            return None
        except StoreConflict as exc:
            self._note_unsaved(before)
            self.conflict = True
            app.notify(f"{S.SAVE_CONFLICT} ({_line(exc)})", severity="error", markup=False)
            self.changed()
            return None
        except StoreError as exc:
            self._note_unsaved(before)
            app.notify(S.SAVE_FAILED.format(error=_line(exc)), severity="error", markup=False)
            self.changed()
            return None
        self._note_unsaved(before)
        self.no_change = op is None
        if op is not None:
            what = op.action if as_action and op.action else op.description
            app.notify(done.format(what=what), markup=False)
        if self.session.reapplied != merged:
            app.notify(S.MERGED, severity="warning", markup=False)
        select = None
        if select_pilot and op is not None and self.store.register.get(op.pilot_id) is not None:
            select = op.pilot_id
        # Only this pilot changed (or none), unless the change was re-applied on the
        # register read anew (someone else had saved): then any pilot may have.
        only: tuple[str, ...] | None = None
        if self.session.reapplied == merged:
            only = (op.pilot_id,) if op is not None else ()
        self.changed(select, only)
        return op

    # -- conflicts: the same pilot changed by us and by someone else -------------------------
    def choose_version(self, conflict: EditConflict) -> None:
        """Ask what happens to our version (the register shows theirs meanwhile)."""
        if conflict not in self.open_conflicts:
            self.open_conflicts.append(conflict)
        self._ask_next()

    def _ask_next(self) -> None:
        if self._asking or not self.open_conflicts:
            self.app.refresh_bindings()
            return
        conflict = self.open_conflicts[0]
        self._asking = True
        dialog = ConflictDialog(_name(conflict), differences(conflict.ours, conflict.theirs))
        self.app.push_screen(dialog, partial(self._version_chosen, conflict))

    def _version_chosen(self, conflict: EditConflict, choice: str | None) -> None:
        self._asking = False
        name = _name(conflict)
        if choice is None:  # escape: decide later, with ctrl+s; nothing is lost meanwhile
            self.app.notify(S.CONFLICT_LATER.format(name=name), severity="warning", markup=False)
            self.app.refresh_bindings()
            return
        if conflict in self.open_conflicts:
            self.open_conflicts.remove(conflict)
        if choice == MINE:
            self._keep_mine(conflict)
        elif choice == COPY:
            self._save_copy(conflict)
        elif choice == THEIRS:
            self.app.notify(S.CONFLICT_KEPT_THEIRS.format(name=name), markup=False)
        self.changed()
        self._ask_next()

    def _keep_mine(self, conflict: EditConflict, *, report: bool = True) -> bool:
        """Ours over theirs, for this one pilot; theirs goes to a backup first."""
        before = self._pilots()
        try:
            self.session.keep_mine(conflict)
        except StoreError as exc:
            if isinstance(exc, StoreConflict):  # changed on disk yet again
                self.conflict = True
                message = f"{S.SAVE_CONFLICT} ({_line(exc)})"
            else:
                message = S.SAVE_FAILED.format(error=_line(exc))
            self.app.notify(message, severity="error", markup=False)
            if not self.store.dirty and conflict not in self.open_conflicts:
                # nothing of ours is in memory (e.g. the backup failed): ask again later
                self.open_conflicts.append(conflict)
            return False
        finally:
            self._note_unsaved(before)
        if report:
            backups = list_backups(self.store.path)
            backup = str(backups[0]) if backups else ""
            self.app.notify(
                S.CONFLICT_KEPT_MINE.format(name=_name(conflict), backup=backup), markup=False
            )
        return True

    def _save_copy(self, conflict: EditConflict) -> None:
        """Ours into a new register file beside this one; the register keeps theirs."""
        store = self.store
        path = copy_path(store.path)
        try:
            copy = register_with(store.register, conflict.pilot_id, conflict.ours)
            Store.create(path, copy).close()
            with contextlib.suppress(OSError):  # nobody else has the new file: no lock left
                lock_path(path).unlink()
        except (StoreError, OSError) as exc:
            self.open_conflicts.insert(0, conflict)  # not lost: ctrl+s asks again
            self.app.notify(
                S.CONFLICT_COPY_FAILED.format(error=_line(exc)), severity="error", markup=False
            )
            return
        self.app.notify(S.CONFLICT_COPIED.format(name=_name(conflict), path=path), markup=False)

    # -- undo / redo / saving ----------------------------------------------------------------
    def undo(self) -> None:
        if self.refused():
            return
        if not self.session.undo_stack:
            self.app.notify(S.NOTHING_TO_UNDO, markup=False, timeout=2)
            return
        self.run(self.session.undo, S.UNDONE, select_pilot=True, as_action=True)

    def redo(self) -> None:
        if self.refused():
            return
        if not self.session.redo_stack:
            self.app.notify(S.NOTHING_TO_REDO, markup=False, timeout=2)
            return
        self.run(self.session.redo, S.REDONE, select_pilot=True, as_action=True)

    def retry_save(self) -> None:
        """ctrl+s: write what is in memory but not on disk; or choose for an open conflict."""
        if self.open_conflicts:
            self._ask_next()
            return
        if not self.store.dirty:
            self.app.notify(S.NOT_DIRTY, markup=False, timeout=2)
            return
        try:
            if self.store.changed_on_disk():
                raise StoreConflict(str(self.store.path))
            self.store.flush()
        except StoreConflict:
            self.save_over_theirs()
            return
        except StoreError as exc:
            self.app.notify(S.SAVE_FAILED.format(error=_line(exc)), severity="error", markup=False)
        else:
            self.unsaved.clear()
            self.conflict = False
            self.app.notify(S.SAVE_RETRIED, markup=False, timeout=2)
        self.app.refresh_bindings()

    def save_over_theirs(self) -> None:
        """Ours is unsaved and the file changed on disk: read theirs, then put back each
        pilot we changed; where they changed the same pilot, the user chooses."""
        store = self.store
        ours = {pilot_id: store.register.get(pilot_id) for pilot_id in self.unsaved}
        bases = dict(self.unsaved)
        try:
            store.reload()  # on failure the store keeps our state (still unsaved)
        except StoreError as exc:
            self.app.notify(
                S.RELOAD_FAILED.format(error=_line(exc)), severity="error", markup=False
            )
            return
        self._reset_after_reload()
        saved = True
        for pilot_id, mine in ours.items():
            theirs = store.register.get(pilot_id)
            if mine == theirs:
                continue
            conflict = EditConflict(pilot_id, mine, theirs)
            if theirs == bases[pilot_id]:  # only we changed it: ours goes on top
                saved = self._keep_mine(conflict, report=False) and saved
            else:
                self.open_conflicts.append(conflict)
        if saved and not store.dirty:
            self.app.notify(S.MERGED, severity="warning", markup=False)
        self.changed()
        self._ask_next()

    def reload(self) -> None:
        """ctrl+r after a conflict: read the file again (unsaved changes in memory go)."""
        try:
            self.store.reload()
        except StoreError as exc:
            self.app.notify(
                S.RELOAD_FAILED.format(error=_line(exc)), severity="error", markup=False
            )
            return
        if self.open_conflicts:
            names = ", ".join(f"„{_name(c)}”" for c in self.open_conflicts)
            self.app.notify(S.CONFLICT_DROPPED.format(names=names), markup=False)
            self.open_conflicts.clear()
        self._reset_after_reload()
        self.app.notify(S.RELOADED, markup=False)
        self.changed()

    def unsaved_reason(self) -> str | None:
        """Why quitting now would lose a change (None: nothing would be lost)."""
        if self.open_conflicts:
            return S.CONFIRM_QUIT_CONFLICT
        if self.store.dirty and not self.store.readonly:
            return S.CONFIRM_QUIT_UNSAVED
        return None

    def can(self, action: str) -> bool | None:
        """For App.check_action: ctrl+s only while unsaved (or a choice is open), ctrl+r
        only after a conflict."""
        if action == "retry_save":
            return self.store.dirty or bool(self.open_conflicts)
        if action == "reload_register":
            return self.conflict
        return True
