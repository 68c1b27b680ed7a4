"""The changes the user asks for: new, edit, delete, the stand van zaken, and the peildatum
a change is for (a new round, a correction of an earlier peildatum)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from pilot_tui.changes import (
    ChangeError,
    EntryChange,
)
from pilot_tui.model import Footnote, Pilot
from pilot_tui.ops.edits import detached, newly_detached
from pilot_tui.periods import format_date
from pilot_tui.store import (
    StoreError,
)
from pilot_tui.text import one_line
from pilot_tui.tui import strings as S
from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.editing.saving import Saving
from pilot_tui.tui.editing.state import _line
from pilot_tui.tui.screens.pilot_form import PilotForm, read_looptijd
from pilot_tui.tui.screens.update_entry import UpdateEntryForm


class Changes(Saving):
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
        return detached(self.store.register.get(pilot_id), peildatum)

    def _footnote_warning(
        self, pilot_id: str, peildatum: date, before: list[tuple[int, Footnote]]
    ) -> None:
        """Say which footnotes the change cut loose from their words (never silently)."""
        pilot = self.store.register.get(pilot_id)
        for number, note in newly_detached(pilot, peildatum, before):
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
        shown = self.app.shown_pilots()
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
        marked = self.app.marked_pilots()
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
            self.app.clear_marks()
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
            before = self._detached(pilot_id, peildatum)
            op = self.run(
                lambda: self.session.update_entry(
                    pilot_id, peildatum, change, correction=correction
                )
            )
            if op is not None:
                self._footnote_warning(pilot_id, peildatum, before)
        if then is not None:
            then(op is not None)
