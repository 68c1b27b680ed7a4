"""The app's editing flows: forms, delete, undo/redo, review mode, saving and its failures.

Every change goes through one :class:`~pilot_tui.changes.EditSession`: validated, saved at
once through the store (atomically) and recorded in the register's audit log. When a save
fails the change stays in memory and on the undo stack; the user sees one error line and
can retry (ctrl+s, only offered while something is unsaved) or, when the file was changed
by someone else, reload it (ctrl+r). Nothing fails silently.

The app keeps thin ``action_*`` methods that call into :class:`EditFlow`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from pilot_tui.changes import ChangeError, EditConflict, EditSession, EntryChange, Operation
from pilot_tui.model import Pilot
from pilot_tui.review import first_open, review_order
from pilot_tui.store import Store, StoreConflict, StoreError
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui import strings_edit as E
from pilot_tui.tui.screens.confirm import ConfirmDialog
from pilot_tui.tui.screens.pilot_form import PilotForm, read_looptijd
from pilot_tui.tui.screens.review import ReviewScreen
from pilot_tui.tui.screens.update_entry import UpdateEntryForm
from pilot_tui.tui.view import Detail, make_detail, one_line

if TYPE_CHECKING:
    from pilot_tui.tui.app import PilotApp

# Actions that change the register: refused (with a notice) when it is read-only.
EDIT_ACTIONS = frozenset({"new", "edit", "update", "delete", "review", "undo", "redo"})


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


class EditFlow:
    """Editing for one app: owns the EditSession; implements the review host."""

    def __init__(self, app: PilotApp) -> None:
        self.app = app
        self.session = EditSession(app.store)
        self.review_peildatum: date | None = None
        self.conflict = False  # the last save failed because the file changed on disk

    @property
    def store(self) -> Store:
        return self.app.store

    # -- guards ----------------------------------------------------------------------------
    def refused(self) -> bool:
        """True (and a one-line notice) when the register cannot be changed."""
        if not self.store.readonly:
            return False
        reason = self.app.notice or str(self.store.path)
        self.app.notify(E.READONLY_REFUSED.format(reason=reason), severity="warning", markup=False)
        return True

    def selected_pilot(self) -> Pilot | None:
        pilot_id = self.app.main.pilot_list.highlighted
        pilot = self.store.register.get(pilot_id) if pilot_id else None
        if pilot is None:
            self.app.notify(E.NO_PILOT_SELECTED, severity="warning", markup=False)
        return pilot

    # -- running a change --------------------------------------------------------------------
    def run(self, change: Callable[[], Operation | None], done: str = E.DONE) -> Operation | None:
        """Apply a change; report it, or why it was refused, or why saving failed."""
        app = self.app
        merged = self.session.reapplied
        try:
            op = change()
        except EditConflict as exc:
            self.changed()  # the register holds their version now
            self.choose_version(exc)
            return None
        except ChangeError as exc:
            app.notify(E.REFUSED.format(error=_line(exc)), severity="error", markup=False)
            return None
        except StoreConflict as exc:
            self.conflict = True
            app.notify(f"{E.SAVE_CONFLICT} ({_line(exc)})", severity="error", markup=False)
            self.changed()
            return None
        except StoreError as exc:
            app.notify(E.SAVE_FAILED.format(error=_line(exc)), severity="error", markup=False)
            self.changed()
            return None
        if op is not None:
            app.notify(done.format(what=op.description), markup=False)
        if self.session.reapplied != merged:
            app.notify(E.MERGED, severity="warning", markup=False)
        self.changed()
        return op

    def choose_version(self, conflict: EditConflict) -> None:
        """The same pilot changed on disk meanwhile: keep theirs (shown now) or ours."""
        ours = conflict.ours
        name = one_line(ours.name if ours else conflict.theirs.name if conflict.theirs else "")
        dialog = ConfirmDialog(
            E.CONFLICT_TITLE,
            E.CONFLICT_TEXT.format(name=name or conflict.pilot_id),
            E.CONFLICT_MINE,
            E.CONFLICT_THEIRS,
            danger=False,
        )
        self.app.push_screen(dialog, partial(self._version_chosen, conflict))

    def _version_chosen(self, conflict: EditConflict, mine: bool | None) -> None:
        if not mine:
            self.app.notify(E.CONFLICT_KEPT_THEIRS, markup=False)
            return
        self.run(partial(self._put_back, conflict))

    def _put_back(self, conflict: EditConflict) -> Operation | None:
        """Our version over theirs, as ordinary (audited, undoable) changes."""
        ours, session = conflict.ours, self.session
        theirs = self.store.register.get(conflict.pilot_id)
        if ours is None:
            return session.delete_pilot(conflict.pilot_id) if theirs is not None else None
        if theirs is None:
            return session.add_pilot(ours)
        op = session.replace_pilot(ours)
        for entry in ours.history:
            current = self.store.register.get(conflict.pilot_id)
            if current is not None and current.entry_for(entry.peildatum) != entry:
                change = EntryChange(entry.stand_van_zaken, entry.status, entry.zaken, True)
                op = session.update_entry(
                    conflict.pilot_id, entry.peildatum, change, unchanged=entry.unchanged
                )
        return op

    def changed(self, select: str | None = None) -> None:
        """After any change (saved or not): show the register as it is in memory."""
        app = self.app
        if select is not None:
            app.selected = select
        app.reindex()
        app.refresh_view()
        for screen in app.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.refresh_view()
        app.refresh_bindings()

    # -- new / edit / delete -----------------------------------------------------------------
    def new(self) -> None:
        if self.refused():
            return
        self.app.push_screen(PilotForm(self.store.register), self._new_saved)

    def _new_saved(self, pilot: Pilot | None) -> None:
        if pilot is None:
            return
        op = self.run(lambda: self.session.add_pilot(pilot))
        if op is not None:
            self.changed(select=op.pilot_id)
            self._looptijd_warning(pilot)

    def edit(self) -> None:
        if self.refused():
            return
        pilot = self.selected_pilot()
        if pilot is not None:
            self.app.push_screen(PilotForm(self.store.register, pilot), self._edit_saved)

    def _edit_saved(self, pilot: Pilot | None) -> None:
        if pilot is None:
            return
        op = self.run(lambda: self.session.replace_pilot(pilot))
        if op is None and not self.store.dirty:
            self.app.notify(E.NOTHING_CHANGED, markup=False, timeout=2)
        if op is not None:
            self._looptijd_warning(pilot)

    def _looptijd_warning(self, pilot: Pilot) -> None:
        reading = read_looptijd(pilot.looptijd)
        if not reading.ok:
            self.app.notify(
                E.FORM_SAVED_WITH_WARNING.format(error=reading.text),
                severity="warning",
                markup=False,
            )

    def delete(self) -> None:
        if self.refused():
            return
        pilot = self.selected_pilot()
        if pilot is None:
            return
        dialog = ConfirmDialog(
            E.CONFIRM_DELETE_TITLE,
            E.CONFIRM_DELETE_TEXT.format(name=one_line(pilot.name)),
            E.CONFIRM_DELETE_YES,
            default_yes=True,  # undoable with ctrl+z, and a backup is made first
        )
        self.app.push_screen(dialog, partial(self._delete_confirmed, pilot.id))

    def _delete_confirmed(self, pilot_id: str, yes: bool | None) -> None:
        if yes:
            self.run(lambda: self.session.delete_pilot(pilot_id))

    # -- stand van zaken ---------------------------------------------------------------------
    def update(
        self, pilot_id: str | None = None, then: Callable[[bool], None] | None = None
    ) -> None:
        if self.refused():
            return
        register = self.store.register
        pilot = register.get(pilot_id) if pilot_id else self.selected_pilot()
        if pilot is None:
            return
        peildatum = self.review_peildatum if pilot_id else None
        peildatum = peildatum or self.app.peildatum
        form = UpdateEntryForm(pilot, peildatum, new_peildatum=peildatum not in register.peildata)
        self.app.push_screen(form, partial(self._update_saved, pilot.id, peildatum, then))

    def _update_saved(
        self,
        pilot_id: str,
        peildatum: date,
        then: Callable[[bool], None] | None,
        change: EntryChange | None,
    ) -> None:
        op = None
        if change is not None:
            op = self.run(lambda: self.session.update_entry(pilot_id, peildatum, change))
        if then is not None:
            then(op is not None)

    # -- undo / redo / saving ----------------------------------------------------------------
    def undo(self) -> None:
        if self.refused():
            return
        if not self.session.undo_stack:
            self.app.notify(E.NOTHING_TO_UNDO, markup=False, timeout=2)
            return
        self.run(self.session.undo, E.UNDONE)

    def redo(self) -> None:
        if self.refused():
            return
        if not self.session.redo_stack:
            self.app.notify(E.NOTHING_TO_REDO, markup=False, timeout=2)
            return
        self.run(self.session.redo, E.REDONE)

    def retry_save(self) -> None:
        """ctrl+s: write what is in memory but not on disk."""
        if not self.store.dirty:
            self.app.notify(E.NOT_DIRTY, markup=False, timeout=2)
            return
        try:
            self.store.flush()
        except StoreConflict as exc:
            self.conflict = True
            self.app.notify(f"{E.SAVE_CONFLICT} ({_line(exc)})", severity="error", markup=False)
        except StoreError as exc:
            self.app.notify(E.SAVE_FAILED.format(error=_line(exc)), severity="error", markup=False)
        else:
            self.conflict = False
            self.app.notify(E.SAVE_RETRIED, markup=False, timeout=2)
        self.app.refresh_bindings()

    def reload(self) -> None:
        """ctrl+r after a conflict: read the file again (unsaved changes in memory go)."""
        try:
            self.store.reload()
        except StoreError as exc:
            self.app.notify(
                E.RELOAD_FAILED.format(error=_line(exc)), severity="error", markup=False
            )
            return
        self.conflict = False
        self.session = EditSession(self.store)  # the old undo states belong to the old file
        self.app.notify(E.RELOADED, markup=False)
        self.changed()

    def can(self, action: str) -> bool | None:
        """For App.check_action: ctrl+s only while unsaved, ctrl+r only after a conflict."""
        if action == "retry_save":
            return self.store.dirty
        if action == "reload_register":
            return self.conflict
        return True

    # -- review mode -------------------------------------------------------------------------
    def review(self) -> None:
        if self.refused():
            return
        app = self.app
        peildatum = app.peildatum
        register = self.store.register
        items = review_order(register, peildatum, app.window)
        self.review_peildatum = peildatum
        key = settings_file.review_key(self.store.path, peildatum)
        saved = app.settings.review.get(key)
        ids = [item.pilot_id for item in items]
        if saved in ids:
            start = ids.index(saved)
            pilot = register.get(saved)
            name = one_line(pilot.name) if pilot else saved
            app.notify(
                E.REVIEW_RESUMED.format(name=name, n=start + 1, total=len(items)),
                markup=False,
            )
        else:
            start = first_open(register, items, peildatum) or 0
        app.push_screen(ReviewScreen(self, items, peildatum, start), self._review_closed)

    def _review_closed(self, _result: object) -> None:
        self.review_peildatum = None
        self.changed()

    def review_detail(self, pilot_id: str) -> Detail | None:
        peildatum = self.review_peildatum or self.app.peildatum
        assessed, _rows = self.app.assessments()
        found = next((a for a in assessed if a.pilot.id == pilot_id), None)
        return make_detail(found, peildatum) if found is not None else None

    def review_state(self, pilot_id: str) -> str:
        pilot = self.store.register.get(pilot_id)
        peildatum = self.review_peildatum or self.app.peildatum
        entry = pilot.entry_for(peildatum) if pilot is not None else None
        if entry is None:
            return ""
        return "unchanged" if entry.unchanged else "updated"

    def review_update(self, pilot_id: str, then: Callable[[bool], None]) -> None:
        self.update(pilot_id, then)

    def review_keep(self, pilot_id: str) -> bool:
        if self.refused():
            return False
        peildatum = self.review_peildatum or self.app.peildatum
        op = self.run(
            lambda: self.session.update_entry(pilot_id, peildatum, EntryChange(), unchanged=True)
        )
        return op is not None

    def review_moved(self, pilot_id: str) -> None:
        peildatum = self.review_peildatum or self.app.peildatum
        key = settings_file.review_key(self.store.path, peildatum)
        if self.app.settings.review.get(key) != pilot_id:
            self.app.settings.set_review(key, pilot_id)
            self.app.save_settings()
