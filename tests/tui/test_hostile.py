"""Text from the register is text: markup and terminal escapes in names do nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets._toast import Toast

from pilot_tui.model import Register
from pilot_tui.store import Store
from pilot_tui.text import for_screen
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.pilot_form import PilotForm
from pilot_tui.tui.widgets.status_line import StatusLine

from ..conftest import make_pilot
from .conftest import MakeApp
from .helpers import notes

HOSTILE = ["[/]", "[@click=app.quit]x[/]", "\x1b]0;x\x07", "[bold red]vet[/bold red] \u202eevil"]


def hostile_store(tmp_path: Path) -> Path:
    register = Register(title="[b]Titel[/b] \x1b[31m", peildata=[date(2021, 12, 1)])
    register.pilots = [
        make_pilot(
            f"h{i}",
            name,
            "2021 – 2023",
            achtergrond=f"Achtergrond met {name} erin",
            partners=[name],
            programma="[link=https://example.org]prog[/link]",
        )
        for i, name in enumerate(HOSTILE)
    ]
    path = tmp_path / "hostile.json"
    Store.create(path, register).close()
    return path


async def test_hostile_names_are_shown_literally_and_do_nothing(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(hostile_store(tmp_path))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        names = [row.name for row in app.main.pilot_list.rows]
        assert "[/]" in names
        assert "[@click=app.quit]x[/]" in names
        assert "[bold red]vet[/bold red] evil" in names  # bidi override stripped
        assert all("\x1b" not in n and "\x07" not in n for n in names)
        screen = app.export_screenshot()
        assert "[@click=app.quit]x[/]" in screen.replace("&#160;", " ")
        assert "[b]Titel[/b]" in app.main.query_one("#status", StatusLine).as_text().plain
        # click every row (the click markup would quit the app if it were markup)
        for y in range(1, len(names) + 1):
            await pilot.click("#list", offset=(30, y))
            await pilot.pause()
            assert app.is_running
            detail = app.main.detail.render_detail().plain
            assert "\x1b" not in detail and "\u202e" not in detail
        assert "[link=https://example.org]prog[/link]" in detail
        # search for the markup itself
        await pilot.press("slash", *"[@click")
        assert [row.name for row in app.main.pilot_list.rows] == ["[@click=app.quit]x[/]"]
        await pilot.press("escape", "enter", "question_mark", "escape")
        assert app.is_running


# -- the whole matrix, through every place the app shows register text ---------------------

CASES = [
    "[/]",
    "[/bold]",
    "[b",  # unclosed
    "[link=https://example.org]x[/link]",
    "[@click=app.quit]x[/]",
    "eind\\",  # a trailing backslash
    "a\x1b]0;x\x07b",  # set the window title
    "a\x1b[2Jb",  # clear the screen
    "a\x1b]52;c;ZXZpbA==\x07b",  # OSC 52: write the clipboard
    "a\x9bb",  # C1 CSI as one character
    "a\u202eb",  # right-to-left override
    "<script>",
    "=1+1",
]
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "]0;x", "]52;", "ZXZpbA==", "[2J")
SHOWN = (220, 50)  # wide enough that no name in the matrix is cut short


def matrix_store(tmp_path: Path) -> Path:
    register = Register(title="Matrix", peildata=[date(2021, 12, 1)])
    register.pilots = [
        make_pilot(
            f"m{i:02d}",
            f"H{i:02d} {case}",
            "1 januari 2021 – 31 december 2023",
            achtergrond=f"Achtergrond {case}",
        )
        for i, case in enumerate(CASES)
    ]
    for i, (pilot, case) in enumerate(zip(register.pilots, CASES, strict=True)):
        pilot.history[0].stand_van_zaken = f"Stand S{i:02d} {case}"
    path = tmp_path / "matrix.json"
    Store.create(path, register).close()
    return path


def screen_text(app: PilotApp) -> str:
    """Everything drawn on the screen now, as the compositor hands it to the terminal."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def shown(widget: Widget) -> str:
    """The text drawn in the widget's region of the screen (wrapped lines joined)."""
    region = widget.content_region
    strips = widget.screen._compositor.render_strips()[region.y : region.bottom]
    return flat(" ".join(strip.crop(region.x, region.right).text for strip in strips))


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_safe(text: str) -> None:
    for control in CONTROLS:
        assert control not in text, control


