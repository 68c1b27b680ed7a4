"""The timeline widget in a small host app: rows, markers, scrolling, cursor, hostile names.

Snapshots: ``pytest tests/tui/test_timeline_widget.py --snapshot-update`` after looking.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from rich.style import Style
from textual.app import App, ComposeResult

from pilot_tui.attention import Attention, assess_all, sort_key_attention
from pilot_tui.periods import parse_looptijd, parse_window
from pilot_tui.store import Store
from pilot_tui.timeline import axis_line
from pilot_tui.tui.widgets.timeline import (
    NAME_WIDTH,
    PEILDATUM_MARK,
    WINDOW_MARK,
    Timeline,
    TimelineRow,
    timeline_rows,
)

PEILDATUM = date(2021, 12, 1)
WINDOW_END = date(2022, 3, 1)
SIZE = (120, 35)


class Host(App[None]):
    """Just the timeline, filled once it is mounted; records what it posts."""

    def __init__(
        self, rows: list[TimelineRow], peildatum: date = PEILDATUM, window_end: date = WINDOW_END
    ) -> None:
        super().__init__()
        self.rows = rows
        self.peildatum = peildatum
        self.window_end = window_end
        self.highlighted: list[str | None] = []
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield Timeline(id="timeline")

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.timeline.set_rows(self.rows, self.peildatum, self.window_end)

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    def on_timeline_highlighted(self, event: Timeline.Highlighted) -> None:
        self.highlighted.append(event.pilot_id)

    def on_timeline_selected(self, event: Timeline.Selected) -> None:
        self.selected.append(event.pilot_id)


def seed_rows(seed_store: Path) -> list[TimelineRow]:
    """The seed register in the list's default order (attention, then end)."""
    store = Store.open(seed_store, readonly=True)
    try:
        window = parse_window("3m")
        assert window is not None
        found = sorted(assess_all(store.register, PEILDATUM, window), key=sort_key_attention)
    finally:
        store.close()
    return timeline_rows(found)


def row(pid: str, name: str, looptijd: str, attention: Attention = Attention.LOPEND) -> TimelineRow:
    return TimelineRow(pid, name, parse_looptijd(looptijd), attention)


def text(app: Host) -> list[str]:
    return app.timeline.visible_text()


def style_at(app: Host, y: int, x: int) -> Style:
    """The style of the cell at column ``x`` of visible line ``y``."""
    col = 0
    for segment in app.timeline.render_line(y):
        if col <= x < col + len(segment.text):
            return segment.style or Style.null()
        col += len(segment.text)
    raise IndexError(x)


def bar_start(app: Host) -> int:
    """The screen column where the bars (and the axis) begin."""
    width = app.timeline.scrollable_content_region.width
    name_w, _bar_w = app.timeline._layout(width)
    return name_w + 1


# -- drawing ----------------------------------------------------------------------------


