"""A value typed for one conflict a merge of two registers left: ``MergeEditDialog(row)``
returns the text (starting from mine), or None when cancelled."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from pilot_tui.tui import strings as S
from pilot_tui.tui.screens.merge_conflicts import ConflictRow


class MergeEditDialog(ModalScreen[str | None], inherit_bindings=False):
    """A value typed for one conflict (starting from mine)."""

    CSS_PATH = "merge_edit.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", S.KEY_SAVE, priority=True),
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
    ]

    def __init__(self, row: ConflictRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        with Vertical(classes="merge"):
            yield Label(Text(S.MERGE_EDIT_TITLE), classes="merge-title")
            yield Static(Text(self.row.title))
            help_text = S.MERGE_EDIT_LIST_HELP if self.row.is_list else S.MERGE_EDIT_HELP
            yield Static(Text(help_text), classes="merge-help")
            yield TextArea(self.row.edit_text, id="merge-edit-text", compact=True)
            with Horizontal(classes="merge-buttons"):
                yield Button(Text(S.KEY_SAVE), id="merge-save", variant="primary", compact=True)
                yield Button(Text(S.KEY_CANCEL), id="merge-cancel", compact=True)

    def on_mount(self) -> None:
        area = self.query_one("#merge-edit-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "merge-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#merge-edit-text", TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
