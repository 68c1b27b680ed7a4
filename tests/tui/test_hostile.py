"""Text from the register is text: markup and terminal escapes in names do nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pilot_tui.model import Register
from pilot_tui.store import Store

from ..conftest import make_pilot
from .conftest import MakeApp

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
        assert "[b]Titel[/b]" in app.main.query_one("#status").as_text().plain
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
