"""Text fields edit as people expect: ctrl+a selects all, typing or pasting over a
selection replaces it, a paste into a one-line field keeps every line, undo works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from pilot_tui.tui import strings as S
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.screens.pilot_form import PilotForm
from pilot_tui.tui.screens.update_entry import UpdateEntryForm
from pilot_tui.tui.widgets.text_box import TextBox
from pilot_tui.tui.widgets.text_fields import TextField, pasted_line

from .conftest import MakeApp
from .helpers import on_disk

SIZE = (120, 35)


async def open_edit_form(app: PilotApp, pilot: Any) -> PilotForm:
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, PilotForm)
    return form


def test_the_key_line_of_the_forms_names_ctrl_a() -> None:
    assert "ctrl+a selecteert alles" in S.FORM_HINT


def test_a_pasted_text_in_one_line_keeps_every_line() -> None:
    assert (
        pasted_line("Heerlen, Kerkrade\nen Sittard-Geleen\n")
        == "Heerlen, Kerkrade en Sittard-Geleen"
    )
    assert pasted_line("a\r\nb\rc") == "a b c"
    assert pasted_line("") == ""


async def test_every_form_and_dialog_field_selects_all_with_ctrl_a(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_edit_form(app, pilot)
        assert all(isinstance(w, TextField) for w in form.query(Input))
        assert all(isinstance(w, TextBox) for w in form.query(TextArea))
        assert isinstance(app.main.search, TextField)


async def test_looptijd_is_replaced_with_ctrl_a_and_typing(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_edit_form(app, pilot)
        looptijd = form.query_one("#f-looptijd", Input)
        assert looptijd.value  # there is a looptijd to replace
        looptijd.focus()
        await pilot.pause()
        await pilot.press("ctrl+a", *"2023")
        assert looptijd.value == "2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert any(p.looptijd == "2023" for p in on_disk(seed_store).pilots)


async def test_a_paste_replaces_the_selection_and_keeps_its_lines(make_app: MakeApp) -> None:
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_edit_form(app, pilot)
        name = form.query_one("#f-gemeente", Input)
        name.value = "Oud"
        name.focus()
        await pilot.pause()
        await pilot.press("ctrl+a")
        name.post_message(events.Paste("Heerlen, Kerkrade\nen Sittard-Geleen"))
        await pilot.pause()
        assert name.value == "Heerlen, Kerkrade en Sittard-Geleen"


async def test_text_area_select_all_type_over_and_undo(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, UpdateEntryForm)
        area = form.query_one("#e-text", TextArea)
        before = area.text
        assert before and area.has_focus
        await pilot.press("ctrl+a", *"Nieuw")
        assert area.text == "Nieuw"
        # undo brings the text back, and no further: the text the form opened with stays
        await pilot.press(*["ctrl+z"] * 5)
        assert area.text == before
        await pilot.press(*["ctrl+y"] * 5)
        assert area.text == "Nieuw"
