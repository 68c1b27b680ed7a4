"""Text fields that edit as people expect, used by every form and dialog.

* ctrl+a selects all the text (Textual binds it to "to the start of the line"; the select
  all it offers instead, ctrl+shift+a or f7, no terminal user knows), and what is typed
  or pasted next replaces the selection, as everywhere else.
* A paste into a one-line field keeps every line, joined by spaces (Textual's Input keeps
  the first line only and drops the rest without a word: an address pasted from Word
  lost its second line).

The text area of the forms is :class:`~pilot_tui.tui.widgets.text_box.TextBox` (its own
module: the main screen, which has a search field, does not wait for TextArea's import).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

from pilot_tui.tui import strings as S


def pasted_line(text: str) -> str:
    """Pasted text for a one-line field: its lines joined by a space."""
    return " ".join(part for part in text.splitlines() if part) if text else text


class TextField(Input):
    """A one-line field: ctrl+a selects all; a paste keeps all its lines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+a", "select_all", S.KEY_SELECT_ALL, show=False),
    ]

    def on_mount(self) -> None:
        # Headless (tests, screenshots): a steady cursor, so a screen does not depend on
        # when within the blink it is captured.
        if self.app.is_headless:
            self.cursor_blink = False

    def on_paste(self, event: events.Paste) -> None:
        # Instead of Input's own handling (first line only), not after it.
        event.stop()
        event.prevent_default()
        text = pasted_line(event.text)
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
