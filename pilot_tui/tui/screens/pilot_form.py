"""The pilot form (``n`` new, ``e`` edit): every field of a pilot, returns a Pilot or None.

A typed modal screen: ``PilotForm(register, pilot)`` is dismissed with the edited pilot (a
copy; the register is never touched here) or with ``None`` when cancelled. The app saves the
result through :class:`~pilot_tui.changes.EditSession`.

* Only fields the user changed are taken from the form; the rest keep their exact stored
  value (so opening and saving a pilot records no spurious changes).
* Empty or duplicate names are refused inline, as you type and again on save.
* Under the looptijd: how it is read, live; an unreadable looptijd may be saved (the app
  then warns).
* ``escape`` with changes asks before discarding them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from pilot_tui.changes import name_problem, split_list
from pilot_tui.fields import BY_NAME, Kind, Widget
from pilot_tui.model import Footnote, Pilot, Register, Status
from pilot_tui.periods import parse_looptijd
from pilot_tui.text import for_screen, one_line
from pilot_tui.tui import strings as S
from pilot_tui.tui.dialogs.confirm import close_form
from pilot_tui.tui.form_fields import FORM_FIELDS, SELECTS, form_label, form_text
from pilot_tui.tui.widgets.dialog_select import DialogSelect
from pilot_tui.tui.widgets.text_box import TextBox
from pilot_tui.tui.widgets.text_fields import TextField

LOOPTIJD_LABELS = ("Looptijd", "Doorlooptijd")
# What a field chosen from a list offers (a stored value that is not among them, too).
CHOICES: dict[str, tuple[str, ...]] = {
    "looptijd_label": LOOPTIJD_LABELS,
    "status": tuple(s.value for s in Status),
}


@dataclass(frozen=True)
class LooptijdReading:
    text: str
    ok: bool
    empty: bool
    error: str = ""  # why it cannot be read, without the "Niet te lezen" of ``text``


def read_looptijd(text: str) -> LooptijdReading:
    """How a looptijd text is read, as one line for under the field."""
    if not text.strip():
        return LooptijdReading(S.FORM_LOOPTIJD_EMPTY, True, True)
    period = parse_looptijd(text)
    if period.ok:
        return LooptijdReading(S.FORM_LOOPTIJD_READ.format(reading=period.describe()), True, False)
    error = one_line(period.error or "")
    return LooptijdReading(S.FORM_LOOPTIJD_BAD.format(error=error), False, False, error)


def form_values(pilot: Pilot) -> dict[str, str]:
    """The pilot's fields as the form shows them (text per field), without control
    characters: a terminal would act on them. A field the user leaves alone is not
    written back (:func:`apply_values`), so the stored text stays exactly as it was."""
    return {spec.name: for_screen(form_text(pilot, spec)) for spec in FORM_FIELDS}


def footnotes_from(lines: str, old: list[Footnote]) -> list[Footnote]:
    """One footnote per non-empty line. A line equal to a stored footnote keeps that one;
    an edited line takes the place (section, anchor) of the next stored one left over."""
    texts = [line.strip() for line in lines.split("\n") if line.strip()]
    unused = list(old)
    same: list[Footnote | None] = []
    for text in texts:
        found = next((f for f in unused if f.text == text), None)
        if found is not None:
            unused.remove(found)
        same.append(found)
    out: list[Footnote] = []
    for text, found in zip(texts, same, strict=True):
        if found is not None:
            out.append(copy.copy(found))
        elif unused:
            place = unused.pop(0)
            out.append(Footnote(text, place.section, place.anchor))
        else:
            out.append(Footnote(text))
    return out


def apply_values(pilot: Pilot, initial: dict[str, str], values: dict[str, str]) -> Pilot:
    """A copy of ``pilot`` with the fields the user changed (values differ from initial)."""
    result = copy.deepcopy(pilot)
    for field, value in values.items():
        if value == initial.get(field):
            continue
        if field == "name":
            result.name = value.strip()
        elif BY_NAME[field].kind is Kind.LIST:
            setattr(result, field, split_list(value))
        elif field == "status":
            result.status = Status(value)
        elif BY_NAME[field].kind is Kind.FOOTNOTES:
            result.footnotes = footnotes_from(value, pilot.footnotes)
        else:
            setattr(result, field, value)
    return result


class PilotForm(ModalScreen[Pilot | None], inherit_bindings=False):
    CSS_PATH = "pilot_form.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", S.KEY_SAVE, priority=True),
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FIELD, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FIELD, show=False),
    ]

    def __init__(self, register: Register, pilot: Pilot | None = None) -> None:
        super().__init__()
        self.register = register
        self.is_new = pilot is None
        self.pilot = copy.deepcopy(pilot) if pilot is not None else Pilot(id="", name="")
        self.initial: dict[str, str] = {}

    # -- layout ----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        values = form_values(self.pilot)
        title = (
            S.FORM_NEW_TITLE
            if self.is_new
            else S.FORM_EDIT_TITLE.format(name=one_line(self.pilot.name) or S.NO_NAME)
        )
        with Vertical(classes="form"):
            yield Label(Text(title), classes="form-title")
            yield Static(Text(S.FORM_HINT), classes="form-help")
            with VerticalScroll(id="form-fields"):
                for spec in FORM_FIELDS:
                    if spec.widget is Widget.SELECT:
                        if spec is SELECTS[0]:
                            yield from self._selects(values)
                        continue
                    yield Label(Text(form_label(spec)), classes="form-label")
                    widget_id = f"f-{spec.name}"
                    if spec.widget is Widget.TEXTAREA:
                        value = values[spec.name]
                        yield TextBox(value, id=widget_id, classes="form-long", compact=True)
                    else:
                        yield TextField(
                            values[spec.name], id=widget_id, compact=True, select_on_focus=False
                        )
                    if spec.name == "name":
                        yield Static(Text(""), id="name-problem", classes="form-problem")
                    elif spec.name == "looptijd":
                        yield Static(Text(""), id="looptijd-reading", classes="form-reading")
            with Horizontal(classes="form-buttons"):
                yield Button(Text(S.KEY_SAVE), id="form-save", variant="primary", compact=True)
                yield Button(Text(S.KEY_CANCEL), id="form-cancel", compact=True)

    def _selects(self, values: dict[str, str]) -> ComposeResult:
        """The fields chosen from a list, side by side on one row."""
        with Horizontal(classes="form-row"):
            for spec in SELECTS:
                with Vertical(classes="form-cell"):
                    yield Label(Text(form_label(spec)), classes="form-label")
                    value = values[spec.name]
                    options = [(Text(v), v) for v in CHOICES[spec.name]]
                    if value not in CHOICES[spec.name]:
                        options.append((Text(value), value))
                    yield DialogSelect(
                        options,
                        value=value,
                        allow_blank=False,
                        id=f"f-{spec.name}",
                        compact=True,
                    )

    def on_mount(self) -> None:
        # The initial values as the widgets hold them (a TextArea may normalise line ends).
        self.initial = self.values()
        self._show_name_problem(self.initial["name"], typing=True)
        self._show_reading(self.initial["looptijd"])
        self.query_one("#f-name", Input).focus()

    # -- reading the form --------------------------------------------------------------
    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for spec in FORM_FIELDS:
            widget_id = f"#f-{spec.name}"
            if spec.widget is Widget.TEXTAREA:
                out[spec.name] = self.query_one(widget_id, TextArea).text
            elif spec.widget is Widget.SELECT:
                value = self.query_one(widget_id, Select).value
                out[spec.name] = value if isinstance(value, str) else ""
            else:
                out[spec.name] = self.query_one(widget_id, Input).value
        return out

    @property
    def changed(self) -> bool:
        return bool(self.initial) and self.values() != self.initial

    def result(self) -> Pilot:
        return apply_values(self.pilot, self.initial, self.values())

    # -- live feedback -------------------------------------------------------------------
    def _show_name_problem(self, name: str, *, typing: bool) -> str | None:
        problem = name_problem(self.register, name, None if self.is_new else self.pilot.id)
        shown = problem
        if typing and self.is_new and not name.strip():
            shown = None  # a new, still empty form: no error before the user typed
        self.query_one("#name-problem", Static).update(Text(one_line(shown or "")))
        self.query_one("#name-problem").display = bool(shown)
        self.query_one("#f-name", Input).set_class(bool(shown), "-invalid")
        return problem

    def _show_reading(self, text: str) -> LooptijdReading:
        reading = read_looptijd(text)
        widget = self.query_one("#looptijd-reading", Static)
        widget.update(Text(reading.text))
        widget.set_class(not reading.ok, "-warning")
        widget.set_class(reading.empty, "-empty")
        return reading

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "f-name":
            self._show_name_problem(event.value, typing=True)
        elif event.input.id == "f-looptijd":
            self._show_reading(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        else:
            self.action_cancel()

    # -- actions ---------------------------------------------------------------------------
    def action_save(self) -> None:
        name = self.query_one("#f-name", Input)
        problem = self._show_name_problem(name.value, typing=False)
        if problem:
            name.focus()
            # said under the field, which now has the focus; a toast would only cover
            # part of the form (at 80x24 the form fills the screen)
            self.app.bell()
            return
        self.dismiss(self.result())

    def action_cancel(self) -> None:
        close_form(self, self.changed)
