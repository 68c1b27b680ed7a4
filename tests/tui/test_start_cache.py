"""The start cache: the first screen kept for the next start, and a start painted from it
while the register is read in the background (pilot_tui/tui/startup*.py)."""

from __future__ import annotations

import gc
import json
import os
import threading
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Label

from pilot_tui import memory
from pilot_tui.store import FileStamp, Store, StoreError
from pilot_tui.tui import startup, startup_flow
from pilot_tui.tui import strings as S
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.screens.pilot_form import PilotForm

from .helpers import detail_text, footer_keys, names, record_notifications, status_text

PEILDATUM = date(2021, 12, 1)


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(startup.ENV_DIR, str(folder))
    monkeypatch.delenv(startup.ENV_SWITCH, raising=False)
    return folder


async def _first_session(seed_store: Path) -> list[str]:
    """A normal (cold) start that writes the cache; returns the names it showed."""
    start = startup_flow.prepare(seed_store, None, None)
    assert start.view is None  # nothing cached yet
    with Store.open(seed_store) as store:
        app = PilotApp(store, start=start)
        async with app.run_test(size=(120, 35)) as pilot:
            for _ in range(100):  # written once the first frame is out (a timer, a thread)
                await pilot.pause(0.02)
                await app.workers.wait_for_complete()
                if startup.cache_file(start.key).exists():
                    break
            shown = names(app)
    return shown


class SlowStart(startup_flow.Start):
    """A background read that waits until the test lets it go."""

    release = threading.Event()

    def open(self) -> tuple[Store, str | None] | None:
        assert self.release.wait(10)
        return super().open()


def _slow(start: startup_flow.Start) -> SlowStart:
    SlowStart.release = threading.Event()
    return SlowStart(start.store_path, start.key, start.view)


# -- the cache file ----------------------------------------------------------------------


def _view(first: dict[str, object] | None = None) -> startup.StartView:
    from pilot_tui.attention import Attention
    from pilot_tui.tui.view import Row
    from pilot_tui.tui.widgets.status_line import Status

    row = Row("p1", "Pilot één <b>[bold]", "lopend", Attention.LOPEND, False, "2023", "400")
    status = Status("Titel", "peildatum 1 december 2021", "venster 3 maanden", ())
    return startup.StartView(PEILDATUM, PEILDATUM, status, (row,), 12, 1, first)


def test_round_trip_while_the_file_is_unchanged(tmp_path: Path) -> None:
    register = tmp_path / "store.json"
    register.write_text("{}", encoding="utf-8")
    key = startup.StartKey.make(register, None, "3m")
    startup.write(key, FileStamp.of(register), _view(), from_today=False)
    found = startup.read(key)
    assert found is not None
    assert found.rows == _view().rows and found.status == _view().status
    assert found.end_width == 12 and found.total == 1


@pytest.mark.parametrize(
    "change",
    ["content", "touch", "window", "peildatum", "other file", "switched off", "garbage"],
)
def test_a_cache_that_does_not_fit_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    register = tmp_path / "store.json"
    register.write_text("{}", encoding="utf-8")
    key = startup.StartKey.make(register, None, "3m")
    startup.write(key, FileStamp.of(register), _view(), from_today=False)
    if change == "content":
        register.write_text("{ }", encoding="utf-8")
    elif change == "touch":  # same bytes, but written again: the stamp changes
        st = register.stat()
        os.utime(register, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    elif change == "window":
        key = startup.StartKey.make(register, None, "90d")
    elif change == "peildatum":
        key = startup.StartKey.make(register, date(2022, 6, 1), "3m")
    elif change == "other file":
        other = tmp_path / "other.json"
        other.write_text("{}", encoding="utf-8")
        key = startup.StartKey.make(other, None, "3m")
    elif change == "switched off":
        monkeypatch.setenv(startup.ENV_SWITCH, "0")
    elif change == "garbage":
        startup.cache_file(key).write_text('{"version": 1, "key": [', encoding="utf-8")
    assert startup.read(key) is None


def test_switched_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(startup.ENV_SWITCH, "0")
    register = tmp_path / "store.json"
    register.write_text("{}", encoding="utf-8")
    key = startup.StartKey.make(register, None, "3m")
    startup.write(key, FileStamp.of(register), _view(), from_today=False)
    assert not startup.cache_file(key).parent.exists()


def test_a_peildatum_of_today_holds_only_today(tmp_path: Path) -> None:
    register = tmp_path / "store.json"
    register.write_text("{}", encoding="utf-8")
    key = startup.StartKey.make(register, None, "3m")
    startup.write(key, FileStamp.of(register), _view(), from_today=True)
    assert startup.read(key) is not None
    tomorrow = startup.StartKey(key.path, None, "3m", "2999-01-01")
    assert startup.read(tomorrow) is None


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, cache_dir: Path) -> None:
    cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    register = tmp_path / "store.json"
    register.write_text("{}", encoding="utf-8")
    key = startup.StartKey.make(register, None, "3m")
    startup.write(key, FileStamp.of(register), _view(), from_today=False)  # no exception
    assert startup.read(key) is None


# -- the app -----------------------------------------------------------------------------


