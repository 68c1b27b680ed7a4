"""Review mode: the pilots that need attention one by one; the host of :class:`ReviewScreen`."""

from __future__ import annotations

from collections.abc import Callable

from pilot_tui.changes import (
    EntryChange,
)
from pilot_tui.review import first_open, review_order
from pilot_tui.text import one_line
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui import strings as S
from pilot_tui.tui.editing.changes import Changes
from pilot_tui.tui.screens.review import ReviewScreen
from pilot_tui.tui.view import Detail, make_detail


class Review(Changes):
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
