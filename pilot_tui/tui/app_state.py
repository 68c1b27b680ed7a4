"""The app's state and what it shows: the register, the peildatum, window, filter, sort
order, search query and selected pilot, and the list, counts and detail computed from them.

Every change recomputes what is shown (assessments are cached per peildatum and window,
the search index is kept and updated per pilot) and pushes it to the main screen.
:class:`~pilot_tui.tui.app.PilotApp` adds the keys, the messages and the lifecycle; the
flows reach the app only through the methods of :mod:`pilot_tui.tui.host`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.notifications import SeverityLevel

from pilot_tui.attention import Assessment, Attention, assess, assess_all, counts, end_label
from pilot_tui.memory import keep_out_of_collections
from pilot_tui.model import CLOSED_STATUSES
from pilot_tui.periods import Window, format_date
from pilot_tui.store import Store
from pilot_tui.text import for_screen, one_line
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui import startup_flow
from pilot_tui.tui import strings as S
from pilot_tui.tui.input_order import InputInOrderApp
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.view import (
    Filter,
    Narrowing,
    Row,
    SortOrder,
    filtered,
    make_detail,
    make_row,
    pilot_search_text,
    query_words,
    ranked,
    sort_assessments,
)
from pilot_tui.tui.widgets.status_line import Status

_AssessKey = tuple[date, Window, date | None]  # peildatum, window, latest peildatum
FIRST_ROWS = startup_flow.startup.ROWS  # rows in the first frame (more than any screen)


def end_text(a: Assessment) -> str:
    """The end column of ``a``'s row (as make_row has it), without making the row."""
    return end_label(a.period, a.status in CLOSED_STATUSES, mark_no_later_than=True)


class Rows(dict[str, Row]):
    """The list's row per pilot id, made when first asked for: the first frame needs
    only the first rows (the others follow right after it, see AppState.refresh_view)."""

    def __init__(self, assessed: Iterable[Assessment]) -> None:
        super().__init__()
        self._of = {a.pilot.id: a for a in assessed}

    def __missing__(self, pilot_id: str) -> Row:
        row = self[pilot_id] = make_row(self._of[pilot_id])
        return row


if TYPE_CHECKING:  # imported where used: the first screen does not wait for them
    from pilot_tui import overview
    from pilot_tui.compare import Comparison
    from pilot_tui.tui.editing import EditFlow
    from pilot_tui.tui.file_flows import SnapshotWriting
    from pilot_tui.tui.merge_flow import MergeFlow


class AppState(InputInOrderApp[int]):
    """The state of :class:`~pilot_tui.tui.app.PilotApp` and what is shown from it."""

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
        self._rows_partial = False  # the list shows only the first rows of `shown`
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
            one_line(message),
            title=for_screen(title),
            severity=severity,
            timeout=timeout,
            markup=False,
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
            cached = (key, found, Rows(found))
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
        for pilot_id in self._assess_stale:
            by_id.pop(pilot_id, None)
        anew: list[Assessment] = []
        fresh: set[str] = set()
        for pilot in self.store.register.pilots:
            if not pilot.exists_at(self.peildatum):
                continue
            a = by_id.get(pilot.id)
            if a is None or a.source is not pilot:
                a = assess(pilot, self.peildatum, window_end, latest)
                fresh.add(pilot.id)
            anew.append(a)
        kept = Rows(anew)  # the rows of the pilots assessed anew are made when asked for
        kept.update((i, row) for i, row in rows.items() if i in by_id and i not in fresh)
        return anew, kept

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

    def refresh_view(self, *, detail: bool = True, first_frame: bool = False) -> None:
        """Recompute list, counts and (unless not ``detail``) the detail from the state
        and show them. ``first_frame``: show only the rows a screen can hold (with the
        end column as wide as for all); :meth:`rows_complete` shows the rest."""
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
        shown = self.shown
        self._rows_partial = first_frame and len(shown) > FIRST_ROWS and not self.settings.column
        if self._rows_partial:  # the others a moment later (the extra column: all at once)
            first = [rows[a.pilot.id] for a in shown[:FIRST_ROWS]]
            end_width = max([cell_len(S.COL_END), *(cell_len(end_text(a)) for a in shown)])
            main.show_rows(first, words, len(assessed), empty, self.selected, end_width=end_width)
        else:
            main.show_rows(
                [rows[a.pilot.id] for a in shown], words, len(assessed), empty, self.selected
            )
        if detail:
            self.show_detail()
        self.show_timeline()

    def rows_complete(self) -> None:
        """After a first frame of only the first rows: the list with all of them."""
        if self._rows_partial:
            self.refresh_view(detail=False)

    def show_detail(self) -> None:
        selected = self.main.pilot_list.highlighted
        self.selected = selected if selected is not None else self.selected
        if not self.loaded:
            detail = startup_flow.cached_detail(
                self.start, self.selected, self.peildatum, self.window
            )
            self.main.show_detail(detail, ())
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
            from pilot_tui.compare import compare

            self._comparison = (key, compare(register, self.peildatum, since))
        return self._comparison[1]

    # -- what the flows may ask of the app (pilot_tui.tui.host) ------------------------------
    def highlighted_pilot(self) -> str | None:
        return self.main.pilot_list.highlighted

    def marked_pilots(self) -> frozenset[str]:
        return self.main.pilot_list.marked

    def clear_marks(self) -> None:
        self.main.pilot_list.clear_marks()

    def shown_pilots(self) -> list[str]:
        return [a.pilot.id for a in self.shown]

    def idle(self) -> bool:
        return isinstance(self.screen, MainScreen)

    def list_end_width(self) -> int:
        return self.main.pilot_list.end_width

    def search_for(self, text: str) -> None:
        self.main.search_for(text)

    def register_changed(
        self,
        select: str | None = None,
        pilots: Iterable[str] | None = None,
        *,
        peildatum: date | None = None,
    ) -> None:
        """After any change of the register (saved or not): show it as it is in memory."""
        from pilot_tui.tui.screens.review import ReviewScreen

        if select is not None:
            self.selected = select
        self.reindex(pilots)
        if peildatum is not None:
            self.peildatum = peildatum
        self.refresh_view()
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.refresh_view()
        self.refresh_bindings()
