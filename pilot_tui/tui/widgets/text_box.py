"""The text area of the forms: ctrl+a selects all, as in the one-line fields.

Typing or pasting over the selection replaces it (Textual's own). Undo and redo (ctrl+z,
ctrl+y) are Textual's own too; no screen with a text area binds those keys itself, so
they reach it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from pilot_tui.tui import strings as S


class TextBox(TextArea):
    """A text area: ctrl+a selects all."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+a", "select_all", S.KEY_SELECT_ALL, show=False),
    ]

    def on_mount(self) -> None:
        # Headless (tests, screenshots): a steady cursor, so a screen does not depend on
        # when within the blink it is captured.
        if self.app.is_headless:
            self.cursor_blink = False
