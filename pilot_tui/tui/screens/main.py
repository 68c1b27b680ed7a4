"""The main screen: status line, search bar, pilot list beside (or above) the detail pane.

This screen is a view: the app computes what to show and calls the ``show_*`` methods;
the widgets post messages (search changed, pilot highlighted) that the app handles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, HorizontalGroup
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Label

from pilot_tui.tui import strings as S
from pilot_tui.tui.view import Detail, Row
from pilot_tui.tui.widgets.detail import DetailPane
from pilot_tui.tui.widgets.pilot_list import PilotList
from pilot_tui.tui.widgets.status_line import Status, StatusLine
from pilot_tui.tui.widgets.text_fields import TextField

if TYPE_CHECKING:
    from pilot_tui.tui.screens.help import HelpEntry
    from pilot_tui.tui.widgets.timeline import Timeline

WIDE = 110
ROOMY_FOOTER = 130  # below this the footer is compact
KEEP_IN_VIEW = ("help", "app.quit")  # footer keys docked right: in view when keys overflow


class MainFooter(Footer):
    """The footer, with "? Help", "q Stoppen" (and the palette key) kept on the right.

    The main screen has more keys than 80 columns can show; the others are in the help.

    Textual's footer recomposes (16 keys, some 40 ms) on every change of the screen's
    bindings, such as each change of focus; this one only when the keys it shows change.
    """

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._shown: tuple[object, ...] | None = None  # the keys of the last composition

    def _keys(self) -> tuple[object, ...]:
        """What a composition would show: each key with its state, and the palette key."""
        return (
            self.show_command_palette,
            *(
                (binding.key, binding.action, binding.description, enabled, tooltip)
                for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
                if binding.show
            ),
        )

    async def recompose(self) -> None:
        if self._shown is not None and self.is_attached and self._keys() == self._shown:
            return  # the same keys in the same states: nothing to redo
        await super().recompose()
        self.call_after_refresh(self._hide_cut_keys)

    def compose(self) -> ComposeResult:
        keep: list[Widget] = []
        composed = False
        for widget in super().compose():
            composed = True
            # Footer keys carry their action (Textual keeps the FooterKey class private).
            action = getattr(widget, "action", None)
            if action in KEEP_IN_VIEW or widget.has_class("-command-palette"):
                keep.append(widget)
            else:
                yield widget
        if keep:
            yield HorizontalGroup(*keep, id="footer-keep")
        # None until the bindings were ready and keys were composed (see Footer.compose).
        self._shown = self._keys() if composed else None

    def on_mount(self) -> None:
        self.call_after_refresh(self._hide_cut_keys)

    def on_resize(self) -> None:
        for child in self.children:
            child.display = True  # laid out again, then cut again
        self.call_after_refresh(self._hide_cut_keys)

    def _hide_cut_keys(self) -> None:
        """Hide the first key that does not fit whole, and every key after it (they are in
        order of use; the help lists them all), so that no key is cut off mid-word."""
        keep = next((c for c in self.children if c.id == "footer-keep"), None)
        right = self.region.right - (keep.outer_size.width if keep is not None else 0)
        cut = False
        for child in self.children:
            if child is keep:
                continue
            cut = cut or child.region.right > right
            if cut:
                child.display = False


class SearchInput(TextField):
    """The search box; while it has the focus the footer says what enter and escape do
    (the other keys then type text, so Textual leaves them out of the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", S.KEY_SEARCH_DONE),
        Binding("escape", "screen.back", S.KEY_SEARCH_CLEAR),
    ]


