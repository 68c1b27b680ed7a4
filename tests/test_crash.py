"""Kill a process in the middle of saving, again and again: the register on disk is always
whole, and holds the state from just before or just after the interrupted save.

The long version (500+ rounds, 50 and 10,000 pilots) is tests/bench/bench_crash.py.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from pilot_tui.atomic import temp_files
from pilot_tui.store import Store, list_backups

from .helpers.crash import crash_round, make_crash_store

ROUNDS = int(os.environ.get("PILOT_TUI_CRASH_ROUNDS", "24"))
BUDGET = 20.0  # seconds; fewer rounds are run (but at least 20) when the machine is slow


def test_sigkill_during_saves_leaves_old_or_new_register(tmp_path: Path) -> None:
    seed = int(os.environ.get("PILOT_TUI_CRASH_SEED", str(random.randrange(2**32))))
    rng = random.Random(seed)
    path = make_crash_store(tmp_path / "store.json", 50)
    started = time.monotonic()
    rounds = []
    for i in range(ROUNDS):
        if i >= 20 and time.monotonic() - started > BUDGET:
            break
        r = crash_round(path, rng, max_delay=0.12)
        assert r.started_at == (rounds[-1].on_disk if rounds else 0), f"seed {seed}"
        rounds.append(r)
    assert len(rounds) >= min(20, ROUNDS)
    assert sum(len(r.save_ms) for r in rounds) > 0, "the child never completed a save"
    # After all that, a normal open and save works and clears what the kills left.
    with Store.open(path) as store:
        assert store.register.title == f"teller {rounds[-1].on_disk}"
        store.save_meta()
    assert temp_files(path) == []
    assert len(list_backups(path)) >= 1  # the daily copy made by the first child