@pytest.mark.parametrize("i", range(len(CASES)), ids=[repr(c) for c in CASES])
async def test_hostile_text_everywhere_in_the_app(
    make_app: MakeApp, tmp_path: Path, i: int
) -> None:
    """One case of the matrix, as a name and in achtergrond and stand van zaken: the list,
    the detail, search highlighting, the edit form, the notification after saving it, the
    delete confirmation, the timeline and the command palette show it as text."""
    case = CASES[i]
    pilot_id = f"m{i:02d}"
    name = for_screen(f"H{i:02d} {case}")  # what the user must see: the text, minus controls
    path = matrix_store(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SHOWN, notifications=True) as pilot:
        await pilot.pause()

        # list and detail
        rows = app.main.pilot_list.rows
        app.main.pilot_list.cursor = next(n for n, r in enumerate(rows) if r.pilot_id == pilot_id)
        app.main.pilot_list.focus()
        await pilot.pause()
        assert name in shown(app.main.pilot_list)
        detail = shown(app.main.detail)
        for text in (name, for_screen(f"Achtergrond {case}"), for_screen(f"Stand S{i:02d} {case}")):
            assert flat(text) in detail, text
        assert_safe(screen_text(app))
        await pilot.click("#detail", offset=(2, 0))  # on the name: nothing in it acts
        await pilot.pause()
        assert app.is_running

        # search, the match highlighted in the list and in the detail
        await pilot.press("slash", *f"h{i:02d}", "enter")
        await pilot.pause()
        assert [r.pilot_id for r in app.main.pilot_list.rows] == [pilot_id]
        assert name in shown(app.main.pilot_list)
        assert name in shown(app.main.detail)
        assert_safe(screen_text(app))
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == len(CASES)

        # the edit form; saving it gives a notification naming the pilot
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PilotForm)
        assert f"Bewerken: {flat(name)}" in flat(screen_text(app))
        assert app.screen.query_one("#f-name", Input).value == name
        assert_safe(screen_text(app))
        app.screen.query_one("#f-gemeente", Input).value = f"Plaats {i}"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = f"Opgeslagen: „{name}” gewijzigd."
        assert saved in notes(app)
        await pilot.pause(0.1)
        toasts = list(app.screen.query(Toast))
        assert any(flat(saved) in shown(toast) for toast in toasts), [shown(t) for t in toasts]
        assert_safe(screen_text(app))
        await pilot.click(toasts[-1])  # a click on the toast: it goes, nothing else happens
        await pilot.pause()
        assert app.is_running

        # the delete confirmation, cancelled
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f"„{flat(name)}”" in shown(app.screen.query_one("#confirm-message", Static))
        assert_safe(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.store.register.get(pilot_id) is not None

        # the timeline: the bar's row and its footer name the pilot
        await pilot.press("t")
        await pilot.pause()
        assert name in shown(app.main.timeline)
        assert_safe(screen_text(app))
        await pilot.press("t")
        await pilot.pause()

        # the command palette: search for the name, see it literally, go there
        app.main.pilot_list.cursor = 0
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*name.replace("\\", ""))  # a backslash is not a key to press
        options = ""
        for _ in range(40):
            await pilot.pause(0.05)
            options = shown(app.screen.query_one(OptionList))
            if name in options:
                break
        assert name in options
        assert_safe(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.pilot_list.highlighted == pilot_id
        assert app.is_running
    assert app.return_code in (None, 0)
    with Store.open(path, readonly=True) as store:  # the text itself is kept as it was
        assert store.register.get(pilot_id).name == f"H{i:02d} {case}"  # type: ignore[union-attr]
        assert store.register.get(pilot_id).gemeente == f"Plaats {i}"  # type: ignore[union-attr]
