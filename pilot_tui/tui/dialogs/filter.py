"""The filter dialog: choose classes and statuses to show (several at once)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from pilot_tui.attention import Attention
from pilot_tui.model import Status
from pilot_tui.tui import strings as S
from pilot_tui.tui.view import Filter
from pilot_tui.tui.widgets.check_list import CheckList
from pilot_tui.tui.widgets.pilot_list import attention_style

STALE = "stale"


class FilterDialog(ModalScreen[Filter | None], inherit_bindings=False):
    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", S.KEY_CLOSE),
        Binding("enter", "apply", S.KEY_OK, priority=True),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
    ]

    def __init__(self, current: Filter, counts: dict[Attention, int]) -> None:
        super().__init__()
        self.current = current
        self.counts = counts

    def compose(self) -> ComposeResult:
        selections: list[Selection[str]] = []
        for a in Attention:
            label = Text(f"{a.symbol} ", style=attention_style(a))
            label.append(S.FILTER_CLASSES.format(name=a.value))
            label.append(f" ({self.counts.get(a, 0)})", style="dim")
            selections.append(Selection(label, f"a:{a.value}", a in self.current.attentions))
        for s in Status:
            label = Text(S.FILTER_STATUSES.format(name=s.value))
            selections.append(Selection(label, f"s:{s.value}", s in self.current.statuses))
        selections.append(Selection(Text(S.FILTER_STALE), STALE, self.current.stale_only))
        with Vertical(classes="dialog"):
            yield Label(Text(S.FILTER_TITLE), classes="dialog-title")
            yield Static(Text(S.FILTER_HELP), classes="dialog-help")
            yield CheckList(*selections, id="filter-choices")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text(S.BUTTON_OK), id="filter-ok", variant="primary")
                yield Button(Text(S.BUTTON_CLEAR), id="filter-clear")
                yield Button(Text(S.BUTTON_CANCEL), id="filter-cancel")

    def on_mount(self) -> None:
        self.query_one("#filter-choices", SelectionList).focus()

    def chosen(self) -> Filter:
        values = set(self.query_one("#filter-choices", SelectionList).selected)
        return Filter(
            attentions=frozenset(a for a in Attention if f"a:{a.value}" in values),
            statuses=frozenset(s for s in Status if f"s:{s.value}" in values),
            stale_only=STALE in values,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "filter-ok":
            self.action_apply()
        elif event.button.id == "filter-clear":
            self.dismiss(Filter())
        else:
            self.dismiss(None)

    def action_apply(self) -> None:
        """Enter applies the choice, or presses the button that has the focus."""
        if isinstance(self.focused, Button):
            self.focused.press()
            return
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        self.dismiss(None)
