"""The app imports the Bijlage as a PDF or a Word file, as it does a text: preview, then save;
a document that is not an overview is refused with one line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pilot_tui.model import Register
from pilot_tui.store import Store
from pilot_tui.tui.dialogs.import_preview import ImportFileScreen, ImportPreviewScreen

from ..conftest import make_pilot
from .conftest import MakeApp
from .helpers import errors, notes, settle

SIZE = (120, 35)
PEILDATUM = date(2021, 12, 1)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    path = tmp_path / "register" / "store.json"
    path.parent.mkdir()
    register = Register(title="Proefregister", peildata=[PEILDATUM])
    register.pilots = [make_pilot("eigen", "Een eigen pilot", "2021 – 2023")]
    Store.create(path, register).close()
    return path


async def test_the_app_imports_the_pdf(make_app: MakeApp, small_store: Path) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_import_overview()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportFileScreen)
        await pilot.press(*str(FIXTURES / "bijlage2-libreoffice.pdf"))
        assert screen.message.startswith("Een PDF-bestand (")
        await pilot.press("enter")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        assert len(preview.report.nieuw) == 33
        assert preview.warnings == ()
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.main.pilot_list.rows) == 34, notes(app)
        assert any("33 nieuw" in n for n in notes(app))
    on_disk = json.loads(small_store.read_text(encoding="utf-8"))
    assert len(on_disk["pilots"]) == 34


async def test_the_app_refuses_a_protected_word_file(make_app: MakeApp, small_store: Path) -> None:
    before = small_store.read_bytes()
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_import_overview()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportFileScreen)
        await pilot.press(*str(FIXTURES / "geheim.docx"))
        assert screen.message.startswith("Niet te importeren: het Office-bestand is met een")
        await pilot.press("enter")  # refused at once: the screen stays
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert errors(app) == []
    assert small_store.read_bytes() == before


async def test_a_pdf_that_is_no_overview_is_one_line(make_app: MakeApp, small_store: Path) -> None:
    before = small_store.read_bytes()
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_import_overview()
        await pilot.pause()
        await pilot.press(*str(FIXTURES / "notulen.pdf"), "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, (ImportFileScreen, ImportPreviewScreen))
        refused = errors(app)
        assert len(refused) == 1 and "\n" not in refused[0]
        assert refused[0].startswith("Import mislukt")
        assert "Geen pilots gevonden" in refused[0]
    assert small_store.read_bytes() == before
