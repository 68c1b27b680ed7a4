"""Crash bench: SIGKILL a saving process hundreds of times, at 50 and 10,000 pilots.

Not collected by pytest (tests/bench is in norecursedirs); run it on demand:

    python tests/bench/bench_crash.py                     # 500 rounds at 50 and 10,000
    python tests/bench/bench_crash.py --rounds 50 --pilots 50

Each round starts tests/crash_child.py on the same register, lets it save for a random
while (up to a few saves' time), kills it and checks that the register reads back whole,
with the counter of the last reported save or the one after. Exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pilot_tui.atomic import temp_files  # noqa: E402
from pilot_tui.store import Store, StoreError  # noqa: E402
from tests.helpers.crash import (  # noqa: E402
    CrashCheckError,
    Round,
    crash_round,
    make_crash_store,
    measure_saves,
)


def bench(pilots: int, rounds: int, seed: int, folder: Path) -> bool:
    path = make_crash_store(folder / f"store-{pilots}.json", pilots)
    size = path.stat().st_size
    rng = random.Random(seed)
    # Warm-up: how long saves take here, so that kills spread over several saves. The
    # first save after opening is the slow one (at 10,000 pilots it serialises all of
    # them once): kills timed on later saves alone all landed before any save completed.
    times = measure_saves(path, saves=4)
    first, later = times[0] / 1000, statistics.median(times[1:]) / 1000
    max_delay = max(0.05, first + 4 * later)
    print(
        f"\n{pilots} pilots ({size / 1e6:.1f} MB), {rounds} rounds, seed {seed}, "
        f"kills within {max_delay * 1000:.0f} ms of opening"
    )
    results: list[Round] = []
    failures: list[str] = []
    started = time.monotonic()
    for i in range(rounds):
        try:
            results.append(crash_round(path, rng, max_delay=max_delay))
        except (CrashCheckError, StoreError) as exc:
            failures.append(f"round {i + 1}: {exc}")
            print(f"  FAILED round {i + 1}: {exc}", flush=True)
            break  # the register is no longer a valid start for the next round
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/{rounds} rounds, {time.monotonic() - started:.0f} s", flush=True)
    elapsed = time.monotonic() - started
    saves = [ms for r in results for ms in r.save_ms]
    landed = sum(r.interrupted_save_landed for r in results)
    with_temps = sum(r.temps_left > 0 for r in results)
    no_save = sum(not r.save_ms for r in results)
    with Store.open(path) as store:  # the next normal session cleans up
        store.save_meta()
    print(f"  rounds completed       {len(results)} in {elapsed:.0f} s")
    print(f"  saves completed        {len(saves)}")
    if saves:
        saves.sort()
        print(
            f"  save time (ms)         median {statistics.median(saves):.1f}, "
            f"p95 {saves[int(len(saves) * 0.95)]:.1f}, max {saves[-1]:.1f}"
        )
    print(f"  kills after a replace  {landed} (file already new, child had not reported)")
    print(f"  kills before any save  {no_save}")
    print(f"  kills leaving a temp   {with_temps} (removed by the next session's first save)")
    print(f"  temp files at the end  {len(temp_files(path))}")
    print(f"  broken registers       {len(failures)}")
    return not failures and not temp_files(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--pilots", type=int, nargs="+", default=[50, 10_000])
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    ok = True
    with tempfile.TemporaryDirectory(prefix="pilot-tui-crash-") as tmp:
        for pilots in args.pilots:
            ok &= bench(pilots, args.rounds, seed, Path(tmp))
    print("\nOK: every kill left the old or the new register" if ok else "\nFAILURES")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
