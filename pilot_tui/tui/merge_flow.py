"""The app's side of a merged register: the conflicts a merge left, chosen one by one.

When the register holds conflicts of ``pilot-tui merge`` (git's merge driver), the app
opens on :class:`~pilot_tui.tui.screens.merge_conflicts.MergeConflictsScreen`. Each
choice is resolved through the edit session (``pilot_tui.merge.resolve_conflict``): saved
at once, in the audit log, undoable with ctrl+z. The list comes back until every conflict
is resolved or the user chooses later (ctrl+p brings it back).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pilot_tui.merge import (
    EDIT,
    Conflict,
    conflicts_of,
    describe,
    edit_text,
    editable,
    resolve_conflict,
    value_text,
)
from pilot_tui.text import for_screen
from pilot_tui.tui import strings as S
from pilot_tui.tui.dialogs.merge_edit import MergeEditDialog
from pilot_tui.tui.screens.merge_conflicts import ConflictRow, MergeChoice, MergeConflictsScreen

if TYPE_CHECKING:
    from pilot_tui.tui.host import MergeHost


def row(conflict: Conflict) -> ConflictRow:
    def shown(value: object) -> str:
        return for_screen(value_text(conflict.field, value, limit=None))

    return ConflictRow(
        title=for_screen(describe(conflict)),
        mine=shown(conflict.ours),
        theirs=shown(conflict.theirs),
        base=shown(conflict.base),
        editable=editable(conflict),
        edit_text=for_screen(edit_text(conflict)) if editable(conflict) else "",
        is_list=conflict.field in ("former_names", "partners"),
    )


class MergeFlow:
    def __init__(self, app: MergeHost) -> None:
        self.app = app
        self.showing = False

    def conflicts(self) -> list[Conflict] | None:
        """The open conflicts; None (and a message) when the list cannot be read."""
        try:
            return conflicts_of(self.app.store.register)
        except ValueError as exc:
            self.app.notify(S.MERGE_UNREADABLE.format(error=exc), severity="error", markup=False)
            return None

    def offer(self, start: int = 0) -> None:
        """Show the list of conflicts (nothing when there are none)."""
        conflicts = self.conflicts()
        if not conflicts or self.showing:
            return
        self.showing = True
        screen = MergeConflictsScreen([row(c) for c in conflicts], start)
        self.app.push_screen(screen, self._chosen)

    def _chosen(self, choice: MergeChoice | None) -> None:
        self.showing = False
        if choice is None:
            left = len(self.conflicts() or [])
            if left:
                self.app.notify(S.MERGE_LATER.format(n=left), severity="warning", markup=False)
            return
        if choice.choice == EDIT:
            conflicts = self.conflicts() or []
            if choice.index < len(conflicts):
                dialog = MergeEditDialog(row(conflicts[choice.index]))
                self.app.push_screen(dialog, partial(self._edited, choice.index))
            return
        self._resolve(choice.index, choice.choice)

    def _edited(self, index: int, text: str | None) -> None:
        if text is None:
            self.offer(index)  # cancelled: back to the list, on the same conflict
            return
        self._resolve(index, EDIT, text)

    def _resolve(self, index: int, choice: str, text: str | None = None) -> None:
        edits = self.app.edits
        if edits.refused():  # read-only, or the file changed under unsaved changes
            return
        op = edits.run(lambda: resolve_conflict(edits.session, index, choice, text))
        if op is None and edits.open_conflicts:
            return  # the file changed on disk meanwhile: that choice comes first (ctrl+p later)
        conflicts = self.conflicts()
        if op is None:
            if conflicts:
                self.offer(index)
            return
        if conflicts:
            self.offer(min(index, len(conflicts) - 1))
        elif conflicts is not None:
            self.app.notify(S.MERGE_ALL_DONE, markup=False, timeout=10)
