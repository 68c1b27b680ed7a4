"""Data safety in the app: someone else's change on disk.

Another writer is simulated by rewriting the store file (``store.dumps`` + write) and
moving its mtime on (``os.utime``). The conflict dialog (keep mine, take theirs, save mine
as a copy, decide later), the idle watch (reload when nothing is unsaved; otherwise a
lasting warning and ctrl+s / ctrl+r), a file that goes away or turns unreadable.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from pilot_tui.store import list_backups
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.conflict import ConflictDialog, differences
from pilot_tui.tui.screens.main import MainScreen

from .conftest import MakeApp
from .data_safety import (
    OTHER,
    SIZE,
    ZAAK,
    actions,
    disk_full,
    edit_gemeente,
    open_conflict,
    other_writer,
    set_fields,
)
from .helpers import detail_text, notes, on_disk, select, status_text

RELOADED = "Register opnieuw geladen: het bestand is buiten pilot-tui gewijzigd"


def set_title(title: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        next(iter(data["meta"].values()))["title"] = title

    return change


async def tick(app: PilotApp, pilot: Any) -> None:
    """One tick of the app's disk watch (the timer's job), and its notifications."""
    app.edits.check_disk()
    await pilot.pause()


# -- the conflict dialog ------------------------------------------------------------------


def test_differences_name_each_field_and_stand_van_zaken(seed_store: Path) -> None:
    register = on_disk(seed_store)
    ours = register.get(ZAAK)
    assert ours is not None
    theirs = copy.deepcopy(ours)
    ours.gemeente, theirs.gemeente = "Zwolle", "Deventer"
    theirs.history[-1].stand_van_zaken = "Hun [b]tekst[/b]"
    lines = differences(ours, theirs)
    assert lines[0] == "Gemeente/regio: mijn „Zwolle” · hun „Deventer”"
    assert lines[1].startswith("Stand van zaken per 1 december 2021: mijn „")
    assert lines[1].endswith("hun „Hun [b]tekst[/b]”")
    assert differences(None, theirs) == ["Naam: mijn (verwijderd) · hun „MIJN ZAAK”"]
    assert differences(ours, ours) == []


async def test_conflict_dialog_names_the_pilot_and_the_fields(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = await open_conflict(app, pilot, seed_store)
        message = str(dialog.query_one("#conflict-message", Static).content)
        assert "„MIJN ZAAK” is intussen ook door een ander gewijzigd" in message
        screen = app.export_screenshot().replace("&#160;", " ")
        for text in (
            "Gemeente/regio: mijn „Zwolle” · hun „Deventer”",
            "Mijn versie houden",
            "Hun versie nemen",
            "Mijn versie als kopie opslaan",
        ):
            assert text in screen, text
        assert "Deventer" in detail_text(app)  # the register holds theirs meanwhile


async def test_conflict_keep_mine_puts_theirs_in_a_backup(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_conflict(app, pilot, seed_store)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Zwolle" in detail_text(app)
        assert any(n.startswith("Uw versie van „MIJN ZAAK” is opgeslagen") for n in notes(app))
        assert not app.store.dirty
    assert on_disk(seed_store).get(ZAAK).gemeente == "Zwolle"  # type: ignore[union-attr]
    backup = next(b for b in list_backups(seed_store) if "extern-gewijzigd" in b.name)
    assert on_disk(backup).get(ZAAK).gemeente == "Deventer"  # type: ignore[union-attr]


async def test_conflict_take_theirs_writes_nothing(make_app: MakeApp, seed_store: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_conflict(app, pilot, seed_store)
        raw = seed_store.read_bytes()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Deventer" in detail_text(app)
        assert "De versie van de ander van „MIJN ZAAK” blijft staan." in notes(app)
        assert seed_store.read_bytes() == raw
        assert not app.store.dirty


async def test_conflict_copy_is_a_new_register_beside_it(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_conflict(app, pilot, seed_store)
        raw = seed_store.read_bytes()
        await pilot.press("enter")  # the focused (safe) choice: a copy
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert seed_store.read_bytes() == raw
        copies = [p for p in seed_store.parent.glob("store (mijn versie *).json")]
        assert len(copies) == 1
        assert any(str(copies[0]) in n for n in notes(app))
        saved = on_disk(copies[0])
        assert saved.get(ZAAK).gemeente == "Zwolle"  # type: ignore[union-attr]
        assert len(saved.pilots) == len(app.store.register.pilots)
        assert "Deventer" in detail_text(app)
    locks = sorted(p.name for p in seed_store.parent.glob(".*.lock"))
    assert locks == [".store.json.lock"]  # none left for the copy


async def test_conflict_escape_decides_later_with_ctrl_s(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_conflict(app, pilot, seed_store)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any(n.startswith("Nog niet gekozen") for n in notes(app))
        assert "app.retry_save" in actions(app)  # ctrl+s is offered
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m")
        await pilot.pause()
        assert "app.retry_save" not in actions(app)
    assert on_disk(seed_store).get(ZAAK).gemeente == "Zwolle"  # type: ignore[union-attr]


# -- someone else's change, noticed while idle -------------------------------------------


async def test_idle_change_reloads_and_keeps_selection_and_peildatum(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app(peildatum=date(2022, 1, 15))
    app.DISK_CHECK_EVERY = 0.2  # the timer itself, quicker than the 2 s of real use
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, OTHER)
        other_writer(seed_store, set_fields(OTHER, gemeente="Elders"))
        other_writer(seed_store, set_title("Elders gewijzigd"))
        for _ in range(20):
            await pilot.pause(0.1)
            if RELOADED in notes(app):
                break
        assert RELOADED in notes(app)
        assert app.store.register.title == "Elders gewijzigd"
        assert app.main.pilot_list.highlighted == OTHER
        assert app.peildatum == date(2022, 1, 15)
        assert "Elders" in detail_text(app)
        assert "Elders gewijzigd" in status_text(app)
        assert notes(app).count(RELOADED) == 1  # once, not at every tick
        await pilot.pause(0.5)
        assert notes(app).count(RELOADED) == 1


async def test_idle_check_waits_while_a_form_is_open(make_app: MakeApp, seed_store: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, ZAAK)
        await pilot.press("e")
        await pilot.pause()
        other_writer(seed_store, set_fields(ZAAK, gemeente="Deventer"))
        await tick(app, pilot)
        assert RELOADED not in notes(app)  # the form's save checks the file itself
        await pilot.press("escape")
        await pilot.pause()
        await tick(app, pilot)
        assert RELOADED in notes(app)
        assert "Deventer" in detail_text(app)


async def test_change_on_disk_with_unsaved_work_warns_and_saves_on_top_with_ctrl_s(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        healed = disk_full(monkeypatch)
        await edit_gemeente(app, pilot, ZAAK, "Zwolle")
        assert app.store.dirty
        healed()
        other_writer(seed_store, set_fields(OTHER, gemeente="Elders"))
        theirs = seed_store.read_bytes()
        await tick(app, pilot)
        assert RELOADED not in notes(app)
        assert any(
            n.startswith("Het bestand is buiten pilot-tui gewijzigd en u hebt") for n in notes(app)
        )
        assert "buiten pilot-tui gewijzigd: ctrl+s opslaan · ctrl+r opnieuw laden" in status_text(
            app
        )
        assert {"app.retry_save", "app.reload_register"} <= actions(app)
        assert "Zwolle" in detail_text(app)  # ours stays in memory
        assert seed_store.read_bytes() == theirs  # and is not written over theirs
        await tick(app, pilot)  # the next tick says nothing new
        assert sum(n.startswith("Het bestand is buiten") for n in notes(app)) == 1
        await pilot.press("e")  # a new change would lose the unsaved one: refused
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any(
            n.startswith("Het bestand is buiten pilot-tui gewijzigd en u hebt") and "eerst" in n
            for n in notes(app)
        )
        await pilot.press("ctrl+s")  # ours on top of theirs: they changed another pilot
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert not app.store.dirty
        assert "buiten pilot-tui" not in status_text(app)
    register = on_disk(seed_store)
    assert register.get(ZAAK).gemeente == "Zwolle"
    assert register.get(OTHER).gemeente == "Elders"


async def test_unsaved_work_and_the_same_pilot_changed_asks_on_ctrl_s(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        healed = disk_full(monkeypatch)
        await edit_gemeente(app, pilot, ZAAK, "Zwolle")
        healed()
        other_writer(seed_store, set_fields(ZAAK, gemeente="Deventer"))
        await tick(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert "Deventer" in detail_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert "Zwolle" in detail_text(app)
    assert on_disk(seed_store).get(ZAAK).gemeente == "Zwolle"  # type: ignore[union-attr]


async def test_unsaved_work_dropped_with_ctrl_r(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        healed = disk_full(monkeypatch)
        await edit_gemeente(app, pilot, ZAAK, "Zwolle")
        healed()
        other_writer(seed_store, set_fields(ZAAK, gemeente="Deventer"))
        theirs = seed_store.read_bytes()
        await tick(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Deventer" in detail_text(app)
        assert not app.store.dirty
        assert seed_store.read_bytes() == theirs


async def test_removed_file_warns_and_is_not_recreated(make_app: MakeApp, seed_store: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        moved = seed_store.with_name("elders.json")
        seed_store.rename(moved)
        await tick(app, pilot)
        assert any("verwijderd of verplaatst" in n for n in notes(app))
        assert "bestand weg: store.json" in status_text(app)
        await tick(app, pilot)
        assert sum("verwijderd of verplaatst" in n for n in notes(app)) == 1
        await edit_gemeente(app, pilot, ZAAK, "Zwolle")  # cannot be saved: said so
        assert any(n.startswith("Niet opgeslagen") for n in notes(app))
        assert not seed_store.exists()
        assert app.is_running
        moved.rename(seed_store)  # back as it was: ctrl+s saves the change after all
        await tick(app, pilot)
        assert "Het registerbestand is weer zoals het was." in notes(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.store.dirty
    assert on_disk(seed_store).get(ZAAK).gemeente == "Zwolle"  # type: ignore[union-attr]


async def test_truncated_file_is_reported_and_never_written_over(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seed_store.write_bytes(seed_store.read_bytes()[:1000])
        broken = seed_store.read_bytes()
        await tick(app, pilot)
        assert any("nu niet te lezen" in n for n in notes(app))
        assert "bestand op schijf niet te lezen" in status_text(app)
        assert len(app.store.register.pilots) == 33  # the last good version is shown
        await edit_gemeente(app, pilot, ZAAK, "Zwolle")
        assert seed_store.read_bytes() == broken
        assert app.is_running


async def test_read_only_just_reloads(make_app: MakeApp, seed_store: Path) -> None:
    app = make_app(readonly=True, notice="register in gebruik")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other_writer(seed_store, set_title("Elders gewijzigd"))
        await pilot.press("question_mark")  # even with a screen open
        await pilot.pause()
        await tick(app, pilot)
        assert RELOADED in notes(app)
        assert app.store.register.title == "Elders gewijzigd"
