"""The app's editing flows: forms, delete, undo/redo, review mode, saving and its failures.

Every change goes through one :class:`~pilot_tui.changes.EditSession`: validated, saved at
once through the store (atomically) and recorded in the register's audit log. When a save
fails the change stays in memory and on the undo stack; the user sees one error line and
can retry (ctrl+s, only offered while something is unsaved) or, when the file was changed
by someone else, reload it (ctrl+r). Nothing fails silently.

Someone else's change on disk: a save merges it when it touched other pilots; when it
touched the same pilot the user chooses (:class:`ConflictDialog`: keep mine, take theirs,
save mine as a copy). While the app is idle a timer (:meth:`EditFlow.check_disk`) notices
a change on disk: with nothing unsaved the register is reloaded; with something unsaved
nothing is reloaded or written until the user chooses (ctrl+s: save, asking per pilot that
both changed; ctrl+r: reload). A file that went away or cannot be read is reported once and
never written over.

The app keeps thin ``action_*`` methods that call into :class:`EditFlow`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from pilot_tui.changes import (
    ChangeError,
    EditConflict,
    EditSession,
    EntryChange,
    Operation,
    copy_path,
    register_with,
)
from pilot_tui.checks import detached_footnotes
from pilot_tui.model import Footnote, Pilot
from pilot_tui.periods import format_date
from pilot_tui.review import first_open, review_order
from pilot_tui.store import (
    FileStamp,
    Store,
    StoreConflict,
    StoreError,
    list_backups,
    lock_path,
)
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui import strings as S
from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.dialogs.conflict import COPY, MINE, THEIRS, ConflictDialog, differences
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.pilot_form import PilotForm, read_looptijd
from pilot_tui.tui.screens.review import ReviewScreen
from pilot_tui.tui.screens.update_entry import UpdateEntryForm
from pilot_tui.tui.view import Detail, make_detail, one_line

if TYPE_CHECKING:
    from pilot_tui.tui.app import PilotApp

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


class EditFlow:
    """Editing for one app: owns the EditSession; implements the review host."""

    def __init__(self, app: PilotApp) -> None:
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
        pilot_id = self.app.main.pilot_list.highlighted
        pilot = self.store.register.get(pilot_id) if pilot_id else None
        if pilot is None:
            self.app.notify(S.NO_PILOT_SELECTED, severity="warning", markup=False)
        return pilot

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

    def changed(self, select: str | None = None, pilots: Iterable[str] | None = None) -> None:
        """After any change (saved or not): show the register as it is in memory.
        ``pilots``: the only pilots that changed (None: any may have)."""
        app = self.app
        if select is not None:
            app.selected = select
        app.reindex(pilots)
        app.refresh_view()
        for screen in app.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.refresh_view()
        app.refresh_bindings()

    # -- the peildatum a change is for --------------------------------------------------------
    def at_peildatum(self, then: Callable[[bool], None]) -> None:
        """Call ``then(correction)`` once a change for the app's peildatum may be made:
        at the latest peildatum at once; at a new, later date after the user chose to
        begin a round (asked once); at an earlier peildatum after the user chose to
        correct it (asked once per peildatum); any other date is refused."""
        peildatum = self.app.peildatum
        register = self.store.register
        latest = register.latest_peildatum()
        when = format_date(peildatum)
        if peildatum in register.peildata:
            if latest is None or peildatum >= latest:
                then(False)
            elif peildatum in self.corrections:
                then(True)
            else:
                dialog = ConfirmDialog(
                    S.CONFIRM_CORRECTION_TITLE,
                    S.CONFIRM_CORRECTION_TEXT.format(peildatum=when, latest=format_date(latest)),
                    S.CONFIRM_CORRECTION_YES,
                    key=S.CONFIRM_CORRECTION_KEY,
                )
                self.app.push_screen(dialog, partial(self._correction_chosen, peildatum, then))
        elif latest is None or peildatum > latest:
            dialog = ConfirmDialog(
                S.CONFIRM_ROUND_TITLE,
                S.CONFIRM_ROUND_TEXT.format(peildatum=when),
                S.CONFIRM_ROUND_YES,
                key=S.CONFIRM_ROUND_KEY,  # deliberately: enter never begins a round
            )
            self.app.push_screen(dialog, partial(self._round_chosen, peildatum, then))
        else:
            self.app.notify(
                S.ROUND_NOT_A_PEILDATUM.format(peildatum=when, latest=format_date(latest)),
                severity="warning",
                markup=False,
            )

    def _correction_chosen(
        self, peildatum: date, then: Callable[[bool], None], yes: bool | None
    ) -> None:
        if yes:
            self.corrections.add(peildatum)
            then(True)

    def _round_chosen(
        self, peildatum: date, then: Callable[[bool], None], yes: bool | None
    ) -> None:
        if not yes:
            return
        try:
            self.session.start_round(peildatum)
        except ChangeError as exc:
            self.app.notify(S.REFUSED.format(error=_line(exc)), severity="error", markup=False)
            return
        except StoreError as exc:
            self.app.notify(S.SAVE_FAILED.format(error=_line(exc)), severity="error", markup=False)
            self.changed()
            return
        self.app.notify(S.ROUND_STARTED.format(peildatum=format_date(peildatum)), markup=False)
        self.changed()
        then(False)

    # -- new / edit / delete -----------------------------------------------------------------
    def new(self) -> None:
        if self.refused():
            return
        self.at_peildatum(self._new_at)

    def _new_at(self, _correction: bool) -> None:
        peildatum = self.app.peildatum
        self.app.push_screen(PilotForm(self.store.register), partial(self._new_saved, peildatum))

    def _new_saved(self, peildatum: date, pilot: Pilot | None) -> None:
        if pilot is None:
            return
        op = self.run(lambda: self.session.add_pilot(pilot, peildatum))
        if op is not None:
            self.changed(select=op.pilot_id)
            self._looptijd_warning(pilot)

    def edit(self) -> None:
        if self.refused():
            return
        pilot = self.selected_pilot()
        if pilot is not None:
            self.at_peildatum(partial(self._edit_at, pilot.id))

    def _edit_at(self, pilot_id: str, correction: bool) -> None:
        peildatum = self.app.peildatum
        pilot = self.store.register.get(pilot_id)
        view = pilot.as_of(peildatum) if pilot is not None else None
        if view is None:
            self.app.notify(S.NO_PILOT_SELECTED, severity="warning", markup=False)
            return
        self.app.push_screen(
            PilotForm(self.store.register, view),
            partial(self._edit_saved, peildatum, correction),
        )

    def _edit_saved(self, peildatum: date, correction: bool, pilot: Pilot | None) -> None:
        if pilot is None:
            return
        op = self.run(lambda: self.session.replace_pilot(pilot, peildatum, correction=correction))
        if self.no_change:
            self.app.notify(S.NOTHING_CHANGED, markup=False, timeout=2)
        if op is not None:
            self._looptijd_warning(pilot)

    def _detached(self, pilot_id: str, peildatum: date) -> list[tuple[int, Footnote]]:
        pilot = self.store.register.get(pilot_id)
        view = pilot.as_of(peildatum) if pilot is not None else None
        return detached_footnotes(view, peildatum) if view is not None else []

    def _footnote_warning(
        self, pilot_id: str, peildatum: date, before: list[tuple[int, Footnote]]
    ) -> None:
        """Say which footnotes the change cut loose from their words (never silently)."""
        was = {(n.text, n.anchor) for _i, n in before}
        for number, note in self._detached(pilot_id, peildatum):
            if (note.text, note.anchor) not in was:
                self.app.notify(
                    S.FOOTNOTE_DETACHED.format(n=number, anchor=one_line(note.anchor)),
                    severity="warning",
                    markup=False,
                    timeout=12,
                )

    def _looptijd_warning(self, pilot: Pilot) -> None:
        reading = read_looptijd(pilot.looptijd)
        if not reading.ok:
            self.app.notify(
                S.FORM_SAVED_WITH_WARNING.format(error=reading.error),
                severity="warning",
                markup=False,
            )

    def delete(self) -> None:
        if self.refused():
            return
        pilot = self.selected_pilot()
        if pilot is None:
            return
        self.at_peildatum(partial(self._delete_at, pilot.id))

    def _delete_at(self, pilot_id: str, correction: bool) -> None:
        pilot = self.store.register.get(pilot_id)
        if pilot is None:
            return
        peildatum = self.app.peildatum
        dialog = ConfirmDialog(
            S.CONFIRM_DELETE_TITLE,
            S.CONFIRM_DELETE_TEXT.format(
                name=one_line(pilot.value_at("name", peildatum)), peildatum=format_date(peildatum)
            ),
            S.CONFIRM_DELETE_YES,
            key=S.CONFIRM_DELETE_KEY,
        )
        self.app.push_screen(
            dialog, partial(self._delete_confirmed, pilot_id, peildatum, correction)
        )

    def _delete_confirmed(
        self, pilot_id: str, peildatum: date, correction: bool, yes: bool | None
    ) -> None:
        if not yes:
            return
        # the cursor goes to the row below (above, for the last), not back to the top
        shown = [a.pilot.id for a in self.app.shown]
        at = shown.index(pilot_id) if pilot_id in shown else -1
        neighbours = shown[at + 1 : at + 2] or shown[max(at - 1, 0) : max(at, 0)]
        op = self.run(lambda: self.session.delete_pilot(pilot_id, peildatum, correction=correction))
        if op is not None and at >= 0 and neighbours:
            self.changed(select=neighbours[0], pilots=())

    # -- stand van zaken ---------------------------------------------------------------------
    def keep_unchanged(self) -> None:
        """The stand van zaken explicitly kept for the peildatum: of the marked pilots
        (one action, one undo step), else of the selected one."""
        if self.refused():
            return
        marked = self.app.main.pilot_list.marked
        if marked:
            self.at_peildatum(partial(self._keep_many_at, sorted(marked)))
            return
        pilot = self.selected_pilot()
        if pilot is not None:
            self.at_peildatum(partial(self._keep_at, pilot.id))

    def _keep_many_at(self, pilot_ids: list[str], correction: bool) -> None:
        peildatum = self.app.peildatum
        op = self.run(
            lambda: self.session.keep_unchanged_many(pilot_ids, peildatum, correction=correction)
        )
        if op is not None:
            self.app.main.pilot_list.clear_marks()
        elif self.no_change:
            self.app.notify(S.BULK_NOTHING, markup=False, timeout=3)

    def _keep_at(self, pilot_id: str, correction: bool) -> None:
        peildatum = self.app.peildatum
        self.run(
            lambda: self.session.update_entry(
                pilot_id, peildatum, EntryChange(), unchanged=True, correction=correction
            )
        )

    def update(
        self, pilot_id: str | None = None, then: Callable[[bool], None] | None = None
    ) -> None:
        if self.refused():
            return
        register = self.store.register
        pilot = register.get(pilot_id) if pilot_id else self.selected_pilot()
        if pilot is None:
            return
        if pilot_id is not None and self.review_peildatum is not None:
            self._update_at(pilot.id, then, self.review_correction)  # the review asked
        else:
            self.at_peildatum(partial(self._update_at, pilot.id, then))

    def _update_at(
        self, pilot_id: str, then: Callable[[bool], None] | None, correction: bool
    ) -> None:
        peildatum = self.review_peildatum or self.app.peildatum
        pilot = self.store.register.get(pilot_id)
        view = pilot.as_of(peildatum) if pilot is not None else None
        if view is None:
            self.app.notify(S.NO_PILOT_SELECTED, severity="warning", markup=False)
            return
        form = UpdateEntryForm(view, peildatum, new_peildatum=False)
        self.app.push_screen(
            form, partial(self._update_saved, pilot_id, peildatum, correction, then)
        )

    def _update_saved(
        self,
        pilot_id: str,
        peildatum: date,
        correction: bool,
        then: Callable[[bool], None] | None,
        change: EntryChange | None,
    ) -> None:
        op = None
        if change is not None:
            detached = self._detached(pilot_id, peildatum)
            op = self.run(
                lambda: self.session.update_entry(
                    pilot_id, peildatum, change, correction=correction
                )
            )
            if op is not None:
                self._footnote_warning(pilot_id, peildatum, detached)
        if then is not None:
            then(op is not None)

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

    def _reset_after_reload(self) -> None:
        self.conflict = False
        self.unsaved.clear()
        self.disk_state = None
        self.session = EditSession(self.store)  # the old undo states belong to the old file

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

    # -- someone else's change on disk, noticed while idle -------------------------------------
    def check_disk(self) -> None:
        """The app's timer: has the file changed on disk? Cheap (one stat) when it has not."""
        store = self.store
        stamp = FileStamp.of(store.path)
        if stamp == self._disk_seen:
            return  # this version of the file was looked at already
        if stamp is not None and not store.changed_on_disk():
            self._disk_seen = stamp
            if self.disk_state is not None:  # back as it was (e.g. moved back)
                if self.disk_state != DISK_DIRTY:
                    self.app.notify(S.DISK_BACK, markup=False)
                self.disk_state = None
                self.conflict = False
                self.changed()
            return
        if stamp is None:
            self._disk_seen = stamp
            self._disk_problem(DISK_MISSING, S.DISK_MISSING.format(path=store.path))
            return
        if not store.readonly and store.dirty:
            self._disk_seen = stamp
            self.conflict = True
            self._disk_problem(DISK_DIRTY, S.DISK_CHANGED_DIRTY)
            return
        if not store.readonly and not isinstance(self.app.screen, MainScreen):
            return  # a form or dialog is open: its save checks the file; look again later
        self._disk_seen = stamp
        try:
            store.reload()
        except StoreError as exc:
            self._disk_problem(DISK_UNREADABLE, S.DISK_UNREADABLE.format(error=_line(exc)))
            return
        self._reset_after_reload()
        self.app.notify(S.DISK_RELOADED, markup=False)
        self.changed()  # selection and peildatum are the app's: they stay

    def _disk_problem(self, state: str, message: str) -> None:
        """Say it once (a notification) and keep saying it (the status line)."""
        if self.disk_state == state:
            return
        self.disk_state = state
        self.app.notify(message, severity="warning", markup=False, timeout=15)
        self.changed()

    def disk_banner(self) -> str:
        """For the status line while the file on disk is not what the app shows."""
        if self.disk_state == DISK_DIRTY:
            return S.DISK_CHANGED_BANNER
        if self.disk_state == DISK_MISSING:
            return S.DISK_MISSING_BANNER.format(path=self.store.path.name)
        if self.disk_state == DISK_UNREADABLE:
            return S.DISK_UNREADABLE_BANNER
        return ""

    # -- review mode -------------------------------------------------------------------------
    def review(self) -> None:
        if self.refused():
            return
        self.at_peildatum(self._review_at)

    def _review_at(self, correction: bool) -> None:
        self.review_correction = correction
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
                S.REVIEW_RESUMED.format(name=name, n=start + 1, total=len(items)),
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
            lambda: self.session.update_entry(
                pilot_id,
                peildatum,
                EntryChange(),
                unchanged=True,
                correction=self.review_correction,
            )
        )
        return op is not None

    def review_moved(self, pilot_id: str) -> None:
        peildatum = self.review_peildatum or self.app.peildatum
        key = settings_file.review_key(self.store.path, peildatum)
        if self.app.settings.review.get(key) != pilot_id:
            self.app.settings.set_review(key, pilot_id)
            self.app.save_settings()
