"""The timeline: one bar per pilot on a month axis, a line-API widget.

It shows plain :class:`TimelineRow` data (pilot id, name, period, attention) in the order
the app gives it (the list's filter and sort), with

* a header line: "Pilot" over the name column, then the month axis with year labels
  (:func:`pilot_tui.timeline.axis_line`);
* one line per pilot: the attention symbol and the name (clipped), then the bar from
  :func:`pilot_tui.timeline.bar_for`: certain months solid (█) in the attention colour,
  fuzzy months (░) lighter, an open end as ▶, phases as separate segments;
* a marker column at the peildatum (│ bold; on a bar a thin line through it) and a
  dimmer one at the end of the window (┊);
* a footer line with the symbol and class *word* of the highlighted pilot (never colour
  alone), its name and how its looptijd was read.

Keys: up/down/j/k, pageup/pagedown, home/end move the cursor (as in the list);
left/right/h/l scroll the axis by a month, shift+left/shift+right/H/L by a year, 0 goes
back to the axis around the peildatum; enter (or a double click) posts
:class:`Timeline.Selected`. A cursor move posts :class:`Timeline.Highlighted`;
:meth:`Timeline.select_pilot` follows the list without posting anything.

Only visible lines are drawn (``render_line``), so 10,000 pilots cost what 30 do.
The widget never touches the store. Register text is shown as text, never as markup.

How the app uses it: ``t`` shows the timeline in place of the detail pane (list and
timeline side by side, one shared cursor; on narrow screens below the list), ``t`` again
brings the detail back (``PilotApp.action_toggle_timeline``); the app fills it from the
list's shown assessments (``AppState.show_timeline``) and keeps its cursor and the
list's together (``Timeline.Highlighted`` and :meth:`Timeline.select_pilot`). Where it
sits is the main screen's ``main.tcss``.

``timeline_rows`` is O(n) per refresh (10,000 pilots: a few ms); drawing costs only the
visible lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import ClassVar

from dateutil.relativedelta import relativedelta
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

from pilot_tui.attention import Assessment, Attention
from pilot_tui.periods import MAX_YEAR, MIN_YEAR, Period, format_date
from pilot_tui.text import one_line
from pilot_tui.timeline import Axis, Cell, axis_line, bar_for, phase_breaks
from pilot_tui.tui import strings as S
from pilot_tui.tui.css import stylesheet

NAME_WIDTH = 24  # symbol, space and name
NAME_MIN = 12
GAP = 1
BEFORE = 12  # months on the axis before the peildatum, by default
AUTO_TWO_COLUMNS = 72  # bar width from which a month gets two columns (per_month=0)
PHASE_END = "▌"  # the last solid cell of a phase that touches the next one
PEILDATUM_MARK = "│"
WINDOW_MARK = "┊"


@dataclass(frozen=True)
class TimelineRow:
    pilot_id: str
    name: str
    period: Period
    attention: Attention

    @classmethod
    def of(cls, a: Assessment) -> TimelineRow:
        return cls(a.pilot.id, a.pilot.name, a.period, a.attention)


def timeline_rows(assessments: Iterable[Assessment]) -> list[TimelineRow]:
    """Rows for the timeline, in the order given (pass the list's shown assessments)."""
    return [TimelineRow.of(a) for a in assessments]


def month_start(d: date) -> date:
    return date(d.year, d.month, 1)


@lru_cache(maxsize=64)
def colour_style(attention: Attention, bold: bool = False) -> Style:
    return Style(color=Color.parse(attention.colour).rich_color, bold=bold)


@lru_cache(maxsize=256)
def _reading(period: Period) -> str:
    if not period.ok:
        return S.TIMELINE_NO_READING
    return one_line(period.describe()) or one_line(period.text) or S.TIMELINE_NO_READING


class Timeline(ScrollView, can_focus=True, inherit_bindings=False):
    """Bars of pilots on a month axis, with a cursor shared with the list."""

    DEFAULT_CSS = stylesheet(__file__, "timeline.tcss")

    # Hidden from the footer (the main keys stay in view there); the help lists them all.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", S.KEY_UP, show=False),
        Binding("down,j", "cursor_down", S.KEY_DOWN, show=False),
        Binding("pageup", "page_up", S.KEY_PAGE_UP, show=False),
        Binding("pagedown", "page_down", S.KEY_PAGE_DOWN, show=False),
        Binding("home", "first", S.KEY_FIRST, show=False),
        Binding("end", "last", S.KEY_LAST, show=False),
        Binding("left,h", "scroll_months(-1)", S.KEY_MONTH_BACK, show=False),
        Binding("right,l", "scroll_months(1)", S.KEY_MONTH_FORWARD, show=False),
        Binding("shift+left,H", "scroll_months(-12)", S.KEY_YEAR_BACK, show=False),
        Binding("shift+right,L", "scroll_months(12)", S.KEY_YEAR_FORWARD, show=False),
        Binding("0", "to_peildatum", S.KEY_TO_PEILDATUM, show=False),
        Binding("enter", "select", S.KEY_DETAIL, show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--header",
        "timeline--cursor",
        "timeline--cursor-name",
        "timeline--peildatum",
        "timeline--window",
        "timeline--footer",
        "timeline--dim",
    }

    cursor: reactive[int] = reactive(0, always_update=False, init=False)

    class Highlighted(Message):
        """The cursor is on another pilot (None: there are no rows)."""

        def __init__(self, timeline: Timeline, pilot_id: str | None) -> None:
            super().__init__()
            self.timeline = timeline
            self.pilot_id = pilot_id

        @property
        def control(self) -> Timeline:
            return self.timeline

    class Selected(Message):
        """A pilot was chosen (enter or a double click)."""

        def __init__(self, timeline: Timeline, pilot_id: str) -> None:
            super().__init__()
            self.timeline = timeline
            self.pilot_id = pilot_id

        @property
        def control(self) -> Timeline:
            return self.timeline

    def __init__(
        self,
        *,
        per_month: int = 1,
        before: int = BEFORE,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: tuple[TimelineRow, ...] = ()
        self.per_month = max(0, per_month)  # 0: two columns a month when there is room
        self.before = before
        self.peildatum: date | None = None
        self.window_end: date | None = None
        self.first: date = month_start(date.today()) - relativedelta(months=before)
        self.empty_text = S.TIMELINE_EMPTY
        self._index: dict[str, int] = {}
        self._highlighted: str | None = None

    # -- data --------------------------------------------------------------------------
    def set_rows(
        self,
        rows: Sequence[TimelineRow],
        peildatum: date,
        window_end: date,
        keep: str | None = None,
    ) -> None:
        """Show ``rows``; keep the cursor on pilot ``keep`` when it is still there.

        A new peildatum puts the axis back around it; the same peildatum keeps the user's
        horizontal scroll.
        """
        if peildatum != self.peildatum:
            self.first = month_start(peildatum) - relativedelta(months=self.before)
        self.peildatum = peildatum
        self.window_end = window_end
        self.rows = tuple(rows)
        self._index = {row.pilot_id: i for i, row in enumerate(self.rows)}
        wanted = keep if keep is not None else self._highlighted
        index = self._index.get(wanted, 0) if wanted is not None else 0
        self._update_virtual_size()
        self.set_reactive(Timeline.cursor, min(index, max(0, len(self.rows) - 1)))
        self._scroll_to_cursor()
        self.refresh()
        self._post_highlight()

    def select_pilot(self, pilot_id: str | None) -> None:
        """Follow the list: put the cursor on ``pilot_id`` (no Highlighted is posted)."""
        if pilot_id is None or pilot_id not in self._index:
            return
        self._highlighted = pilot_id
        index = self._index[pilot_id]
        if index != self.cursor:
            self.set_reactive(Timeline.cursor, index)
            self._scroll_to_cursor()
            self.refresh()

    @property
    def highlighted(self) -> str | None:
        if not self.rows:
            return None
        return self.rows[self.cursor].pilot_id

    # -- axis --------------------------------------------------------------------------
    def _layout(self, width: int) -> tuple[int, int]:
        """(name column width, bar width) for a content width."""
        name_w = NAME_WIDTH if width >= 3 * NAME_WIDTH else max(NAME_MIN, width // 3)
        return name_w, max(1, width - name_w - GAP)

    def axis(self) -> Axis:
        """The axis as drawn now (depends on the width and the horizontal scroll)."""
        _name_w, bar_w = self._layout(self.scrollable_content_region.width)
        per_month = self.per_month or (2 if bar_w >= AUTO_TWO_COLUMNS else 1)
        return Axis(self.first, max(1, bar_w // per_month), per_month)

    def scroll_months(self, months: int) -> None:
        first = self.first + relativedelta(months=months)
        lowest, highest = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 1)
        self.first = min(max(first, lowest), highest)
        self.refresh()

    def action_scroll_months(self, months: int) -> None:
        self.scroll_months(months)

    def action_to_peildatum(self) -> None:
        if self.peildatum is not None:
            self.first = month_start(self.peildatum) - relativedelta(months=self.before)
            self.refresh()

    def _on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        event.stop()
        self.scroll_months(-1)

    def _on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        event.stop()
        self.scroll_months(1)

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
        return max(1, self.scrollable_content_region.height - 2)

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 2)

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

    def action_page_up(self) -> None:
        self.cursor -= self._page

    def action_page_down(self) -> None:
        self.cursor += self._page

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.rows[self.cursor].pilot_id))

    def on_resize(self) -> None:
        self._update_virtual_size()
        self._scroll_to_cursor()

    async def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        if offset.y >= self.scrollable_content_region.height - 1:
            return  # the footer
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.post_message(self.Selected(self, self.rows[index].pilot_id))

    # -- drawing -----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        region = self.scrollable_content_region
        width, height = region.width, region.height
        base = self.rich_style
        if y == 0:
            return self._strip(self._header(width), base, width)
        if height >= 3 and y == height - 1:
            return self._strip(self._footer(width), base, width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self.rows):
            if index == 0:
                line = Text(self.empty_text, no_wrap=True, end="")
                line.stylize(self.get_component_rich_style("timeline--dim"))
                return self._strip(line, base, width)
            return Strip.blank(width, base)
        return self._strip(self._row(self.rows[index], index == self.cursor, width), base, width)

    def _markers(self, axis: Axis) -> tuple[int | None, int | None]:
        peil = axis.column(self.peildatum) if self.peildatum is not None else None
        window = axis.column(self.window_end) if self.window_end is not None else None
        if peil is not None and not 0 <= peil < axis.width:
            peil = None
        if window is not None and (not 0 <= window < axis.width or window == peil):
            window = None
        return peil, window

    def _header(self, width: int) -> Text:
        name_w, _bar_w = self._layout(width)
        axis = self.axis()
        header_style = self.get_component_rich_style("timeline--header")
        line = Text(no_wrap=True, end="")
        line.append(S.TIMELINE_COL_NAME.ljust(name_w + GAP)[: name_w + GAP], header_style)
        text = axis_line(axis)
        peil, window = self._markers(axis)
        peil_style = self.get_component_rich_style("timeline--peildatum")
        window_style = self.get_component_rich_style("timeline--window")
        for col, ch in enumerate(text):
            if col == peil:
                if ch in " ·":
                    line.append(PEILDATUM_MARK, peil_style)
                else:
                    line.append(ch, header_style + peil_style + Style(reverse=True))
            elif col == window and ch in " ·":
                line.append(WINDOW_MARK, window_style)
            else:
                line.append(ch, header_style)
        return line

    def _name_cell(self, row: TimelineRow, width: int, cursor: bool) -> Text:
        symbol = Text(row.attention.symbol + " ", colour_style(row.attention, True), end="")
        name = Text(one_line(row.name) or S.TIMELINE_NO_NAME, no_wrap=True, end="")
        name.truncate(max(1, width - cell_len(symbol.plain) - GAP), overflow="ellipsis", pad=True)
        if cursor:
            name.stylize(self.get_component_rich_style("timeline--cursor-name"))
        cell = Text(no_wrap=True, end="")
        cell.append_text(symbol)
        cell.append_text(name)
        cell.append(" " * GAP)
        return cell

    def _row(self, row: TimelineRow, cursor: bool, width: int) -> Text:
        name_w, _bar_w = self._layout(width)
        axis = self.axis()
        line = self._name_cell(row, name_w, cursor)
        line.truncate(name_w + GAP, pad=True)
        bar = bar_for(row.period, axis)
        breaks = phase_breaks(row.period, axis)
        peil, window = self._markers(axis)
        solid = colour_style(row.attention)
        arrow = colour_style(row.attention, True)
        peil_style = self.get_component_rich_style("timeline--peildatum")
        window_style = self.get_component_rich_style("timeline--window")
        through = Style(color=self.rich_style.bgcolor or "black")
        run_text: list[str] = []
        run_style: Style | None = None
        for col, cell in enumerate(bar.cells):
            if cell is Cell.EMPTY:
                if col == peil:
                    ch, style = PEILDATUM_MARK, peil_style
                elif col == window:
                    ch, style = WINDOW_MARK, window_style
                else:
                    ch, style = " ", Style.null()
            else:
                pointer = cell in (Cell.ARROW, Cell.BEFORE, Cell.AFTER)
                ch, style = cell.value, arrow if pointer else solid
                if col in breaks and cell is Cell.SOLID:
                    ch = PHASE_END
                if not pointer and col in (peil, window):
                    # The marker runs through the bar: a thin line in the background
                    # colour on a solid cell, in the bar colour on a fuzzy one.
                    ch = PEILDATUM_MARK if col == peil else WINDOW_MARK
                    if cell is Cell.SOLID:
                        style = through + Style(bgcolor=solid.color, bold=col == peil)
                    else:
                        style = solid + Style(bold=col == peil)
            if style != run_style and run_text:
                line.append("".join(run_text), run_style)
                run_text = []
            run_style = style
            run_text.append(ch)
        if run_text:
            line.append("".join(run_text), run_style)
        if cursor:
            line.stylize_before(self.get_component_rich_style("timeline--cursor"))
        return line

    def _footer(self, width: int) -> Text:
        footer_style = self.get_component_rich_style("timeline--footer")
        line = Text(no_wrap=True, end="", style=footer_style)
        if self.rows:
            row = self.rows[self.cursor]
            word = S.TIMELINE_FOOTER_CLASS.format(
                symbol=row.attention.symbol, word=row.attention.value
            )
            line.append(word, colour_style(row.attention, True))
            name = one_line(row.name) or S.TIMELINE_NO_NAME
            reading = _reading(row.period)
            # a narrow screen shortens the name, never the reading of the looptijd
            room = (
                width
                - line.cell_len
                - cell_len(S.TIMELINE_FOOTER_REST.format(name="", reading=reading))
            )
            if cell_len(name) > room:
                name = name[: max(1, room - 1)].rstrip() + "…"
            line.append(S.TIMELINE_FOOTER_REST.format(name=name, reading=reading))
        legend = self._legend()
        if legend and line.cell_len + 2 + cell_len(legend) <= width:
            line.append(" " * (width - line.cell_len - cell_len(legend)))
            line.append(legend)
        line.truncate(width, overflow="ellipsis", pad=True)
        return line

    def _legend(self) -> str:
        if self.peildatum is None or self.window_end is None:
            return ""
        return S.TIMELINE_LEGEND.format(
            peildatum=format_date(self.peildatum), window_end=format_date(self.window_end)
        )

    def _strip(self, line: Text, base: Style, width: int) -> Strip:
        line.stylize_before(base)
        segments = list(line.render(self.app.console))
        return Strip(segments, line.cell_len).crop_extend(0, width, base)

    # -- for tests and screen readers --------------------------------------------------
    def visible_text(self) -> list[str]:
        """The visible lines as plain text."""
        height = self.scrollable_content_region.height
        return [self.render_line(y).text.rstrip() for y in range(height)]

    def footer_text(self) -> str:
        return self._footer(self.scrollable_content_region.width).plain.rstrip()
