"""TUI fixtures: apps on a private copy of the register, settings kept in tmp_path."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.app import App

from pilot_tui.periods import Window, parse_window
from pilot_tui.store import Store
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.settings import ENV_CONFIG_DIR

from .helpers import record_notifications, recording_notify


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in this folder with asyncio (no async plugin needed)."""
    func = pyfuncitem.obj
    if not inspect.iscoroutinefunction(func):
        return None
    wanted = inspect.signature(func).parameters
    kwargs = {name: pyfuncitem.funcargs[name] for name in wanted}
    asyncio.run(func(**kwargs))
    return True


TODAY = date(2022, 3, 15)  # "vandaag" in the tests
MakeApp = Callable[..., PilotApp]


@pytest.fixture(autouse=True)
def _record_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Apps made with record_notifications() keep what they show (see helpers)."""
    monkeypatch.setattr(App, "notify", recording_notify(App.notify))


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings folder (never the user's)."""
    folder = tmp_path / "config"
    monkeypatch.setenv(ENV_CONFIG_DIR, str(folder))
    return folder


def window(text: str) -> Window:
    parsed = parse_window(text)
    assert parsed is not None
    return parsed


@pytest.fixture
def make_app(seed_store: Path) -> Iterator[MakeApp]:
    """PilotApp on a copy of store.json (or another store path), closed afterwards."""
    stores: list[Store] = []

    def make(
        path: Path | None = None,
        peildatum: date | None = None,
        window: Window | None = None,
        *,
        readonly: bool = False,
        notice: str | None = None,
    ) -> PilotApp:
        while stores:  # one app at a time holds the lock, as in real life
            stores.pop().close()
        store = Store.open(path or seed_store, readonly=readonly)
        stores.append(store)
        app = PilotApp(store, peildatum, window, None, today=TODAY, notice=notice)
        return record_notifications(app)

    yield make
    for store in stores:
        store.close()
