"""The window dialog: pick 1, 3, 6 or 12 months, or type a window ("90d")."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from pilot_tui.periods import Window, parse_window
from pilot_tui.tui import strings as S
from pilot_tui.tui.widgets.text_fields import TextField


class WindowDialog(ModalScreen[Window | None], inherit_bindings=False):
    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", S.KEY_CLOSE),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
    ]

    def __init__(self, current: Window) -> None:
        super().__init__()
        self.current = current
        self.choices: list[Window] = [
            w for w in (parse_window(spec) for spec in S.WINDOW_CHOICES) if w is not None
        ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(S.WINDOW_TITLE), classes="dialog-title")
            yield Static(Text(S.WINDOW_HELP), classes="dialog-help")
            yield Static(Text(S.WINDOW_CURRENT.format(window=self.current.label)))
            yield OptionList(
                *(Option(Text(w.label), id=str(i)) for i, w in enumerate(self.choices)),
                id="window-choices",
            )
            yield TextField(placeholder="90d", id="window-input", select_on_focus=False)
            yield Static(Text(""), id="window-reading", classes="dialog-reading")

    def on_mount(self) -> None:
        options = self.query_one("#window-choices", OptionList)
        for i, w in enumerate(self.choices):
            if w.delta == self.current.delta:
                options.highlighted = i
                break
        else:
            options.highlighted = 0
        options.focus()

    def on_key(self, event: events.Key) -> None:
        """Typing on the list types in the field: "Kies een venster of typ er een"."""
        if (
            self.query_one("#window-choices", OptionList).has_focus
            and event.is_printable
            and event.character
            and not event.character.isspace()
        ):
            field = self.query_one("#window-input", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index])

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_reading(event.value)

    def _show_reading(self, text: str) -> Window | None:
        reading = self.query_one("#window-reading", Static)
        parsed = parse_window(text) if text.strip() else None
        if parsed is not None:
            reading.update(Text(S.WINDOW_READS.format(window=parsed.label)))
        elif text.strip():
            reading.update(Text(S.WINDOW_BAD.format(text=text.strip())))
        else:
            reading.update(Text(""))
        reading.set_class(parsed is None and bool(text.strip()), "-error")
        return parsed

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        parsed = self._show_reading(event.value)
        if parsed is not None:
            self.dismiss(parsed)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)
