"""Import screens in a small host app: the file prompt with inline checks, the preview.

Snapshot: ``pytest tests/tui/test_import_preview.py --snapshot-update`` after looking.
"""

from __future__ import annotations

import copy
import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from pilot_tui.importer import MergeReport, merge, parse_overview
from pilot_tui.tui.dialogs.import_preview import (
    ImportFileScreen,
    ImportPreviewScreen,
    check_file,
    clean_path_text,
    preview_text,
)

from ..conftest import SEED_TEXT, small_register

PEILDATUM = date(2021, 12, 1)
NOT_YET = object()


class Host(App[None]):
    """Pushes one screen on mount and keeps what it was dismissed with."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make
        self.result: object = NOT_YET

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.push_screen(self.make(), self.done)

    def done(self, result: object) -> None:
        self.result = result


def seed_report() -> tuple[MergeReport, list[str]]:
    """The real overview merged into a copy of the small register (as the app will do)."""
    result = parse_overview(SEED_TEXT.read_text(encoding="utf-8"))
    incoming = result.register
    peildatum = incoming.latest_peildatum()
    assert peildatum == PEILDATUM
    register = small_register()
    # a register whose latest round is the document's (an earlier round is refused)
    register.peildata = [p for p in register.peildata if p <= peildatum]
    before = copy.deepcopy(register)
    report = merge(copy.deepcopy(register), incoming, peildatum, update=False)
    assert register == before
    return report, result.warnings


def preview(report: MergeReport, warnings: list[str] | None = None) -> Host:
    return Host(lambda: ImportPreviewScreen(report, "overzicht.txt", PEILDATUM, warnings or []))


def shown(screen: Screen[Any], selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


# -- the preview ------------------------------------------------------------------------


async def test_preview_shows_counts_and_names() -> None:
    report, warnings = seed_report()
    app = preview(report, warnings)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportPreviewScreen)
        assert "Importeren: overzicht.txt" in str(screen.query_one(".import-title", Label).content)
        assert shown(screen, "#import-summary") == (
            "30 nieuw · 3 bijgewerkt · 0 ongewijzigd · 2 niet in het document"
        )
        names = shown(screen, "#import-names")
        assert "Nieuw: 30" in names
        assert "Bijgewerkt: 3" in names
        assert "  • Divosa / Gemeente Almere" in names
        assert "Ongewijzigd: 0" in names
        assert "Niet in het document (blijven staan): 2" in names
        assert "  • [@click=app.quit]x[/] <script>" in names  # literally


async def test_preview_names_scroll() -> None:
    report = MergeReport(nieuw=[f"Pilot {i}" for i in range(200)])
    app = preview(report)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        groups = app.screen.query_one("#import-groups")
        assert groups.has_focus
        assert groups.max_scroll_y > 100
        await pilot.press("down", "down", "pagedown")
        await pilot.pause()
        assert groups.scroll_y > 2


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["enter"], True),
        (["i"], True),
        (["escape"], False),
        (["tab", "tab", "enter"], False),  # focus on "Annuleren", then enter presses it
        (["tab", "enter"], True),  # focus on "Importeren"
    ],
)
async def test_preview_keys(keys: list[str], expected: bool) -> None:
    app = preview(MergeReport(nieuw=["A"], bijgewerkt=["B"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert app.result is expected


@pytest.mark.parametrize(("button", "expected"), [("#import-go", True), ("#import-cancel", False)])
async def test_preview_buttons(button: str, expected: bool) -> None:
    app = preview(MergeReport(ongewijzigd=["A"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Er verandert niets." in shown(app.screen, "#import-summary")
        await pilot.click(button)
        await pilot.pause()
        assert app.result is expected


def test_preview_text_is_plain_text() -> None:
    report = MergeReport(nieuw=["[bold]x[/bold]", "a\x1b[31mb\nc", ""])
    text = preview_text(report, ["Regel 3: [/] overgeslagen."])
    assert text.spans == [s for s in text.spans if s.style == "bold"]
    plain = text.plain
    assert "  • [bold]x[/bold]" in plain
    assert "  • ab c" in plain
    assert "  • (zonder naam)" in plain
    assert "Opmerkingen bij het lezen: 1\n  ! Regel 3: [/] overgeslagen." in plain


def test_preview_snapshot_80x24(snap_compare: Any) -> None:
    report, warnings = seed_report()
    assert snap_compare(preview(report, warnings), terminal_size=(80, 24))


# -- choosing the file ------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "goed.txt").write_text("Stand van zaken pilots\nregel twee\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 en r\xe9sum\xe9".encode("latin-1"))
    (tmp_path / "map").mkdir()
    (tmp_path / "met spatie.txt").write_text("één regel", encoding="utf-8")
    (tmp_path / "bijlage.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"x" * 2048)
    (tmp_path / "eigenlijk-tekst.pdf").write_text("Stand van zaken pilots\n", encoding="utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "bijlage.docx").write_bytes(buf.getvalue())
    (tmp_path / "kapot.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    return tmp_path


@pytest.mark.parametrize(
    ("typed", "ok", "message"),
    [
        ("", False, "Typ het pad naar het overzicht (PDF, Word of tekst)."),
        ("   ", False, "Typ het pad naar het overzicht (PDF, Word of tekst)."),
        ("goed.txt", True, "Leesbaar: 2 regels tekst."),
        ("  goed.txt  ", True, "Leesbaar: 2 regels tekst."),
        ('"met spatie.txt"', True, "Leesbaar: 1 regels tekst."),
        ("'goed.txt'", True, "Leesbaar: 2 regels tekst."),
        ("weg.txt", False, "Bestaat niet: "),
        ("map", False, "Dit is een map, geen bestand: "),
        ("latin1.txt", False, "Geen UTF-8-tekst (byte 3); sla het op als UTF-8."),
        ("goed\x00.txt", False, "Bestaat niet: "),  # never an exception
        ("bijlage.pdf", True, "Een PDF-bestand (2 kB); wordt gelezen bij Verder."),
        ("bijlage.docx", True, "Een Word-bestand ("),
        ("eigenlijk-tekst.pdf", True, "Leesbaar: 1 regels tekst."),  # by content
        ("kapot.docx", False, "Niet te importeren: beschadigd zip-bestand"),
    ],
)
def test_check_file(files: Path, typed: str, ok: bool, message: str) -> None:
    check = check_file(typed, files)
    assert check.ok is ok
    assert check.message.startswith(message)
    if ok:
        assert check.path == (files / clean_path_text(typed)).resolve()


def test_check_file_absolute_path_ignores_base(files: Path, tmp_path: Path) -> None:
    check = check_file(str(files / "goed.txt"), tmp_path / "elders")
    assert check.path == (files / "goed.txt").resolve()


async def test_file_screen_checks_as_you_type(files: Path) -> None:
    app = Host(lambda: ImportFileScreen(base=files))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportFileScreen)
        assert screen.message == "Typ het pad naar het overzicht (PDF, Word of tekst)."
        await pilot.press(*"weg")
        assert screen.message.startswith("Bestaat niet: ")
        assert screen.query_one("#import-file-message").has_class("-error")
        await pilot.press("enter")  # refused: the screen stays
        await pilot.pause()
        assert app.result is NOT_YET
        screen.query_one(Input).value = ""
        await pilot.press(*"latin1.txt")
        assert screen.message.startswith("Geen UTF-8-tekst")
        screen.query_one(Input).value = ""
        await pilot.press(*"goed.txt")
        assert screen.message == "Leesbaar: 2 regels tekst."
        assert not screen.query_one("#import-file-message").has_class("-error")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == (files / "goed.txt").resolve()


async def test_file_screen_button_and_escape(files: Path) -> None:
    app = Host(lambda: ImportFileScreen(str(files / "goed.txt")))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        await pilot.click("#import-next")
        await pilot.pause()
        assert app.result == (files / "goed.txt").resolve()
    app = Host(lambda: ImportFileScreen("goed.txt", base=files))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None
    app = Host(lambda: ImportFileScreen())
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        await pilot.click("#import-cancel")
        await pilot.pause()
        assert app.result is None


async def test_file_screen_sees_a_file_that_appears(files: Path) -> None:
    app = Host(lambda: ImportFileScreen("later.txt", base=files))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportFileScreen)
        assert screen.message.startswith("Bestaat niet")
        (files / "later.txt").write_text("nu wel\n", encoding="utf-8")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == (files / "later.txt").resolve()
