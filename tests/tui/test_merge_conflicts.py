"""The app on a register a merge left conflicts in: it opens on the list of conflicts; each
is resolved by keeping mine, taking theirs or editing, saved at once and undoable; then
`git add` and `git commit` finish the merge (real git in tmp_path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from pilot_tui.merge import conflicts_of
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.merge_edit import MergeEditDialog
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.merge_conflicts import MergeConflictsScreen

from ..conftest import D2
from ..helpers.git_repo import Repo, check, make_repo, merge
from .conftest import MakeApp
from .helpers import errors, notes, on_disk

SIZE = (120, 40)
ALL_DONE = "Alle conflicten van het samenvoegen zijn opgelost."


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path)


def conflicting_merge(repo: Repo) -> None:
    """Both branches change Oost's gemeente and Noord's doel; the collega's branch also
    changes Zuid (no conflict)."""
    repo.branch("collega")
    repo.edit("set", "oost", "gemeente=Deventer", "doel=Hun doel van Oost.")
    repo.edit("set", "zuid", "looptijd=Januari 2021 – december 2031")
    repo.commit("Collega")
    repo.checkout("main")
    repo.edit("set", "oost", "gemeente=Zwolle", "doel=Mijn doel van Oost.")
    repo.commit("Ik")
    result = merge(repo, "collega")
    assert result.returncode != 0 and "2 conflicten" in result.stdout


async def conflict_list(app: PilotApp, pilot: Any) -> MergeConflictsScreen:
    """The list the app opens on (pushed once the register is on screen)."""
    for _ in range(200):
        if isinstance(app.screen, MergeConflictsScreen) and app.screen.is_mounted:
            await pilot.pause()
            return app.screen
        await pilot.pause(0.01)
    raise AssertionError(f"no list of conflicts: {app.screen!r}")


async def test_the_app_opens_on_the_conflicts_and_resolves_them_then_git_commits(
    repo: Repo, make_app: MakeApp
) -> None:
    conflicting_merge(repo)
    app = make_app(repo.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await conflict_list(app, pilot)
        shown = app.export_screenshot().replace("&#160;", " ")
        for text in (
            "Conflicten van het samenvoegen (2 open)",
            "„Pilot Oost” (oost): doel vanaf 1 juni 2022",
            "„Pilot Oost” (oost): gemeente/regio vanaf 1 juni 2022",
            "Mijn doel van Oost.",
            "Hun doel van Oost.",
            "Mijn versie houden",
            "Hun versie nemen",
        ):
            assert text in shown, text
        assert screen.rows[0].mine == "Mijn doel van Oost."
        await pilot.press("h")  # the doel: theirs
        await pilot.pause()
        screen = await conflict_list(app, pilot)  # back, with the one left
        assert [r.title for r in screen.rows] == [
            "„Pilot Oost” (oost): gemeente/regio vanaf 1 juni 2022"
        ]
        await pilot.press("b")  # the gemeente: edited
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MergeEditDialog)
        area = dialog.query_one(TextArea)
        assert area.text == "Zwolle"
        area.text = "Zwolle en Deventer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert ALL_DONE in " ".join(notes(app))
        assert not errors(app)
        assert not app.store.dirty
    register = on_disk(repo.store)
    assert conflicts_of(register) == []
    oost, zuid = register.get("oost"), register.get("zuid")
    assert oost is not None and zuid is not None
    assert oost.value_at("doel", D2) == "Hun doel van Oost."
    assert oost.value_at("gemeente", D2) == "Zwolle en Deventer"
    assert zuid.value_at("looptijd", D2) == "Januari 2021 – december 2031"
    assert check(repo).code == 0
    repo.git("add", "store.json")
    repo.git("commit", "-q", "--no-edit")
    assert repo.git("status", "--porcelain").stdout == ""
    assert len(repo.git("log", "--format=%H", "-1", "--merges").stdout.split()) == 1


async def test_keep_mine_later_palette_and_undo(repo: Repo, make_app: MakeApp) -> None:
    conflicting_merge(repo)
    app = make_app(repo.store)
    async with app.run_test(size=SIZE) as pilot:
        await conflict_list(app, pilot)
        await pilot.press("m")  # the doel: mine
        await pilot.pause()
        await conflict_list(app, pilot)
        await pilot.press("escape")  # decide later
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("Nog 1 conflict(en)" in n for n in notes(app))
        assert len(conflicts_of(on_disk(repo.store))) == 1
        await pilot.press("ctrl+z")  # undoes keeping mine: that conflict is back
        await pilot.pause()
        assert len(conflicts_of(on_disk(repo.store))) == 2
        app.action_merge_conflicts()  # as ctrl+p → "Conflicten van het samenvoegen"
        screen = await conflict_list(app, pilot)
        assert len(screen.rows) == 2
        commands = [c.title for c in app.get_system_commands(app.main)]
        assert "Conflicten van het samenvoegen" in commands
    oost = on_disk(repo.store).get("oost")
    assert oost is not None and oost.value_at("doel", D2) == "Mijn doel van Oost."


async def test_a_read_only_register_shows_the_conflicts_but_changes_nothing(
    repo: Repo, make_app: MakeApp
) -> None:
    conflicting_merge(repo)
    raw = repo.store.read_bytes()
    app = make_app(repo.store, readonly=True, notice="alleen-lezen")
    async with app.run_test(size=SIZE) as pilot:
        await conflict_list(app, pilot)
        await pilot.press("h")
        await pilot.pause()
        assert any("alleen-lezen" in n for n in notes(app))
    assert repo.store.read_bytes() == raw


async def test_no_conflicts_no_list(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(30):
            await pilot.pause(0.01)
        assert isinstance(app.screen, MainScreen)
        commands = [c.title for c in app.get_system_commands(app.main)]
        assert "Conflicten van het samenvoegen" not in commands


async def test_an_edit_that_cannot_be_saved_says_why_and_the_list_comes_back(
    repo: Repo, make_app: MakeApp
) -> None:
    repo.branch("collega")
    repo.edit("set", "noord", "stand_van_zaken=Hun stand van Noord.")
    repo.commit("Collega")
    repo.checkout("main")
    repo.edit("set", "noord", "stand_van_zaken=Mijn stand van Noord.")
    repo.commit("Ik")
    assert merge(repo, "collega").returncode != 0
    app = make_app(repo.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await conflict_list(app, pilot)
        assert screen.rows[0].title == "„Pilot Noord” (noord): stand van zaken per 1 juni 2022"
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MergeEditDialog)
        dialog.query_one(TextArea).text = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("de stand van zaken mag niet leeg zijn" in e for e in errors(app))
        await conflict_list(app, pilot)  # nothing lost: choose again
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, MergeEditDialog)
        await pilot.press("escape")  # cancelled: back to the list
        await pilot.pause()
        await conflict_list(app, pilot)
    assert len(conflicts_of(on_disk(repo.store))) == 1
