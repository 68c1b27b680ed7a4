"""The peildatum dialog: type a date, see how it is read, enter to accept."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from pilot_tui.periods import date_problem, format_date, parse_date
from pilot_tui.tui import strings as S
from pilot_tui.tui.view import first_upper
from pilot_tui.tui.widgets.text_fields import TextField


class PeildatumDialog(ModalScreen[date | None], inherit_bindings=False):
    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", S.KEY_CLOSE)]

    def __init__(
        self, current: date, known: list[date], today: date, *, title: str = S.PEILDATUM_TITLE
    ) -> None:
        super().__init__()
        self.current = current
        self.known = known
        self.today = today
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Static(Text(S.PEILDATUM_HELP), classes="dialog-help")
            yield TextField(
                value=format_date(self.current), id="peildatum-input", select_on_focus=True
            )
            yield Static(Text(""), id="peildatum-reading", classes="dialog-reading")
            if self.known:
                dates = ", ".join(format_date(d) for d in self.known)
                yield Static(Text(S.PEILDATUM_KNOWN.format(dates=dates)), classes="dialog-help")

    def on_mount(self) -> None:
        self._show_reading(self.query_one("#peildatum-input", Input).value)

    def read(self, text: str) -> date | None:
        return parse_date(text, today=self.today) if text.strip() else None

    def _show_reading(self, text: str) -> date | None:
        reading = self.query_one("#peildatum-reading", Static)
        parsed = self.read(text)
        if parsed is not None:
            message = S.PEILDATUM_READS.format(date=format_date(parsed))
        elif not text.strip():
            message = S.PEILDATUM_EMPTY
        else:
            message = S.PEILDATUM_BAD.format(problem=first_upper(date_problem(text)))
        reading.update(Text(message))
        reading.set_class(parsed is None, "-error")
        return parsed

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_reading(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        parsed = self._show_reading(event.value)
        if parsed is not None:
            self.dismiss(parsed)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)
