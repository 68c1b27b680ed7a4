"""What the app's flows may ask of the app: narrow, typed interfaces (Protocols).

The flows (editing, file_flows, merge_flow, startup_flow, the palette's pilots) are given
the app as one of these, never as :class:`~pilot_tui.tui.app.PilotApp`: they read the
state they need (the register, the peildatum, the pilot under the cursor), show a dialog,
say something, and tell the app the register changed. They never reach through the
app's screens and widgets, and never set the app's state themselves; the app owns both.
``PilotApp`` implements every one of them (mypy checks that where a flow is made).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.notifications import SeverityLevel
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import SystemCommand

    from pilot_tui import overview
    from pilot_tui.attention import Assessment
    from pilot_tui.periods import Window
    from pilot_tui.store import Store
    from pilot_tui.tui.editing import EditFlow
    from pilot_tui.tui.file_flows import SnapshotWriting
    from pilot_tui.tui.settings import Settings
    from pilot_tui.tui.startup_flow import Start
    from pilot_tui.tui.view import Filter, Row, SortOrder
    from pilot_tui.tui.widgets.status_line import Status

T = TypeVar("T")


class Shows(Protocol):
    """The register and what of it is shown: its peildatum and window."""

    @property
    def store(self) -> Store: ...

    @property
    def peildatum(self) -> date: ...

    @property
    def window(self) -> Window: ...


class Host(Shows, Protocol):
    """What every flow uses: the register, the peildatum shown, dialogs and messages."""

    @property
    def notice(self) -> str | None:
        """Why the register is read-only (None: it is not, or no reason is known)."""
        ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def push_screen(
        self, screen: Screen[T], callback: Callable[[T | None], None] | None = None
    ) -> object: ...

    def refresh_bindings(self) -> None: ...

    def register_changed(
        self,
        select: str | None = None,
        pilots: Iterable[str] | None = None,
        *,
        peildatum: date | None = None,
    ) -> None:
        """Show the register as it is now in memory. ``select``: put the cursor on this
        pilot; ``pilots``: the only pilots that changed (None: any may have);
        ``peildatum``: show the register at this peildatum from now on."""
        ...


class EditHost(Host, Protocol):
    """What the editing flows use besides: the pilots chosen in the list, the
    assessments shown and the settings (where the review stopped)."""

    @property
    def settings(self) -> Settings: ...

    def save_settings(self) -> None: ...

    def highlighted_pilot(self) -> str | None:
        """The id of the pilot under the list's cursor."""
        ...

    def marked_pilots(self) -> frozenset[str]: ...

    def clear_marks(self) -> None: ...

    def shown_pilots(self) -> list[str]:
        """The ids of the pilots in the list, in its order."""
        ...

    def assessments(self) -> tuple[list[Assessment], dict[str, Row]]: ...

    def idle(self) -> bool:
        """No form or dialog is open (the main screen has the keys)."""
        ...


class MergeHost(Host, Protocol):
    """The merge flow resolves conflicts through the edit flow (one undo stack)."""

    @property
    def edits(self) -> EditFlow: ...


class FileHost(Host, Protocol):
    """Import and snapshot: work in a worker thread, the answer back in the UI thread."""

    today: date
    snapshot_format: str  # the last format written, offered again
    snapshot_writing: SnapshotWriting | None  # the last one asked for (quitting asks)

    def run_worker(
        self,
        work: Callable[[], Any],
        *,
        group: str = "default",
        exit_on_error: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> object: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...


class PaletteHost(Protocol):
    """The command palette's pilots: found by name at the peildatum, gone to or searched."""

    @property
    def store(self) -> Store: ...

    @property
    def peildatum(self) -> date: ...

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]: ...

    def go_to_pilot(self, pilot_id: str) -> None: ...

    def search_for(self, text: str) -> None:
        """Put ``text`` in the list's search box (the list shows what it finds)."""
        ...


class StartHost(Shows, Protocol):
    """The start: the register read in the background, the first screen kept for the
    next start when it shows the start's own view."""

    @property
    def start(self) -> Start | None: ...

    @property
    def loaded(self) -> bool: ...

    @property
    def search_query(self) -> str: ...

    @property
    def filter(self) -> Filter: ...

    @property
    def overview_filter(self) -> overview.OverviewFilter | None: ...

    @property
    def sort(self) -> SortOrder: ...

    @property
    def shown(self) -> list[Assessment]: ...

    def assessments(self) -> tuple[list[Assessment], dict[str, Row]]: ...

    def status(self, assessed: list[Assessment]) -> Status: ...

    def list_end_width(self) -> int:
        """The width of the list's end column (kept with the cached rows)."""
        ...

    def register_loaded(self, store: Store, notice: str | None) -> None: ...

    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None: ...

    def run_worker(
        self,
        work: Callable[[], Any],
        *,
        group: str = "default",
        exit_on_error: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> object: ...
