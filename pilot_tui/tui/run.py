"""Running the app: open the register (or paint the cached first screen and read it in
the background) and run :class:`~pilot_tui.tui.app.PilotApp` until it stops."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from pilot_tui.memory import Pause
from pilot_tui.periods import Window
from pilot_tui.tui import startup_flow
from pilot_tui.tui.app import PilotApp


def run(
    store_path: Path,
    peildatum: date | None = None,
    window: Window | None = None,
    *,
    starting: Pause | None = None,
) -> int:
    """Open the register and run the app; on a lock, open read-only and say so.

    With a start cache for this file (see startup.py) the app paints first and reads
    the register in the background; otherwise the register is read first, so that a
    file that cannot be read stops here with one line, before any screen.
    ``starting``: a pause of the collector, ended once the first screen is out."""
    start = startup_flow.prepare(store_path, peildatum, window)
    start.collector_pause = starting
    if start.view is not None:
        app = PilotApp(None, peildatum, window, None, start=start)
        try:
            app.run()
        finally:
            start.close()
        if start.error is not None:  # the background read failed: say why, screen gone
            raise start.error
        return app.return_code or 0
    opened = start.open()  # a file that cannot be read stops here, before any screen
    if opened is None:  # only a start that was closed reads nothing
        return 2
    store, notice = opened
    try:
        app = PilotApp(store, peildatum, window, None, notice=notice, start=start)
        app.run()
    finally:
        start.close()  # the day's backup made (if not yet), then the store closed
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(run(Path(os.environ.get("PILOT_TUI_STORE", "store.json"))))
