"""A script that changes the register with ``TinyDB(path)`` while the app has it open: the
app's disk watch shows the change (reloaded, checked), a later edit in the app is saved on
top of it and logged, and a bad record is reported and never written over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input
from tinydb import Query, TinyDB

from pilot_tui.tui.app import PilotApp

from .conftest import MakeApp
from .helpers import detail_text, names, notes, on_disk, select, status_text

SIZE = (120, 35)
ZAAK = "mijn-zaak"  # "MIJN ZAAK" in store.json
RELOADED = "Register opnieuw geladen: het bestand is buiten pilot-tui gewijzigd"


async def tick(app: PilotApp, pilot: Any) -> None:
    """One tick of the app's disk watch (its timer's job)."""
    app.edits.check_disk()
    await pilot.pause()


async def edit_gemeente(app: PilotApp, pilot: Any, value: str) -> None:
    await select(app, pilot, ZAAK)
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#f-gemeente", Input).value = value
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_script_change_is_shown_and_an_edit_on_top_is_audited(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, ZAAK)
        with TinyDB(seed_store) as db:  # the app holds the lock: TinyDB does not ask
            pilots = db.table("pilots")
            pilots.update({"gemeente": "Zwolle"}, Query().id == ZAAK)
            pilots.insert({"id": "nieuwe-pilot", "name": "Nieuwe pilot", "status": "gepland"})
        await tick(app, pilot)
        assert RELOADED in notes(app)  # shown as a change made outside the app
        assert "Zwolle" in detail_text(app)
        assert "Nieuwe pilot" in names(app)
        await edit_gemeente(app, pilot, "Deventer")
        assert not app.store.dirty
    register = on_disk(seed_store)
    assert register.get(ZAAK).gemeente == "Deventer"  # type: ignore[union-attr]
    assert register.get("nieuwe-pilot") is not None  # the script's pilot is kept
    logged = [(e.field, e.old, e.new) for e in register.audit if e.pilot_id == ZAAK]
    assert logged == [("gemeente@2021-12-01", "Zwolle", "Deventer")]


async def test_a_bad_script_insert_is_reported_and_never_written_over(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with TinyDB(seed_store) as db:
            db.table("pilots").insert({"id": "pilot-fout", "name": "Fout", "status": "misschien"})
        written = seed_store.read_bytes()
        await tick(app, pilot)
        unreadable = [n for n in notes(app) if "nu niet te lezen" in n]
        assert len(unreadable) == 1
        assert "pilot 34 ('pilot-fout'): ongeldige status 'misschien'" in unreadable[0]
        assert "\n" not in unreadable[0]
        assert "bestand op schijf niet te lezen" in status_text(app)
        assert len(app.store.register.pilots) == 33  # the last good version is shown
        await edit_gemeente(app, pilot, "Deventer")
        assert seed_store.read_bytes() == written  # nothing of the script's is lost
        assert app.is_running
