"""The Textual app: owns the store and the state, hands plain data to the screens.

State: peildatum, window, filter, sort order, search query and the selected pilot.
Every change recomputes what is shown (assessments are cached per peildatum and window)
and pushes it to the main screen. Widgets only post messages.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, CSSPathType, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input
from textual.worker import Worker

from pilot_tui.attention import Assessment, Attention, assess, assess_all, counts
from pilot_tui.compare import Comparison, compare
from pilot_tui.memory import Pause, keep_out_of_collections, return_to_collections
from pilot_tui.periods import Window, format_date
from pilot_tui.store import Store
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui import startup_flow
from pilot_tui.tui import strings as S
from pilot_tui.tui.commands import PilotCommands
from pilot_tui.tui.input_order import InputInOrderApp
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.startup_flow import open_store
from pilot_tui.tui.view import (
    Filter,
    Narrowing,
    Row,
    SortOrder,
    clean,
    filtered,
    make_detail,
    make_row,
    one_line,
    pilot_search_text,
    query_words,
    ranked,
    sort_assessments,
)
from pilot_tui.tui.widgets.pilot_list import PilotList
from pilot_tui.tui.widgets.status_line import Status

_AssessKey = tuple[date, Window, date | None]  # peildatum, window, latest peildatum

if TYPE_CHECKING:  # imported where used: the first screen does not wait for them
    from pilot_tui import overview
    from pilot_tui.tui.editing import EditFlow
    from pilot_tui.tui.file_flows import SnapshotWriting
    from pilot_tui.tui.merge_flow import MergeFlow
    from pilot_tui.tui.widgets.timeline import Timeline


class PilotApp(InputInOrderApp[int], inherit_bindings=False):
    """pilot-tui: the register of pilots at a peildatum."""

    TITLE = S.APP_TITLE
    # The main screen is the default screen, whose styles come with the app's.
    CSS_PATH: ClassVar[CSSPathType | None] = ["app.tcss", "screens/main.tcss"]
    COMMANDS = App.COMMANDS | {PilotCommands}
    DISK_CHECK_EVERY = 2.0  # seconds between looks at the file for someone else's change
    FIRST_FRAME_TIME = 0.15  # seconds given to the first frames before work in threads
    # The detail pane is filled this long after the main screen is mounted: a timer comes
    # after the first frame is built (the loop is busy building it), and unlike a call
    # after refresh it does not wait until the footer has composed its keys.
    DETAIL_AFTER = 0.005

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", S.KEY_QUIT, show=False, priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding("ctrl+p", "command_palette", S.KEY_PALETTE, show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store | None,
        peildatum: date | None = None,
        window: Window | None = None,
        config_dir: Path | None = None,
        *,
        today: date | None = None,
        notice: str | None = None,
        start: startup_flow.Start | None = None,
    ) -> None:
        """``store``: the open register; or None with ``start``, to paint the cached first
        screen and read the register in the background (see startup.py)."""
        super().__init__()
        self._store = store
        self.start = start
        self.today = today or date.today()
        self.notice = notice  # e.g. why the register is read-only
        self.config_dir = config_dir or settings_file.config_dir()
        self.settings, problem = settings_file.load(self.config_dir)
        self.settings_problem = problem
        self.asked_peildatum = peildatum
        if store is not None:
            default = store.register.latest_peildatum()
        elif start is not None and start.view is not None:
            default = start.view.peildatum
        else:
            default = None
        self.peildatum: date = peildatum or default or self.today
        self.window: Window = (
            window or self.settings.load_window() or settings_file.default_window()
        )
        self.filter = Filter()
        self.overview_filter: overview.OverviewFilter | None = None  # a count chosen in `g`
        self.snapshot_format = "docx"  # the last format written, offered again
        self.snapshot_writing: SnapshotWriting | None = None  # the last one asked for
        self.sort = SortOrder.ATTENTION
        self.sort_reversed = False  # O: the same order, the other way round
        self.compare_since: date | None = None  # v: changes since this peildatum
        self._comparison: tuple[tuple[object, ...], Comparison] | None = None
        self.search_query = ""
        self.selected: str | None = None
        # ((peildatum, window, latest peildatum), assessments, rows), and the pilots whose
        # assessment is out of date since (reindex() with the pilots that changed)
        self._assessed: tuple[_AssessKey, list[Assessment], dict[str, Row]] | None = None
        self._assess_stale: set[str] = set()
        # (assessments, sort order, sorted): the list itself is kept, not its id(), which a
        # new list could reuse once the old one is gone (e.g. after another peildatum)
        self._ordered: tuple[list[Assessment], tuple[SortOrder, bool], list[Assessment]] | None = (
            None
        )
        self._search_texts: dict[str, str] | None = None
        self._index_building: threading.Event | None = None  # set when the thread is done
        self._index_stale: set[str] = set()  # pilots changed since the index was built
        self._generation = 0  # counts full reindex(): an index built meanwhile is stale
        self.shown: list[Assessment] = []
        self._edits: EditFlow | None = None  # made on first use (see `edits`)
        self._merge: MergeFlow | None = None  # conflicts left by a merge (see `merge_flow`)
        self.reindex()

    @property
    def store(self) -> Store:
        if self._store is None:  # only while loading; every caller waits for `loaded`
            raise RuntimeError("the register is still being read")
        return self._store

    @property
    def loaded(self) -> bool:
        return self._store is not None

    # -- lifecycle --------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        # The base of the stack (no blank screen painted first), filled before its first frame.
        return MainScreen(fill=self.fill_main_screen)

    def on_mount(self) -> None:
        theme = self.settings.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.settings_problem:
            self.notify(
                S.SETTINGS_UNREADABLE.format(path=self.settings_problem),
                severity="warning",
                markup=False,
            )

    def on_unmount(self) -> None:
        return_to_collections()  # what the app kept out of collections (pilot_tui.memory)

    def fill_main_screen(self) -> None:
        """Before the first frame: the list and the status line, from the register or
        from the start cache while the register is read. The detail pane follows a frame
        later (DETAIL_AFTER): it is the costliest part of the first frame (the pilot's
        looptijd read, its texts wrapped), and the list is on screen that much sooner."""
        if self.loaded:
            self.main.detail.placeholder = S.NO_SELECTION
            self.refresh_view(detail=False)
            self._after_first_frame(self._register_shown)
        else:
            startup_flow.show_cached(self)
            self._after_first_frame(partial(startup_flow.load_in_background, self))
        self.set_timer(self.DETAIL_AFTER, self.show_detail)

    def _after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the first frame is on its way to the terminal. Work in a
        thread (reading the register, the search index) holds the GIL for long stretches,
        in which Textual's writer thread could not send that frame."""

        def shown() -> None:
            if self.start is not None:
                self.start.first_screen_shown()
            callback()

        self.call_after_refresh(self.set_timer, self.FIRST_FRAME_TIME, shown)

    def _register_shown(self) -> None:
        """The register is on screen: start what waits for it."""
        self.set_interval(self.DISK_CHECK_EVERY, self._check_disk, name="disk-check")
        # Large registers: build the search index while the user looks at the list.
        self._index_in_background()
        startup_flow.keep_first_screen(self)
        # What the first screen computed (assessments, rows) stays, as the register does.
        keep_out_of_collections(len(self.store.register.pilots))
        if self.store.register.extra.get("conflicts"):  # left by a merge: choose first
            self.merge_flow.offer()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "load":
            startup_flow.load_finished(self, event.worker)

    def register_loaded(self, store: Store, notice: str | None) -> None:
        """From the background read (startup_flow): take the register and show it."""
        self._store = store
        self.notice = notice
        if self.asked_peildatum is None:
            self.peildatum = store.register.latest_peildatum() or self.today
        self.reindex()
        self.main.detail.placeholder = S.NO_SELECTION
        self.refresh_view()
        self.refresh_bindings()  # the keys that waited for the register are active
        self._register_shown()

    def _theme_changed(self, theme: Theme) -> None:
        if self.settings.theme != theme.name:
            self.settings.theme = theme.name
            self.save_settings()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is one line of text: register text in a message (a pilot's
        name) may hold markup, terminal escapes or a newline, so nothing in it is read as
        markup or escape, and white space is one space."""
        super().notify(
            one_line(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def save_settings(self) -> None:
        try:
            settings_file.save(self.config_dir, self.settings)
        except OSError as exc:
            message = S.SETTINGS_UNWRITABLE.format(path=self.config_dir, error=exc.strerror or exc)
            self.notify(message, severity="warning", markup=False)

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("main screen not mounted")

    # -- computing what is shown ------------------------------------------------------------
    def reindex(self, pilots: Iterable[str] | None = None) -> None:
        """After the register changed: ``pilots`` are the ids of the only pilots that
        changed (added, edited, deleted); None means anything may have (a reload, an
        import). The search index is then built anew; otherwise only those pilots'
        entries are (at 10,000 pilots the whole index takes a second)."""
        self._narrowing = Narrowing()
        self._ordered = None
        if pilots is None:
            self._assessed = None
            self._assess_stale.clear()
        else:
            self._assess_stale.update(pilots)
        if pilots is not None and (
            self._search_texts is not None or self._index_building is not None
        ):
            self._index_stale.update(pilots)
            return
        self._generation += 1
        self._search_texts = None
        self._index_building = None
        self._index_stale = set()

    def search_texts(self) -> dict[str, str]:
        """Normalised text per pilot; built in a thread at start, or here when first needed.
        A search while the thread is at it waits for it: building it twice at once, both
        holding the GIL in turns, would make the search and the typing after it slower."""
        texts = self._search_texts
        if texts is None:
            building = self._index_building
            if building is not None and building.wait(timeout=60):
                texts = self._search_texts  # None if the register changed meanwhile
            if texts is None:
                texts = self._build_search_texts()
        if self._index_stale:  # pilots changed since the index was built
            register = self.store.register
            for pilot_id in self._index_stale:
                pilot = register.get(pilot_id)
                if pilot is None:
                    texts.pop(pilot_id, None)
                else:
                    texts[pilot_id] = pilot_search_text(pilot)
            self._index_stale.clear()
        return texts

    def _build_search_texts(self) -> dict[str, str]:
        generation = self._generation
        texts = {p.id: pilot_search_text(p) for p in self.store.register.pilots}
        if generation == self._generation:  # not changed meanwhile (worker thread)
            self._search_texts = texts
            if self.is_running:  # as the register, the index stays while the app runs
                keep_out_of_collections(len(texts))
        return texts

    def _index_in_background(self) -> None:
        if self._search_texts is not None:
            return  # built already (a search typed while the register was read)
        building = threading.Event()
        self._index_building = building

        def build() -> None:
            try:
                self._build_search_texts()
            finally:
                building.set()

        self.run_worker(build, thread=True, group="search-index")

    def assessments(self) -> tuple[list[Assessment], dict[str, Row]]:
        """Every pilot assessed at the peildatum, in the register's order, and its row:
        kept until the peildatum, the window or the register's latest peildatum changes;
        after an edit only the pilots that changed are assessed anew."""
        register = self.store.register
        key = (self.peildatum, self.window, register.latest_peildatum(self.peildatum))
        cached = self._assessed
        if cached is None or cached[0] != key:
            found = assess_all(register, self.peildatum, self.window)
            cached = (key, found, {a.pilot.id: make_row(a) for a in found})
        elif self._assess_stale:
            cached = (key, *self._assessed_anew(cached[1], cached[2], key[2]))
        self._assess_stale.clear()
        self._assessed = cached
        return cached[1], cached[2]

    def _assessed_anew(
        self, found: list[Assessment], rows: dict[str, Row], latest: date | None
    ) -> tuple[list[Assessment], dict[str, Row]]:
        """``found`` and ``rows`` with the stale pilots assessed anew (new objects)."""
        window_end = self.window.end(self.peildatum)
        by_id = {a.pilot.id: a for a in found}
        rows = dict(rows)
        for pilot_id in self._assess_stale:
            by_id.pop(pilot_id, None)
            rows.pop(pilot_id, None)
        anew: list[Assessment] = []
        for pilot in self.store.register.pilots:
            if not pilot.exists_at(self.peildatum):
                continue
            a = by_id.get(pilot.id)
            if a is None or a.source is not pilot:
                a = assess(pilot, self.peildatum, window_end, latest)
                rows[pilot.id] = make_row(a)
            anew.append(a)
        return anew, rows

    def ordered(self, assessed: list[Assessment]) -> list[Assessment]:
        """The assessments in the current sort order (cached until either changes)."""
        cached = self._ordered
        key = (self.sort, self.sort_reversed)
        if cached is None or cached[0] is not assessed or cached[1] != key:
            found = sort_assessments(assessed, self.sort)
            if self.sort_reversed:
                found.reverse()
            cached = (assessed, key, found)
            self._ordered = cached
        return cached[2]

    def status(self, assessed: list[Assessment]) -> Status:
        per_class = counts(assessed)
        shown_counts = tuple(
            (cls, f"{n} {cls.plural}")
            for cls, n in per_class.items()
            if n or cls == Attention.VERLOPEN
        )
        extra: list[str] = []
        stale = sum(1 for a in assessed if a.niet_bijgewerkt)
        if stale:
            extra.append(f"{S.STALE_MARK} {stale} {S.NIET_BIJGEWERKT}")
        latest = self.store.register.latest_peildatum()
        if assessed and latest is not None and self.peildatum > latest:
            # the new round has not started: every pilot is up to date for the last one
            extra.append(S.PEILDATUM_NOT_STARTED)
        comparison = self.comparison()
        if comparison is not None:
            extra.append(
                S.COMPARE_ACTIVE.format(date=format_date(comparison.since), n=comparison.count)
            )
        marked = self.main.pilot_list.marked
        if marked:
            extra.append(S.MARKED_COUNT.format(n=len(marked)))
        if self.filter.active:
            extra.append(S.FILTER_ACTIVE.format(what=self.filter.describe()))
        if self.overview_filter is not None:
            extra.append(S.FILTER_ACTIVE.format(what=self.overview_filter.label))
        if self.sort is not SortOrder.ATTENTION or self.sort_reversed:
            what = self.sort.value + (S.SORT_REVERSED if self.sort_reversed else "")
            extra.append(S.SORT_ACTIVE.format(what=what))
        if (self.filter.active or self.overview_filter) and not self.search_query.strip():
            # (while searching, the count stands next to the search box)
            extra.append(S.MATCHES.format(shown=len(self.shown), total=len(assessed)))
        banners: list[str] = []
        if self.store.readonly:
            banners.append(S.READONLY_BANNER.format(reason=self.notice or self.store.path))
        disk = self._edits.disk_banner() if self._edits is not None else ""
        if disk:
            banners.append(disk)
        banner = " · ".join(banners)
        return Status(
            title=one_line(self.store.register.title),
            peildatum=S.PEILDATUM_LABEL.format(date=format_date(self.peildatum)),
            window=S.WINDOW_LABEL.format(window=self.window.label),
            counts=shown_counts,
            extra=tuple(extra),
            banner=banner,
        )

    def refresh_view(self, *, detail: bool = True) -> None:
        """Recompute list, counts and (unless not ``detail``) the detail from the state
        and show them."""
        if not self.loaded:
            return  # shown once the register is read (with the search typed meanwhile)
        assessed, rows = self.assessments()
        words = query_words(self.search_query)
        texts = self.search_texts() if words else {}
        sorted_list = self.ordered(assessed)
        ordered: Sequence[Assessment] = sorted_list
        key = (self.filter, self.overview_filter)
        candidates = self._narrowing.candidates(sorted_list, key, words)
        chosen = self.overview_filter
        if candidates is not sorted_list:
            ordered = candidates  # typing on: only the previous matches can match
        elif chosen is not None:  # filtered after sorting: the sorted list stays cached
            from pilot_tui.overview import matches

            ordered = [a for a in ordered if matches(a, chosen)]
        found = filtered(ordered, texts, words, self.filter)
        self._narrowing.remember(sorted_list, key, words, found)  # in the list's order
        self.shown = ranked(found, words)
        main = self.main
        main.show_status(self.status(assessed))
        empty = S.NO_MATCHES if assessed else S.NO_PILOTS
        main.pilot_list.mark_sorted(self.sort.column, reversed_=self.sort_reversed)
        main.pilot_list.extra_column = self.settings.column  # measured by show_rows
        main.show_rows(
            [rows[a.pilot.id] for a in self.shown], words, len(assessed), empty, self.selected
        )
        if detail:
            self.show_detail()
        self.show_timeline()

    def show_detail(self) -> None:
        selected = self.main.pilot_list.highlighted
        self.selected = selected if selected is not None else self.selected
        if not self.loaded:
            startup_flow.show_cached_detail(self)
            return
        found = next((a for a in self.shown if a.pilot.id == selected), None)
        detail = make_detail(found, self.peildatum) if found is not None else None
        comparison = self.comparison()
        if detail is not None and comparison is not None:
            detail = replace(
                detail,
                compare_title=S.COMPARE_TITLE.format(date=format_date(comparison.since)),
                compare=comparison.per_pilot.get(detail.pilot_id, ()),
            )
        self.main.show_detail(detail, query_words(self.search_query))

    def comparison(self) -> Comparison | None:
        """What changed per pilot since ``compare_since`` (kept until the register, the
        peildatum or the date compared with changes)."""
        since = self.compare_since
        if since is None or since >= self.peildatum:
            return None
        register = self.store.register
        # every change adds to the audit log; a reload gives a new register object
        key = (since, self.peildatum, id(register), len(register.audit))
        if self._comparison is None or self._comparison[0] != key:
            self._comparison = (key, compare(register, self.peildatum, since))
        return self._comparison[1]

    # -- messages from the widgets -----------------------------------------------------------
    def on_pilot_list_marks_changed(self, _event: PilotList.MarksChanged) -> None:
        assessed, _rows = self.assessments()
        self.main.show_status(self.status(assessed))

    def on_pilot_list_highlighted(self, event: PilotList.Highlighted) -> None:
        if event.pilot_id is not None:
            self.selected = event.pilot_id
        self.show_detail()
        if self.main.has_timeline:
            self.main.timeline.select_pilot(event.pilot_id)  # posts nothing back
            self._align_timeline()

    def _align_timeline(self) -> None:
        """Beside the list the timeline shows the same pilots on the same lines: it
        scrolls as the list does (each keeping its own cursor in view would not)."""
        main = self.main
        timeline, pilot_list = main.timeline, main.pilot_list
        if timeline.display and timeline.region.y == pilot_list.region.y:
            timeline.scroll_to(y=pilot_list.scroll_y, animate=False, immediate=True)

    def on_timeline_highlighted(self, event: Timeline.Highlighted) -> None:
        if event.pilot_id is None:
            return
        self.selected = event.pilot_id
        pilot_list = self.main.pilot_list
        index = next(
            (i for i, r in enumerate(pilot_list.rows) if r.pilot_id == event.pilot_id), None
        )
        if index is not None:
            pilot_list.cursor = index  # the list posts Highlighted: the detail follows

    async def on_timeline_selected(self, event: Timeline.Selected) -> None:
        await self.action_toggle_timeline()  # enter on a bar: back to the detail of that pilot
        self.main.detail.focus()

    def on_main_screen_clear_filter(self) -> None:
        """escape in the list: the overview filter first, then the `f` filter."""
        if not self.loaded:
            return
        if self.overview_filter is not None:
            self.set_overview_filter(None, clear=True)
        elif self.filter.active:
            self.set_filter(Filter())

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.search_query = event.value
        self.refresh_view()

    # -- state changes -------------------------------------------------------------------
    def set_peildatum(self, peildatum: date | None) -> None:
        if peildatum is None or peildatum == self.peildatum:
            return
        self.peildatum = peildatum
        self.refresh_view()

    def set_window(self, window: Window | None) -> None:
        if window is None:
            return
        self.window = window
        spec = settings_file.window_spec(window)
        if spec and spec != self.settings.window:
            self.settings.window = spec
            self.save_settings()
        self.refresh_view()

    def set_filter(self, flt: Filter | None) -> None:
        if flt is None:
            return
        self.filter = flt
        if not flt.active:  # "Alles tonen" (or nothing chosen): the overview count goes too
            self.overview_filter = None
        self.refresh_view()

    def set_overview_filter(
        self, flt: overview.OverviewFilter | None, *, clear: bool = False
    ) -> None:
        if flt is None and not (clear and self.overview_filter is not None):
            return  # escape in the overview leaves the filter as it was
        self.overview_filter = flt
        self.refresh_view()
        if flt is not None:
            self.notify(S.OVERVIEW_FILTER_SET.format(label=flt.label), markup=False, timeout=2)

    # -- actions (bound on the main screen, offered in the command palette) ----------------
    def action_peildatum(self) -> None:
        register = self.store.register
        from pilot_tui.tui.dialogs.peildatum import PeildatumDialog

        dialog = PeildatumDialog(self.peildatum, list(register.peildata), self.today)
        self.push_screen(dialog, self.set_peildatum)

    def action_step_peildatum(self, step: int) -> None:
        register = self.store.register
        if step < 0:
            target = register.previous_peildatum(self.peildatum)
            missing = S.NO_PREV_PEILDATUM
        else:
            target = register.next_peildatum(self.peildatum)
            missing = S.NO_NEXT_PEILDATUM
        if target is None:
            self.notify(missing, markup=False)
            return
        self.set_peildatum(target)

    def action_window(self) -> None:
        from pilot_tui.tui.dialogs.window import WindowDialog

        self.push_screen(WindowDialog(self.window), self.set_window)

    def action_filter(self) -> None:
        assessed, _rows = self.assessments()
        from pilot_tui.tui.dialogs.filter import FilterDialog

        self.push_screen(FilterDialog(self.filter, counts(assessed)), self.set_filter)

    async def action_toggle_timeline(self) -> None:
        main = self.main
        await main.mount_timeline()
        main.toggle_class("-timeline")
        if main.has_class("-timeline"):
            self.show_timeline()
        elif main.focused is main.timeline:
            main.pilot_list.focus()

    def show_timeline(self) -> None:
        main = self.main
        if main.has_class("-timeline") and main.has_timeline:  # hidden: need not be filled
            from pilot_tui.tui.widgets.timeline import timeline_rows

            main.timeline.set_rows(
                timeline_rows(self.shown),  # same filter and sort as the list
                self.peildatum,
                self.window.end(self.peildatum),
                keep=self.selected,
            )

    def action_overview(self) -> None:
        assessed, _rows = self.assessments()  # ALL pilots, not just the shown ones
        from pilot_tui.overview import build
        from pilot_tui.tui.screens.overview import OverviewScreen

        screen = OverviewScreen(build(assessed), self.peildatum, self.overview_filter)
        self.push_screen(screen, self.set_overview_filter)

    def action_import_overview(self) -> None:
        from pilot_tui.tui import file_flows

        file_flows.start_import(self)

    def action_snapshot(self) -> None:
        from pilot_tui.tui import file_flows

        file_flows.start_snapshot(self)

    def go_to_pilot(self, pilot_id: str) -> None:
        """From the command palette: show this pilot (dropping a search or filter that
        hides it) and put the cursor on it."""
        if all(a.pilot.id != pilot_id for a in self.shown):
            self.filter = Filter()
            self.overview_filter = None
            self.main.search.value = ""  # Input.Changed clears the query and refreshes
            self.search_query = ""
        self.selected = pilot_id
        self.refresh_view()
        self.main.pilot_list.focus()

    def action_cycle_sort(self) -> None:
        self.sort = self.sort.next()
        self.sort_reversed = False
        # said in the list's header (▾) and the status line; a toast per press stacked up
        self.refresh_view()

    def action_compare(self) -> None:
        """v: compare with an earlier peildatum (asked, the previous one proposed); v
        again stops comparing."""
        if self.compare_since is not None:
            self.compare_since = None
            self.refresh_view()
            return
        from pilot_tui.tui.dialogs.peildatum import PeildatumDialog

        register = self.store.register
        proposed = register.previous_peildatum(self.peildatum) or self.peildatum
        dialog = PeildatumDialog(
            proposed, list(register.peildata), self.today, title=S.COMPARE_DIALOG_TITLE
        )
        self.push_screen(dialog, self._compare_chosen)

    def _compare_chosen(self, since: date | None) -> None:
        if since is None:
            return
        if since >= self.peildatum:
            self.notify(
                S.COMPARE_NOT_EARLIER.format(peildatum=format_date(self.peildatum)),
                severity="warning",
                markup=False,
            )
            return
        self.compare_since = since
        self.refresh_view()

    def action_cycle_column(self) -> None:
        """c: a column with the programma, then the gemeente, then neither (remembered)."""
        order = [None, "programma", "gemeente"]
        column = order[(order.index(self.settings.column) + 1) % len(order)]
        self.settings.column = column
        self.save_settings()
        self.main.pilot_list.show_column(column)

    def action_reverse_sort(self) -> None:
        self.sort_reversed = not self.sort_reversed
        self.refresh_view()

    async def action_quit(self) -> None:
        """q / ctrl+q: stop; ask first when that would lose something: a change not on
        disk, an open form with changes, a snapshot being written."""
        from pilot_tui.tui.dialogs.confirm import ConfirmDialog, Form

        writing = self.snapshot_writing
        if writing is not None and not writing.done:
            dialog = ConfirmDialog(
                S.CONFIRM_QUIT_WRITING_TITLE,
                S.CONFIRM_QUIT_WRITING_TEXT.format(fmt=writing.label),
                S.CONFIRM_QUIT_WRITING_YES,
                S.CONFIRM_QUIT_NO,
                key=S.CONFIRM_QUIT_KEY,
            )
            self.push_screen(dialog, lambda yes: self._stop(writing) if yes else None)
            return
        why = self.edits.unsaved_reason() if self.loaded else None
        if why is None and any(isinstance(s, Form) and s.changed for s in self.screen_stack):
            why = S.CONFIRM_QUIT_FORM
        if why is None:
            self.exit()
            return
        dialog = ConfirmDialog(
            S.CONFIRM_QUIT_TITLE,
            S.CONFIRM_QUIT_TEXT.format(why=why),
            S.CONFIRM_QUIT_YES,
            S.CONFIRM_QUIT_NO,
            key=S.CONFIRM_QUIT_KEY,
        )
        self.push_screen(dialog, lambda yes: self.exit() if yes else None)

    def _stop(self, writing: SnapshotWriting) -> None:
        writing.cancel.set()  # the worker stops at its next progress report, writes nothing
        self.exit()

    def action_help_quit(self) -> None:
        """ctrl+c: say how to stop (Textual's own text is English)."""
        self.notify(S.HELP_QUIT, markup=False, timeout=3)

    # -- editing (issue 4): the flows live in editing.py -------------------------------------
    def _check_disk(self) -> None:
        self.edits.check_disk()

    @property
    def edits(self) -> EditFlow:
        """Forms, delete, undo/redo, review; saving and its errors (imported on first use)."""
        if self._edits is None:
            from pilot_tui.tui.editing import EditFlow

            self._edits = EditFlow(self)
        return self._edits

    @property
    def merge_flow(self) -> MergeFlow:
        """The conflicts a merge of two registers left (imported on first use)."""
        if self._merge is None:
            from pilot_tui.tui.merge_flow import MergeFlow

            self._merge = MergeFlow(self)
        return self._merge

    def action_merge_conflicts(self) -> None:
        self.merge_flow.offer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.loaded:  # dimmed until the register is read (a moment)
            return startup_flow.while_loading(action)
        if self._edits is None:  # nothing edited yet: nothing to save or reload
            return action not in startup_flow.ONLY_WHEN_NEEDED or bool(self.store.dirty)
        return self.edits.can(action)  # ctrl+s / ctrl+r only when they can do something

    def action_new(self) -> None:
        self.edits.new()

    def action_edit(self) -> None:
        self.edits.edit()

    def action_update(self) -> None:
        self.edits.update()

    def action_keep_unchanged(self) -> None:
        self.edits.keep_unchanged()

    def action_delete(self) -> None:
        self.edits.delete()

    def action_review(self) -> None:
        self.edits.review()

    def action_undo(self) -> None:
        self.edits.undo()

    def action_redo(self) -> None:
        self.edits.redo()

    def action_retry_save(self) -> None:
        self.edits.retry_save()

    def action_reload_register(self) -> None:
        self.edits.reload()

    # -- command palette: every binding of the screen it was opened from ---------------------
    def action_command_palette(self) -> None:
        """The command palette with a Dutch placeholder."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder=S.PALETTE_PLACEHOLDER, id="--command-palette")
            )

    def search_themes(self) -> None:
        """The theme picker (Textual's, with a Dutch placeholder)."""
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=S.THEME_PLACEHOLDER))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own (English) system commands are replaced by these Dutch ones.
        yield SystemCommand(S.PALETTE_THEME, S.PALETTE_THEME_HELP, self.action_change_theme)
        show_help = getattr(screen, "action_help", None)
        if callable(show_help):
            yield SystemCommand(S.PALETTE_HELP, S.PALETTE_HELP_HELP, show_help)
        yield SystemCommand(S.PALETTE_QUIT, S.PALETTE_QUIT_HELP, self.action_quit)
        yield SystemCommand(S.PALETTE_IMPORT, S.PALETTE_IMPORT_HELP, self.action_import_overview)
        if self.loaded and self.store.register.extra.get("conflicts"):
            yield SystemCommand(S.PALETTE_MERGE, S.PALETTE_MERGE_HELP, self.action_merge_conflicts)
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.system or not binding.description or binding.action in seen:
                continue
            if binding.action in {"command_palette", "quit", "app.quit", "help"}:
                continue
            seen.add(binding.action)
            name = binding.action.removeprefix("app.")
            described = S.PALETTE_ACTION_TITLE.get(name, binding.description)
            title = f"{described} ({self.get_key_display(binding)})"
            help_text = S.PALETTE_ACTION_HELP.get(name) or binding.tooltip or ""
            yield SystemCommand(
                title,
                help_text,
                partial(self.call_next, self.run_action, binding.action, active.node),
            )


def run(
    store_path: Path,
    peildatum: date | None = None,
    window: Window | None = None,
    *,
    starting: Pause | None = None,
) -> int:
    """Open the register and run the app; on a lock, open read-only and say so.

    With a start cache for this file (see startup.py) the app paints first and reads
    the register in the background; otherwise the register is read first, so that a
    file that cannot be read stops here with one line, before any screen.
    ``starting``: a pause of the collector, ended once the first screen is out."""
    start = startup_flow.prepare(store_path, peildatum, window)
    start.collector_pause = starting
    if start.view is not None:
        app = PilotApp(None, peildatum, window, None, start=start)
        try:
            app.run()
        finally:
            start.close()
        if start.error is not None:  # the background read failed: say why, screen gone
            raise start.error
        return app.return_code or 0
    store, notice = open_store(store_path)
    try:
        app = PilotApp(store, peildatum, window, None, notice=notice, start=start)
        app.run()
    finally:
        store.close()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(run(Path(os.environ.get("PILOT_TUI_STORE", "store.json"))))
