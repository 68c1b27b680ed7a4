"""Someone else's change on disk, noticed while the app is idle."""

from __future__ import annotations

from pilot_tui.store import (
    FileStamp,
    StoreError,
)
from pilot_tui.tui import strings as S
from pilot_tui.tui.editing.state import DISK_DIRTY, DISK_MISSING, DISK_UNREADABLE, EditState, _line


class DiskWatch(EditState):
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
        if not store.readonly and not self.app.idle():
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
