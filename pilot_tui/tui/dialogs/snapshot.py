"""The snapshot dialog: format, output file, "changes since", revisions and the summary.

:class:`SnapshotDialog` returns a :class:`SnapshotRequest` (or ``None`` on escape); the app
builds and writes the snapshot. When the file exists, :class:`OverwriteDialog` asks first
("Nee" is the default); answering no leaves the user in the dialog to pick another name.
No I/O here beyond looking at the chosen path (the register, its lock and its backups,
a device or a FIFO are refused at the field).

The internal parts are choices with a default per format: Word is the Bijlage for the
Kamer, so it comes without the Aandachtspunten and without "Wijzigingen sinds" unless a
date is typed or the box is ticked; the other formats show the Aandachtspunten and the
changes since the previous peildatum. The summary box follows the format until the user
changes it, as the file name does. For Word with a date typed, a box offers the changes as
revisions in the document (tracked changes) instead of a chapter; it is shown only then.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from pilot_tui.outputs import output_problem
from pilot_tui.periods import date_problem, format_date, parse_date
from pilot_tui.snapshot import DEFAULT_FORMAT, FORMATS, NO_SINCE_WORDS, SnapshotFormat, format_of
from pilot_tui.text import for_screen, one_line
from pilot_tui.tui import strings as S
from pilot_tui.tui.view import first_upper
from pilot_tui.tui.widgets.text_fields import TextField


def shown(path: Path | str) -> str:
    """A path as text on one line, spaces as typed, no control characters."""
    return " ".join(for_screen(str(path)).splitlines())


def unusable(exc: BaseException) -> str:
    """Why a typed file name cannot be used, in Dutch (the system says it in English)."""
    if isinstance(exc, RuntimeError):  # Path.expanduser: "~someone" is no user here
        return S.SNAPSHOT_PATH_NO_HOME
    if isinstance(exc, ValueError):  # a NUL character, or no name at all
        return S.SNAPSHOT_PATH_BAD_CHARACTER
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return S.SNAPSHOT_PATH_TOO_LONG
    return one_line(exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))


@dataclass(frozen=True)
class SnapshotRequest:
    """What the user asked for: the app builds, renders and writes it."""

    fmt: str
    path: Path  # absolute
    since: date | None
    summary: bool
    track_changes: bool = False  # Word: the changes since ``since`` as revisions


class FormatButton(RadioButton):
    """A radio button that shows its state without colour: ● chosen, blank not."""

    def watch_value(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "
        super().watch_value()

    def on_mount(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "


class SummaryBox(Checkbox):
    """A checkbox that shows its state without colour: X on, blank off."""

    def watch_value(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()

    def on_mount(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "


class FormatChoice(RadioSet):
    """Radio buttons in a row; the arrow keys choose at once, from the format shown as
    chosen; enter confirms the dialog."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose(1)", show=False),
        Binding("up,left", "choose(-1)", show=False),
        Binding("enter", "screen.confirm", S.KEY_WRITE, show=False),
    ]

    def action_choose(self, step: int) -> None:
        buttons = list(self.query(RadioButton))
        if buttons:
            # the next one from the chosen one (RadioSet's own cursor starts at the first
            # button, whatever is chosen: "←" from Markdown gave JSON, not Word)
            buttons[(self.pressed_index + step) % len(buttons)].value = True


