"""The conflicts a merge of two registers left (``pilot-tui merge``, git's merge driver).

``MergeConflictsScreen(rows)`` lists them; for the highlighted one it shows my value,
theirs and the common one, and is dismissed with a :class:`MergeChoice` (keep mine, take
theirs, edit) or None (escape: decide later); the value typed for an edit is asked by
:class:`~pilot_tui.tui.dialogs.merge_edit.MergeEditDialog`. Both only show plain data and
say what was chosen; the app resolves the conflict through the edit session
(:mod:`pilot_tui.tui.merge_flow`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from pilot_tui.tui import strings as S

MINE = "ours"  # the same words as pilot_tui.merge.OURS, THEIRS, EDIT
THEIRS = "theirs"
EDIT = "edit"


@dataclass(frozen=True)
class ConflictRow:
    """One conflict as shown: plain text, already cleaned of control characters."""

    title: str  # which value of which pilot
    mine: str
    theirs: str
    base: str
    editable: bool
    edit_text: str  # what an edit starts from
    is_list: bool = False  # the value is a list of names (edited as "a; b")


@dataclass(frozen=True)
class MergeChoice:
    index: int  # of the conflict in the rows (and in the register's list)
    choice: str  # MINE, THEIRS or EDIT


class MergeConflictsScreen(ModalScreen[MergeChoice | None], inherit_bindings=False):
    CSS_PATH = "merge_conflicts.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('ours')", S.KEY_MERGE_MINE),
        Binding("h", "choose('theirs')", S.KEY_MERGE_THEIRS),
        Binding("b", "choose('edit')", S.KEY_MERGE_EDIT),
        Binding("escape", "later", S.KEY_MERGE_LATER),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
    ]

    def __init__(self, rows: list[ConflictRow], start: int = 0) -> None:
        super().__init__()
        self.rows = rows
        self.start = min(max(start, 0), max(len(rows) - 1, 0))

    def compose(self) -> ComposeResult:
        with Vertical(classes="merge"):
            title = f"{S.MERGE_TITLE} ({S.MERGE_COUNT.format(n=len(self.rows))})"
            yield Label(Text(title), classes="merge-title")
            yield Static(Text(S.MERGE_TEXT), id="merge-text", classes="merge-help")
            yield OptionList(
                *(
                    Option(Text(f"{i}. {row.title}"), id=str(i - 1))
                    for i, row in enumerate(self.rows, start=1)
                ),
                id="merge-list",
                compact=True,
            )
            with VerticalScroll(id="merge-values"):
                for side, label in (
                    ("mine", S.MERGE_MINE),
                    ("theirs", S.MERGE_THEIRS),
                    ("base", S.MERGE_BASE),
                ):
                    yield Static(Text(label), classes="merge-side")
                    yield Static(Text(""), id=f"merge-{side}", classes="merge-value")
            with Horizontal(classes="merge-buttons"):
                yield Button(
                    Text(S.MERGE_KEEP_MINE), id="merge-ours", variant="primary", compact=True
                )
                yield Button(
                    Text(S.MERGE_TAKE_THEIRS), id="merge-theirs", variant="warning", compact=True
                )
                yield Button(Text(S.MERGE_EDIT), id="merge-edit", compact=True)
            yield Static(Text(S.MERGE_KEYS), id="merge-keys", classes="merge-help")

    def on_mount(self) -> None:
        options = self.query_one("#merge-list", OptionList)
        options.highlighted = self.start
        options.focus()
        self._show(self.start)

    @property
    def current(self) -> int:
        highlighted = self.query_one("#merge-list", OptionList).highlighted
        return highlighted if highlighted is not None else 0

    def _show(self, index: int) -> None:
        if not self.rows:
            return
        row = self.rows[index]
        self.query_one("#merge-mine", Static).update(Text(row.mine))
        self.query_one("#merge-theirs", Static).update(Text(row.theirs))
        self.query_one("#merge-base", Static).update(Text(row.base))
        self.query_one("#merge-edit", Button).disabled = not row.editable
        keys = S.MERGE_KEYS if row.editable else S.MERGE_KEYS_NO_EDIT
        self.query_one("#merge-keys", Static).update(Text(keys))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter on a conflict: its values are shown already; choose with a key

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose((event.button.id or "").removeprefix("merge-"))

    def action_choose(self, choice: str) -> None:
        if not self.rows:
            self.dismiss(None)
            return
        if choice == EDIT and not self.rows[self.current].editable:
            return
        self.dismiss(MergeChoice(self.current, choice))

    def action_later(self) -> None:
        self.dismiss(None)
