"""The app as a user drives it: App.run_test() with the pilot, asserting on the widgets."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Label, SelectionList

from pilot_tui import memory
from pilot_tui.attention import Attention
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.filter import FilterDialog
from pilot_tui.tui.dialogs.peildatum import PeildatumDialog
from pilot_tui.tui.dialogs.window import WindowDialog
from pilot_tui.tui.screens.help import HelpScreen, help_text
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.view import SortOrder

from .conftest import MakeApp, window
from .helpers import detail_text, footer_keys, names, notes, record_notifications, status_text

SIZE = (120, 35)


def list_text(app: PilotApp) -> str:
    return "\n".join(app.main.pilot_list.visible_text())


async def test_shows_the_33_pilots_at_the_latest_peildatum(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 33
        assert app.peildatum == date(2021, 12, 1)
        status = status_text(app)
        assert "Stand van zaken pilots" in status
        assert "peildatum 1 december 2021" in status
        assert "venster 3 maanden" in status
        assert "0 verlopen" in status
        # the visible rows show class as symbol and word, the end as a Dutch date
        text = list_text(app)
        assert "▲ eindigt binnenkort" in text
        assert "31 december 2021" in text
        assert "medio 2022" in text  # a fuzzy end, shown as such


async def test_three_end_soon_with_a_90_day_window(make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2021, 12, 1), window=window("90d"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = app.main.pilot_list.rows
        soon = [r for r in rows if r.attention is Attention.EINDIGT_BINNENKORT]
        assert len(soon) == 3
        assert list_text(app).count("eindigt binnenkort") == 3
        assert "3 eindigen binnenkort" in status_text(app)
        assert "venster 90 dagen" in status_text(app)


async def test_typing_on_searches_the_matches_and_backspace_all_again(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"divosa")
        divosa = names(app)
        assert len(divosa) == 10
        await pilot.press(*" eerste")  # searched among the ten only
        both = names(app)
        assert both and set(both) < set(divosa)
        assert any("eerste lijn" in n for n in both)
        await pilot.press(*["backspace"] * 7)
        assert names(app) == divosa
        await pilot.press(*["backspace"] * 6)  # nothing searched: every pilot again
        assert len(names(app)) == 33


async def test_search_divosa_filters_as_you_type(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "d", "i", "v")
        assert isinstance(app.focused, Input)
        assert len(names(app)) < 33  # already filtered after three letters
        await pilot.press(*"osa")
        shown = names(app)
        divosa = [n for n in shown if n.startswith("Divosa / ")]
        assert len(divosa) == 9
        # Search covers all fields: one more pilot mentions Divosa in its stand van zaken
        # ("In de pilots van Divosa wordt ... voorgebouwd op de uitkomsten van de pilot").
        others = [n for n in shown if not n.startswith("Divosa / ")]
        assert others == ["Samenwerken in de eerste lijn"]
        count = app.main.query_one("#search-count", Label)
        assert str(count.render()) == f"{len(shown)} van 33"
        # matches are marked in the detail pane
        detail = app.main.detail.render_detail()
        marked = [
            detail.plain[s.start : s.end]
            for s in detail.spans
            if s.style and "underline" in str(s.style)
        ]
        assert any(m.lower() == "divosa" for m in marked)
        # escape clears the search and returns to the list
        await pilot.press("escape")
        assert app.main.search.value == ""
        assert len(names(app)) == 33
        assert app.focused is app.main.pilot_list


async def test_search_is_case_and_accent_insensitive(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"CLIENTENONDERSTEUNING")
        assert any("cliëntenondersteuning" in n for n in names(app))
        await pilot.press("escape", "slash", *"oude ijssel")
        assert names(app) == ["Divosa / Gemeente Oude IJsselstreek"]


async def test_ligature_ij_matches_ij(make_app: MakeApp, small_store: Path) -> None:
    from pilot_tui.store import Store

    with Store.open(small_store) as store:
        store.register.pilots[1].name = "Divosa / Gemeente Oude Ĳsselstreek"
        store.save_pilot(store.register.pilots[1])
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"ijssel")
        assert names(app) == ["Divosa / Gemeente Oude Ĳsselstreek"]


async def test_keys_move_and_enter_opens_detail(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first, second = names(app)[:2]
        assert app.main.detail.detail is not None
        assert app.main.detail.detail.name == first
        await pilot.press("j")
        assert app.main.detail.detail.name == second
        await pilot.press("k")
        assert app.main.detail.detail.name == first
        await pilot.press("down", "down", "up")
        assert app.main.detail.detail.name == second
        await pilot.press("end")
        assert app.main.detail.detail.name == names(app)[-1]
        await pilot.press("home", "enter")
        assert app.focused is app.main.detail
        await pilot.press("escape")
        assert app.focused is app.main.pilot_list


async def test_detail_shows_the_pilot_in_full(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"digitaal bezwaarplatform", "enter")
        text = detail_text(app)
        for heading in ("Achtergrond", "Doel", "Stand van zaken", "ooptijd", "Gegevens"):
            assert heading in text
        assert "per 1 december 2021" in text
        assert "gelezen als:" in text
        assert "uiterlijk" in text
        history = text.split("Geschiedenis", 1)[1]
        assert "▶ 1 december 2021 · status lopend" in history


async def test_detail_reads_the_looptijd(make_app: MakeApp, small_store: Path) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"huurdomein", "enter")
        text = detail_text(app)
        assert "Najaar 2019 – december 2021" in text
        assert "gelezen als: " in text
        assert "Voetnoten" in text and "www.example.nl" in text
        assert "Raad voor Rechtsbijstand" in text
        assert "  • sneller" in text  # bullet items stay items
        history = text.split("Geschiedenis", 1)[1]
        assert history.index("1 juni 2022") < history.index("1 december 2021")  # newest first


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


async def test_q_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_small_terminal_shows_list_and_detail(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = app.main
        assert main.has_class("-narrow")
        lst, detail = main.pilot_list.region, main.detail.region
        assert lst.height >= 6 and detail.height >= 8
        assert detail.y >= lst.bottom  # detail below the list
        assert lst.width == detail.width == 80
        text = list_text(app)
        assert "Aandacht" in text and "Einde" in text and "Dagen" in text


async def test_readonly_banner(make_app: MakeApp) -> None:
    app = make_app(readonly=True, notice="register in gebruik (x): een ander proces heeft het open")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert status_text(app).startswith("alleen-lezen: register in gebruik")


async def test_mouse_click_selects_a_row(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        third = names(app)[2]
        await pilot.click("#list", offset=(25, 3))  # header is line 0
        assert app.main.detail.detail is not None
        assert app.main.detail.detail.name == third
        await pilot.double_click("#list", offset=(25, 3))
        assert app.focused is app.main.detail


async def test_divosa_names_distinguishable_at_120_and_80(make_app: MakeApp) -> None:
    from pilot_tui.tui.widgets.pilot_list import PilotList

    for size in ((120, 35), (80, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("slash", *"divosa", "enter")
            await pilot.pause()
            text = "\n".join(app.screen.query_one(PilotList).visible_text())
            assert "Divosa / Gemeente Den Bosch" in text
            assert "Divosa / Gemeente Deurne" in text


async def test_escape_clears_search_then_overview_then_f_filter(make_app: MakeApp) -> None:
    from pilot_tui.overview import OverviewFilter
    from pilot_tui.tui.view import Filter

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.set_filter(Filter(attentions=frozenset({Attention.LOPEND})))
        app.set_overview_filter(OverviewFilter("programma", "Divosa", "Divosa"))
        await pilot.press("slash", *"gemeente", "enter")
        await pilot.pause()
        await pilot.press("escape")
        assert app.search_query == ""
        assert app.overview_filter is not None and app.filter.active
        await pilot.press("escape")
        assert app.overview_filter is None and app.filter.active
        await pilot.press("escape")
        assert not app.filter.active
        all_shown = len(app.shown)
        await pilot.press("escape")  # nothing left to clear: nothing happens
        assert len(app.shown) == all_shown


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


async def test_a_large_register_is_kept_out_of_collections_while_the_app_runs(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memory, "LARGE", 33)  # the seed's 33 pilots count as large here
    gc.unfreeze()
    app = make_app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(100):  # kept once the first screen is out (a timer)
                if gc.get_freeze_count():
                    break
                await pilot.pause(0.02)
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() == 0  # the app gave them back when it ended
    finally:
        gc.unfreeze()


async def test_the_footer_keeps_its_keys_when_they_stay_the_same(make_app: MakeApp) -> None:
    """Textual rebuilds a footer on every change of the bindings (focus moving to the
    detail and back); the main footer only when the keys it shows change."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before = await footer_keys(app, pilot)
        await pilot.press("tab")
        await pilot.pause(0.1)
        assert app.main.detail.has_focus
        await pilot.press("shift+tab")
        await pilot.pause(0.1)
        after = await footer_keys(app, pilot)
        assert after.keys() == before.keys()
        assert all(after[action] is before[action] for action in before)


