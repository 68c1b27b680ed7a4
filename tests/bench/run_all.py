"""Run every benchmark of the scale issue and print one table of ratios.

    python -m tests.bench.run_all [--runs N] [--quick] [--only startup,search,...]

Benchmarks: startup (1), search (2), save (3), snapshot (4; tests/bench/bench_snapshot.py,
run as its own script, its report printed as it is), import (4), memory (5). The generated
registers are shared between them (one temp dir for the whole run). Each prints ratios
against a baseline measured in the same run; nothing here asserts on time.

From a clean checkout: ``pip install -e '.[test]'`` and ``pip install pyte visidata``.
Takes about 5 to 10 minutes with the default 5 runs; ``--quick`` (3 runs) is faster.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import REPO, Result, print_report, skipped

BENCHES = ("startup", "search", "save", "snapshot", "import", "memory")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="3 runs per measurement")
    ap.add_argument("--only", default=",".join(BENCHES), help="comma-separated subset")
    args = ap.parse_args()
    runs = min(args.runs, 3) if args.quick else args.runs
    chosen = [b.strip() for b in args.only.split(",") if b.strip()]
    unknown = set(chosen) - set(BENCHES)
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")

    results: list[Result] = []
    snapshot_report = ""
    for name in chosen:
        started = time.perf_counter()
        print(f"== {name}", file=sys.stderr, flush=True)
        if name == "snapshot":
            snapshot_report = run_snapshot(args.quick)
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
    print_report(results, f"pilot-tui benchmarks ({runs} runs per measurement)")
    if snapshot_report:
        print()
        print("Benchmark 4: snapshot (tests/bench/bench_snapshot.py)")
        print(snapshot_report)
    return 0


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
