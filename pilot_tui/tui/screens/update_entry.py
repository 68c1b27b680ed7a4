"""The stand-van-zaken form (``u``): one pilot's entry for the current peildatum.

``UpdateEntryForm(pilot, peildatum, new_peildatum)`` is dismissed with an
:class:`~pilot_tui.changes.EntryChange` (text, status and number of cases) or ``None``.
It is prefilled with the entry for this peildatum when there is one, else with the entry
before it; earlier entries are never touched. The app writes the change with
``EditSession.update_entry``.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from pilot_tui.changes import ChangeError, EntryChange, parse_zaken
from pilot_tui.model import Pilot, Status
from pilot_tui.periods import format_date
from pilot_tui.text import for_screen, one_line
from pilot_tui.tui import strings as S
from pilot_tui.tui.dialogs.confirm import close_form
from pilot_tui.tui.view import first_upper
from pilot_tui.tui.widgets.dialog_select import DialogSelect
from pilot_tui.tui.widgets.text_box import TextBox
from pilot_tui.tui.widgets.text_fields import TextField


def prefill(pilot: Pilot, peildatum: date) -> tuple[str, Status, str, str]:
    """Text, status, cases and a note on where the prefill comes from."""
    existing = pilot.entry_for(peildatum)
    base = existing or pilot.entry_at(peildatum)
    if existing is not None:
        note = S.ENTRY_EXISTING
    elif base is not None:
        note = S.ENTRY_PREFILLED.format(date=format_date(base.peildatum))
    else:
        note = S.ENTRY_FIRST
    text = base.stand_van_zaken if base is not None else ""
    status = (base.status if base is not None else None) or pilot.status_at(peildatum)
    zaken = str(existing.zaken) if existing is not None and existing.zaken is not None else ""
    return text, status, zaken, note


class UpdateEntryForm(ModalScreen[EntryChange | None], inherit_bindings=False):
    CSS_PATH = "pilot_form.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", S.KEY_SAVE, priority=True),
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FIELD, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FIELD, show=False),
    ]

    def __init__(self, pilot: Pilot, peildatum: date, *, new_peildatum: bool = False) -> None:
        super().__init__()
        self.pilot = pilot
        self.peildatum = peildatum
        self.new_peildatum = new_peildatum
        self.initial: tuple[str, str, str] | None = None
        self.prefilled = ""  # the stored text, kept as it is unless the user edits it

    def compose(self) -> ComposeResult:
        text, status, zaken, note = prefill(self.pilot, self.peildatum)
        self.prefilled = text
        title = S.ENTRY_TITLE.format(
            peildatum=format_date(self.peildatum), name=one_line(self.pilot.name) or S.NO_NAME
        )
        with Vertical(classes="form entry-form"):
            yield Label(Text(title), classes="form-title")
            yield Static(Text(S.FORM_HINT), classes="form-help")
            with Vertical(id="form-fields"):
                yield Static(Text(note), classes="form-note")
                if self.new_peildatum:
                    yield Static(
                        Text(S.ENTRY_NEW_PEILDATUM.format(peildatum=format_date(self.peildatum))),
                        classes="form-note",
                    )
                yield Label(Text(S.ENTRY_TEXT), classes="form-label")
                # Shown without control characters (a terminal would act on them).
                yield TextBox(
                    for_screen(text), id="e-text", classes="form-entry-text", compact=True
                )
                yield Static(Text(""), id="text-problem", classes="form-problem")
                with Horizontal(classes="form-row"):
                    with Vertical(classes="form-cell"):
                        yield Label(Text(S.ENTRY_STATUS), classes="form-label")
                        yield DialogSelect(
                            [(Text(s.value), s.value) for s in Status],
                            value=status.value,
                            allow_blank=False,
                            id="e-status",
                            compact=True,
                        )
                    with Vertical(classes="form-cell"):
                        yield Label(Text(S.ENTRY_ZAKEN), classes="form-label")
                        yield TextField(zaken, id="e-zaken", compact=True, select_on_focus=False)
                        yield Static(Text(""), id="zaken-problem", classes="form-problem")
            with Horizontal(classes="form-buttons"):
                yield Button(Text(S.KEY_SAVE), id="form-save", variant="primary", compact=True)
                yield Button(Text(S.KEY_CANCEL), id="form-cancel", compact=True)

    def on_mount(self) -> None:
        self.initial = self.values()
        self.query_one("#zaken-problem").display = False
        self.query_one("#text-problem").display = False
        area = self.query_one("#e-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def values(self) -> tuple[str, str, str]:
        status = self.query_one("#e-status", Select).value
        return (
            self.query_one("#e-text", TextArea).text,
            status if isinstance(status, str) else "",
            self.query_one("#e-zaken", Input).value,
        )

    @property
    def changed(self) -> bool:
        return self.initial is not None and self.values() != self.initial

    def _zaken_problem(self, value: str) -> str | None:
        try:
            parse_zaken(value)
        except ChangeError as exc:
            problem: str | None = first_upper(str(exc))
        else:
            problem = None
        widget = self.query_one("#zaken-problem", Static)
        widget.update(Text(problem or ""))
        widget.display = bool(problem)
        self.query_one("#e-zaken", Input).set_class(bool(problem), "-invalid")
        return problem

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._zaken_problem(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        else:
            self.action_cancel()

    def result(self) -> EntryChange:
        text, status, zaken = self.values()
        typed: str | None = None
        if self.initial is not None and text != self.initial[0]:
            typed = text.strip()  # typed text: no stray blank lines around it
        # untouched: the text stays as it is; at a new peildatum the previous text is
        # carried as "ongewijzigd", never copied as if it were new
        return EntryChange(
            stand_van_zaken=typed,
            status=Status(status),
            zaken=parse_zaken(zaken),
            zaken_given=True,
        )

    def action_save(self) -> None:
        area = self.query_one("#e-text", TextArea)
        empty = not area.text.strip()
        message = self.query_one("#text-problem", Static)
        message.update(Text(S.ENTRY_TEXT_EMPTY if empty else ""))
        message.display = empty
        if empty:  # a round's entry is a text or "ongewijzigd", never nothing
            area.focus()
            self.app.bell()
            return
        zaken = self.query_one("#e-zaken", Input)
        problem = self._zaken_problem(zaken.value)
        if problem:
            zaken.focus()
            # said under the field, which now has the focus; a toast would only cover
            # part of the form (at 80x24 the form fills the screen)
            self.app.bell()
            return
        self.dismiss(self.result())

    def action_cancel(self) -> None:
        close_form(self, self.changed)
