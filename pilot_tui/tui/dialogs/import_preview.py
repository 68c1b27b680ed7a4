"""Importing an overview text: choose the file, then see what will change.

Two modal screens, no register logic of their own:

* :class:`ImportFileScreen` (``ModalScreen[Path | None]``): an input for the path of the
  overview (PDF, Word or text), checked as you type (exists, is a file, is a PDF or Word
  file by its content or readable as UTF-8) with a one-line Dutch message; enter or "Verder" returns the absolute path,
  escape or "Annuleren" ``None``.
* :class:`ImportPreviewScreen` (``ModalScreen[bool]``): given a
  :class:`~pilot_tui.importer.MergeReport` that the app computed on a *copy* of the
  register, the file name and the peildatum, it shows the counts nieuw / bijgewerkt /
  ongewijzigd / niet in het document and the names in each group (scrollable), plus the
  importer's warnings; "Importeren" (enter or i) returns ``True``, "Annuleren" (escape)
  ``False``.

Wiring (for the app owner)
--------------------------

A palette command, in ``PilotApp.get_system_commands``::

    yield SystemCommand(S.PALETTE_IMPORT, S.PALETTE_IMPORT_HELP, self.action_import_overview)

 On the app::

    import copy
    from pilot_tui.importer import OverviewError, merge, parse_overview
    from pilot_tui.tui.dialogs.import_preview import ImportFileScreen, ImportPreviewScreen

    def action_import_overview(self) -> None:
        if self.store.readonly:
            self.notify(S.READONLY_BANNER.format(reason=...), severity="warning", markup=False)
            return
        self.push_screen(ImportFileScreen(), self._import_file_chosen)

    def _import_file_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            text = path.read_text(encoding="utf-8")   # checked by the screen; may still fail
            result = parse_overview(text)              # peildatum from the document
        except (OSError, UnicodeDecodeError, OverviewError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        incoming = result.register
        peildatum = incoming.latest_peildatum()        # never None after parse_overview
        trial = copy.deepcopy(self.store.register)     # the preview must not touch the register
        report = merge(trial, incoming, peildatum, update=False)
        screen = ImportPreviewScreen(report, path.name, peildatum, result.warnings)
        self.push_screen(screen, partial(self._import_confirmed, incoming, peildatum))

    def _import_confirmed(self, incoming: Register, peildatum: date, go: bool | None) -> None:
        if not go:
            return
        self.store.backup("import")                    # as `pilot-tui import` does
        report = merge(self.store.register, incoming, peildatum, update=False)
        self.store.save_all()                          # (through EditSession once it can batch)
        self.reindex()
        self.refresh_view()
        self.notify(report.summary(), markup=False)

Parsing a 10,000-pilot document takes a while: run ``parse_overview`` and the trial merge in
a thread worker (``@work(thread=True, exclusive=True)``) and push the preview from
``call_from_thread`` when it is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from pilot_tui.files import FileRefused, megabytes, read_regular
from pilot_tui.importing import MergeReport, OverviewError, describe
from pilot_tui.importing.sniff import TEXT
from pilot_tui.periods import format_date
from pilot_tui.text import one_line
from pilot_tui.tui import strings as S
from pilot_tui.tui.widgets.text_fields import TextField

MAX_BYTES = 50 * 1024 * 1024  # far above any real overview (the seed is ~100 kB)


# -- checking the file --------------------------------------------------------------------


@dataclass(frozen=True)
class FileCheck:
    path: Path | None  # the absolute path when the file can be imported
    message: str  # one line, Dutch

    @property
    def ok(self) -> bool:
        return self.path is not None


def clean_path_text(text: str) -> str:
    """What was typed or pasted, without surrounding blanks and quotes (Windows copies
    paths as "C:\\…\\file.txt")."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


def typed_path(text: str, base: Path | None = None) -> Path | None:
    """The path typed (``~`` expanded, relative to ``base`` or the working folder)."""
    cleaned = clean_path_text(text)
    if not cleaned:
        return None
    path = Path(cleaned).expanduser()
    return path if path.is_absolute() else (base or Path.cwd()) / path


