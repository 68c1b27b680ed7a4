"""Timeline, overview, import and snapshot as wired into the app, driven like a user would."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, Input, OptionList, Static

from pilot_tui.model import Register
from pilot_tui.store import Store
from pilot_tui.tui.dialogs.import_preview import ImportFileScreen, ImportPreviewScreen
from pilot_tui.tui.dialogs.snapshot import OverwriteDialog, SnapshotDialog
from pilot_tui.tui.screens.overview import OverviewScreen

from ..conftest import SEED_TEXT, make_pilot
from .conftest import MakeApp, window
from .helpers import errors, notes, settle, status_text

SIZE = (120, 35)
PEILDATUM = date(2021, 12, 1)


# -- timeline -----------------------------------------------------------------------------


async def test_t_shows_the_timeline_and_shares_the_selection(make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        assert not main.has_timeline  # mounted on first use, not at start
        await pilot.press("t")
        timeline = main.timeline
        assert main.has_class("-timeline")
        assert timeline.display and not main.detail.display
        assert len(timeline.rows) == 33
        assert [r.pilot_id for r in timeline.rows] == [r.pilot_id for r in main.pilot_list.rows]
        # moving in the list moves the timeline ...
        await pilot.press("j", "j")
        assert (
            timeline.highlighted == main.pilot_list.highlighted == main.pilot_list.rows[2].pilot_id
        )
        # ... and moving in the timeline moves the list (and the detail behind it)
        timeline.focus()
        await pilot.press("j")
        await pilot.pause()
        third = main.pilot_list.rows[3].pilot_id
        assert timeline.highlighted == third
        assert main.pilot_list.highlighted == third
        assert app.selected == third
        # enter on a bar: back to the detail of that pilot
        await pilot.press("enter")
        await pilot.pause()
        assert not main.has_class("-timeline")
        assert main.detail.has_focus
        assert main.detail.render_detail().plain.startswith(main.pilot_list.rows[3].name)


async def test_beside_the_list_the_timeline_scrolls_with_it(make_app: MakeApp) -> None:
    """Each row of the timeline stays beside the same pilot's row in the list."""
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        main = app.main
        assert main.timeline.region.y == main.pilot_list.region.y  # side by side
        for keys in (("pagedown",), ("pagedown",), ("end",), ("pageup",), ("k",) * 12):
            await pilot.press(*keys)
            await pilot.pause()
            assert main.pilot_list.scroll_y > 0 or keys == ("k",) * 12
            assert main.timeline.scroll_y == main.pilot_list.scroll_y, keys


async def test_timeline_follows_search_and_filter(make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "slash", *"divosa", "enter")
        await pilot.pause()
        ids = [r.pilot_id for r in app.main.pilot_list.rows]
        assert 0 < len(ids) < 33
        assert [r.pilot_id for r in app.main.timeline.rows] == ids
        await pilot.press("t")  # back to the detail; t again shows the same rows
        await pilot.press("t")
        assert [r.pilot_id for r in app.main.timeline.rows] == ids


# -- overview -----------------------------------------------------------------------------


async def test_g_divosa_leaves_nine_pilots_and_escape_clears(make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        section = screen.section("programma")
        labels = [str(o.prompt) for o in section.options]
        index = next(i for i, label in enumerate(labels) if label.split()[1:] == ["Divosa"])
        await pilot.press("tab")  # attention -> programma
        assert screen.focused is section
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, OverviewScreen)
        rows = app.main.pilot_list.rows
        assert len(rows) == 9
        assert all(r.name.startswith("Divosa") for r in rows)
        assert "filter: Divosa" in status_text(app)
        assert "9 van 33" in status_text(app)
        # reopened, the chosen count is highlighted; escape leaves the filter alone
        await pilot.press("g")
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.focused is app.screen.section("programma")
        await pilot.press("escape")
        assert len(app.main.pilot_list.rows) == 9
        # escape in the list clears it
        await pilot.press("escape")
        assert len(app.main.pilot_list.rows) == 33
        assert "Divosa" not in status_text(app)


