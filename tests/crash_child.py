"""Child process of the crash tests: open a register and save edits in a loop until killed.

    python tests/crash_child.py STORE [MAX_SAVES]

Prints ``open N`` once the register is open (N: the counter found in it), then after each
completed save ``N MS``: the new counter and how long the save took. Each save changes, in
one batch, the title (``teller N``) and the ``doel`` of pilot ``N % len(pilots)``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pilot_tui.store import Store

PREFIX = "teller "


def main(argv: list[str]) -> int:
    path = Path(argv[1])
    limit = int(argv[2]) if len(argv) > 2 else None
    with Store.open(path, lock_timeout=10) as store:
        register = store.register
        counter = int(register.title.removeprefix(PREFIX))
        print(f"open {counter}", flush=True)
        saves = 0
        while limit is None or saves < limit:
            counter += 1
            pilot = register.pilots[counter % len(register.pilots)]
            pilot.doel = f"{PREFIX}{counter}"
            register.title = f"{PREFIX}{counter}"
            started = time.perf_counter()
            with store.batch():
                store.save_pilot(pilot)
                store.save_meta()
            print(f"{counter} {(time.perf_counter() - started) * 1000:.2f}", flush=True)
            saves += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
