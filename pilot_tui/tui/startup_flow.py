"""Starting the app: from the start cache when it fits, and keeping the first screen for
the next start (the cache itself is startup.py).

With a fitting cache the app paints the cached first screen, reads the register in a
worker thread, and shows the real one when it is read. Until then the keys that need the
register are dimmed in the footer and do nothing; moving through the list, the help, a
search (applied when the register is read) and quitting work.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

from pilot_tui.attention import assess
from pilot_tui.memory import Pause, keep_out_of_collections
from pilot_tui.model import Pilot
from pilot_tui.ops.register import LOCKED, WRITE_PROTECTED, open_for_app
from pilot_tui.periods import Window
from pilot_tui.store import Store
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui import startup
from pilot_tui.tui import strings as S
from pilot_tui.tui.view import Detail, SortOrder, make_detail

if TYPE_CHECKING:
    from pilot_tui.tui.host import StartHost
    from pilot_tui.tui.screens.main import MainScreen

# App actions that do not need the register (the others wait until it is read).
WHILE_LOADING = frozenset(
    {"quit", "help_quit", "focus_next", "focus_previous", "change_theme", "command_palette"}
)
# Keys shown only when they can do something (a failed save, a conflict on disk).
ONLY_WHEN_NEEDED = frozenset({"retry_save", "reload_register"})


def while_loading(action: str) -> bool | None:
    """check_action while the register is read: True (works), None (dimmed in the
    footer, does nothing yet) or False (not shown at all)."""
    if action in WHILE_LOADING:
        return True
    return False if action in ONLY_WHEN_NEEDED else None


def open_store(store_path: Path) -> tuple[Store, str | None]:
    """Open the register to edit; when another instance has it, or the file itself is
    read-only, open it read-only with the reason. The day's backup is not made here but
    by :class:`DailyBackup`, after the first screen and before anything is saved.

    A corrupt or foreign file raises StoreError (one Dutch line)."""
    opened = open_for_app(store_path, daily_backup=False)  # made after the first screen
    notices = {LOCKED: S.LOCKED_NOTICE, WRITE_PROTECTED: S.WRITE_PROTECTED_NOTICE}
    because = opened.readonly_because
    # the file name only: a long folder would push the title off an 80-column status line
    notice = notices[because].format(path=store_path.name) if because else None
    # The register stays as long as the app (see pilot_tui.memory; the app returns it).
    keep_out_of_collections(len(opened.store.register.pilots))
    return opened.store, notice


class DailyBackup:
    """The backup of the first writable open of a day (as Store.open makes it), made in a
    thread once the first screen is out instead of before it: copying a large register
    takes a second or more. Anything that may save waits for it (:meth:`made`), and so
    does closing the store, so it is always made before the first save, and made at all."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._making = threading.Lock()
        self._made = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Make it in a thread (once)."""
        if self._thread is None and not self._made:
            self._thread = threading.Thread(target=self.made, name="daily-backup")
            self._thread.start()

    def made(self) -> None:
        """Return once the backup is made (or was not due, or failed: a warning, as when
        Store.open makes it); makes it here if no thread is at it."""
        with self._making:
            if self._made:
                return
            try:
                self.store.daily_backup()
            finally:
                self._made = True


class Start:
    """One start of the app: the cache key, the cached first screen (None: there is none
    that fits), and the register read in the background."""

    def __init__(self, store_path: Path, key: startup.StartKey, view: startup.StartView | None):
        self.store_path = store_path
        self.key = key
        self.view = view
        self.error: Exception | None = None  # why the background read failed
        self._opened: tuple[Store, str | None] | None = None
        self.backup: DailyBackup | None = None  # the day's backup of the opened register
        self._started = False
        self._closed = False
        self._state = threading.Lock()  # started/closed: a read may begin as the app stops
        self._done = threading.Event()
        self._detail: tuple[date, Window, Detail | None] | None = None
        self.collector_pause: Pause | None = None  # since the program began (memory.py)

    def first_screen_shown(self) -> None:
        """The first frame is out: the collector, paused since the program began, runs."""
        if self.collector_pause is not None:
            self.collector_pause.end()

    def open(self) -> tuple[Store, str | None] | None:
        """Read the register (in a worker thread); None when the app has stopped."""
        with self._state:
            if self._closed:
                return None
            self._started = True
        try:
            opened = open_store(self.store_path)
            self.backup = DailyBackup(opened[0])
            self._opened = opened
            return opened
        except Exception as exc:
            self.error = exc  # run() raises it once the screen is gone
            raise
        finally:
            self._done.set()

    def close(self) -> None:
        """After the app stopped: wait for a read still under way and close its store;
        a read that had not begun will not begin."""
        with self._state:
            self._closed = True
            started = self._started
        if started:
            self._done.wait()
        if self._opened is not None:
            try:
                self.saving_allowed()  # never closed (the lock let go) before it is made
            finally:
                self._opened[0].close()

    def after_first_screen(self) -> None:
        """The register is on screen: make the day's backup (in a thread)."""
        if self.backup is not None:
            self.backup.start()

    def saving_allowed(self) -> None:
        """Before anything may be saved: wait for the day's backup (made after the first
        screen, usually long done by the first save)."""
        if self.backup is not None:
            self.backup.made()

    def cached_detail(self, peildatum: date, window: Window) -> Detail | None:
        """The detail of the first cached pilot (made once per peildatum and window)."""
        view = self.view
        if view is None or view.first is None:
            return None
        if self._detail is None or self._detail[:2] != (peildatum, window):
            try:
                pilot = Pilot.from_dict(view.first)
            except (ValueError, TypeError):
                detail = None
            else:
                found = assess(pilot, peildatum, window.end(peildatum), view.latest)
                detail = make_detail(found, peildatum)
            self._detail = (peildatum, window, detail)
        return self._detail[2]


