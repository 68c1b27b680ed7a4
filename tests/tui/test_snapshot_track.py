"""The snapshot dialog's choice of revisions: for Word with a date typed, the changes since
that date as tracked changes in the document instead of a chapter."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input

from pilot_tui.tui.dialogs.snapshot import SnapshotDialog
from tests.test_history import scripted_round

from ..conftest import SEED_STORE
from .conftest import MakeApp, window
from .helpers import notes, settle

SIZE = (80, 24)
ROUND = date(2022, 6, 1)
SINCE = date(2021, 12, 1)


def _body(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


async def test_word_with_a_date_offers_revisions(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store.json"
    store.write_bytes(SEED_STORE.read_bytes())
    scripted_round(store)
    out = tmp_path / "uit"
    out.mkdir()
    monkeypatch.chdir(out)
    app = make_app(store, peildatum=ROUND, window=window("3m"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        dialog = app.screen
        assert isinstance(dialog, SnapshotDialog)
        box = dialog.query_one("#snapshot-track", Checkbox)
        assert not box.display  # Word without a date: the Kamer version, nothing to offer
        since = dialog.query_one("#snapshot-since", Input)
        since.focus()
        await pilot.press(*"1 december 2021")
        await pilot.pause()
        assert box.display and not box.value
        request = dialog.request()
        assert request is not None and (request.since, request.track_changes) == (SINCE, False)
        box.value = True
        await pilot.pause()
        assert box.region.bottom <= SIZE[1]  # it fits on a small screen
        request = dialog.request()
        assert request is not None and request.track_changes
        dialog.query_one("#snapshot-format").focus()
        await pilot.press("right")  # Markdown: no revisions there
        assert not box.display
        request = dialog.request()
        assert request is not None and not request.track_changes
        await pilot.press("left")  # back to Word: the choice is still there
        assert box.display and box.value
        since.value = "geen"
        await pilot.pause()
        assert not box.display
        request = dialog.request()
        assert request is not None and not request.track_changes and request.since is None
        since.value = "1 december 2021"
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, SnapshotDialog)
        target = out / "stand-van-zaken-pilots-2022-06-01.docx"
        assert f"Stand van zaken geschreven: {target}" in notes(app)
        body = _body(target.read_bytes())
        assert '<w:ins w:id="' in body and '<w:del w:id="' in body
        assert "Wijzigingen sinds" not in body
