"""The overview screen in a small host app: counts shown, chosen by key or click, escape.

Snapshots: ``pytest tests/tui/test_overview.py --snapshot-update`` after looking.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Label, OptionList

from pilot_tui import overview
from pilot_tui.attention import assess, assess_all
from pilot_tui.overview import OverviewFilter
from pilot_tui.periods import parse_window
from pilot_tui.store import Store
from pilot_tui.tui.screens.overview import OverviewScreen

from ..conftest import make_pilot

PEILDATUM = date(2021, 12, 1)
NOT_YET = object()


class Host(App[None]):
    """Opens the overview at once and keeps what it was dismissed with."""

    def __init__(self, ov: overview.Overview, current: OverviewFilter | None = None) -> None:
        super().__init__()
        self.ov = ov
        self.current = current
        self.result: object = NOT_YET

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.push_screen(OverviewScreen(self.ov, PEILDATUM, self.current), self.done)

    def done(self, result: OverviewFilter | None) -> None:
        self.result = result

    @property
    def overview_screen(self) -> OverviewScreen:
        screen = self.screen
        assert isinstance(screen, OverviewScreen)
        return screen


def seed_overview(seed_store: Path) -> overview.Overview:
    store = Store.open(seed_store, readonly=True)
    try:
        window = parse_window("3m")
        assert window is not None
        return overview.build(assess_all(store.register, PEILDATUM, window))
    finally:
        store.close()


def prompts(screen: OverviewScreen, kind: overview.FilterKind) -> list[str]:
    section = screen.section(kind)
    return [str(section.get_option_at_index(i).prompt) for i in range(section.option_count)]


async def test_shows_the_four_sections_with_counts(seed_store: Path) -> None:
    app = Host(seed_overview(seed_store))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.overview_screen
        title = str(screen.query_one("#overview-title", Label).content)
        assert title == "Overzicht per peildatum 1 december 2021 (33 pilots)"
        attention = prompts(screen, "attention")
        assert " 3  ▲ eindigt binnenkort" in attention
        assert " 0  ✗ verlopen" in attention
        assert "25  ● lopend" in attention
        assert " 9  Divosa" in prompts(screen, "programma")
        assert " 1  Almere" in prompts(screen, "gemeente")
        assert "17  eindigt Q4 2022" in prompts(screen, "kwartaal")
        assert [s.border_title for s in screen.query(OptionList)] == [
            "Aandacht",
            "Programma",
            "Gemeente/regio",
            "Open pilots per eindkwartaal",
        ]
        # zero counts cannot be chosen
        section = screen.section("attention")
        assert section.get_option_at_index(0).disabled
        assert section.highlighted == 1


async def test_enter_dismisses_with_the_filter(seed_store: Path) -> None:
    app = Host(seed_overview(seed_store))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == OverviewFilter(
            "attention", "eindigt binnenkort", "▲ eindigt binnenkort"
        )


async def test_arrows_move_between_and_within_sections(seed_store: Path) -> None:
    app = Host(seed_overview(seed_store))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right")  # to the quarters
        assert app.overview_screen.focused is app.overview_screen.section("kwartaal")
        await pilot.press("down", "j", "k", "enter")
        await pilot.pause()
        assert isinstance(app.result, OverviewFilter)
        assert app.result.kind == "kwartaal"
        assert app.result.label == "eindigt Q1 2022"


async def test_left_and_tab_wrap_around(seed_store: Path) -> None:
    app = Host(seed_overview(seed_store))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("left")
        assert app.overview_screen.focused is app.overview_screen.section("kwartaal")
        await pilot.press("tab")
        assert app.overview_screen.focused is app.overview_screen.section("attention")
        await pilot.press("l", "enter")
        await pilot.pause()
        assert isinstance(app.result, OverviewFilter)
        assert (app.result.kind, app.result.value) == ("programma", "")
        assert app.result.label == "geen programma"


async def test_click_on_a_count_chooses_it(seed_store: Path) -> None:
    app = Host(seed_overview(seed_store))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.click("#overview-gemeente", offset=(4, 2))  # border, then the 2nd row
        await pilot.pause()
        assert isinstance(app.result, OverviewFilter)
        assert app.result.kind == "gemeente"
        assert app.result.value == "Almere"


async def test_escape_dismisses_with_none(seed_store: Path) -> None:
    app = Host(seed_overview(seed_store))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None


async def test_current_filter_is_highlighted(seed_store: Path) -> None:
    current = OverviewFilter("programma", "Divosa", "Divosa")
    app = Host(seed_overview(seed_store), current)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        section = app.overview_screen.section("programma")
        assert app.overview_screen.focused is section
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == current


async def test_chosen_filter_matches_the_counted_pilots(seed_store: Path) -> None:
    store = Store.open(seed_store, readonly=True)
    window = parse_window("3m")
    assert window is not None
    found = assess_all(store.register, PEILDATUM, window)
    store.close()
    app = Host(overview.build(found))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right", "enter")
        await pilot.pause()
        assert isinstance(app.result, OverviewFilter)
        assert app.result.label == "eindigt Q4 2021"
        chosen = sorted(a.pilot.name for a in found if overview.matches(a, app.result))
        # the two open pilots ending in december 2021 (not the closed ones of that quarter)
        assert chosen == [
            "Pakketafhankelijke eigen bijdrage",
            "Regie op geschiloplossing in het huurdomein",
        ]


async def test_hostile_group_names_are_text() -> None:
    pilots = [
        make_pilot("a", "A", "2022", programma="[@click=app.quit]x[/]", gemeente="[/]"),
        make_pilot("b", "B", "2022", programma="[bold]vet[/bold]", gemeente="\x1b[31mRood"),
    ]
    found = [assess(p, PEILDATUM, date(2022, 3, 1), PEILDATUM) for p in pilots]
    app = Host(overview.build(found))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.overview_screen
        assert prompts(screen, "programma") == ["1  [@click=app.quit]x[/]", "1  [bold]vet[/bold]"]
        assert prompts(screen, "gemeente") == ["1  [/]", "1  Rood"]
        await pilot.click("#overview-programma", offset=(4, 1))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.result, OverviewFilter)
        assert app.result.value == "[@click=app.quit]x[/]"


async def test_empty_register() -> None:
    app = Host(overview.build([]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert prompts(app.overview_screen, "gemeente") == ["(geen)"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NOT_YET  # nothing to choose
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None


def test_overview_snapshot_120x35(snap_compare: Any, seed_store: Path) -> None:
    assert snap_compare(Host(seed_overview(seed_store)), terminal_size=(120, 35))


def test_overview_snapshot_80x24(snap_compare: Any, seed_store: Path) -> None:
    assert snap_compare(Host(seed_overview(seed_store)), terminal_size=(80, 24), press=["right"])