class MainScreen(Screen[None], inherit_bindings=False):
    # Below WIDE columns the detail goes below the list (and the footer is compact).
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared so on Screen)
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]
    AUTO_FOCUS = "#list"

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding runs as the key arrives, so the keys typed right after "/"
        # already reach the search box.
        Binding("slash", "search", S.KEY_SEARCH, priority=True),
        Binding("escape", "back", S.KEY_CLEAR, show=False),
        # First in the footer, and only while a change is unsaved (a failed save) /
        # after a conflict on disk.
        Binding("ctrl+s", "app.retry_save", S.KEY_RETRY_SAVE),
        Binding("ctrl+r", "app.reload_register", S.KEY_RELOAD),
        # The footer shows these in this order, as far as they fit (help shows all).
        # (the editing keys first: at 80 columns they are the ones that fit)
        Binding("u", "app.update", S.KEY_UPDATE),
        Binding("equals_sign", "app.keep_unchanged", S.KEY_KEEP_UNCHANGED, show=False),
        Binding("e", "app.edit", S.KEY_EDIT),
        Binding("n", "app.new", S.KEY_NEW),
        Binding("d", "app.delete", S.KEY_DELETE),
        Binding("p", "app.peildatum", S.KEY_PEILDATUM),
        Binding("left_square_bracket", "app.step_peildatum(-1)", S.KEY_PREV_PEILDATUM, show=False),
        Binding("right_square_bracket", "app.step_peildatum(1)", S.KEY_NEXT_PEILDATUM, show=False),
        Binding("f", "app.filter", S.KEY_FILTER),
        Binding("r", "app.review", S.KEY_REVIEW),
        Binding("o", "app.cycle_sort", S.KEY_SORT),
        Binding("O", "app.reverse_sort", S.KEY_SORT_REVERSE, show=False),
        Binding("c", "app.cycle_column", S.KEY_COLUMN, show=False),
        Binding("v", "app.compare", S.KEY_COMPARE, show=False),
        Binding("w", "app.window", S.KEY_WINDOW),
        Binding("t", "app.toggle_timeline", S.KEY_TIMELINE),
        Binding("g", "app.overview", S.KEY_OVERVIEW),
        Binding("s", "app.snapshot", S.KEY_SNAPSHOT),
        Binding("ctrl+z", "app.undo", S.KEY_UNDO, show=False),
        Binding("ctrl+y", "app.redo", S.KEY_REDO, show=False),
        Binding("enter", "detail", S.KEY_DETAIL, show=False),
        Binding("question_mark", "help", S.KEY_HELP),
        Binding("q", "app.quit", S.KEY_QUIT),
        Binding("tab", "app.focus_next", S.KEY_NEXT_FOCUS, show=False),
        Binding("shift+tab", "app.focus_previous", S.KEY_PREVIOUS_FOCUS, show=False),
    ]

    class ClearFilter(Message):
        """Escape with no search to clear: drop the filter chosen in the overview."""

    def __init__(self, fill: Callable[[], None] | None = None) -> None:
        """``fill``: called once the widgets are mounted and before the first frame, so
        that the first frame already shows the register (a message would come a frame
        later)."""
        super().__init__()
        self._fill = fill

    def on_mount(self) -> None:
        if self._fill is not None:
            self._fill()

    def on_resize(self) -> None:
        # Narrow terminals: a compact footer keeps every main key in view (the palette
        # key stays in the help and works as always).
        width = self.size.width
        footer = self.query_one(MainFooter)
        footer.compact = width < ROOMY_FOOTER
        footer.show_command_palette = width >= WIDE

    def _footer(self) -> MainFooter:
        """The footer for the terminal's width at start, so that the first resize changes
        nothing (switching all keys to compact costs a restyle of each)."""
        width = self.app.size.width
        return MainFooter(compact=width < ROOMY_FOOTER, show_command_palette=width >= WIDE)

    def compose(self) -> ComposeResult:
        # The breakpoint class for the terminal's width now: Textual sets it on the first
        # resize, after the first frame, which at 80 columns showed the wide layout first.
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")
        yield StatusLine(id="status")
        with Horizontal(id="search-bar"):
            yield Label(Text(S.SEARCH_PROMPT), id="search-prompt")
            yield SearchInput(placeholder=S.SEARCH_PLACEHOLDER, id="search", compact=True)
            yield Label(Text(""), id="search-count")
        with Horizontal(id="body"):
            yield PilotList(id="list")
            # Empty in the first frame: the app fills it right after (see fill_main_screen).
            # The timeline is mounted beside it on first use.
            yield DetailPane(id="detail", placeholder="")
        yield self._footer()

    # -- views the app fills -----------------------------------------------------------
    @property
    def pilot_list(self) -> PilotList:
        return self.query_one("#list", PilotList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#detail", DetailPane)

    @property
    def timeline(self) -> Timeline:
        from pilot_tui.tui.widgets.timeline import Timeline

        return self.query_one("#timeline", Timeline)

    @property
    def has_timeline(self) -> bool:
        return bool(self.query("#timeline"))

    async def mount_timeline(self) -> None:
        """The timeline, mounted the first time it is shown (not needed at start)."""
        if not self.has_timeline:
            from pilot_tui.tui.widgets.timeline import Timeline

            await self.query_one("#body", Horizontal).mount(Timeline(id="timeline"))

    @property
    def search(self) -> Input:
        return self.query_one("#search", Input)

    def show_status(self, status: Status) -> None:
        self.query_one("#status", StatusLine).show(status)

    def show_rows(
        self,
        rows: Sequence[Row],
        words: Sequence[str],
        total: int,
        empty_text: str,
        keep: str | None,
        *,
        end_width: int | None = None,
        counted: bool = True,
    ) -> None:
        """``counted=False``: the rows are not all there yet (the cached first screen
        while the register is read), so no "shown of total" beside the search box."""
        pilot_list = self.pilot_list
        pilot_list.empty_text = empty_text
        pilot_list.set_rows(rows, words, keep=keep, end_width=end_width)
        count = S.MATCHES.format(shown=len(rows), total=total) if counted else ""
        self.query_one("#search-count", Label).update(Text(count))

    def show_detail(self, detail: Detail | None, words: Sequence[str]) -> None:
        self.detail.show(detail, words)

    # -- actions that only move focus --------------------------------------------------
    def action_search(self) -> None:
        search = self.search
        if search.has_focus:
            search.insert_text_at_cursor("/")  # a "/" typed in the search box is text
            return
        self.query_one("#search-bar").display = True
        # Focus now, not later: keys typed right after "/" must reach the search box.
        self.set_focus(search)

    def search_for(self, text: str) -> None:
        """Show ``text`` in the search box (the app hears Input.Changed and filters)."""
        self.query_one("#search-bar").display = True
        self.search.value = text
        self.set_focus(self.search)

    def action_back(self) -> None:
        search = self.search
        if search.has_focus or search.value:
            search.value = ""  # the app hears Input.Changed and shows every pilot again
            self.query_one("#search-bar").display = False
        elif self.focused is self.pilot_list:
            self.post_message(self.ClearFilter())
        self.set_focus(self.pilot_list)

    def action_detail(self) -> None:
        self.detail.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            if self.pilot_list.rows:
                self.pilot_list.cursor = 0  # the best match (results are ranked)
            self.pilot_list.focus()

    def on_pilot_list_selected(self, event: PilotList.Selected) -> None:
        self.detail.focus()

    def action_help(self) -> None:
        from pilot_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_entries()))

    def help_entries(self) -> list[HelpEntry]:
        """Every active key with what it does, taken from the bindings themselves."""
        from pilot_tui.tui.screens.help import help_entries

        return help_entries(self.app, self.active_bindings.values())
