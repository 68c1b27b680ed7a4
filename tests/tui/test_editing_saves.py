"""Editing in the app and what is kept, driven as a user would (the pilot), asserting on the
register file: review mode with progress and resume (also in a new app, as after a
restart), read-only refusals, a failed save that is reported and retried, and a change on
disk elsewhere kept with ours saved on top.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static, TextArea

from pilot_tui import atomic
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.review import ReviewScreen

from .conftest import MakeApp, window
from .helpers import D1, D2, SIZE, detail_text, notes, on_disk, select

# -- review mode -------------------------------------------------------------------------


def review_progress(app: PilotApp) -> str:
    return str(app.screen.query_one("#review-progress", Static).content)


async def test_review_progress_and_resume_after_a_restart(
    make_app: MakeApp, seed_store: Path, config_dir: Path
) -> None:
    app = make_app(peildatum=D2, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("b")  # begin the round
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        total = len(screen.items)
        assert review_progress(app).endswith(f"bijgewerkt 0/{total} voor peildatum 1 juni 2022")
        first, second, third = (item.pilot_id for item in screen.items[:3])
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#e-text", TextArea).text = "Nieuwe stand."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.current == second
        await pilot.press("g")  # keep unchanged
        await pilot.pause()
        assert screen.current == third
        assert f"bijgewerkt 2/{total}" in review_progress(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    settings = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    assert third in settings["review"].values()
    register = on_disk(seed_store)
    assert register.get(first).entry_for(D2).stand_van_zaken == "Nieuwe stand."  # type: ignore[union-attr]
    kept = register.get(second).entry_for(D2)  # type: ignore[union-attr]
    assert kept is not None and kept.unchanged
    assert kept.stand_van_zaken == register.get(second).entry_for(D1).stand_van_zaken  # type: ignore[union-attr]

    # a new app on the same file and settings (as after quitting, or kill -9)
    again = make_app(peildatum=D2, window=window("3m"))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.current == third
        assert f"bijgewerkt 2/{total}" in review_progress(again)
        assert any(n.startswith("Verder waar u was: ") for n in notes(again))
        await pilot.press("v")  # previous: the kept one, marked as such
        await pilot.pause()
        state = str(screen.query_one("#review-state", Static).content)
        assert state.startswith("✓ ongewijzigd gelaten")


# -- read-only, failed saves -------------------------------------------------------------


@pytest.mark.parametrize("key", ["e", "n", "u", "d", "r", "ctrl+z", "ctrl+y"])
async def test_read_only_refuses_every_editing_action(make_app: MakeApp, key: str) -> None:
    app = make_app(readonly=True, notice="in gebruik door een ander")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert notes(app) == ["Alleen-lezen: bewerken kan niet (in gebruik door een ander)."]


async def test_a_failed_save_is_reported_and_retried(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = seed_store.read_bytes()
    real = atomic.atomic_write_stat

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "retry_save" not in {b.binding.action for b in app.screen.active_bindings.values()}
        monkeypatch.setattr(atomic, "atomic_write_stat", full)
        await select(app, pilot, "mijn-zaak")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-gemeente", Input).value = "Zwolle"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(n.startswith("Niet opgeslagen") for n in notes(app))
        assert "Zwolle" in detail_text(app)  # kept in memory
        assert seed_store.read_bytes() == raw
        actions = {b.binding.action for b in app.screen.active_bindings.values()}
        assert "app.retry_save" in actions
        monkeypatch.setattr(atomic, "atomic_write_stat", real)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Opgeslagen." in notes(app)
        assert not app.store.dirty
    assert on_disk(seed_store).get("mijn-zaak").gemeente == "Zwolle"  # type: ignore[union-attr]


def external_edit(path: Path, pilot_id: str | None = None, **fields: str) -> None:
    """Someone else changes the file: the title, or fields of one pilot."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if pilot_id is None:
        next(iter(data["meta"].values()))["title"] = "Elders gewijzigd"
    else:
        doc = next(d for d in data["pilots"].values() if d["id"] == pilot_id)
        doc.update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")


async def test_a_change_on_disk_elsewhere_is_kept_and_ours_saved_on_top(
    make_app: MakeApp, seed_store: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        external_edit(seed_store)
        await select(app, pilot, "mijn-zaak")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-gemeente", Input).value = "Zwolle"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("door een ander gewijzigd (andere pilots)" in n for n in notes(app))
    register = on_disk(seed_store)
    assert register.title == "Elders gewijzigd"
    assert register.get("mijn-zaak").gemeente == "Zwolle"  # type: ignore[union-attr]


async def test_retry_after_a_change_on_disk_saves_ours_on_top_of_theirs(
    make_app: MakeApp, seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = atomic.atomic_write_stat

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(atomic, "atomic_write_stat", full)
        await select(app, pilot, "mijn-zaak")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-gemeente", Input).value = "Zwolle"
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.setattr(atomic, "atomic_write_stat", real)
        external_edit(seed_store)
        await pilot.press("ctrl+s")  # retry: the file changed meanwhile (another part)
        await pilot.pause()
        assert any("door een ander gewijzigd (andere pilots)" in n for n in notes(app))
        assert not app.store.dirty
    register = on_disk(seed_store)
    assert register.title == "Elders gewijzigd"  # theirs kept
    assert register.get("mijn-zaak").gemeente == "Zwolle"  # type: ignore[union-attr]