async def test_a_session_keeps_its_first_screen(seed_store: Path) -> None:
    shown = await _first_session(seed_store)
    start = startup_flow.prepare(seed_store, None, None)
    assert start.view is not None
    assert [r.name for r in start.view.rows] == shown
    assert start.view.total == len(shown) == 33
    assert start.view.first is not None and start.view.first["name"] == shown[0]


async def test_a_start_from_the_cache_shows_it_then_the_register(seed_store: Path) -> None:
    shown = await _first_session(seed_store)
    start = _slow(startup_flow.prepare(seed_store, None, None))
    app = record_notifications(PilotApp(None, start=start))
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            await pilot.pause()
            # painted from the cache: the same rows, the first pilot's detail, a hint
            assert not app.loaded
            assert names(app) == shown
            assert S.LOADING_STATUS in status_text(app)
            assert detail_text(app).startswith(shown[0])
            # keys that need the register wait (dimmed); moving through the list works
            assert app.check_action("edit", ()) is None  # dimmed in the footer
            assert app.check_action("retry_save", ()) is False  # not shown at all
            assert app.check_action("quit", ()) is True
            await pilot.press("e")
            assert not isinstance(app.screen, PilotForm)
            await pilot.press("down")
            assert S.LOADING_DETAIL in detail_text(app)
            await pilot.press("slash", *"divosa")
            count = app.main.query_one("#search-count", Label)
            assert str(count.render()) == ""  # not "33 van 33" from the cached rows
            SlowStart.release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            # the register is read: the search typed meanwhile is applied
            assert app.loaded
            assert S.LOADING_STATUS not in status_text(app)
            assert len(names(app)) == 10 and all(n in shown for n in names(app))
            assert str(count.render()) == "10 van 33"
            await pilot.press("escape", "escape")
            assert names(app) == shown
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, PilotForm)
    finally:
        SlowStart.release.set()
        start.close()


async def test_the_footer_dims_the_keys_that_wait_for_the_register(seed_store: Path) -> None:
    await _first_session(seed_store)
    start = _slow(startup_flow.prepare(seed_store, None, None))
    app = PilotApp(None, start=start)
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            keys = await footer_keys(app, pilot)
            assert keys["app.edit"].has_class("-disabled")  # dimmed
            assert not keys["app.quit"].has_class("-disabled")
            SlowStart.release.set()
            await app.workers.wait_for_complete()
            edit = None
            for _ in range(100):  # the footer is composed again with the keys enabled
                edit = (await footer_keys(app, pilot)).get("app.edit")
                if edit is not None and not edit.has_class("-disabled"):
                    break
                await pilot.pause(0.02)  # (or it is being composed: not all keys are in)
            assert edit is not None and not edit.has_class("-disabled")
    finally:
        SlowStart.release.set()
        start.close()


async def test_quitting_while_the_register_is_read_closes_it(seed_store: Path) -> None:
    await _first_session(seed_store)
    start = _slow(startup_flow.prepare(seed_store, None, None))
    app = PilotApp(None, start=start)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        SlowStart.release.set()
    start.close()
    # the lock is free again: a writable open succeeds at once
    with Store.open(seed_store, lock_timeout=0) as store:
        assert len(store.register.pilots) == 33


async def test_a_register_that_cannot_be_read_stops_the_app_with_the_reason(
    seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _first_session(seed_store)
    start = startup_flow.prepare(seed_store, None, None)

    def broken(path: Path) -> tuple[Store, str | None]:
        raise StoreError(f"{path}: geen geldig register")

    monkeypatch.setattr(startup_flow, "open_store", broken)
    app = PilotApp(None, start=start)
    async with app.run_test(size=(120, 35)) as pilot:
        for _ in range(100):  # the read starts once the first frame is out (a timer)
            await pilot.pause(0.02)
            if app.return_code is not None:
                break
    assert app.return_code == 2
    assert isinstance(start.error, StoreError) and "geen geldig register" in str(start.error)


def test_the_cache_holds_no_markup_and_survives_hostile_names(tmp_path: Path) -> None:
    register = tmp_path / "store.json"
    register.write_text("{}", encoding="utf-8")
    key = startup.StartKey.make(register, None, "3m")
    view = _view(first={"id": "p1", "name": "Pilot één <b>[bold]"})
    startup.write(key, FileStamp.of(register), view, from_today=False)
    raw = json.loads(startup.cache_file(key).read_text(encoding="utf-8"))
    assert raw["rows"][0][1] == "Pilot één <b>[bold]"
    found = startup.read(key)
    assert found is not None and found.first == {"id": "p1", "name": "Pilot één <b>[bold]"}


async def test_the_collector_paused_for_the_start_runs_once_the_first_screen_is_out(
    seed_store: Path,
) -> None:
    gc.enable()
    start = startup_flow.prepare(seed_store, None, None)
    start.collector_pause = memory.Pause()  # as pilot_tui.launcher begins it
    assert not gc.isenabled()
    try:
        with Store.open(seed_store) as store:
            app = PilotApp(store, start=start)
            async with app.run_test(size=(120, 35)) as pilot:
                for _ in range(100):
                    if gc.isenabled():
                        break
                    await pilot.pause(0.02)
                assert gc.isenabled()
                assert app.main.pilot_list.rows  # the first screen was out
    finally:
        start.collector_pause.end()
        gc.enable()