async def test_filter_dialog_show_all_clears_the_overview_filter(make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        section = screen.section("attention")
        assert isinstance(section, OptionList)
        await pilot.press("enter")  # the first count: eindigt binnenkort, 3
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 3
        await pilot.press("f")
        await pilot.click("#filter-clear")
        await pilot.pause()
        assert app.overview_filter is None
        assert len(app.main.pilot_list.rows) == 33


# -- import -------------------------------------------------------------------------------


@pytest.fixture
def almost_empty_store(tmp_path: Path) -> Path:
    path = tmp_path / "register" / "store.json"
    path.parent.mkdir()
    register = Register(title="Proefregister", peildata=[PEILDATUM])
    register.pilots = [make_pilot("eigen", "Een eigen pilot", "2021 – 2023")]
    Store.create(path, register).close()
    return path


async def test_palette_import_previews_then_saves(
    make_app: MakeApp, almost_empty_store: Path
) -> None:
    app = make_app(almost_empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 1
        await pilot.press("ctrl+p")
        await pilot.press(*"Overzicht importeren")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportFileScreen)
        await pilot.press(*str(SEED_TEXT), "enter")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert len(preview.report.nieuw) == 33
        assert preview.report.niet_in_document == ["Een eigen pilot"]
        # nothing written yet: the preview merged into a copy
        assert len(app.store.register.pilots) == 1
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ImportPreviewScreen)
        assert len(app.main.pilot_list.rows) == 34, notes(app)
        assert app.peildatum == PEILDATUM
        assert any("33 nieuw" in n for n in notes(app))
    on_disk = json.loads(almost_empty_store.read_text(encoding="utf-8"))
    assert len(on_disk["pilots"]) == 34
    backups = list((almost_empty_store.parent / "store.json.backups").iterdir())
    assert any("import" in b.name for b in backups)


