"""Editing in the app, driven as a user would (the pilot), asserting on the register file.

New / edit / delete with confirmation, stand van zaken per peildatum with its history and
word diff, undo and redo, and the editing keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static, TextArea

from pilot_tui.tui import app_state
from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.pilot_form import PilotForm
from pilot_tui.tui.screens.update_entry import UpdateEntryForm

from .conftest import MakeApp, window
from .helpers import D1, D2, SIZE, detail_text, notes, on_disk, select

# -- new, edit -------------------------------------------------------------------------


async def test_new_pilot_is_saved_with_an_audit_entry(make_app: MakeApp, seed_store: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PilotForm)
        await pilot.press(*"Proef met mediation", "tab", "tab")  # name, former names
        await pilot.press(*"Korte achtergrond.", "tab")
        await pilot.press(*"Sneller recht.", "tab")
        await pilot.press(*"1 sep 2022 - 30 jun 2023")
        await pilot.pause()
        reading = app.screen.query_one("#looptijd-reading", Static)
        assert str(reading.content) == "Gelezen als: 1 september 2022 – 30 juni 2023"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.pilot_list.highlighted == "proef-met-mediation"
        assert "Opgeslagen: „Proef met mediation” toegevoegd." in notes(app)
    register = on_disk(seed_store)
    new = register.get("proef-met-mediation")
    assert new is not None
    assert (new.achtergrond, new.doel, new.looptijd) == (
        "Korte achtergrond.",
        "Sneller recht.",
        "1 sep 2022 - 30 jun 2023",
    )
    assert register.audit[-1].pilot_id == "proef-met-mediation"
    assert register.audit[-1].new == "Proef met mediation"


async def test_edit_saves_only_what_changed(make_app: MakeApp, seed_store: Path) -> None:
    before = on_disk(seed_store).get("gezinsadvocaat")
    assert before is not None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "gezinsadvocaat")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PilotForm)
        form.query_one("#f-doel", TextArea).text = "Een nieuw doel.\n• met een punt"
        form.query_one("#f-gemeente", Input).value = "Utrecht"
        form.query_one("#f-partners", Input).value = "Raad; Loket ;"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Een nieuw doel." in detail_text(app)
    after = on_disk(seed_store).get("gezinsadvocaat")
    assert after is not None
    assert after.doel == "Een nieuw doel.\n• met een punt"
    assert after.gemeente == "Utrecht"
    assert after.partners == ["Raad", "Loket"]
    assert after.achtergrond == before.achtergrond
    assert after.history == before.history
    audit = on_disk(seed_store).audit
    assert {a.field for a in audit if a.pilot_id == "gezinsadvocaat"} == {
        "doel@2021-12-01",
        "gemeente@2021-12-01",
        "partners@2021-12-01",
    }


async def test_unreadable_looptijd_saves_with_a_warning(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "gezinsadvocaat")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-looptijd", Input).value = "tot de zomer ongeveer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(
            n.startswith("Opgeslagen, maar de looptijd is niet te lezen") for n in notes(app)
        )
    after = on_disk(seed_store).get("gezinsadvocaat")
    assert after is not None and after.looptijd == "tot de zomer ongeveer"


async def test_duplicate_name_is_refused_in_the_form(make_app: MakeApp, seed_store: Path) -> None:
    raw = seed_store.read_bytes()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "gezinsadvocaat")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-name", Input).value = "MIJN zaak"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PilotForm)
        problem = str(app.screen.query_one("#name-problem", Static).content)
        assert problem == "er is al een pilot met de naam „MIJN ZAAK”"
    assert seed_store.read_bytes() == raw


# -- delete and undo ---------------------------------------------------------------------


def retired(path: Path, pilot_id: str) -> bool:
    """Deleted at the seed's peildatum: still in the file, absent from its view."""
    stored = on_disk(path).get(pilot_id)
    return stored is not None and stored.as_of(D1) is None


