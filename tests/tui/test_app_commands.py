"""The app's commands as a user drives them: the peildatum and window dialogs, filter and
sort, help, the command palette, the theme and the settings. App.run_test() with the
pilot, asserting on the widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, SelectionList

from pilot_tui.attention import Attention
from pilot_tui.tui.dialogs.filter import FilterDialog
from pilot_tui.tui.dialogs.peildatum import PeildatumDialog
from pilot_tui.tui.dialogs.window import WindowDialog
from pilot_tui.tui.screens.help import HelpScreen, help_text
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.view import SortOrder

from .conftest import MakeApp, window
from .helpers import SIZE, detail_text, names, notes, record_notifications, status_text


async def test_peildatum_dialog_moves_to_1_juni_2022(make_app: MakeApp) -> None:
    app = make_app(window=window("90d"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = {r.pilot_id: r.attention for r in app.main.pilot_list.rows}
        await pilot.press("p")
        assert isinstance(app.screen, PeildatumDialog)
        await pilot.press(*"1 juni 2022")
        reading = app.screen.query_one("#peildatum-reading")
        assert "Gelezen als: 1 juni 2022" in str(reading.render())
        await pilot.press("enter")
        assert not isinstance(app.screen, PeildatumDialog)
        assert app.peildatum == date(2022, 6, 1)
        assert "peildatum 1 juni 2022" in status_text(app)
        after = {r.pilot_id: r.attention for r in app.main.pilot_list.rows}
        assert after != before
        expired = [pid for pid, a in after.items() if a is Attention.VERLOPEN]
        assert len(expired) >= 3
        assert f"{len(expired)} verlopen" in status_text(app)
        # the detail follows at once
        assert "✗ verlopen" in detail_text(app) or app.main.detail.detail is not None


async def test_peildatum_dialog_reads_several_forms(make_app: MakeApp) -> None:
    cases = {
        "2022-06-01": date(2022, 6, 1),
        "01-06-2022": date(2022, 6, 1),
        "vandaag": date(2022, 3, 15),
    }
    for text, expected in cases.items():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p", *text, "enter")
            assert app.peildatum == expected, text


async def test_bad_dates_are_refused_inline(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", *"31 februari 2022")
        dialog = app.screen
        assert isinstance(dialog, PeildatumDialog)
        reading = dialog.query_one("#peildatum-reading")
        assert reading.has_class("-error")
        # clearly meant as a date: says why it is none
        assert str(reading.render()) == "„31 februari 2022” is geen bestaande datum."
        await pilot.press("enter")
        assert app.screen is dialog  # refused: the dialog stays
        reading_input = dialog.query_one(Input)
        reading_input.value = "bla"
        await pilot.pause()
        assert str(reading.render()) == "Geen datum die ik kan lezen: „bla”."
        await pilot.press("escape")
        assert not isinstance(app.screen, PeildatumDialog)
        assert app.peildatum == date(2021, 12, 1)


async def test_brackets_step_through_register_peildata(
    make_app: MakeApp, small_store: Path
) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.peildatum == date(2022, 6, 1)
        await pilot.press("left_square_bracket")
        assert app.peildatum == date(2021, 12, 1)
        assert "peildatum 1 december 2021" in status_text(app)
        await pilot.press("left_square_bracket")  # nothing earlier: stays, says so
        assert app.peildatum == date(2021, 12, 1)
        await pilot.press("right_square_bracket")
        assert app.peildatum == date(2022, 6, 1)


async def test_window_dialog_choice_and_typed(make_app: MakeApp, config_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, WindowDialog)
        await pilot.press("down", "down", "enter")  # 3 -> 6 -> 12 maanden
        assert app.window.label == "12 maanden"
        assert "venster 12 maanden" in status_text(app)
        await pilot.press("w", *"1j")  # typed on the list: goes to the field
        assert app.screen.query_one("#window-input", Input).value == "1j"
        await pilot.press("enter")
        assert app.window.label == "1 jaar"
        await pilot.press("w", "tab", *"90d")
        assert "Gelezen als: 90 dagen" in str(app.screen.query_one("#window-reading").render())
        await pilot.press("enter")
        assert app.window.label == "90 dagen"
        await pilot.press("w", "tab", *"zomaar", "enter")
        assert isinstance(app.screen, WindowDialog)  # refused
        await pilot.press("escape")
    # remembered for next time
    app2 = make_app()
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app2.window.label == "90 dagen"


async def test_filter_by_several_classes(make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        choices = dialog.query_one(SelectionList)
        choices.select("a:verlopen")
        choices.select("a:afgerond")
        await pilot.press("enter")
        shown = {r.attention for r in app.main.pilot_list.rows}
        assert shown == {Attention.VERLOPEN, Attention.AFGEROND}
        verlopen, afgerond = Attention.VERLOPEN.symbol, Attention.AFGEROND.symbol
        assert f"filter: {verlopen} verlopen, {afgerond} afgerond" in status_text(app)
        await pilot.press("f")
        await pilot.click("#filter-clear")
        assert len(app.main.pilot_list.rows) == 33


async def test_o_cycles_the_sort(make_app: MakeApp) -> None:
    app = record_notifications(make_app())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.sort is SortOrder.ATTENTION
        assert app.main.pilot_list.rows[0].attention is Attention.EINDIGT_BINNENKORT
        await pilot.press("o")
        assert app.sort is SortOrder.NAME
        shown = names(app)
        assert shown == sorted(shown, key=str.casefold)
        assert "sortering: naam" in status_text(app)
        header = app.main.pilot_list.render_line(0).text
        assert "Pilot ▾" in header and header.count("▾") == 1
        for expected in (SortOrder.END, SortOrder.DAYS, SortOrder.STATUS, SortOrder.ATTENTION):
            await pilot.press("o")
            assert app.sort is expected
            header = app.main.pilot_list.render_line(0).text
            assert header.count("▾") == 1  # one column marked, whichever it is
        assert "Aandacht ▾" in header
        assert not [n for n in notes(app) if n.startswith("Sortering")]  # no stacked toasts


async def test_help_lists_the_bindings(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        active = app.screen.active_bindings
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app.screen.entries).plain
        for key, expected in (
            ("/", "Zoeken"),
            ("f", "Filter"),
            ("o", "Sortering"),
            ("p", "Peildatum"),
            ("[", "Vorige peildatum"),
            ("]", "Volgende peildatum"),
            ("w", "Venster"),
            ("t", "Tijdlijn"),
            ("g", "Overzicht"),
            ("s", "Stand van zaken"),
            ("?", "Help"),
            ("q", "Stoppen"),
            ("k", "Omhoog"),
            ("j", "Omlaag"),
            ("^p", "Opdrachten"),
        ):
            line = next((ln for ln in text.splitlines() if expected in ln), "")
            assert key in line.split(expected)[0], (key, expected, text)
        # every described binding of the main screen is there
        for binding in (a.binding for a in active.values()):
            if binding.description and not binding.system:
                assert binding.description in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_offers_the_actions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.main)]
        for title in (
            "Peildatum (p)",
            "Venster (w)",
            "Filter (f)",
            "Sortering (o)",
            "Zoeken (/)",
            "Tijdlijn (t)",
            "Overzicht (g)",
            "Stand van zaken exporteren als document (Word, Markdown, HTML, CSV, JSON) (s)",
            "Overzicht importeren…",
        ):
            assert title in titles
        # found by the words a user tries ("document", "export", "word")
        snapshot = next(t for t in titles if t.endswith("(s)"))
        for word in ("document", "export", "word"):
            assert word in snapshot.lower()
        command = next(c for c in app.get_system_commands(app.main) if c.title == "Sortering (o)")
        command.callback()
        await pilot.pause()
        assert app.sort is SortOrder.NAME


async def test_theme_is_remembered(make_app: MakeApp, config_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert (config_dir / "settings.json").is_file()
    app2 = make_app()
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app2.theme == "nord"


async def test_corrupt_settings_do_not_stop_the_app(make_app: MakeApp, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text("{nope", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 33


async def test_command_palette_is_dutch(make_app: MakeApp) -> None:
    from textual.command import CommandInput, CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.main))
        titles = [c.title for c in commands]
        for english in ("Keys", "Maximize", "Minimize", "Quit", "Screenshot", "Theme"):
            assert english not in titles
        for dutch in ("Thema kiezen", "Toetsen tonen (help)", "Stoppen", "Overzicht importeren…"):
            assert dutch in titles
        for command in commands:  # a real explanation, not the title again
            assert command.help and command.help not in command.title, command.title
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een opdracht of pilot…"


async def test_the_palette_offers_a_full_search_when_nothing_matches(make_app: MakeApp) -> None:
    """No command or pilot name matches: instead of Textual's English "No matches found",
    the palette offers to search the text in every field (the list's search)."""
    from textual.command import CommandList, CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"quit")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        command_list = palette.query_one(CommandList)
        for _ in range(100):  # the providers answer in the background
            await pilot.pause(0.02)
            if command_list.option_count:
                break
        await pilot.pause(0.7)  # past the moment Textual would show "No matches found"
        shown = [
            str(command_list.get_option_at_index(i).prompt).splitlines()[0]  # title, help
            for i in range(command_list.option_count)
        ]
        assert shown == ["Zoek „quit” in alle velden"]  # and no English line
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.search.value == "quit"
        assert app.search_query == "quit"


