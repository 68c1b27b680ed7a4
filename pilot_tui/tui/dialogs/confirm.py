"""A question before something is destroyed or discarded: ``ConfirmDialog(...)`` returns
True (go ahead) or False.

Used before deleting a pilot (naming it), discarding a changed form and quitting with
something unsaved. Every such dialog answers Enter the same way: the safe answer (it
has the focus, and the button that destroys cannot take it), so an Enter typed ahead, or
pressed out of habit, never destroys anything. The destructive answer has a key of its
own, shown on its button ("Verwijderen (v)") and in the line of keys; escape is the safe
answer too.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual import events
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
        Binding("escape", "answer(False)", S.KEY_CANCEL),
    ]

    def __init__(
        self, title: str, message: str, yes: str, no: str = S.CONFIRM_NO, *, key: str
    ) -> None:
        """``yes``: the destructive answer, chosen with ``key`` (a letter) or a click;
        ``no``: the safe answer, chosen with enter or escape."""
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes = yes
        self.no = no
        self.key = key

    def compose(self) -> ComposeResult:
        with Vertical(classes="confirm"):
            yield Label(Text(self.title_text), classes="confirm-title")
            yield Static(Text(self.message), id="confirm-message")
            keys = S.CONFIRM_KEYS.format(key=self.key, yes=self.yes, no=self.no)
            yield Static(Text(keys), classes="confirm-help")
            with Horizontal(classes="confirm-buttons"):
                yes = Button(
                    Text(S.BUTTON_WITH_KEY.format(label=self.yes, key=self.key)),
                    id="confirm-yes",
                    variant="error",
                )
                yes.can_focus = False  # enter is never the destructive answer
                yield yes
                yield Button(Text(self.no), id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == self.key:
            event.stop()
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


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
            key=S.CONFIRM_DISCARD_KEY,
        ),
        answered,
    )