async def test_while_searching_the_footer_says_what_enter_and_escape_do(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"divosa")
        keys = await footer_keys(app, pilot)
        assert "Naar de lijst" in str(keys["submit"].render())
        assert "Zoekopdracht wissen" in str(keys["screen.back"].render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.search_query == ""
        assert app.main.pilot_list.has_focus
        keys = await footer_keys(app, pilot)
        assert "submit" not in keys  # only while the search box has the focus


@pytest.mark.parametrize(("width", "hidden"), [(80, True), (160, False)])
async def test_footer_keys_show_whole_or_not_at_all(
    make_app: MakeApp, width: int, hidden: bool
) -> None:
    """No key cut off mid-word ("e Bewerk"): the keys that do not fit beside "? Help" and
    "q Stoppen" are hidden (the help lists them all), and come back when there is room."""
    from pilot_tui.tui.screens.main import MainFooter

    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        keys = await footer_keys(app, pilot)
        await pilot.pause(0.1)
        footer = app.main.query_one(MainFooter)
        keep = footer.query_one("#footer-keep")
        shown = [w for a, w in keys.items() if w.display and w.parent is footer]
        assert shown and all(w.region.right <= keep.region.x for w in shown)
        assert (not keys["app.review"].display) is hidden
        # the editing keys come first: at 80 columns they are the ones that fit
        assert all(keys[a].display for a in ("app.update", "app.edit", "app.new", "app.delete"))
        if hidden:
            await pilot.resize_terminal(200, 30)
            await pilot.pause(0.2)
            keys = await footer_keys(app, pilot)
            assert all(w.display for w in keys.values())


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


async def test_search_puts_the_name_match_first_and_enter_opens_it(
    make_app: MakeApp, seed_store: Path
) -> None:
    import json as _json

    data = _json.loads(seed_store.read_text(encoding="utf-8"))
    for doc in data["pilots"].values():
        if doc["id"] == "mijn-zaak":
            doc["name"] = "Sociaal raadslieden online"
    seed_store.write_text(_json.dumps(data), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"sociaal raadslieden")
        await pilot.pause()
        rows = [r.pilot_id for r in app.main.pilot_list.rows]
        assert rows[0] == "mijn-zaak" and len(rows) > 1  # others mention them in their texts
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.pilot_list.highlighted == "mijn-zaak"
        assert "Sociaal raadslieden online" in detail_text(app)


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
