"""Benchmark 5: peak memory at 10,000 pilots, against ``json.load`` of the same file.

Each measurement runs in a fresh interpreter:

* peak RSS: ``json.load`` (baseline); ``Store.open`` + ``assess_all`` (every pilot
  classified, as the app and ``pilot-tui list`` do); the app itself up to its first
  screen (in a pseudo-terminal, Linux ``VmHWM``; needs pyte);
* tracemalloc peak (Python allocations only): ``json.load`` against ``Store.open`` +
  ``assess_all``.

The issue sets no target for memory: the ratios are printed for the record.

    python -m tests.bench.bench_memory

From a clean checkout: ``pip install -e '.[test]'`` and ``pip install pyte``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from tests.bench.common import (
    BIG,
    REPO,
    Result,
    app_command,
    app_rows,
    compile_app,
    first_screen_pattern,
    fresh_copy,
    log,
    parse_args,
    print_report,
    quiet_env,
    register_file,
    skipped,
)
from tests.bench.terminal import pty_peak_rss, python_peak_rss

JSON_LOAD = """
import json
with open({path!r}, encoding="utf-8") as fh:
    data = json.load(fh)
"""
STORE_ASSESS = """
from pathlib import Path
from pilot_tui.attention import assess_all
from pilot_tui.periods import parse_window
from pilot_tui.store import Store
store = Store.open(Path({path!r}), readonly=True)
register = store.register
found = assess_all(register, register.latest_peildatum(), parse_window("3m"))
"""
TRACED = """
import tracemalloc
tracemalloc.start()
{code}
print(tracemalloc.get_traced_memory()[1])
"""


def traced_peak(code: str) -> float:
    """tracemalloc's peak (MB) of ``code`` in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, "-c", TRACED.format(code=code)],
        capture_output=True,
        text=True,
        env=quiet_env(),
        cwd=REPO,
        check=True,
    )
    return int(proc.stdout.split()[-1]) / 1e6


def run(runs: int = 1) -> list[Result]:
    path = register_file(BIG)
    size = path.stat().st_size / 1e6
    load_code = JSON_LOAD.format(path=str(path))
    store_code = STORE_ASSESS.format(path=str(path))
    log("peak RSS: empty interpreter, json.load, Store.open + assess_all")
    empty = python_peak_rss("pass")
    loaded = python_peak_rss(load_code)
    store = python_peak_rss(store_code)
    log("tracemalloc peaks")
    traced_load = traced_peak(load_code)
    traced_store = traced_peak(store_code)
    base = "json.load"
    results = [
        Result(f"peak RSS, Store.open + assess_all, {BIG:,}", store, loaded, base, unit="MB",
               note=f"file {size:.0f} MB; an empty interpreter peaks at {empty:.0f} MB"),
        Result(f"tracemalloc peak, Store.open + assess_all, {BIG:,}", traced_store, traced_load,
               base, unit="MB"),
    ]  # fmt: skip
    app_name = f"peak RSS, app to first screen, {BIG:,}"
    why = None if importlib.util.find_spec("pyte") else "pyte is not installed (pip install pyte)"
    if why is None and not sys.platform.startswith("linux"):
        why = "needs Linux (/proc/PID/status VmHWM)"
    if why is None:
        try:
            import pilot_tui.tui.app  # noqa: F401
        except ImportError:
            why = "the app (pilot_tui.tui) is not there yet"
    if why:
        results.append(skipped(app_name, why))
        return results
    compile_app()  # .pyc as an installed app has them (see common.compile_app)
    log("peak RSS of the app up to its first screen")
    wait = first_screen_pattern([r.name for r in app_rows(path)])
    app = pty_peak_rss(app_command(fresh_copy(BIG, "memory")), wait)
    if app is None:
        results.append(skipped(app_name, "timed out or no VmHWM"))
    else:
        results.append(Result(app_name, app, loaded, base, unit="MB"))
    return results


if __name__ == "__main__":
    args = parse_args(__doc__ or "")
    print_report(run(), "Benchmark 5: peak memory")
