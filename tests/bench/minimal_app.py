"""The baseline of the start-up benchmark: the least Textual app that shows the same first
rows as pilot-tui (a DataTable of the ~30 visible rows, nothing else loaded).

    python tests/bench/minimal_app.py ROWS.json

ROWS.json is a list of ``[attention, name, status, end, days]`` lists, written by
bench_startup from the app's own first rows. Runs as a script (no pilot_tui imports).
"""

from __future__ import annotations

import json
import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Static


class MinimalApp(App[None]):
    def __init__(self, rows: list[list[str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Static("Stand van zaken pilots")
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Aandacht", "Pilot", "Status", "Einde", "Dagen")
        table.add_rows(self.rows)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        MinimalApp(json.load(fh)).run()
