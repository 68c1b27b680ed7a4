"""A round done in the app leaves the earlier Bijlage as it was, byte for byte."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, TextArea

from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.pilot_form import PilotForm
from pilot_tui.tui.screens.update_entry import UpdateEntryForm

from ..test_history import cli, everything_at
from .conftest import MakeApp, window
from .helpers import select

SIZE = (120, 35)
D2 = date(2022, 6, 1)


async def test_a_round_in_the_app_leaves_the_earlier_bijlage_as_it_was(
    make_app: MakeApp, seed_store: Path, tmp_path: Path
) -> None:
    before = everything_at(seed_store, tmp_path / "voor", "2021-12-01")
    app = make_app(peildatum=D2, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # the first change asks to begin the round
        await select(app, pilot, "pakketafhankelijke-eigen-bijdrage")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # enter is the safe answer: no round, nothing written
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("e", "b")  # b: begin the round
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PilotForm)
        form.query_one("#f-looptijd", Input).value = "1 oktober 2019 – 1 januari 2023"
        form.query_one("#f-name", Input).value = "Pakketafhankelijke eigen bijdrage (verlengd)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        # a new text, asked nothing more
        await select(app, pilot, "beslisboom")
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UpdateEntryForm)
        app.screen.query_one("#e-text", TextArea).text = "Beslisboom is live."
        await pilot.press("ctrl+s")
        await pilot.pause()
        # a delete retires the pilot from 1 juni 2022 on
        await select(app, pilot, "mijn-zaak")
        await pilot.press("d", "v")  # v: verwijderen
        await pilot.pause()
        assert "mijn-zaak" not in [r.pilot_id for r in app.main.pilot_list.rows]
        # the earlier peildatum still shows it, and the old looptijd and name
        app.set_peildatum(date(2021, 12, 1))
        await pilot.pause()
        ids = [r.pilot_id for r in app.main.pilot_list.rows]
        assert "mijn-zaak" in ids
        names = [r.name for r in app.main.pilot_list.rows]
        assert "Pakketafhankelijke eigen bijdrage" in names
        # a change there is a correction, asked for explicitly
        await select(app, pilot, "gezinsadvocaat")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    after = everything_at(seed_store, tmp_path / "na", "2021-12-01")
    for key in before:
        assert after[key] == before[key], f"{key} is veranderd op 1 december 2021"
    code, out, _err = cli("show", "--store", str(seed_store), "--json", "Pakketafhankelijke")
    assert code == 0 and "1 januari 2023" in out


async def test_only_a_status_in_the_form_keeps_the_text_as_unchanged(
    make_app: MakeApp, seed_store: Path
) -> None:
    from textual.widgets import Select

    from .helpers import on_disk

    app = make_app(peildatum=D2, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "beslisboom")
        await pilot.press("u", "b")  # begin the round (b, never enter)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, UpdateEntryForm)
        form.query_one(Select).value = "afgerond"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    stored = on_disk(seed_store).get("beslisboom")
    assert stored is not None
    entry = stored.entry_for(D2)
    assert entry is not None and entry.unchanged and entry.status is not None
    assert entry.status.value == "afgerond"
    assert entry.stand_van_zaken == stored.history[0].stand_van_zaken


async def test_a_text_that_loses_a_footnotes_words_says_so(
    make_app: MakeApp, seed_store: Path
) -> None:
    from .helpers import notes

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "wijkrechtbank-eindhoven")
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#e-text", TextArea).text = "Helemaal nieuwe tekst."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(
            n.startswith("Voetnoot 1 hoort bij „is inmiddels geëvalueerd.”") for n in notes(app)
        )


async def test_equals_keeps_the_stand_van_zaken_unchanged(
    make_app: MakeApp, seed_store: Path
) -> None:
    from .helpers import notes, on_disk

    app = make_app(peildatum=D2, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "mijn-zaak")
        await pilot.press("equals_sign", "b")  # the key, then: begin the round
        await pilot.pause()
        assert any("ongewijzigd gelaten" in n for n in notes(app))
    entry = on_disk(seed_store).get("mijn-zaak").entry_for(D2)  # type: ignore[union-attr]
    assert entry is not None and entry.unchanged


async def test_marked_pilots_are_kept_unchanged_in_one_step(
    make_app: MakeApp, seed_store: Path
) -> None:
    from .helpers import notes, on_disk, status_text

    app = make_app(peildatum=D2, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"divosa", "enter")  # the Divosa pilots, and one more
        await pilot.pause()
        n = len(app.main.pilot_list.rows)
        await pilot.press("A")  # mark all shown
        await pilot.pause()
        assert f"✓ {n} gemarkeerd" in status_text(app)
        first = app.main.pilot_list.highlighted
        await pilot.press("space")  # the first one is not kept after all
        await pilot.pause()
        assert f"✓ {n - 1} gemarkeerd" in status_text(app)
        await pilot.press("equals_sign", "b")  # and begin the round
        await pilot.pause()
        assert any(f"van {n - 1} pilots ongewijzigd gelaten" in m for m in notes(app))
        assert "gemarkeerd" not in status_text(app)
        kept = [p.id for p in on_disk(seed_store).pilots if (e := p.entry_for(D2)) and e.unchanged]
        assert len(kept) == n - 1 and first not in kept
        await pilot.press("ctrl+z")  # one step undoes all eight
        await pilot.pause()
        assert not any(p.entry_for(D2) for p in on_disk(seed_store).pilots)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert sum(1 for p in on_disk(seed_store).pilots if p.entry_for(D2)) == n - 1


async def test_v_compares_with_an_earlier_peildatum(make_app: MakeApp, seed_store: Path) -> None:
    from ..test_history import scripted_round
    from .helpers import detail_text, status_text

    scripted_round(seed_store)
    app = make_app(peildatum=D2, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert "1 december 2021" in app.screen.query_one("#peildatum-input", Input).value
        await pilot.press("enter")
        await pilot.pause()
        assert "vergeleken met 1 december 2021:" in status_text(app)
        await select(app, pilot, "beslisboom")
        text = detail_text(app)
        assert "Gewijzigd sinds 1 december 2021" in text
        assert "Naam: voorheen „Beslisboom”" in text
        await select(app, pilot, "pakketafhankelijke-eigen-bijdrage")
        assert "Looptijd: De subsidieregeling loopt" in detail_text(app)
        await pilot.press("v")  # stop comparing
        await pilot.pause()
        assert "vergeleken met" not in status_text(app)
        assert "Gewijzigd sinds" not in detail_text(app)


async def test_an_empty_stand_van_zaken_is_refused_at_the_field(
    make_app: MakeApp, seed_store: Path
) -> None:
    from textual.widgets import Static

    raw = seed_store.read_bytes()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "beslisboom")
        await pilot.press("u")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, UpdateEntryForm)
        form.query_one("#e-text", TextArea).text = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, its text kept
        assert "mag niet leeg zijn" in str(form.query_one("#text-problem", Static).content)
    assert seed_store.read_bytes() == raw