def check_file(text: str, base: Path | None = None) -> FileCheck:
    """Whether ``text`` names an overview to import (relative to ``base``): a PDF or Word
    file (by its content; read when the user goes on) or a readable UTF-8 text file."""
    try:
        path = typed_path(text, base)
    except (RuntimeError, ValueError):  # "~user" unknown, a NUL in the text
        path = None
        if clean_path_text(text):
            return FileCheck(None, S.IMPORT_FILE_MISSING.format(path=one_line(text)))
    if path is None:
        return FileCheck(None, S.IMPORT_FILE_EMPTY)
    shown = one_line(str(path))
    try:
        if not path.exists():
            return FileCheck(None, S.IMPORT_FILE_MISSING.format(path=shown))
        if path.is_dir():
            return FileCheck(None, S.IMPORT_FILE_NOT_A_FILE.format(path=shown))
        size = path.stat().st_size
        if size > MAX_BYTES:
            return FileCheck(None, S.IMPORT_FILE_TOO_BIG.format(size=size // (1024 * 1024)))
        data, _st = read_regular(path, MAX_BYTES)  # a device or FIFO is refused, not read
    except FileRefused as exc:
        return FileCheck(None, S.IMPORT_FILE_UNREADABLE.format(error=one_line(str(exc))))
    except (OSError, ValueError) as exc:
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return FileCheck(None, S.IMPORT_FILE_UNREADABLE.format(error=one_line(str(error))))
    try:
        kind, word = describe(data)
    except OverviewError as exc:
        return FileCheck(None, S.IMPORT_FILE_REFUSED.format(error=one_line(str(exc))))
    if kind != TEXT:
        shown_size = f"{len(data) / 1024:.0f} kB" if len(data) < 1 << 20 else megabytes(len(data))
        return FileCheck(
            path.resolve(), S.IMPORT_FILE_OK_DOCUMENT.format(kind=word, size=shown_size)
        )
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return FileCheck(None, S.IMPORT_FILE_NOT_UTF8.format(position=exc.start))
    lines = decoded.count("\n") + (1 if decoded and not decoded.endswith("\n") else 0)
    return FileCheck(path.resolve(), S.IMPORT_FILE_OK.format(lines=lines))


class ImportFileScreen(ModalScreen[Path | None], inherit_bindings=False):
    """Ask for the text file to import; say at once what is wrong with it."""

    CSS_PATH = "import_preview.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("tab", "app.focus_next", show=False),
        Binding("shift+tab", "app.focus_previous", show=False),
    ]

    def __init__(self, initial: str = "", base: Path | None = None) -> None:
        super().__init__()
        self.initial = initial
        self.base = base
        self.check = FileCheck(None, S.IMPORT_FILE_EMPTY)
        self._checked: tuple[str, object] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="import-dialog"):
            yield Label(Text(S.IMPORT_FILE_TITLE), classes="import-title")
            yield Static(Text(S.IMPORT_FILE_HELP), classes="import-help")
            yield TextField(self.initial, placeholder=S.IMPORT_FILE_PLACEHOLDER, id="import-path")
            yield Static(Text(""), id="import-file-message")
            with Horizontal(classes="import-buttons"):
                yield Button(S.BUTTON_NEXT, id="import-next", variant="primary")
                yield Button(S.BUTTON_CANCEL, id="import-cancel")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()
        self._show(self.initial)

    @property
    def message(self) -> str:
        return str(self.query_one("#import-file-message", Static).content)

    def _show(self, text: str) -> FileCheck:
        key = self._stat_key(text)
        if self._checked is None or self._checked != (text, key):
            self.check = check_file(text, self.base)
            self._checked = (text, key)
        message = self.query_one("#import-file-message", Static)
        message.update(Text(self.check.message, no_wrap=True, overflow="ellipsis"))
        message.set_class(not self.check.ok and bool(text.strip()), "-error")
        return self.check

    def _stat_key(self, text: str) -> object:
        """Size and time of the file, so it is read again only when it changed."""
        try:
            path = typed_path(text, self.base)
            st = path.stat() if path is not None else None
        except (OSError, RuntimeError, ValueError):
            return None
        if st is None:
            return None
        return (st.st_size, st.st_mtime_ns)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "import-next":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        self._checked = None  # check again: the file may have changed since
        check = self._show(self.query_one("#import-path", Input).value)
        if check.path is not None:
            self.dismiss(check.path)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)


# -- the preview --------------------------------------------------------------------------


def preview_text(report: MergeReport, warnings: Sequence[str] = ()) -> Text:
    """The groups with their counts and names, and the warnings: text, never markup."""
    groups = (
        (S.IMPORT_GROUP_NIEUW, report.nieuw),
        (S.IMPORT_GROUP_BIJGEWERKT, report.bijgewerkt),
        (S.IMPORT_GROUP_ONGEWIJZIGD, report.ongewijzigd),
        (S.IMPORT_GROUP_NIET_IN_DOCUMENT, report.niet_in_document),
    )
    out = Text(end="")
    for i, (group, names) in enumerate(groups):
        if i:
            out.append("\n\n")
        out.append(S.IMPORT_GROUP_COUNT.format(group=group, n=len(names)), "bold")
        for name in names:
            out.append("\n  • ")
            out.append(one_line(name) or S.TIMELINE_NO_NAME)
    if warnings:
        out.append("\n\n")
        out.append(S.IMPORT_WARNINGS.format(n=len(warnings)), "bold")
        for warning in warnings:
            out.append("\n  ! ")
            out.append(one_line(warning))
    return out


class ImportPreviewScreen(ModalScreen[bool], inherit_bindings=False):
    """What an import will change; enter or i imports, escape cancels."""

    CSS_PATH = "import_preview.tcss"
    # Focused as the screen is shown (not queried in on_mount: an app that stops while
    # the screen mounts has no children left to query).
    AUTO_FOCUS = "#import-groups"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,i", "import", S.KEY_IMPORT),
        Binding("escape", "cancel", S.KEY_CANCEL),
        Binding("tab", "app.focus_next", show=False),
        Binding("shift+tab", "app.focus_previous", show=False),
    ]

    def __init__(
        self,
        report: MergeReport,
        file_name: str,
        peildatum: date,
        warnings: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.report = report
        self.file_name = file_name
        self.peildatum = peildatum
        self.warnings = tuple(warnings)

    def compose(self) -> ComposeResult:
        report = self.report
        with Vertical(classes="import-dialog", id="import-preview-dialog"):
            title = S.IMPORT_PREVIEW_TITLE.format(file=one_line(self.file_name))
            yield Label(Text(title), classes="import-title")
            intro = S.IMPORT_PREVIEW_PEILDATUM.format(peildatum=format_date(self.peildatum))
            yield Static(Text(intro), classes="import-help")
            summary = report.summary()
            if not report.nieuw and not report.bijgewerkt:
                summary = f"{summary}. {S.IMPORT_NOTHING}"
            yield Static(Text(summary), id="import-summary")
            with VerticalScroll(id="import-groups"):
                yield Static(preview_text(report, self.warnings), id="import-names")
            yield Static(Text(S.IMPORT_KEYS), classes="import-help")
            with Horizontal(classes="import-buttons"):
                yield Button(S.BUTTON_IMPORT, id="import-go", variant="primary")
                yield Button(S.BUTTON_CANCEL, id="import-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "import-go")

    def action_import(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
