"""What the data-safety tests of the app share: another writer, edits, a full disk and what
the app shows."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.widgets import Input, Static

from pilot_tui import atomic
from pilot_tui import store as store_module
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.conflict import ConflictDialog

from .helpers import select

SIZE = (120, 35)
ZAAK = "mijn-zaak"  # "MIJN ZAAK" in the seed register
OTHER = "digitaal-bezwaarplatform"


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


def shown_lines(widget: Any) -> list[str]:
    """The text of a widget as it is drawn on the screen now (wrapped, clipped)."""
    width, height = widget.size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


def shown_text(widget: Static) -> str:
    return " ".join(" ".join(shown_lines(widget)).split())


def actions(app: PilotApp) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values()}


async def open_conflict(app: PilotApp, pilot: Any, seed_store: Path) -> ConflictDialog:
    other_writer(seed_store, set_fields(ZAAK, gemeente="Deventer"))
    await edit_gemeente(app, pilot, ZAAK, "Zwolle")
    dialog = app.screen
    assert isinstance(dialog, ConflictDialog)
    return dialog