def saving_allowed(start: Start | None) -> None:
    """Before a flow that may save exists (editing, merge conflicts, import): the day's
    backup is made (see DailyBackup)."""
    if start is not None:
        start.saving_allowed()


def prepare(store_path: Path, peildatum: date | None, window: Window | None) -> Start:
    """The start for these command-line choices, with its cached first screen if any."""
    if window is not None:
        spec = settings_file.window_spec(window)
    else:
        settings, _problem = settings_file.load(settings_file.config_dir())
        spec = settings.window or settings_file.window_spec(settings_file.default_window())
    key = startup.StartKey.make(store_path, peildatum, spec)
    return Start(store_path, key, startup.read(key))


def show_cached(main: MainScreen, start: Start | None) -> None:
    """Paint the cached first screen (the register is being read)."""
    view = start.view if start is not None else None
    main.detail.placeholder = S.LOADING_DETAIL
    if view is None:  # cannot happen via run(); an empty list that says it is loading
        main.show_rows([], (), 0, S.LOADING_DETAIL, None)
        return
    main.show_status(replace(view.status, extra=(*view.status.extra, S.LOADING_STATUS)))
    main.show_rows(
        view.rows, (), view.total, S.LOADING_DETAIL, None, end_width=view.end_width, counted=False
    )
    # The detail (the first pilot's, cached) follows a frame later, see fill_main_screen.


def cached_detail(
    start: Start | None, selected: str | None, peildatum: date, window: Window
) -> Detail | None:
    """While the register is read: the detail of the selected pilot when it is the
    cached one (the first in the list), else none."""
    first = start.view.first if start is not None and start.view is not None else None
    if start is not None and first is not None and selected == first.get("id"):
        return start.cached_detail(peildatum, window)
    return None


def load_finished(app: StartHost, worker: Worker[object]) -> None:
    """The background read ended: show the register, or stop and let run() say why."""
    if worker.state == WorkerState.SUCCESS:
        result = worker.result
        if isinstance(result, tuple):
            app.register_loaded(*result)
    elif worker.state in (WorkerState.ERROR, WorkerState.CANCELLED):
        app.exit(return_code=2)


def keep_first_screen(app: StartHost) -> None:
    """Write the start cache when the screen shows the start's own view: the default
    order, nothing searched or filtered, at the peildatum and window the start asked."""
    start = app.start
    if start is None or not app.loaded or not startup.enabled():
        return
    if app.search_query.strip() or app.filter.active or app.overview_filter is not None:
        return
    if app.sort is not SortOrder.ATTENTION:
        return
    if settings_file.window_spec(app.window) != start.key.window:
        return
    store = app.store
    assessed, rows = app.assessments()
    shown = app.shown
    first = shown[0].pilot.to_dict() if shown else None
    view = startup.StartView(
        peildatum=app.peildatum,
        latest=store.register.latest_peildatum(app.peildatum),
        status=replace(app.status(assessed), banner=""),
        rows=tuple(rows[a.pilot.id] for a in shown[: startup.ROWS]),
        end_width=app.list_end_width(),
        total=len(assessed),
        first=first,
    )
    from_today = store.register.latest_peildatum() is None
    write = partial(startup.write, start.key, store.stamp, view, from_today=from_today)
    app.run_worker(write, thread=True, group="start-cache")
