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

from pilot_tui.tui.editing.disk import DiskWatch
from pilot_tui.tui.editing.review import Review
from pilot_tui.tui.editing.state import EDIT_ACTIONS

__all__ = ["EDIT_ACTIONS", "EditFlow"]


class EditFlow(Review, DiskWatch):
    """Editing for one app: owns the EditSession; implements the review host."""
