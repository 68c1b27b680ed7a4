"""Data safety in the app when quitting: an unsaved change or a snapshot being written asks
first, and keep mine that cannot back up theirs keeps the choice open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Static

from pilot_tui.store import StoreError
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.dialogs.conflict import ConflictDialog
from pilot_tui.tui.screens.main import MainScreen

from .conftest import MakeApp
from .data_safety import SIZE, ZAAK, actions, disk_full, edit_gemeente, open_conflict, shown_text
from .helpers import notes, on_disk, record_notifications


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
