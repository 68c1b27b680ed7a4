"""A yes/no question as a modal screen: ``ConfirmDialog(...)`` returns True or False.

Used before deleting a pilot (naming it) and before discarding a changed form. Which
button has the focus is chosen by the caller: the safe answer for what cannot be undone.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from pilot_tui.tui import strings as S


@runtime_checkable
class Form(Protocol):
    """A form that may hold changes not saved yet (the pilot form, the stand-van-zaken
    form): closing it or quitting asks first."""

    @property
    def changed(self) -> bool: ...


class ConfirmDialog(ModalScreen[bool], inherit_bindings=False):
    CSS_PATH = "confirm.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("left", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
        Binding("right", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
    ]

    def __init__(
        self,
        title: str,
        message: str,
        yes: str,
        no: str = S.CONFIRM_NO,
        *,
        default_yes: bool = False,
        danger: bool = True,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes = yes
        self.no = no
        self.default_yes = default_yes
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="confirm"):
            yield Label(Text(self.title_text), classes="confirm-title")
            yield Static(Text(self.message), id="confirm-message")
            yield Static(Text(S.CONFIRM_KEYS), classes="confirm-help")
            with Horizontal(classes="confirm-buttons"):
                yield Button(
                    Text(self.yes),
                    id="confirm-yes",
                    variant="error" if self.danger else "primary",
                )
                yield Button(Text(self.no), id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.default_yes else "#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


def close_form(form: ModalScreen[Any], changed: bool) -> None:
    """Escape in a form: close it at once when nothing changed, else ask before discarding."""
    if not changed:
        form.dismiss(None)
        return

    def answered(discard: bool | None) -> None:
        if discard:
            form.dismiss(None)

    form.app.push_screen(
        ConfirmDialog(
            S.CONFIRM_DISCARD_TITLE,
            S.CONFIRM_DISCARD_TEXT,
            S.CONFIRM_DISCARD_YES,
            S.CONFIRM_DISCARD_NO,
        ),
        answered,
    )
