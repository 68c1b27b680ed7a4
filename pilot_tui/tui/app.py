"""The Textual app: the keys, the messages from the widgets and the lifecycle.

The state and what is shown from it are :class:`~pilot_tui.tui.app_state.AppState`'s;
the flows (editing, import and snapshot, merge conflicts, the start) are handed the app
as one of the narrow interfaces of :mod:`pilot_tui.tui.host`. Widgets only post messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, CSSPathType, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input
from textual.worker import Worker

from pilot_tui.attention import counts
from pilot_tui.memory import keep_out_of_collections, return_to_collections
from pilot_tui.periods import Window, format_date
from pilot_tui.store import Store
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui import startup_flow
from pilot_tui.tui import strings as S
from pilot_tui.tui.app_state import AppState
from pilot_tui.tui.commands import PilotCommands, palette_title
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.view import Filter
from pilot_tui.tui.widgets.pilot_list import PilotList

if TYPE_CHECKING:  # imported where used: the first screen does not wait for them
    from pilot_tui import overview
    from pilot_tui.tui.editing import EditFlow
    from pilot_tui.tui.file_flows import SnapshotWriting
    from pilot_tui.tui.merge_flow import MergeFlow
    from pilot_tui.tui.widgets.timeline import Timeline


class PilotApp(AppState, inherit_bindings=False):
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
            self.refresh_view(detail=False, first_frame=True)
            self._after_first_frame(self._register_shown)
        else:
            startup_flow.show_cached(self.main, self.start)
            self._after_first_frame(self._load_in_background)
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
        self.rows_complete()  # the list's rows below the first screen
        if self.start is not None:
            self.start.after_first_screen()  # the day's backup, in a thread
        self.set_interval(self.DISK_CHECK_EVERY, self._check_disk, name="disk-check")
        # Large registers: build the search index while the user looks at the list.
        self._index_in_background()
        startup_flow.keep_first_screen(self)
        # What the first screen computed (assessments, rows) stays, as the register does.
        keep_out_of_collections(len(self.store.register.pilots))
        if self.store.register.extra.get("conflicts"):  # left by a merge: choose first
            self.merge_flow.offer()

    def _load_in_background(self) -> None:
        if self.start is not None:
            self.run_worker(self.start.open, thread=True, group="load", exit_on_error=False)

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

    def action_overview(self) -> None:
        assessed, _rows = self.assessments()  # ALL pilots, not just the shown ones
        from pilot_tui.overview import build
        from pilot_tui.tui.screens.overview import OverviewScreen

        screen = OverviewScreen(build(assessed), self.peildatum, self.overview_filter)
        self.push_screen(screen, self.set_overview_filter)

    def action_import_overview(self) -> None:
        startup_flow.saving_allowed(self.start)  # the day's backup first
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

    # -- editing: the flows live in the editing package --------------------------------------
    def _check_disk(self) -> None:
        self.edits.check_disk()

    @property
    def edits(self) -> EditFlow:
        """Forms, delete, undo/redo, review; saving and its errors (imported on first use)."""
        if self._edits is None:
            startup_flow.saving_allowed(self.start)  # the day's backup first
            from pilot_tui.tui.editing import EditFlow

            self._edits = EditFlow(self)
        return self._edits

    @property
    def merge_flow(self) -> MergeFlow:
        """The conflicts a merge of two registers left (imported on first use)."""
        if self._merge is None:
            startup_flow.saving_allowed(self.start)  # the day's backup first
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
            described = palette_title(name, binding.description)
            title = f"{described} ({self.get_key_display(binding)})"
            help_text = S.PALETTE_ACTION_HELP.get(name) or binding.tooltip or ""
            yield SystemCommand(
                title,
                help_text,
                partial(self.call_next, self.run_action, binding.action, active.node),
            )
