"""The status dropdown stays inside the border of its form, at 80×24 and at 120×35."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import OptionList, Select

from pilot_tui.tui.screens.pilot_form import PilotForm
from pilot_tui.tui.screens.update_entry import UpdateEntryForm
from pilot_tui.tui.widgets.dialog_select import frame_of, list_place

from .conftest import MakeApp
from .input_burst import ENTER, ESCAPE, TAB, burst, settle

FRAME = Region(0, 0, 40, 20)  # rows 0..19


@pytest.mark.parametrize(
    ("field_y", "wanted", "place"),
    [
        (2, 6, (0, 6)),  # room below: down, as usual
        (18, 6, (-7, 6)),  # no room below: up, ending just above the field
        (13, 6, (0, 6)),  # exactly room below
        (14, 6, (-7, 6)),
        (5, 30, (0, 14)),  # too long for either side: the larger one, scrolling
        (15, 30, (-16, 15)),
    ],
)
def test_the_list_is_placed_inside_the_frame(
    field_y: int, wanted: int, place: tuple[int, int]
) -> None:
    field = Region(2, field_y, 20, 1)
    offset, height = list_place(field, FRAME, wanted)
    assert (offset, height) == place
    top = field.bottom + offset
    assert FRAME.y <= top and top + height <= FRAME.bottom
    assert top + height <= field.y or top >= field.bottom  # never over the field itself


@pytest.mark.parametrize("size", [(80, 24), (120, 35)])
@pytest.mark.parametrize(
    ("key", "tabs", "selects"),
    [
        ("u", 1, ["#e-status"]),
        ("e", 5, ["#f-looptijd_label", "#f-status"]),
    ],
)
async def test_an_open_dropdown_stays_inside_the_form(
    make_app: MakeApp, size: tuple[int, int], key: str, tabs: int, selects: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, key, *[TAB] * tabs)
        form = app.screen
        assert isinstance(form, (UpdateEntryForm, PilotForm))
        for n, selector in enumerate(selects):
            if n:
                await burst(app, pilot, TAB)
            select = form.query_one(selector, Select)
            assert select.has_focus
            await burst(app, pilot, ENTER)
            await pilot.pause()
            assert select.expanded
            overlay = select.query_one("SelectOverlay")
            assert isinstance(overlay, OptionList)
            frame = frame_of(select)
            assert frame is not None
            shown = overlay.region
            assert shown.height >= overlay.option_count  # every option in view
            assert frame.contains_region(shown), (shown, frame)
            assert not shown.overlaps(Region(*select.region.offset, select.region.width, 1))
            await burst(app, pilot, ESCAPE)
            assert not select.expanded