async def test_draws_one_row_per_pilot_with_symbol_and_name(seed_store: Path) -> None:
    rows = seed_rows(seed_store)
    app = Host(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = text(app)
        assert lines[0].startswith("Pilot")
        body = lines[1:-1]
        assert len(body) == 33 == len(rows)
        for line, r in zip(body, rows, strict=True):
            assert line.startswith(r.attention.symbol + " ")
        assert body[0].startswith("▲ Pakketafhankelijke e…")  # clipped with an ellipsis
        assert all(len(line[:NAME_WIDTH]) == NAME_WIDTH for line in body)
        # certain months solid, fuzzy ones light, an open end as an arrow
        joined = "\n".join(body)
        assert "█" in joined and "░" in joined
        assert next(line for line in body if "Rotterdam" in line).endswith("▶")


async def test_touching_phases_are_split() -> None:
    looptijd = "Deel 1: januari 2021 – juni 2021; deel 2: vanaf 1 juli 2021"
    app = Host([row("a", "Fasen", looptijd)], peildatum=date(2022, 6, 1))
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        x = bar_start(app)  # the axis starts in june 2021
        app.timeline.scroll_months(-6)  # now in december 2020
        await pilot.pause()
        line = text(app)[1]
        assert line[x : x + 9] == " █████▌██"


async def test_header_is_the_month_axis_with_year_labels(seed_store: Path) -> None:
    app = Host(seed_rows(seed_store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        axis = app.timeline.axis()
        assert axis.first == date(2020, 12, 1)  # 12 months before the peildatum
        header = text(app)[0][bar_start(app) :]
        expected = axis_line(axis)
        assert header.replace(PEILDATUM_MARK, "·").replace(WINDOW_MARK, "·") == expected.rstrip()
        assert "2021" in header and "2022" in header


async def test_peildatum_and_window_marker_columns(seed_store: Path) -> None:
    app = Host(seed_rows(seed_store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        axis = app.timeline.axis()
        peil = bar_start(app) + axis.column(PEILDATUM)
        window = bar_start(app) + axis.column(WINDOW_END)
        lines = text(app)
        assert lines[0][peil] == PEILDATUM_MARK
        # march 2022 is under the year label "2022": the label stays
        assert lines[0][window] == "2"
        # a closed pilot with no bar there shows both markers in its row
        legal = next(line for line in lines if "LegalGuard" in line)
        assert legal[peil] == PEILDATUM_MARK
        assert legal[window] == WINDOW_MARK
        # on a solid bar the marker is a thin line through it, on the bar's colour
        regie = next(line for line in lines if "Regie op" in line)
        assert regie[peil - 1] == "█"
        assert regie[peil] == PEILDATUM_MARK
        y = lines.index(regie)
        assert style_at(app, y, peil).bgcolor == style_at(app, y, peil - 1).color
        assert style_at(app, y, peil).bold
        divosa = next(line for line in lines if "Divosa" in line)
        assert divosa[window] == WINDOW_MARK
        assert style_at(app, lines.index(divosa), window).bgcolor is not None


async def test_footer_names_the_class_in_words(seed_store: Path) -> None:
    app = Host(seed_rows(seed_store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = text(app)[-1]
        assert footer.startswith("▲ eindigt binnenkort · Pakketafhankelijke eigen bijdrage")
        assert "31 december 2021" in footer
        await pilot.press("end")
        assert app.timeline.footer_text().startswith("■ stopgezet · ADR")


async def test_empty_timeline_says_so() -> None:
    app = Host([])
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert text(app)[1] == "Geen pilots."
        assert app.timeline.highlighted is None


# -- horizontal scrolling ---------------------------------------------------------------


async def test_scrolling_moves_the_axis_by_a_month_and_a_year(seed_store: Path) -> None:
    app = Host(seed_rows(seed_store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tl = app.timeline
        start = tl.axis().first
        header = text(app)[0]
        await pilot.press("right")
        assert tl.axis().first == start + relativedelta(months=1)
        assert text(app)[0] != header
        await pilot.press("l", "l")
        assert tl.axis().first == start + relativedelta(months=3)
        await pilot.press("left", "h")
        assert tl.axis().first == start + relativedelta(months=1)
        await pilot.press("shift+right")
        assert tl.axis().first == start + relativedelta(months=13)
        await pilot.press("L")
        assert tl.axis().first == start + relativedelta(months=25)
        await pilot.press("H", "shift+left")
        assert tl.axis().first == start + relativedelta(months=1)
        await pilot.press("0")
        assert tl.axis().first == start
        assert text(app)[0] == header


async def test_scrolled_bars_move_with_the_axis() -> None:
    app = Host([row("a", "Een pilot", "januari 2022 – juni 2022")])
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        x = bar_start(app)
        line = text(app)[1]
        assert line.index("█") == x + 13  # januari 2022, 13 months after december 2020
        await pilot.press("right")
        assert text(app)[1].index("█") == x + 12
        await pilot.press("shift+right")
        assert text(app)[1].index("█") == x + 0


async def test_same_peildatum_keeps_the_scroll_a_new_one_resets_it(seed_store: Path) -> None:
    rows = seed_rows(seed_store)
    app = Host(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tl = app.timeline
        await pilot.press("L")
        tl.set_rows(rows[:5], PEILDATUM, WINDOW_END)
        assert tl.axis().first == date(2021, 12, 1)
        tl.set_rows(rows, date(2022, 6, 1), date(2022, 9, 1))
        assert tl.axis().first == date(2021, 6, 1)


# -- the cursor, shared with the list ---------------------------------------------------


async def test_cursor_keys_post_highlighted(seed_store: Path) -> None:
    rows = seed_rows(seed_store)
    app = Host(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.highlighted == [rows[0].pilot_id]
        await pilot.press("down")
        await pilot.press("j")
        await pilot.press("k")
        await pilot.press("up")
        await pilot.pause()
        assert app.highlighted == [
            rows[0].pilot_id,
            rows[1].pilot_id,
            rows[2].pilot_id,
            rows[1].pilot_id,
            rows[0].pilot_id,
        ]
        await pilot.press("up")  # at the top: no move, no message
        await pilot.pause()
        assert len(app.highlighted) == 5
        await pilot.press("end")
        await pilot.pause()
        assert app.highlighted[-1] == rows[-1].pilot_id
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [rows[-1].pilot_id]


async def test_select_pilot_follows_the_list_silently(seed_store: Path) -> None:
    rows = seed_rows(seed_store)
    app = Host(rows)
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        before = list(app.highlighted)
        target = rows[30]
        app.timeline.select_pilot(target.pilot_id)
        await pilot.pause()
        assert app.timeline.highlighted == target.pilot_id
        assert app.highlighted == before  # no echo back to the list
        assert any(line.startswith(f"{target.attention.symbol} ") for line in text(app)[1:-1])
        assert target.name[:10] in "\n".join(text(app))  # scrolled into view
        app.timeline.select_pilot("no-such-pilot")
        assert app.timeline.highlighted == target.pilot_id
        # set_rows keeps the cursor on the same pilot
        app.timeline.set_rows(list(reversed(rows)), PEILDATUM, WINDOW_END)
        await pilot.pause()
        assert app.timeline.highlighted == target.pilot_id
        assert app.highlighted == before


async def test_click_moves_the_cursor_double_click_selects(seed_store: Path) -> None:
    rows = seed_rows(seed_store)
    app = Host(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(Timeline, offset=(5, 3))  # the third pilot
        await pilot.pause()
        assert app.timeline.highlighted == rows[2].pilot_id
        await pilot.click(Timeline, offset=(5, 4), times=2)
        await pilot.pause()
        assert app.selected == [rows[3].pilot_id]


async def test_hostile_names_are_shown_literally() -> None:
    rows = [
        row("a", "[/]", "januari 2021 – december 2022"),
        row("b", "[@click=app.quit]x[/]", "januari 2021 – december 2022", Attention.VERLOPEN),
        row("c", "[bold]vet[/bold] \x1b[31mrood\x07", "vanaf 2021"),
        row("d", "", "nog onbekend", Attention.ONBEKEND),
    ]
    app = Host(rows)
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        lines = text(app)
        assert lines[1].startswith("● [/]")
        assert lines[2].startswith("✗ [@click=app.quit]x[/]")
        assert lines[3].startswith("● [bold]vet[/bold] rood")
        assert lines[4].startswith("? (zonder naam)")
        await pilot.click(Timeline, offset=(4, 2))
        await pilot.click(Timeline, offset=(8, 2), times=2)
        await pilot.pause()
        assert app.is_running  # the click did not run the name as an action
        assert app.timeline.footer_text().startswith("✗ verlopen · [@click=app.quit]x[/]")
        await pilot.press("down", "down")
        assert app.timeline.footer_text() == "? onbekend · (zonder naam) · looptijd niet te lezen"


async def test_ten_thousand_rows() -> None:
    rows = [
        row(f"p{i}", f"Pilot {i:05d}", f"januari {2015 + i % 10} – december {2020 + i % 10}")
        for i in range(10_000)
    ]
    app = Host(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text(app)[1].startswith("● Pilot 00000")
        await pilot.press("end")
        await pilot.pause()
        lines = text(app)
        assert lines[-2].startswith("● Pilot 09999")
        assert app.highlighted[-1] == "p9999"
        await pilot.press("pageup")
        assert app.timeline.highlighted == f"p{9999 - 22}"  # a page: 24 lines less header, footer


# -- snapshots --------------------------------------------------------------------------


def test_timeline_snapshot_120x35(snap_compare: Any, seed_store: Path) -> None:
    assert snap_compare(Host(seed_rows(seed_store)), terminal_size=(120, 35))


def test_timeline_snapshot_80x24(snap_compare: Any, seed_store: Path) -> None:
    assert snap_compare(Host(seed_rows(seed_store)), terminal_size=(80, 24), press=["j", "j"])
