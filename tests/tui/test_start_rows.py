"""The first frame of a large register: the rows a screen can hold, with the end column as
wide as for all rows; all rows follow right after it. Rows are made when first needed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.cells import cell_len

from pilot_tui.attention import assess_all
from pilot_tui.model import Register, Status
from pilot_tui.store import Store
from pilot_tui.tui import settings as settings_file
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.app_state import FIRST_ROWS, Rows, end_text
from pilot_tui.tui.view import make_row

from ..conftest import D1, make_pilot

LOOPTIJDEN = ("2021 – 2023", "uiterlijk december 2024", "maart 2020 – juni 2021", "onbekend")


def big_register(n: int) -> Register:
    reg = Register(title="Stand van zaken pilots", peildata=[D1])
    reg.pilots = [
        make_pilot(
            f"p{i}",
            f"Pilot {i:04d}",
            LOOPTIJDEN[i % len(LOOPTIJDEN)],
            Status.AFGEROND if i % 7 == 0 else Status.LOPEND,
        )
        for i in range(n)
    ]
    # the widest end label only far below the first screen
    reg.pilots.append(
        make_pilot("laat", "Zzz", "Afgerond, uiterlijk september 2019", Status.AFGEROND)
    )
    return reg


def test_end_text_is_the_rows_end(seed_store: Path) -> None:
    with Store.open(seed_store, readonly=True) as store:
        register = store.register
        for peildatum in register.peildata:
            for a in assess_all(register, peildatum, settings_file.default_window()):
                assert end_text(a) == make_row(a).end


def test_rows_are_made_when_asked_for(seed_store: Path) -> None:
    with Store.open(seed_store, readonly=True) as store:
        register = store.register
        found = assess_all(register, register.peildata[-1], settings_file.default_window())
        rows = Rows(found)
        assert len(rows) == 0
        first = found[0]
        assert rows[first.pilot.id] == make_row(first)
        assert len(rows) == 1 and rows[first.pilot.id] is rows[first.pilot.id]


async def test_a_large_register_shows_all_rows_right_after_the_first_frame(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.json"
    Store.create(path, big_register(FIRST_ROWS + 100)).close()
    with Store.open(path) as store:
        app = PilotApp(store, today=date(2022, 3, 15), config_dir=tmp_path / "config")
        first_frame: list[tuple[int, int]] = []
        fill = app.fill_main_screen

        def fill_and_look() -> None:
            fill()
            first_frame.append((len(app.main.pilot_list.rows), app.list_end_width()))

        app.fill_main_screen = fill_and_look  # type: ignore[method-assign]
        async with app.run_test(size=(120, 35)) as pilot:
            for _ in range(100):
                await pilot.pause(0.02)
                if len(app.main.pilot_list.rows) > FIRST_ROWS:
                    break
            shown = app.main.pilot_list.rows
            assert len(shown) == len(app.shown) == FIRST_ROWS + 101
            assert first_frame == [(FIRST_ROWS, app.list_end_width())]
            assert [r.pilot_id for r in shown] == [a.pilot.id for a in app.shown]
            # the widest end label is below the first rows, and counted in the first frame
            widest = max(cell_len(r.end) for r in shown)
            assert max(cell_len(r.end) for r in shown[:FIRST_ROWS]) < widest
            assert app.list_end_width() == widest
