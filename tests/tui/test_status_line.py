"""The status line at the top: lines break between its items, and counts are shown once."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Label

from pilot_tui.attention import Attention
from pilot_tui.tui.widgets.status_line import Status, StatusLine

from .conftest import MakeApp
from .helpers import status_text

STATUS = Status(
    title="Stand van zaken pilots",
    peildatum="peildatum 1 juni 2022",
    window="venster 3 maanden",
    counts=(
        (Attention.EINDIGT_BINNENKORT, "12 eindigen binnenkort"),
        (Attention.VERLOPEN, "3 verlopen"),
        (Attention.LOPEND, "1234 lopend"),
        (Attention.START_BINNENKORT, "2 starten binnenkort"),
        (Attention.AFGEROND, "17 afgerond"),
    ),
    extra=("5 niet bijgewerkt", "filter: ⚠ eindigt binnenkort, status lopend", "12 van 1273"),
)
ITEMS = [phrase for _a, phrase in STATUS.counts] + list(STATUS.extra)


@pytest.mark.parametrize("width", [30, 38, 60, 78, 118])
def test_lines_break_between_items_never_inside_one(width: int) -> None:
    line = StatusLine()
    line.status = STATUS
    lines = line.as_text(width).plain.split("\n")[1:]  # after the title line
    # (an item longer than the line has a line of its own, cut with "…": never wrapped)
    assert all(len(text) <= width for text in lines), lines
    for item in ITEMS:
        shown = item if len(item) <= width else item[: width - 1]
        assert sum(shown in text for text in lines) == 1, (item, lines)
    assert not any(text.startswith(" · ") or text.endswith(" · ") for text in lines)


def test_without_a_width_it_is_one_line() -> None:
    line = StatusLine()
    line.status = STATUS
    assert line.as_text().plain.count("\n") == 1


async def test_the_count_beside_the_search_box_is_not_repeated(make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        app.screen.query_one("#filter-choices").select("a:lopend")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        shown = len(app.main.pilot_list.rows)
        assert f"{shown} van 33" in status_text(app)  # a filter alone: counted up there
        await pilot.press("slash", *"pilot")
        await pilot.pause()
        count = str(app.main.query_one("#search-count", Label).render())
        assert count.endswith(" van 33")
        assert " van 33" not in status_text(app)  # searching: only beside the box
        status = app.main.query_one(StatusLine)
        assert all(len(line) <= 78 for line in str(status.render()).split("\n"))


async def test_a_new_peildatum_says_the_round_has_not_started(make_app: MakeApp) -> None:
    """Right after choosing a peildatum past the register's last, nothing counts as "niet
    bijgewerkt" yet (DESIGN: that starts with the first update); the status line says so."""
    from pilot_tui.tui import strings as S

    app = make_app(peildatum=date(2022, 6, 1))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert S.PEILDATUM_NOT_STARTED in status_text(app)
        assert S.NIET_BIJGEWERKT not in status_text(app).replace(S.PEILDATUM_NOT_STARTED, "")
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("b")  # begin the round
        await pilot.pause()
        await pilot.press(*" Bijgewerkt.", "ctrl+s")
        await pilot.pause()
        text = status_text(app)
        assert S.PEILDATUM_NOT_STARTED not in text
        assert f"{S.NIET_BIJGEWERKT}" in text  # the others are counted now


async def test_a_register_peildatum_has_no_such_hint(make_app: MakeApp) -> None:
    from pilot_tui.tui import strings as S

    app = make_app(peildatum=date(2021, 12, 1))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert S.PEILDATUM_NOT_STARTED not in status_text(app)
