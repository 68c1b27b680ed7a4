"""The day's backup of the app's register: made after the first screen (in a thread), not
before it, and always before anything can be saved and before the store is closed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pilot_tui.store import DAILY, Store, list_backups
from pilot_tui.tui import startup, startup_flow
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.run import run


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(startup.ENV_DIR, str(folder))
    monkeypatch.setenv(startup.ENV_SWITCH, "0")  # the register is read before the screen
    return folder


def daily(path: Path) -> list[Path]:
    return [b for b in list_backups(path) if b.name.endswith(f"-{DAILY}{path.suffix}")]


def test_opening_makes_no_backup_before_the_first_screen(small_store: Path) -> None:
    start = startup_flow.prepare(small_store, None, None)
    opened = start.open()
    assert opened is not None and not opened[0].readonly
    assert daily(small_store) == []  # not yet: the first screen comes first
    start.close()
    assert len(daily(small_store)) == 1  # an app stopped before its first screen made it too


async def test_the_backup_follows_the_first_screen(small_store: Path) -> None:
    start = startup_flow.prepare(small_store, None, None)
    opened = start.open()
    assert opened is not None
    app = PilotApp(opened[0], today=date(2022, 3, 15), start=start)
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            for _ in range(200):
                await pilot.pause(0.02)
                if daily(small_store):
                    break
            assert len(daily(small_store)) == 1
            assert daily(small_store)[0].read_bytes() == small_store.read_bytes()
    finally:
        start.close()
    assert len(daily(small_store)) == 1  # once


async def test_nothing_is_saved_before_the_backup(small_store: Path) -> None:
    raw = small_store.read_bytes()
    start = startup_flow.prepare(small_store, None, None)
    opened = start.open()
    assert opened is not None
    app = PilotApp(opened[0], today=date(2022, 3, 15), start=start)
    try:
        async with app.run_test(size=(120, 35)):
            app.edits  # noqa: B018 - the flows that save exist only once it is made
            backups = daily(small_store)
            assert len(backups) == 1 and backups[0].read_bytes() == raw
    finally:
        start.close()


def test_read_only_opens_make_no_backup(small_store: Path) -> None:
    with Store.open(small_store, daily_backup=False):  # another instance holds the lock
        start = startup_flow.prepare(small_store, None, None)
        opened = start.open()
        assert opened is not None and opened[0].readonly and opened[1]
        start.saving_allowed()
        start.close()
    assert daily(small_store) == []  # the holder makes it, not a read-only open


def test_run_makes_the_backup_once(small_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pilot_tui.tui.run with an app that stops at once: the backup is made all the same."""
    monkeypatch.setattr(PilotApp, "run", lambda self, *a, **k: None)
    assert run(small_store) == 0
    assert len(daily(small_store)) == 1
    assert run(small_store) == 0
    assert len(daily(small_store)) == 1  # one a day
