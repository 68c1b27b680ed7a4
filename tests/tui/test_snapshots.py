"""Screen snapshots (pytest-textual-snapshot): main screen wide and small, and the help.

Deterministic: a fixed register copy, peildatum, window and theme, settings in tmp_path.
Update after looking at the result: ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .conftest import MakeApp, window

PEILDATUM = date(2021, 12, 1)


def test_main_screen_120x35(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    assert snap_compare(app, terminal_size=(120, 35))


def test_main_screen_80x24(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24))


def test_search_and_later_peildatum_120x35(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    assert snap_compare(app, terminal_size=(120, 35), press=["slash", *"divosa", "enter"])


def test_help_screen(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    assert snap_compare(app, terminal_size=(120, 35), press=["question_mark"])


def test_peildatum_dialog(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24), press=["p", *"31 juni 2022"])


# -- editing ----------------------------------------------------------------------------------


def test_edit_form_120x35(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    assert snap_compare(app, terminal_size=(120, 35), press=["e"])


def test_edit_form_80x24_unreadable_looptijd(snap_compare: Any, make_app: MakeApp) -> None:
    """The looptijd field in view (tabbed to), with a text that cannot be read."""
    app = make_app(peildatum=PEILDATUM, window=window("3m"))

    async def run_before(pilot: Any) -> None:
        await pilot.pause()  # the list filled first: "e" edits the pilot under the cursor
        await pilot.press("e")
        await pilot.pause()
        field = pilot.app.screen.query_one("#f-looptijd")
        field.value = "na de zomer, ongeveer"
        field.focus()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_update_form_80x24(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24), press=["u", "b"])


def test_new_round_question_80x24(snap_compare: Any, make_app: MakeApp) -> None:
    """The first edit at a peildatum past the register's last asks to begin a round."""
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24), press=["u"])


def test_review_mode_120x35(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    assert snap_compare(app, terminal_size=(120, 35), press=["r", "b"])


def test_review_mode_80x24(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=date(2022, 6, 1), window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24), press=["r", "b", "g"])


def test_delete_confirmation(snap_compare: Any, make_app: MakeApp) -> None:
    app = make_app(peildatum=PEILDATUM, window=window("3m"))
    assert snap_compare(app, terminal_size=(80, 24), press=["d"])
