"""The app as a user drives it: the list, searching, the detail, the footer. App.run_test()
with the pilot, asserting on the widgets."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Label

from pilot_tui import memory
from pilot_tui.attention import Attention
from pilot_tui.tui.app import PilotApp

from .conftest import MakeApp, window
from .helpers import SIZE, detail_text, footer_keys, names, status_text


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
