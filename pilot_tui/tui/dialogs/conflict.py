"""The same pilot was changed on disk by someone else while we changed it: what now?

``ConflictDialog`` names the pilot and the fields in which the two versions differ, and
returns one of :data:`MINE`, :data:`THEIRS`, :data:`COPY`, or None (escape: decide later).
The register already holds their version while the dialog is open.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static
from textual.widgets.button import ButtonVariant

from pilot_tui.fields import label
from pilot_tui.model import HistoryEntry, Pilot
from pilot_tui.periods import format_date
from pilot_tui.text import one_line
from pilot_tui.tui import strings as S
from pilot_tui.tui.form_fields import FORM_FIELDS

MINE = "mine"  # keep my version (theirs goes to a backup)
THEIRS = "theirs"  # take theirs (the register holds it already)
COPY = "copy"  # my version into a new file beside the register

VALUE_WIDTH = 28  # characters of a value quoted in the list of differences


def _text(value: object) -> str:
    if isinstance(value, list):
        value = "; ".join(getattr(v, "text", str(v)) for v in value)
    return one_line(str(getattr(value, "value", value)))


def _quote(text: str, start: int = 0) -> str:
    """``text`` quoted, at most VALUE_WIDTH characters from ``start`` (… where cut)."""
    if not text:
        return S.CONFLICT_EMPTY
    if start:
        text = "…" + text[start:].lstrip()
    if len(text) > VALUE_WIDTH:
        text = text[: VALUE_WIDTH - 1].rstrip() + "…"
    return f"„{text}”"


def _pair(mine: object, theirs: object) -> tuple[str, str]:
    """Both values quoted; long ones from a little before where they start to differ."""
    a, b = _text(mine), _text(theirs)
    same = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        same += 1
    longest = max(len(a), len(b))
    start = max(0, min(same - 8, longest - VALUE_WIDTH + 1)) if longest > VALUE_WIDTH else 0
    return _quote(a, start), _quote(b, start)


def _entry_rest(entry: HistoryEntry) -> str:
    parts = [
        entry.status.value if entry.status else "",
        f"{entry.zaken} zaken" if entry.zaken else "",
    ]
    if entry.unchanged:
        parts.append(S.HISTORY_UNCHANGED)
    return _quote(", ".join(p for p in parts if p))


def differences(ours: Pilot | None, theirs: Pilot | None) -> list[str]:
    """One line per field in which the two versions differ (Dutch, plain text)."""
    if ours is None or theirs is None:
        mine = S.CONFLICT_ABSENT if ours is None else _quote(_text(ours.name))
        other = S.CONFLICT_ABSENT if theirs is None else _quote(_text(theirs.name))
        return [S.CONFLICT_FIELD.format(field=label("name"), mine=mine, theirs=other)]
    lines: list[str] = []
    for spec in FORM_FIELDS:
        f = spec.name
        if getattr(ours, f) != getattr(theirs, f):
            mine, other = _pair(getattr(ours, f), getattr(theirs, f))
            lines.append(S.CONFLICT_FIELD.format(field=spec.label, mine=mine, theirs=other))
    dates = sorted({e.peildatum for e in ours.history} | {e.peildatum for e in theirs.history})
    for when in dates:
        mine_entry, their_entry = ours.entry_for(when), theirs.entry_for(when)
        if mine_entry == their_entry:
            continue
        mine, other = _pair(
            mine_entry.stand_van_zaken if mine_entry else "",
            their_entry.stand_van_zaken if their_entry else "",
        )
        if mine_entry is None or their_entry is None:
            mine = mine if mine_entry else S.CONFLICT_ABSENT
            other = other if their_entry else S.CONFLICT_ABSENT
        elif mine == other:  # the text is the same: status, cases or "unchanged" differ
            mine, other = _entry_rest(mine_entry), _entry_rest(their_entry)
        field = S.CONFLICT_FIELD_HISTORY.format(date=format_date(when))
        lines.append(S.CONFLICT_FIELD.format(field=field, mine=mine, theirs=other))
    return lines


class ConflictDialog(ModalScreen[str | None], inherit_bindings=False):
    CSS_PATH = "confirm.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", S.KEY_CONFLICT_MINE),
        Binding("h", "choose('theirs')", S.KEY_CONFLICT_THEIRS),
        Binding("k", "choose('copy')", S.KEY_CONFLICT_COPY),
        Binding("escape", "later", S.KEY_CONFLICT_LATER),
    ]

    def __init__(self, name: str, differs: list[str]) -> None:
        super().__init__()
        self.pilot_name = name
        self.differs = differs

    def compose(self) -> ComposeResult:
        with Vertical(classes="confirm conflict"):
            yield Label(Text(S.CONFLICT_TITLE), classes="confirm-title")
            message = S.CONFLICT_TEXT.format(name=self.pilot_name)
            yield Static(Text(message), id="conflict-message")
            yield Static(Text(S.CONFLICT_DIFFERS), classes="conflict-differs-title")
            with VerticalScroll(id="conflict-differs", can_focus=False):
                for line in self.differs or [S.CONFLICT_SAME]:
                    yield Static(Text(f"• {line}"), classes="conflict-line")
            with Vertical(classes="conflict-buttons"):
                choices: tuple[tuple[str, str, str, ButtonVariant], ...] = (
                    (MINE, S.CONFLICT_MINE, "m", "warning"),
                    (THEIRS, S.CONFLICT_THEIRS, "h", "default"),
                    (COPY, S.CONFLICT_COPY, "k", "primary"),
                )
                for choice, label, key, variant in choices:
                    button = Button(
                        Text(S.BUTTON_WITH_KEY.format(label=label, key=key)),
                        id=f"conflict-{choice}",
                        variant=variant,
                    )
                    # enter is the copy, which loses and overwrites nothing; the answers
                    # that overwrite theirs or drop mine have only their key (and a click)
                    button.can_focus = choice == COPY
                    yield button
            yield Static(Text(S.CONFLICT_KEYS), classes="confirm-help")

    def on_mount(self) -> None:
        # Enter on the focused button loses nothing and overwrites nothing.
        self.query_one(f"#conflict-{COPY}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("conflict-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def action_later(self) -> None:
        self.dismiss(None)
