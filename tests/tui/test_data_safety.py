"""Data safety in the app: someone else's change on disk, a register in use, a bad file.

Another writer is simulated by rewriting the store file (``store.dumps`` + write) and
moving its mtime on (``os.utime``). The conflict dialog (keep mine, take theirs, save mine
as a copy, decide later), the idle watch (reload when nothing is unsaved; otherwise a
lasting warning and ctrl+s / ctrl+r), a file that goes away or turns unreadable, the
read-only banner, and `pilot-tui` refusing a corrupt or foreign register before the TUI.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Input, Static

from pilot_tui import atomic
from pilot_tui import store as store_module
from pilot_tui.changes import EditConflict
from pilot_tui.store import Store, StoreError, StoreLocked, list_backups
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.dialogs.conflict import ConflictDialog, differences
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.startup_flow import open_store

from ..conftest import ROOT
from ..helpers.files import folder_state
from .conftest import MakeApp
from .helpers import (
    detail_text,
    notes,
    on_disk,
    record_notifications,
    select,
    status_text,
)

SIZE = (120, 35)
ZAAK = "mijn-zaak"  # "MIJN ZAAK" in the seed register
OTHER = "digitaal-bezwaarplatform"
RELOADED = "Register opnieuw geladen: het bestand is buiten pilot-tui gewijzigd"


def other_writer(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Someone else saves the register: read, change, write (not atomically: like a
    plain editor), then the mtime moves on as a later save's would."""
    data = json.loads(path.read_bytes())
    change(data)
    path.write_text(store_module.dumps(data), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 3_000_000_000))


