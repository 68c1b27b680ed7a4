"""The pilot list: a line-API widget, so drawing costs depend on the visible rows only.

It shows plain :class:`~pilot_tui.tui.view.Row` data handed to it by the app, keeps a
cursor, and posts :class:`PilotList.Highlighted` when the cursor lands on another pilot.
It never touches the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pilot_tui.attention import Attention
from pilot_tui.tui import strings as S
from pilot_tui.tui.css import stylesheet
from pilot_tui.tui.view import Row, match_spans

ATTENTION_WIDTH = 2 + max(len(a.value) for a in Attention)
# Narrow lists: the symbol and a short word ("▲ eindigt" for "eindigt binnenkort").
SHORT_ATTENTION = {a: a.value.split()[0] for a in Attention}
SHORT_ATTENTION_WIDTH = 2 + max(len(w) for w in SHORT_ATTENTION.values())
STATUS_WIDTH = max(len(s) for s in ("gepland", "lopend", "afgerond", "stopgezet"))
DAYS_WIDTH = 5
END_MAX = 20
END_MIN = 12
EXTRA_MAX = 22  # the programma or gemeente column, at most
NAME_MIN = 16
NAME_WANT = 30  # below this the attention column shrinks to symbol + short word
# The status column mostly repeats the attention word: only on wide lists (terminals of
# about 140 columns and more), when the name keeps this much room next to it.
NAME_WITH_STATUS = 36
GAP = 1


@lru_cache(maxsize=32)
def attention_style(attention: Attention) -> Style:
    return Style(color=Color.parse(attention.colour).rich_color, bold=True)


SORT_MARK = "▾"  # after the header of the column the list is sorted by
SORT_MARK_REVERSED = "▴"  # the same, sorted the other way round (O)
STALE_CELL = f" {S.STALE_MARK}"
STALE_STYLE = Style(color="yellow", bold=True)
MARKED = "✓ "  # before the name of a pilot marked for a bulk action (space)


def _cell(text: str, width: int, *, right: bool = False) -> Text:
    t = Text(text, no_wrap=True, overflow="ellipsis", end="")
    t.truncate(width, overflow="ellipsis", pad=True)
    if right and cell_len(text) < width:
        t = Text(" " * (width - cell_len(text)) + text, no_wrap=True, end="")
    return t


class PilotList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of pilots with a sticky header line and a cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", S.KEY_UP, show=False),
        Binding("down,j", "cursor_down", S.KEY_DOWN, show=False),
        Binding("pageup", "page_up", S.KEY_PAGE_UP, show=False),
        Binding("pagedown", "page_down", S.KEY_PAGE_DOWN, show=False),
        Binding("home", "first", S.KEY_FIRST, show=False),
        Binding("end", "last", S.KEY_LAST, show=False),
        Binding("space", "toggle_mark", S.KEY_MARK, show=False),
        Binding("A", "mark_all", S.KEY_MARK_ALL, show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pilot-list--header",
        "pilot-list--cursor",
        "pilot-list--match",
        "pilot-list--dim",
    }

    DEFAULT_CSS = stylesheet(__file__, "pilot_list.tcss")

    cursor: reactive[int] = reactive(0, always_update=False, init=False)

    class Highlighted(Message):
        """The cursor is on another pilot (None: the list is empty)."""

        def __init__(self, pilot_list: PilotList, pilot_id: str | None) -> None:
            super().__init__()
            self.pilot_list = pilot_list
            self.pilot_id = pilot_id

        @property
        def control(self) -> PilotList:
            return self.pilot_list

    class MarksChanged(Message):
        """The set of marked pilots changed (space, A)."""

        def __init__(self, pilot_list: PilotList, marked: frozenset[str]) -> None:
            super().__init__()
            self.pilot_list = pilot_list
            self.marked = marked

        @property
        def control(self) -> PilotList:
            return self.pilot_list

    class Selected(Message):
        """A pilot was chosen (enter or a double click)."""

        def __init__(self, pilot_list: PilotList, pilot_id: str) -> None:
            super().__init__()
            self.pilot_list = pilot_list
            self.pilot_id = pilot_id

        @property
        def control(self) -> PilotList:
            return self.pilot_list

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: tuple[Row, ...] = ()
        self.words: tuple[str, ...] = ()
        self.empty_text = S.NO_PILOTS
        self._end_width = cell_len(S.COL_END)
        self._highlighted: str | None = None
        # the column the list is sorted by, marked in the header: "attention", "name",
        # "status", "end" or "days"
        self.sorted_by = "attention"
        self.sort_reversed = False
        self.extra_column: str | None = None  # "programma" or "gemeente" (c), or none
        self.marked: frozenset[str] = frozenset()  # pilots marked for a bulk action
        self._extra_width = 0

    def mark_sorted(self, column: str, *, reversed_: bool = False) -> None:
        if column != self.sorted_by or reversed_ != self.sort_reversed:
            self.sorted_by = column
            self.sort_reversed = reversed_
            self.refresh()

    # -- data --------------------------------------------------------------------------
    @property
    def end_width(self) -> int:
        """The width of the end column (from all rows)."""
        return self._end_width

    def set_rows(
        self,
        rows: Sequence[Row],
        words: Sequence[str] = (),
        keep: str | None = None,
        *,
        end_width: int | None = None,
    ) -> None:
        """Show ``rows``; keep the cursor on pilot ``keep`` when it is still there.
        ``end_width``: the width of the end column when ``rows`` are only the first ones."""
        self.rows = tuple(rows)
        self.words = tuple(words)
        # Column widths depend on all rows: computed once here, not per drawn line.
        if end_width is None:
            end_width = max([cell_len(S.COL_END), *(cell_len(r.end) for r in self.rows)])
        self._end_width = min(END_MAX, end_width)
        self._measure_extra()
        index = 0
        wanted = keep if keep is not None else self._highlighted
        if wanted is not None:
            for i, row in enumerate(self.rows):
                if row.pilot_id == wanted:
                    index = i
                    break
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.set_reactive(PilotList.cursor, min(index, max(0, len(self.rows) - 1)))
        self._scroll_to_cursor()
        self.refresh()
        self._post_highlight()

    def _measure_extra(self) -> None:
        column = self.extra_column
        if column is None:
            self._extra_width = 0
            return
        values = [cell_len(getattr(r, column)) for r in self.rows]
        self._extra_width = min(EXTRA_MAX, max([cell_len(S.COL_EXTRA[column]), *values]))

    def show_column(self, column: str | None) -> None:
        """Show the programma or gemeente of each pilot in a column (None: neither)."""
        if column != self.extra_column:
            self.extra_column = column
            self._measure_extra()
            self.refresh()

    @property
    def highlighted(self) -> str | None:
        if not self.rows:
            return None
        return self.rows[self.cursor].pilot_id

    # -- cursor ------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self._post_highlight()

    def _post_highlight(self) -> None:
        current = self.highlighted
        if current != self._highlighted:
            self._highlighted = current
            self.post_message(self.Highlighted(self, current))

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        page = self._page
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + page:
            self.scroll_to(y=self.cursor - page + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_toggle_mark(self) -> None:
        """space: mark or unmark the pilot under the cursor, then go down one."""
        pilot_id = self.highlighted
        if pilot_id is None:
            return
        self.marked = self.marked ^ {pilot_id}
        self.post_message(self.MarksChanged(self, self.marked))
        self.cursor += 1
        self.refresh()

    def action_mark_all(self) -> None:
        """A: mark every pilot shown; when all are marked already, clear the marks."""
        shown = frozenset(r.pilot_id for r in self.rows)
        self.marked = frozenset() if shown and shown <= self.marked else shown
        self.post_message(self.MarksChanged(self, self.marked))
        self.refresh()

    def clear_marks(self) -> None:
        if self.marked:
            self.marked = frozenset()
            self.post_message(self.MarksChanged(self, self.marked))
            self.refresh()

    def action_page_up(self) -> None:
        self.cursor -= self._page

    def action_page_down(self) -> None:
        self.cursor += self._page

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    async def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.post_message(self.Selected(self, self.rows[index].pilot_id))

    # -- drawing -----------------------------------------------------------------------
    def _columns(self, width: int) -> tuple[int, int, int, int, int]:
        """Widths of attention, name, status (0: hidden), end, days for a given width
        (the programma or gemeente column, when shown, takes its room first)."""
        extra = self._extra_width + GAP if self._extra_width else 0
        width -= extra
        attention = ATTENTION_WIDTH
        end = self._end_width
        if width - attention - end - DAYS_WIDTH - 3 * GAP < NAME_WANT:
            attention = SHORT_ATTENTION_WIDTH
        # Tight: the end column gives way (ellipsis) before the name drops below its minimum.
        end = max(END_MIN, min(end, width - attention - DAYS_WIDTH - 3 * GAP - NAME_MIN))
        fixed = attention + end + DAYS_WIDTH + 3 * GAP
        room = width - fixed - STATUS_WIDTH - GAP
        # sorted by status, the status column shows (and carries the sort mark) while the
        # name keeps its minimum
        wanted = NAME_MIN if self.sorted_by == "status" else NAME_WITH_STATUS
        status = STATUS_WIDTH if room >= wanted else 0
        name = width - fixed - (status + GAP if status else 0)
        return attention, max(NAME_MIN, name), status, end, DAYS_WIDTH

    def _line(self, cells: list[Text], width: int) -> Text:
        line = Text(no_wrap=True, end="")
        for i, cell in enumerate(cells):
            if i:
                line.append(" " * GAP)
            line.append_text(cell)
        line.truncate(width, pad=True)
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        attention_w, name_w, status_w, end_w, days_w = self._columns(width)
        if y == 0:
            sort = self.sorted_by

            mark = SORT_MARK_REVERSED if self.sort_reversed else SORT_MARK

            def head(column: str, label: str) -> str:
                return f"{label} {mark}" if column == sort else label

            cells = [
                _cell(head("attention", S.COL_ATTENTION), attention_w),
                _cell(head("name", S.COL_NAME), name_w),
            ]
            if self._extra_width and self.extra_column is not None:
                cells.append(_cell(S.COL_EXTRA[self.extra_column], self._extra_width))
            if status_w:
                cells.append(_cell(head("status", S.COL_STATUS), status_w))
            cells += [_cell(head("end", S.COL_END), end_w), _cell(S.COL_DAYS, days_w, right=True)]
            line = self._line(cells, width)
            if sort == "days":  # no room after "Dagen": the mark goes in the gap before it
                at = sum(cell.cell_len for cell in cells[:-1]) + GAP * (len(cells) - 2)
                line = line[:at] + Text(mark) + line[at + 1 :]
            line.stylize(self.get_component_rich_style("pilot-list--header"))
            return self._strip(line, base, width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self.rows):
            if index == 0:
                line = Text(self.empty_text, no_wrap=True, end="")
                line.stylize(self.get_component_rich_style("pilot-list--dim"))
                return self._strip(line, base, width)
            return Strip.blank(width, base)
        row = self.rows[index]
        word = (
            row.attention.value
            if attention_w >= ATTENTION_WIDTH
            else SHORT_ATTENTION[row.attention]
        )
        attention = Text(f"{row.attention.symbol} {word}", end="")
        if index != self.cursor:  # on the cursor the cursor colours win (symbol+word stay)
            attention.stylize(attention_style(row.attention))
        # niet bijgewerkt: a mark after the name (the status line says what it means);
        # marked for a bulk action: a check before it
        marked = row.pilot_id in self.marked
        name = _cell((MARKED + row.name) if marked else row.name, name_w - len(STALE_CELL))
        if self.words:
            match_style = self.get_component_rich_style("pilot-list--match")
            shift = len(MARKED) if marked else 0
            for start, end in match_spans(row.name, self.words):
                name.stylize(match_style, start + shift, end + shift)
        name.append(STALE_CELL if row.stale else " " * len(STALE_CELL), STALE_STYLE)
        attention.truncate(attention_w, pad=True)
        cells = [attention, name]
        if self._extra_width and self.extra_column is not None:
            cells.append(_cell(getattr(row, self.extra_column), self._extra_width))
        if status_w:
            cells.append(_cell(row.status, status_w))
        cells += [_cell(row.end, end_w), _cell(row.days, days_w, right=True)]
        line = self._line(cells, width)
        if index == self.cursor:
            line.stylize_before(self.get_component_rich_style("pilot-list--cursor"))
        return self._strip(line, base, width)

    def _strip(self, line: Text, base: Style, width: int) -> Strip:
        line.stylize_before(base)
        segments = list(line.render(self.app.console))
        return Strip(segments, line.cell_len).crop_extend(0, width, base)

    def visible_text(self) -> list[str]:
        """The visible lines as plain text (for tests and screen readers)."""
        height = self.scrollable_content_region.height
        return [self.render_line(y).text.rstrip() for y in range(height)]