async def test_delete_asks_naming_the_pilot_and_can_be_undone(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "beslisboom")
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "„Beslisboom”" in str(dialog.query_one("#confirm-message", Static).content)
        await pilot.press("escape")  # no
        await pilot.pause()
        assert on_disk(seed_store).get("beslisboom") is not None
        ids = [r.pilot_id for r in app.main.pilot_list.rows]
        below = ids[ids.index("beslisboom") + 1]
        await pilot.press("d", "enter")  # enter: the safe answer, always
        await pilot.pause()
        assert on_disk(seed_store).get("beslisboom") is not None
        await pilot.press("d", "v")  # v: Verwijderen
        await pilot.pause()
        assert retired(seed_store, "beslisboom")
        assert "Beslisboom" not in [r.name for r in app.main.pilot_list.rows]
        assert app.main.pilot_list.highlighted == below  # the next row, not the top
        assert list((seed_store.parent / "store.json.backups").glob("*verwijderen*"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Ongedaan gemaakt: het verwijderen van „Beslisboom”." in notes(app)
        assert not retired(seed_store, "beslisboom")
        assert "Beslisboom" in [r.name for r in app.main.pilot_list.rows]
        assert app.main.pilot_list.highlighted == "beslisboom"  # the restored pilot, selected
        assert app.selected == "beslisboom"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Opnieuw gedaan: het verwijderen van „Beslisboom”." in notes(app)
        assert retired(seed_store, "beslisboom")


async def test_undo_and_redo_of_an_edit(make_app: MakeApp, seed_store: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "mijn-zaak")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-name", Input).value = "Mijn Zaak Online"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert on_disk(seed_store).get("mijn-zaak").name == "Mijn Zaak Online"  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert on_disk(seed_store).get("mijn-zaak").name == "MIJN ZAAK"  # type: ignore[union-attr]
        assert "Ongedaan gemaakt: de wijziging van „Mijn Zaak Online”." in notes(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert on_disk(seed_store).get("mijn-zaak").name == "Mijn Zaak Online"  # type: ignore[union-attr]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Er is niets om opnieuw te doen." in notes(app)


# -- stand van zaken per peildatum -------------------------------------------------------


async def test_update_at_a_new_peildatum_adds_it_and_keeps_the_old_text(
    make_app: MakeApp, seed_store: Path
) -> None:
    old = on_disk(seed_store).get("beslisboom")
    assert old is not None
    old_text = old.history[-1].stand_van_zaken
    app = make_app(peildatum=D2, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "beslisboom")
        await pilot.press("u")
        await pilot.pause()
        ask = app.screen  # the first edit at a new peildatum begins a round, once asked
        assert isinstance(ask, ConfirmDialog)
        assert "1 juni 2022" in str(ask.query_one("#confirm-message", Static).content)
        await pilot.press("b")  # b begins it; enter would be the safe "no"
        await pilot.pause()
        assert "Nieuwe ronde begonnen: peildatum 1 juni 2022." in notes(app)
        form = app.screen
        assert isinstance(form, UpdateEntryForm)
        area = form.query_one("#e-text", TextArea)
        assert area.text == old_text  # prefilled with the previous entry
        area.text = old_text + " Inmiddels 40 gebruikers."
        form.query_one("#e-zaken", Input).value = "40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        text = detail_text(app)
        assert "per 1 juni 2022" in text
        assert "Gewijzigd t.o.v. 1 december 2021" in text
        assert "Geschiedenis" in text
        assert "1 juni 2022 · status lopend · 40 zaken" in text
        # the inserted words are styled (Rich style spans), not marked up
        rendered = app.main.detail.render_detail()
        inserted = [
            rendered.plain[s.start : s.end]
            for s in rendered.spans
            if "underline" in str(s.style) and "Inmiddels" in rendered.plain[s.start : s.end]
        ]
        assert inserted
        # the earlier peildatum still shows the old text
        app.set_peildatum(D1)
        await pilot.pause()
        text = detail_text(app)
        assert "per 1 december 2021" in text
        assert "Inmiddels 40 gebruikers" not in text.split("Geschiedenis")[0]
    register = on_disk(seed_store)
    assert D2 in register.peildata
    pilot_after = register.get("beslisboom")
    assert pilot_after is not None
    assert pilot_after.entry_for(D1).stand_van_zaken == old_text  # type: ignore[union-attr]
    entry = pilot_after.entry_for(D2)
    assert entry is not None and entry.zaken == 40
    assert entry.stand_van_zaken.endswith("Inmiddels 40 gebruikers.")


async def test_undo_of_an_update_keeps_the_round(make_app: MakeApp, seed_store: Path) -> None:
    """A round is begun deliberately: undoing the first update of it leaves the round."""
    app = make_app(peildatum=D2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "beslisboom")
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("b")  # begin the round
        await pilot.pause()
        app.screen.query_one("#e-text", TextArea).text = "Nieuw."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert D2 in on_disk(seed_store).peildata
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Ongedaan gemaakt: het bijwerken van de stand van zaken van „Beslisboom”." in notes(
            app
        )
    register = on_disk(seed_store)
    assert D2 in register.peildata
    assert register.get("beslisboom").entry_for(D2) is None  # type: ignore[union-attr]


# -- keys --------------------------------------------------------------------------------


async def test_editing_keys_have_dutch_descriptions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        described = {
            b.binding.key: b.binding.description for b in app.screen.active_bindings.values()
        }
        for key, text in {
            "e": "Bewerken",
            "n": "Nieuw",
            "u": "Bijwerken",
            "d": "Verwijderen",
            "r": "Doorlopen",
            "ctrl+z": "Ongedaan maken",
            "ctrl+y": "Opnieuw",
        }.items():
            assert described[key] == text


async def test_undo_and_redo_select_the_pilot_they_concern(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "mijn-zaak")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-name", Input).value = "Mijn Zaak Online"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("home")  # elsewhere in the list
        await pilot.pause()
        assert app.main.pilot_list.highlighted != "mijn-zaak"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.main.pilot_list.highlighted == "mijn-zaak"
        await pilot.press("home", "ctrl+y")
        await pilot.pause()
        assert app.main.pilot_list.highlighted == "mijn-zaak"


async def test_an_edit_makes_only_that_pilots_search_text_and_assessment_anew(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search index and the assessments are kept over an edit: only the edited
    pilot's are made anew (at 10,000 pilots the whole index takes a second)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.search_texts()  # the index, as built at start
        indexed: list[str] = []
        assessed: list[str] = []
        search_text, assess = app_state.pilot_search_text, app_state.assess

        def counting_search_text(p: Any) -> str:
            indexed.append(p.id)
            return search_text(p)

        def counting_assess(p: Any, *args: Any) -> Any:
            assessed.append(p.id)
            return assess(p, *args)

        monkeypatch.setattr(app_state, "pilot_search_text", counting_search_text)
        monkeypatch.setattr(app_state, "assess", counting_assess)
        monkeypatch.setattr(app_state, "assess_all", None)  # must not be needed
        await select(app, pilot, "gezinsadvocaat")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PilotForm)
        form.query_one("#f-doel", TextArea).text = "Een zeldzaamwoord in het doel."
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("slash", *"zeldzaamwoord")
        await pilot.pause()
        assert [r.pilot_id for r in app.main.pilot_list.rows] == ["gezinsadvocaat"]
        assert indexed == ["gezinsadvocaat"]
        assert assessed == ["gezinsadvocaat"]
        app.main.pilot_list.focus()
        await pilot.press("d", "v")  # deleted (v): no longer found
        await pilot.pause()
        assert app.search_query == "zeldzaamwoord"
        assert app.store.register.get("gezinsadvocaat").as_of(D1) is None  # type: ignore[union-attr]
        assert not app.main.pilot_list.rows


async def test_redo_keeps_the_cursor_on_the_pilot_changed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, "mijn-zaak")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-gemeente", Input).value = "Zwolle"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await select(app, pilot, "beslisboom")  # the user looks elsewhere meanwhile
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.main.pilot_list.highlighted == "mijn-zaak"
        assert "Zwolle" in detail_text(app)