async def test_the_theme_picker_speaks_dutch(make_app: MakeApp) -> None:
    """Textual's theme picker said "Search for themes…"."""
    from textual.command import CommandInput, CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_change_theme()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een kleurenthema…"
        await pilot.press("escape")


async def test_capital_o_reverses_the_sort_order(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")  # by name
        await pilot.pause()
        forward = names(app)
        await pilot.press("O")
        await pilot.pause()
        assert names(app) == list(reversed(forward))
        assert "sortering: naam, omgekeerd" in status_text(app)
        assert "Pilot ▴" in app.main.pilot_list.visible_text()[0]
        await pilot.press("O")
        await pilot.pause()
        assert names(app) == forward


async def test_c_shows_programma_then_gemeente_and_is_remembered(
    make_app: MakeApp, config_dir: Path
) -> None:
    import json as _json

    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        header = app.main.pilot_list.visible_text()[0]
        assert "Programma" in header
        assert any("Divosa" in line for line in app.main.pilot_list.visible_text()[1:])
        await pilot.press("c")
        await pilot.pause()
        assert "Gemeente" in app.main.pilot_list.visible_text()[0]
    saved = _json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["column"] == "gemeente"
    again = make_app()
    async with again.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert "Gemeente" in again.main.pilot_list.visible_text()[0]
        await pilot.press("c")
        await pilot.pause()
        assert "Gemeente" not in again.main.pilot_list.visible_text()[0]
