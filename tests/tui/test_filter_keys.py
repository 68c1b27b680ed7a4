"""The filter dialog works from the keyboard alone (found by a first-time user)."""

from __future__ import annotations

from datetime import date

from textual.widgets import SelectionList

from pilot_tui.attention import Attention
from pilot_tui.tui.dialogs.filter import FilterDialog
from pilot_tui.tui.widgets.check_list import CheckList

from .conftest import MakeApp


async def test_enter_on_show_all_clears_the_filter(make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FilterDialog)
        app.screen.query_one(SelectionList).select("a:verlopen")
        await pilot.press("enter")
        assert {r.attention for r in app.main.pilot_list.rows} == {Attention.VERLOPEN}
        await pilot.press("f")
        await pilot.press("tab", "tab")  # OK, then "Alles tonen"
        assert app.screen.focused is not None and app.screen.focused.id == "filter-clear"
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 33


async def test_enter_on_cancel_keeps_the_filter(make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f")
        app.screen.query_one(SelectionList).select("a:verlopen")
        await pilot.press("enter")
        before = len(app.main.pilot_list.rows)
        await pilot.press("f")
        app.screen.query_one(SelectionList).select("a:lopend")
        await pilot.press("tab", "tab", "tab", "enter")  # "Annuleren"
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == before


async def test_unticked_boxes_are_empty(make_app: MakeApp) -> None:
    """Ticked and unticked differ in more than colour (Textual draws "X" in both)."""
    app = make_app(peildatum=date(2022, 6, 1))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f")
        choices = app.screen.query_one(CheckList)
        choices.select("a:verlopen")
        await pilot.pause()
        lines = {
            str(option.value): choices.render_line(i).text
            for i, option in enumerate(choices.options)
        }
        assert lines["a:verlopen"].startswith("▐X▌")
        assert lines["a:lopend"].startswith("▐ ▌")
        assert all(line.startswith("▐ ▌") for v, line in lines.items() if v != "a:verlopen")