class SnapshotDialog(ModalScreen[SnapshotRequest | None], inherit_bindings=False):
    CSS_PATH = "snapshot.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", S.KEY_CLOSE),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
    ]

    def __init__(
        self,
        peildatum: date,
        previous: date | None,
        *,
        fmt: str = DEFAULT_FORMAT,
        folder: Path | None = None,
        today: date | None = None,
        register: Path | None = None,
    ) -> None:
        """``register``: the register's file, which (with its lock and backups) is never
        offered as the output."""
        super().__init__()
        self.register = register
        self.peildatum = peildatum
        self.previous = previous
        self.fmt = fmt if fmt in FORMATS else DEFAULT_FORMAT
        self.folder = folder or Path.cwd()
        self.today = today
        self._auto_path = self.spec.filename(peildatum)
        self._auto_summary = self.spec.summary

    @property
    def spec(self) -> SnapshotFormat:
        """The chosen format (its label, suffix and what it takes)."""
        return FORMATS[self.fmt]

    def _since_placeholder(self) -> str:
        if self.spec.kamer and self.previous is not None:
            return S.SNAPSHOT_SINCE_PLACEHOLDER_KAMER_PREVIOUS.format(
                date=format_date(self.previous)
            )
        if self.spec.kamer:
            return S.SNAPSHOT_SINCE_PLACEHOLDER_KAMER
        if self.previous is not None:
            return S.SNAPSHOT_SINCE_PLACEHOLDER.format(date=format_date(self.previous))
        return S.SNAPSHOT_SINCE_PLACEHOLDER_NONE

    def compose(self) -> ComposeResult:
        title = S.SNAPSHOT_TITLE.format(peildatum=format_date(self.peildatum))
        placeholder = self._since_placeholder()
        with Vertical(id="snapshot-dialog"):
            yield Label(Text(title), classes="snapshot-title")
            # enter writes from every field (the arrows choose the format): said up front
            yield Static(Text(S.SNAPSHOT_HELP), classes="snapshot-help")
            yield Label(Text(S.SNAPSHOT_FORMAT), classes="snapshot-label")
            with FormatChoice(id="snapshot-format", compact=True):
                for spec in FORMATS.values():
                    chosen = spec.name == self.fmt
                    yield FormatButton(Text(spec.label), chosen, name=spec.name, compact=True)
            yield Label(Text(S.SNAPSHOT_PATH), classes="snapshot-label")
            yield TextField(value=self._auto_path, id="snapshot-path", compact=True)
            yield Static(Text(""), id="snapshot-path-message", classes="snapshot-message")
            yield Label(Text(S.SNAPSHOT_SINCE), classes="snapshot-label")
            yield TextField(placeholder=placeholder, id="snapshot-since", compact=True)
            yield Static(Text(""), id="snapshot-since-message", classes="snapshot-message")
            yield SummaryBox(Text(S.SNAPSHOT_TRACK), False, id="snapshot-track", compact=True)
            yield SummaryBox(
                Text(S.SNAPSHOT_SUMMARY), self._auto_summary, id="snapshot-summary", compact=True
            )
            with Horizontal(classes="snapshot-buttons"):
                yield Button(Text(S.BUTTON_WRITE), id="snapshot-write", variant="primary")
                yield Button(Text(S.BUTTON_CANCEL), id="snapshot-cancel")

    def on_mount(self) -> None:
        self.check_path()
        self.check_since()
        self.query_one("#snapshot-format", FormatChoice).focus()

    # -- reading the fields -------------------------------------------------------------
    @property
    def path_input(self) -> Input:
        return self.query_one("#snapshot-path", Input)

    def _message(self, selector: str, text: str, error: bool) -> None:
        message = self.query_one(selector, Static)
        message.update(Text(text))
        message.set_class(error, "-error")
        message.display = bool(text)

    def check_path(self) -> Path | None:
        """The chosen file as an absolute path, or None (with the reason shown inline)."""
        text = self.path_input.value.strip()
        problem = ""
        path: Path | None = None
        exists = False
        if not text:
            problem = S.SNAPSHOT_PATH_EMPTY
        else:
            try:  # any text may be typed: an unknown "~user", a NUL, a name too long
                if "\x00" in text:  # (which Path's checks take for "not there")
                    raise ValueError(text)
                path = Path(text).expanduser()
                if not path.is_absolute():
                    path = self.folder / path
                if not path.suffix and not path.is_dir():  # "rapport" becomes "rapport.docx"
                    path = path.with_name(f"{path.name}{self.spec.suffix}")
                if path.is_dir():
                    problem = S.SNAPSHOT_PATH_IS_DIR.format(path=shown(path))
                elif not path.parent.is_dir():
                    problem = S.SNAPSHOT_PATH_NO_FOLDER.format(path=shown(path.parent))
                else:  # the register, its lock or backups; a device or FIFO
                    problem = output_problem(path, self.register) or ""
                exists = path.exists()
            except (OSError, RuntimeError, ValueError) as exc:
                problem = S.SNAPSHOT_PATH_UNUSABLE.format(reason=unusable(exc))
        if problem:
            self._message("#snapshot-path-message", problem, True)
            return None
        assert path is not None
        # the whole path: the field shows a name, the folder is where the app was started
        where = S.SNAPSHOT_PATH_EXISTS if exists else S.SNAPSHOT_PATH_WHERE
        message = where.format(path=shown(path))
        if format_of(path) is None:  # ".txt": allowed, but said
            suffix = shown(path.suffix)
            message += " " + S.SNAPSHOT_PATH_OTHER.format(suffix=suffix, fmt=self.spec.label)
        self._message("#snapshot-path-message", message, False)
        return path

    def check_since(self) -> tuple[bool, date | None]:
        """(readable, the date from which changes are shown, or None for no changes).
        The revisions box shows only where it applies: Word, and a date."""
        readable, since = self._check_since()
        self.query_one("#snapshot-track", Checkbox).display = (
            readable and since is not None and self.spec.track_changes
        )
        return readable, since

    def _check_since(self) -> tuple[bool, date | None]:
        text = self.query_one("#snapshot-since", Input).value.strip()
        if not text and self.spec.kamer:  # the Kamer version: nothing internal
            self._message("#snapshot-since-message", S.SNAPSHOT_SINCE_KAMER, False)
            return True, None
        if not text:
            since = self.previous
            if since is None:
                self._message("#snapshot-since-message", S.SNAPSHOT_SINCE_NO_DEFAULT, False)
            else:
                message = S.SNAPSHOT_SINCE_DEFAULT.format(date=format_date(since))
                self._message("#snapshot-since-message", message, False)
            return True, since
        if text.casefold() in NO_SINCE_WORDS:
            self._message("#snapshot-since-message", S.SNAPSHOT_SINCE_OFF, False)
            return True, None
        parsed = parse_date(text, today=self.today)
        if parsed is None:
            self._message(
                "#snapshot-since-message",
                S.SNAPSHOT_SINCE_BAD.format(problem=first_upper(date_problem(text))),
                True,
            )
            return False, None
        if parsed >= self.peildatum:
            message = S.SNAPSHOT_SINCE_LATE.format(date=format_date(self.peildatum))
            self._message("#snapshot-since-message", message, True)
            return False, None
        self._message(
            "#snapshot-since-message",
            S.SNAPSHOT_SINCE_READS.format(date=format_date(parsed)),
            False,
        )
        return True, parsed

    def request(self) -> SnapshotRequest | None:
        path = self.check_path()
        readable, since = self.check_since()
        if path is None or not readable:
            return None
        summary = self.query_one("#snapshot-summary", Checkbox).value
        track = self.query_one("#snapshot-track", Checkbox)
        return SnapshotRequest(self.fmt, path, since, summary, track.display and track.value)

    # -- events ---------------------------------------------------------------------------
    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        fmt = event.pressed.name or self.fmt
        if fmt == self.fmt:
            return
        self.fmt = fmt
        self._follow_format()
        path_input = self.path_input
        if path_input.value == self._auto_path:  # not edited by the user: follow the format
            self._auto_path = self.spec.filename(self.peildatum)
            path_input.value = self._auto_path
            return
        path = Path(path_input.value.strip())
        if format_of(path) is not None:  # an edited name: a new extension
            path_input.value = str(path.with_suffix(self.spec.suffix))

    def _follow_format(self) -> None:
        """The internal parts' defaults for the new format: the summary box (unless the
        user changed it) and what an empty "since" means."""
        box = self.query_one("#snapshot-summary", Checkbox)
        if box.value == self._auto_summary:
            self._auto_summary = self.spec.summary
            box.value = self._auto_summary
        self.query_one("#snapshot-since", Input).placeholder = self._since_placeholder()
        self.check_since()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "snapshot-path":
            self._follow_extension(event.value)
            self.check_path()
        else:
            self.check_since()

    def _follow_extension(self, text: str) -> None:
        """A file name typed with another format's extension chooses that format: the
        name says what the file is ("stand.md" never holds Word)."""
        said = format_of(Path(text.strip()))
        if said is not None and said != self.fmt:
            for button in self.query_one("#snapshot-format", FormatChoice).query(RadioButton):
                if button.name == said:
                    button.value = True  # RadioSet.Changed follows: self.fmt = said

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "snapshot-write":
            self.action_confirm()
        else:
            self.dismiss(None)

    def action_confirm(self) -> None:
        request = self.request()
        if request is None:
            self.app.bell()
            return
        if request.path.exists():
            self.app.push_screen(
                OverwriteDialog(request.path), lambda yes: self._overwrite(request, yes)
            )
            return
        self.dismiss(request)

    def _overwrite(self, request: SnapshotRequest, yes: bool | None) -> None:
        if yes:
            self.dismiss(request)
        else:
            self.path_input.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class OverwriteDialog(ModalScreen[bool], inherit_bindings=False):
    """ "<path> bestaat al. Overschrijven?" — enter, n and escape say no ("Nee" has the
    focus and "Overschrijven" cannot take it); j or y overwrites."""

    CSS_PATH = "snapshot.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", S.KEY_NO),
        Binding("j,y", "answer(True)", S.KEY_YES),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="overwrite-dialog"):
            yield Label(Text(S.OVERWRITE_TITLE), classes="snapshot-title")
            question = S.OVERWRITE_QUESTION.format(path=shown(self.path))
            yield Static(Text(question), id="overwrite-question")
            yield Static(Text(S.OVERWRITE_KEYS), classes="snapshot-help")
            with Horizontal(classes="snapshot-buttons"):
                label = S.BUTTON_WITH_KEY.format(label=S.BUTTON_OVERWRITE, key="j")
                yes = Button(Text(label), id="overwrite-yes", variant="warning")
                yes.can_focus = False  # enter is never the destructive answer
                yield yes
                yield Button(Text(S.BUTTON_NO), id="overwrite-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#overwrite-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "overwrite-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