async def test_import_cancelled_in_the_preview_changes_nothing(
    make_app: MakeApp, almost_empty_store: Path
) -> None:
    before = almost_empty_store.read_bytes()
    app = make_app(almost_empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_import_overview()
        await pilot.pause()
        await pilot.press(*str(SEED_TEXT), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ImportPreviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 1
    assert almost_empty_store.read_bytes() == before


async def test_import_of_a_non_overview_is_one_line(
    make_app: MakeApp, almost_empty_store: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "boodschappen.txt"
    junk.write_text("melk\nbrood\n[bold]kaas[/bold]\n", encoding="utf-8")
    app = make_app(almost_empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_import_overview()
        await pilot.pause()
        await pilot.press(*str(junk), "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, (ImportFileScreen, ImportPreviewScreen))
        refused = errors(app)
        assert len(refused) == 1
        assert "\n" not in refused[0]
        assert refused[0].startswith("Import mislukt")


async def test_import_refused_when_read_only(make_app: MakeApp) -> None:
    app = make_app(readonly=True, notice="in gebruik door een ander")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_import_overview()
        await pilot.pause()
        assert not isinstance(app.screen, ImportFileScreen)
        assert any("in gebruik door een ander" in n for n in notes(app))


# -- snapshot -----------------------------------------------------------------------------


async def test_s_writes_markdown_and_asks_before_overwriting(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    target = out / "stand-van-zaken-pilots-2021-12-01.md"
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        dialog = app.screen
        assert isinstance(dialog, SnapshotDialog)
        await pilot.press("right")  # Word -> Markdown; the file name follows
        assert dialog.path_input.value == target.name
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, SnapshotDialog)
        text = target.read_text(encoding="utf-8")
        assert "Stand van zaken pilots" in text
        assert "Aandachtspunten" in text
        assert f"Stand van zaken geschreven: {target}" in notes(app)

        # again: the last format is offered, and the existing file is not overwritten
        target.write_text("oud", encoding="utf-8")
        await pilot.press("s")
        dialog = app.screen
        assert isinstance(dialog, SnapshotDialog)
        assert dialog.fmt == "md"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverwriteDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog  # back in the dialog, to choose another name
        await settle(app, pilot)
        assert target.read_text(encoding="utf-8") == "oud"
        # "ja" overwrites
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverwriteDialog)
        await pilot.press("j")
        await settle(app, pilot)
        assert "Stand van zaken pilots" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("remembered", "key", "expected"),
    [("md", "left", "docx"), ("md", "right", "html"), ("json", "right", "docx")],
)
async def test_snapshot_format_arrows_start_from_the_chosen_one(
    make_app: MakeApp, remembered: str, key: str, expected: str
) -> None:
    """From the format shown as chosen ("←" from Markdown gave JSON, not Word)."""
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.snapshot_format = remembered
        await pilot.press("s")
        dialog = app.screen
        assert isinstance(dialog, SnapshotDialog)
        await pilot.press(key)
        assert dialog.fmt == expected
        assert dialog.path_input.value.endswith(f".{expected}")
        await pilot.press("escape")


async def test_snapshot_dialog_edited_path_and_since(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        dialog = app.screen
        assert isinstance(dialog, SnapshotDialog)
        assert dialog.previous == PEILDATUM
        path_input = dialog.path_input
        path_input.value = "mijn-stand.md"  # a format's extension chooses that format
        await pilot.pause()
        assert dialog.fmt == "md"
        await pilot.press("right")  # an edited name keeps its stem, gets the new extension
        assert dialog.fmt == "html" and path_input.value == "mijn-stand.html"
        await pilot.press("left")
        assert dialog.fmt == "md" and path_input.value == "mijn-stand.md"
        path_input.value = "mijn stand (concept)"  # no format's extension: left as typed
        await pilot.pause()
        await pilot.press("left")
        assert dialog.fmt == "docx" and path_input.value == "mijn stand (concept)"
        path_input.value = "mijn-stand.md"
        await pilot.pause()
        since = dialog.query_one("#snapshot-since")
        since.focus()
        await pilot.press(*"31 juni 2021")
        message = dialog.query_one("#snapshot-since-message")
        assert message.has_class("-error")
        await pilot.press("enter")  # unreadable: nothing happens
        assert isinstance(app.screen, SnapshotDialog)
        assert dialog.request() is None
        since.value = "1-7-2021"  # type: ignore[attr-defined]
        await pilot.pause()
        request = dialog.request()
        assert request is not None
        assert request.since == date(2021, 7, 1)
        assert request.path == tmp_path / "mijn-stand.md"
        assert request.fmt == "md"
        where = dialog.query_one("#snapshot-path-message", Static)
        assert str(where.render()) == f"Wordt {tmp_path / 'mijn-stand.md'}."  # the folder too
        path_input.value = "mijn-stand"  # no extension: the format's
        await pilot.pause()
        request = dialog.request()
        assert request is not None and request.path == tmp_path / "mijn-stand.md"
        path_input.value = "mijn-stand.txt"  # another extension: allowed, but said
        await pilot.pause()
        assert "Let op: het wordt Markdown, al zegt de naam .txt." in str(where.render())
        path_input.value = "mijn-stand.md"
        await pilot.pause()
        since.value = ""  # type: ignore[attr-defined]
        await pilot.pause()
        request = dialog.request()
        assert request is not None and request.since == PEILDATUM  # the default
        since.value = "geen"  # type: ignore[attr-defined]
        await pilot.pause()
        request = dialog.request()
        assert request is not None and request.since is None
        await pilot.press("escape")
        assert not isinstance(app.screen, SnapshotDialog)


async def test_snapshot_write_error_is_one_line(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    import pilot_tui.ops.snapshot as writing

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(writing, "atomic_write", refuse)
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "right", "enter")
        await settle(app, pilot)
        refused = errors(app)
        assert len(refused) == 1
        assert refused[0].startswith("Stand van zaken niet geschreven:")
        assert "geen toegang" in refused[0]  # the reason in Dutch
        assert "\n" not in refused[0]


def test_snapshot_dialog_80x24(
    snap_compare: Any, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a fixed folder: the dialog shows the whole path of the file it will write
    folder = Path(tempfile.gettempdir()) / "pilot-tui-snapshot-dialog"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    monkeypatch.chdir(folder)
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24), press=["s", "right"])


async def test_snapshot_dialog_word_is_the_kamer_version_unless_chosen(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word comes without the internal parts; the other formats with the summary and the
    changes since the previous peildatum. A summary choice of the user's stays."""
    monkeypatch.chdir(tmp_path)
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        dialog = app.screen
        assert isinstance(dialog, SnapshotDialog)
        assert dialog.fmt == "docx"
        request = dialog.request()
        assert request is not None and (request.since, request.summary) == (None, False)
        message = str(dialog.query_one("#snapshot-since-message", Static).render())
        assert message.startswith("Zonder wijzigingen: de versie voor de Kamer.")
        await pilot.press("right")  # Markdown: for reading, with both
        request = dialog.request()
        assert request is not None and (request.since, request.summary) == (PEILDATUM, True)
        await pilot.press("left")  # back to Word: back to the Kamer version
        request = dialog.request()
        assert request is not None and (request.since, request.summary) == (None, False)
        box = dialog.query_one("#snapshot-summary", Checkbox)
        box.value = True  # the user's choice, and a date typed: the internal parts in Word
        since = dialog.query_one("#snapshot-since", Input)
        since.value = "1 december 2021"
        await pilot.pause()
        request = dialog.request()
        assert request is not None and (request.since, request.summary) == (PEILDATUM, True)
        await pilot.press("right", "right")  # HTML: the user's summary choice stays
        assert dialog.query_one("#snapshot-summary", Checkbox).value
        await pilot.press("escape")


def test_snapshot_dialog_word_80x24(
    snap_compare: Any, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(tempfile.gettempdir()) / "pilot-tui-snapshot-dialog"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    monkeypatch.chdir(folder)
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24), press=["s"])
