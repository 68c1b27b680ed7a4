"""Data safety in the app around the file: a register in use (read-only, and it says so),
`pilot-tui` refusing a corrupt or foreign register before the TUI, one-line messages, the
snapshot dialog refusing what it must not write over, and unusable settings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from pilot_tui import store as store_module
from pilot_tui.changes import EditConflict
from pilot_tui.store import Store, StoreLocked
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.startup_flow import open_store

from ..conftest import ROOT
from ..helpers.files import folder_state
from .conftest import MakeApp
from .data_safety import OTHER, SIZE, ZAAK, set_fields, shown_lines, shown_text
from .helpers import notes, record_notifications, select

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
