"""Run every benchmark of the scale issue and print one table of ratios.

    python -m tests.bench.run_all [--runs N] [--quick] [--only startup,search,...]
                                  [--depths 1,10]

Benchmarks: startup (1), search (2), save (3), snapshot (4; tests/bench/bench_snapshot.py,
run as its own script, its report printed as it is), import (4), memory (5), process (the
whole commands: set, snapshot, import; tests/bench/bench_process.py). The generated
registers are shared between them (one temp dir for the whole run). Each prints ratios
against a baseline measured in the same run; nothing here asserts on time.

History depth: ``--depths 1,10`` runs every chosen benchmark on the same pilots with 1 and
with 10 rounds of history (tests/bench/generate.py) and ends with a table of the figures at
the deepest against the shallowest: time at most 1.3×, peak memory at most 1.5×. The
depths run one after the other, so a change of the machine's load between them moves the
time ratios; below that table each line also gives the change of its ratio to its own
baseline (steady under load; load-free where the baseline does not grow with history). Without
``--depths``: the three-peildata register (no earlier field values) the in-process figures
were first measured on.

From a clean checkout: ``pip install -e '.[test]'`` and ``pip install pyte visidata``.
Takes about 5 to 10 minutes with the default 5 runs; ``--quick`` (3 runs) is faster.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import DEPTH_ENV, REPO, Result, depth_label, print_report, skipped

BENCHES = ("startup", "search", "save", "snapshot", "import", "memory", "process")
DEPTH_TIME, DEPTH_MEMORY = 1.3, 1.5  # the targets of deep against shallow history


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="3 runs per measurement")
    ap.add_argument("--only", default=",".join(BENCHES), help="comma-separated subset")
    ap.add_argument("--depths", default="", help="history depths, e.g. 1,10 (see above)")
    args = ap.parse_args()
    runs = min(args.runs, 3) if args.quick else args.runs
    chosen = [b.strip() for b in args.only.split(",") if b.strip()]
    unknown = set(chosen) - set(BENCHES)
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    depths: list[int | None] = [int(d) for d in args.depths.split(",") if d.strip()] or [None]

    by_depth: dict[int | None, list[Result]] = {}
    for rounds in depths:
        if rounds is None:
            os.environ.pop(DEPTH_ENV, None)
        else:
            os.environ[DEPTH_ENV] = str(rounds)
        print(f"==== history depth: {depth_label(rounds)}", file=sys.stderr, flush=True)
        by_depth[rounds] = run_chosen(chosen, runs, args.quick, depth_label(rounds))
    if len(depths) > 1:
        print()
        print_report(
            depth_ratios(by_depth[depths[0]], by_depth[depths[-1]]),
            f"history depth: {depth_label(depths[-1])} against {depth_label(depths[0])}",
        )
    return 0


def run_chosen(chosen: list[str], runs: int, quick: bool, label: str) -> list[Result]:
    results: list[Result] = []
    snapshot_report = ""
    for name in chosen:
        started = time.perf_counter()
        print(f"== {name}", file=sys.stderr, flush=True)
        if name == "snapshot":
            snapshot_report = run_snapshot(quick)
        else:
            module = importlib.import_module(f"tests.bench.bench_{name}")
            try:
                found = module.run(runs)
            # one broken benchmark must not hide the others
            except (
                RuntimeError,
                OSError,
                ValueError,
                ImportError,
                subprocess.SubprocessError,
            ) as exc:
                found = [skipped(name, f"failed: {type(exc).__name__}: {exc}")]
            results += found
            print_report(found)
        print(f"   ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    print()
    print_report(results, f"pilot-tui benchmarks ({runs} runs per measurement; {label})")
    if snapshot_report:
        print()
        print(f"Benchmark 4: snapshot (tests/bench/bench_snapshot.py; {label})")
        print(snapshot_report)
    return results


def depth_ratios(shallow: list[Result], deep: list[Result]) -> list[Result]:
    """Each figure at the deep history against the same figure at the shallow one."""
    before = {r.name: r for r in shallow if r.value is not None}
    out = []
    for r in deep:
        was = before.get(r.name)
        if r.value is None or was is None:
            continue
        target = DEPTH_MEMORY if r.unit == "MB" else DEPTH_TIME
        line = Result(r.name, r.value, was.value, "shallow", target, unit=r.unit)
        if r.ratio is not None and was.ratio:
            # the depths run one after the other: when the machine's load changed between
            # them, the ratio of the ratios to each run's own baseline is the steadier
            # figure (against a baseline that does not grow with the history, such as
            # the minimal Textual app, it is the load-free depth ratio)
            line.note = f"ratio to its baseline: {was.ratio:.2f}x → {r.ratio:.2f}x ({r.ratio / was.ratio:.2f}x)"
        out.append(line)
    return out


def run_snapshot(quick: bool) -> str:
    """bench_snapshot.py is a script of its own: run it and keep its report."""
    script = Path(__file__).with_name("bench_snapshot.py")
    if not script.exists():
        return "(tests/bench/bench_snapshot.py is not there)"
    argv = [sys.executable, str(script)]
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, check=False)
    out = proc.stdout.rstrip()
    if proc.returncode:
        out += f"\n(exit code {proc.returncode}: {proc.stderr.strip()[-500:]})"
    return out


if __name__ == "__main__":
    sys.exit(main())
