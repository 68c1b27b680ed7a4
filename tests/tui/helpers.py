"""What the TUI tests read off an app: shared so that each test file says only what it tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widget import Widget

from pilot_tui.model import Register
from pilot_tui.store import Store
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.widgets.status_line import StatusLine

# The terminal most app tests run in, and the seed register's two peildata.
SIZE = (120, 35)
D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)


def record_notifications(app: PilotApp) -> PilotApp:
    """Keep what the app shows as notifications in ``app.sent_notes``: (message, severity)
    pairs, as Textual's public ``App.notify`` receives them (after the app cleaned them).
    The recording itself is done by :func:`recording_notify`, installed by conftest."""
    app.sent_notes = []  # type: ignore[attr-defined]
    return app


def recording_notify(shown: Callable[..., None]) -> Callable[..., None]:
    """Wrap ``textual.app.App.notify`` so that every app with ``sent_notes`` records."""

    def notify(self: App[Any], message: str, *args: Any, **kwargs: Any) -> None:
        sent = getattr(self, "sent_notes", None)
        if sent is not None:
            sent.append((str(message), str(kwargs.get("severity", "information"))))
        shown(self, message, *args, **kwargs)

    return notify


def notes(app: PilotApp) -> list[str]:
    return [message for message, _severity in app.sent_notes]  # type: ignore[attr-defined]


def errors(app: PilotApp) -> list[str]:
    return [m for m, severity in app.sent_notes if severity == "error"]  # type: ignore[attr-defined]


def names(app: PilotApp) -> list[str]:
    return [row.name for row in app.main.pilot_list.rows]


def status_text(app: PilotApp) -> str:
    return app.main.query_one(StatusLine).as_text().plain


def detail_text(app: PilotApp) -> str:
    return app.main.detail.render_detail().plain


def on_disk(path: Path) -> Register:
    """The register as the file holds it now (read-only, no lock)."""
    with Store.open(path, readonly=True) as store:
        return store.register


async def footer_keys(app: PilotApp, pilot: Any) -> dict[str, Widget]:
    """The main screen's footer keys by action, once the footer has composed them
    (Textual composes them after the first frames): the same keys twice in a row."""
    from pilot_tui.tui.screens.main import MainFooter

    last: dict[str, Widget] = {}
    for _ in range(100):
        footer = app.main.query_one(MainFooter)
        keys = {getattr(w, "action", ""): w for w in footer.query("FooterKey")}
        if keys and keys == last:
            return keys
        last = keys
        await pilot.pause(0.02)
    raise AssertionError("the footer shows no keys, or keeps changing them")


async def settle(app: Any, pilot: Any) -> None:
    """Let thread workers finish and their results reach the screen."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def select(app: Any, pilot: Any, pilot_id: str) -> None:
    """Put the list's cursor on ``pilot_id`` and give the list the focus."""
    rows = app.main.pilot_list.rows
    app.main.pilot_list.cursor = next(i for i, r in enumerate(rows) if r.pilot_id == pilot_id)
    app.main.pilot_list.focus()
    await pilot.pause()