def set_fields(pilot_id: str, **fields: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        doc = next(d for d in data["pilots"].values() if d["id"] == pilot_id)
        doc.update(fields)

    return change


def set_title(title: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        next(iter(data["meta"].values()))["title"] = title

    return change


async def edit_gemeente(app: PilotApp, pilot: Any, pilot_id: str, value: str) -> None:
    await select(app, pilot, pilot_id)
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#f-gemeente", Input).value = value
    await pilot.press("ctrl+s")
    await pilot.pause()


def disk_full(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Saves fail (ENOSPC) until the returned function is called."""
    real = atomic.atomic_write_stat

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "atomic_write_stat", full)
    return lambda: monkeypatch.setattr(atomic, "atomic_write_stat", real)


async def tick(app: PilotApp, pilot: Any) -> None:
    """One tick of the app's disk watch (the timer's job), and its notifications."""
    app.edits.check_disk()
    await pilot.pause()


def shown_lines(widget: Any) -> list[str]:
    """The text of a widget as it is drawn on the screen now (wrapped, clipped)."""
    width, height = widget.size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


def shown_text(widget: Static) -> str:
    return " ".join(" ".join(shown_lines(widget)).split())


def actions(app: PilotApp) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values()}


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


async def open_conflict(app: PilotApp, pilot: Any, seed_store: Path) -> ConflictDialog:
    other_writer(seed_store, set_fields(ZAAK, gemeente="Deventer"))
    await edit_gemeente(app, pilot, ZAAK, "Zwolle")
    dialog = app.screen
    assert isinstance(dialog, ConflictDialog)
    return dialog


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


# -- a register in use: read-only, and it says so -----------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 35)])
async def test_second_instance_is_read_only_and_says_why(
    seed_store: Path, size: tuple[int, int]
) -> None:
    first, _ = open_store(seed_store)
    try:
        with pytest.raises(StoreLocked):
            Store.open(seed_store)
        second, notice = open_store(seed_store)
        assert second.readonly and notice and "al geopend" in notice
        app = record_notifications(
            PilotApp(second, None, None, None, today=date(2022, 3, 15), notice=notice)
        )
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            status = app.main.query_one("#status", Static)
            assert status.region.y == 0 and status.region.width == size[0]
            shown = " ".join(" ".join(shown_lines(status)).split())
            assert shown.startswith("alleen-lezen: register in gebruik:")
            assert "al geopend door een ander programma of venster" in shown
            assert "alleen-lezen openen kan wel" not in shown  # it is open read-only already
            assert "Stand van zaken pilots · peildatum 1 december 2021" in shown  # not cut off
            assert app.main.pilot_list.region.height >= 5  # room left for the list
            await pilot.press("e")
            await pilot.pause()
            assert any(n.startswith("Alleen-lezen: bewerken kan niet") for n in notes(app))
        second.close()
    finally:
        first.close()


async def test_read_only_register_file_opens_read_only_and_says_why(seed_store: Path) -> None:
    seed_store.chmod(0o444)
    before = seed_store.read_bytes()
    store, notice = open_store(seed_store)
    try:
        assert store.readonly and notice and "schrijfbeveiligd" in notice
        app = record_notifications(
            PilotApp(store, None, None, None, today=date(2022, 3, 15), notice=notice)
        )
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            status = app.main.query_one("#status", Static)
            assert "alleen-lezen:" in " ".join(" ".join(shown_lines(status)).split())
            await pilot.press("e")
            await pilot.pause()
            assert any(n.startswith("Alleen-lezen: bewerken kan niet") for n in notes(app))
    finally:
        store.close()
    assert seed_store.read_bytes() == before


# -- `pilot-tui` on a corrupt or foreign register: refused before the TUI -------------------


def _bad(kind: str, folder: Path) -> Path:
    path = folder / "store.json"
    if kind == "truncated":
        path.write_bytes((ROOT / "store.json").read_bytes()[:777])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "directory":
        path.mkdir()
        (path / "inside.txt").write_text("x", encoding="utf-8")
    elif kind == "foreign":
        path.write_text('{"_default": {"1": {"naam": "iets anders"}}}\n', encoding="utf-8")
    elif kind == "fifo":  # reading it would wait for a writer: the app never started
        os.mkfifo(path)
    return path


@pytest.mark.parametrize("kind", ["truncated", "empty", "directory", "foreign", "fifo"])
def test_pilot_tui_refuses_a_bad_register_before_starting(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    path = _bad(kind, folder)
    before = folder_state(folder)
    result = subprocess.run(
        [sys.executable, "-m", "pilot_tui.cli", "--store", str(path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert result.stdout == ""  # no TUI was drawn
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"pilot-tui: {path}")
    assert "Traceback" not in result.stderr
    assert folder_state(folder) == before  # byte-identical; no lock, backup or temp file


def test_edit_conflict_carries_both_versions() -> None:
    conflict = EditConflict("x", None, None)
    assert conflict.ours is None and conflict.theirs is None and "x" in str(conflict)


async def test_quit_with_an_unsaved_change_asks_first(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        disk_full(monkeypatch)
        await edit_gemeente(app, pilot, ZAAK, "Zwolle")
        await quit_asks(app, pilot, "q", "nog niet opgeslagen", MainScreen)


async def quit_asks(
    app: PilotApp, pilot: Any, key: str, reason: str, back_on: type[Screen[Any]]
) -> None:
    """``key`` asks before quitting, naming ``reason``: no (the focused answer) goes back
    to ``back_on``; asked again, yes quits."""
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, ConfirmDialog)
    assert reason in shown_text(app.screen.query_one("#confirm-message", Static))
    await pilot.press("enter")  # the focused answer: do not quit
    await pilot.pause()
    assert app.is_running and isinstance(app.screen, back_on)
    await pilot.press(key)
    await pilot.pause()
    await pilot.press("left", "enter")  # the quit button never takes the focus
    await pilot.pause()
    assert app.is_running and isinstance(app.screen, back_on)
    await pilot.press(key)
    await pilot.pause()
    await pilot.press("s")  # its own key: Stoppen
    await pilot.pause()
    assert not app.is_running


async def test_quit_with_nothing_unsaved_just_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_keep_mine_that_cannot_back_up_theirs_keeps_the_choice_open(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_conflict(app, pilot, seed_store)
        raw = seed_store.read_bytes()

        def no_backup(reason: str = "") -> Path:
            raise StoreError("reservekopie maken mislukt (schijf vol)")

        monkeypatch.setattr(app.store, "backup", no_backup)
        await pilot.press("m")
        await pilot.pause()
        assert any("reservekopie maken mislukt" in n for n in notes(app))
        assert seed_store.read_bytes() == raw  # theirs is not overwritten without a backup
        assert isinstance(app.screen, ConflictDialog)  # ours is not lost: asked again
        await pilot.press("escape")
        await pilot.pause()
        assert "app.retry_save" in actions(app)  # and later with ctrl+s
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m")
        await pilot.pause()
    assert on_disk(seed_store).get(ZAAK).gemeente == "Zwolle"  # type: ignore[union-attr]


@pytest.mark.parametrize("form_key", ["u", "e"])
async def test_ctrl_q_in_a_changed_form_asks_first(make_app: MakeApp, form_key: str) -> None:
    """ctrl+q closed the app at once from a form with typed text; escape asked."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(form_key)
        await pilot.pause()
        await pilot.press(*" ONOPGESLAGEN")
        await quit_asks(app, pilot, "ctrl+q", "formulier is nog open", type(app.screen))


async def test_ctrl_q_in_an_unchanged_form_just_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_c_says_in_dutch_how_to_stop(make_app: MakeApp) -> None:
    app = record_notifications(make_app())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert "Stoppen: ctrl+q (of q in de lijst)." in notes(app)


async def test_quit_while_a_snapshot_is_written_asks_and_writes_nothing(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting during a long Word export left a blank screen for a minute, then wrote
    the file: now it asks, and stops the export (no file) when the answer is yes."""
    import threading
    import time

    from pilot_tui import snapshot as snapshot_module

    started = threading.Event()
    reports: list[int] = []

    def slow_make(register: Any, options: Any, fmt: str, **progress: Any) -> bytes:
        started.set()
        for i in range(3000):  # a minute of Word, reported as it goes
            progress["render_progress"](i, 3000)
            reports.append(i)
            time.sleep(0.02)
        return b"never"

    monkeypatch.setattr(snapshot_module, "make", slow_make)
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")
        assert started.wait(5)
        writing = app.snapshot_writing
        assert writing is not None and not writing.done
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "wordt nog geschreven" in shown_text(
            app.screen.query_one("#confirm-message", Static)
        )
        await pilot.press("s")  # Stoppen
        await pilot.pause()
    assert writing.cancel.is_set()
    for _ in range(100):
        if writing.done:
            break
        time.sleep(0.02)
    assert writing.done and len(reports) < 3000  # stopped at its next report
    assert list(tmp_path.glob("stand-van-zaken-pilots-*")) == []


# -- every message one line, even when it quotes a name with a newline ---------------------


async def test_messages_quoting_a_name_with_a_newline_are_one_line(
    make_app: MakeApp, seed_store: Path
) -> None:
    from pilot_tui.tui.screens.pilot_form import PilotForm

    data = json.loads(seed_store.read_bytes())
    set_fields(ZAAK, name="MIJN\nZAAK")(data)
    seed_store.write_text(store_module.dumps(data), encoding="utf-8")
    app = record_notifications(make_app())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await select(app, pilot, OTHER)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-name", Input).value = "mijn zaak"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PilotForm)
        problem = str(app.screen.query_one("#name-problem", Static).content)
        assert problem == "er is al een pilot met de naam „MIJN ZAAK”"
        zaak = app.store.register.get(ZAAK)
        assert zaak is not None
        app.notify(f"Niet opgeslagen: {zaak.name}", severity="error")
        await pilot.pause()
    assert notes(app)[-1] == "Niet opgeslagen: MIJN ZAAK"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_import_screen_refuses_what_is_not_a_file(tmp_path: Path, kind: str) -> None:
    from pilot_tui.tui.dialogs.import_preview import check_file

    path = Path("/dev/zero")
    if kind == "fifo":
        path = tmp_path / "overzicht.txt"
        os.mkfifo(path)
    check = check_file(str(path))
    assert not check.ok
    assert ("is een FIFO" if kind == "fifo" else "is een apparaat") in check.message


# -- the snapshot dialog never offers the register, its lock or backups, or a FIFO ----------


@pytest.mark.parametrize(
    "typed", ["store.json", "./sub/../STORE-link.json", ".store.json.lock", "fifo.md"]
)
async def test_snapshot_dialog_refuses_the_register_and_what_is_not_a_file(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    from pilot_tui.tui.dialogs.snapshot import SnapshotDialog

    folder = seed_store.parent
    monkeypatch.chdir(folder)
    (folder / "sub").mkdir()
    (folder / "STORE-link.json").symlink_to(seed_store)
    os.mkfifo(folder / "fifo.md")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = folder_state(folder)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SnapshotDialog)
        dialog.path_input.value = typed
        await pilot.pause()
        message = dialog.query_one("#snapshot-path-message", Static)
        assert message.has_class("-error")
        assert "register" in shown_text(message) or "FIFO" in shown_text(message)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused: nothing asked, nothing written
        assert dialog.request() is None
        await pilot.press("escape")
        await pilot.pause()
        assert folder_state(folder) == before


async def test_a_snapshot_that_fails_unexpectedly_says_so(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An audit time with an offset crashed the build in the worker: the "busy" notice
    went and no file came, with no word of why."""
    from pilot_tui import snapshot as snapshot_module

    def crash(*args: Any, **kwargs: Any) -> bytes:
        raise TypeError("can't compare offset-naive and offset-aware datetimes")

    monkeypatch.setattr(snapshot_module, "make", crash)
    monkeypatch.chdir(tmp_path)
    app = record_notifications(make_app())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if app.snapshot_writing is not None and app.snapshot_writing.done:
                break
        await pilot.pause()
        failed = [m for m, severity in app.sent_notes if severity == "error"]  # type: ignore[attr-defined]
        assert len(failed) == 1 and failed[0].startswith("Stand van zaken niet geschreven:")
    assert list(tmp_path.glob("stand-van-zaken-pilots-*")) == []


# -- a settings file that cannot be used never stops the app -------------------------------

BAD_SETTINGS: dict[str, Callable[[Path], None]] = {
    "not-utf8": lambda p: p.write_bytes(b'{"theme": "\xff\xfe nord"}'),
    "deeply-nested": lambda p: p.write_text("[" * 100_000 + "]" * 100_000),
    "fifo": lambda p: os.mkfifo(p),  # reading it waited for a writer: the app never came
    "not-json": lambda p: p.write_text("{nope"),
}


@pytest.mark.parametrize("kind", BAD_SETTINGS)
async def test_unusable_settings_give_defaults_and_one_notice(
    make_app: MakeApp, config_dir: Path, kind: str
) -> None:
    from pilot_tui.tui import settings as settings_file
    from pilot_tui.tui.startup_flow import prepare

    config_dir.mkdir(parents=True)
    BAD_SETTINGS[kind](config_dir / "settings.json")
    settings, problem = settings_file.load(config_dir)
    assert settings == settings_file.Settings() and problem is not None
    prepare(ROOT / "store.json", None, None)  # the start reads the settings first
    app = record_notifications(make_app())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 33
    said = [n for n in notes(app) if n.startswith("Instellingen niet te lezen")]
    assert len(said) == 1 and "\n" not in said[0]
