"""Benchmark 1: time to the first screen of ``pilot-tui`` at 33 and 10,000 pilots, warm
and cold.

Baselines, measured in the same run and in the same pseudo-terminal (120x35, timed by
ttfs.py, the terminal timer): a minimal Textual app showing the same first rows in a DataTable
(tests/bench/minimal_app.py) and VisiData (``vd``) on the same pilots as a JSON file. The
runs are interleaved: each round starts every program once, in an order that rotates.
"First screen" is: the first and the 20th row of the list (the last row when there are
fewer) are both visible — for all three programs the same pilots in the same order.

The app is timed twice on the same register (a copy in a temp dir, opened writable):

* warm: as a user starts it on most days. The app keeps a start cache (the first screen's
  rows, in its user cache dir; here ``XDG_CACHE_HOME`` in the temp dir). It is primed by
  one untimed run that is left running for a few seconds (longer, up to 30 s, until it has written the cache), long enough to load the register
  and write the cache (that run also makes the daily backup); the timed runs then start on
  the unchanged file, paint the list from the cache and load the register behind it.
* cold: ``PILOT_TUI_START_CACHE=0`` (no cache read or written), so every run reads and
  assesses the whole register before its first screen; as the very first start, or the
  first after the register changed.

Targets: at 10,000 pilots warm ≤ 0.5× VisiData, cold ≤ 0.8× VisiData; at 33 pilots warm
≤ 1.2× the minimal Textual app. The other pairs (10,000 pilots vs the minimal app, 33 vs VisiData, 33 cold) are printed
for the record. The min–max column: the ratios of the rounds (app and baseline of one
round). At the history depth of ``$PILOT_BENCH_ROUNDS`` (see common.depth). If the priming run wrote no cache (an app without a start cache, or one
slower to load than the priming run lasts), warm is a cold start and a note says so.

Fair to each program:

* bytecode: the app's modules are compiled once (``compileall``) before it is timed, as
  an installed app has ``.pyc`` files after its first run (textual and visidata have them
  from pip); with ``PYTHONDONTWRITEBYTECODE=1`` an editable install would otherwise
  compile its sources on every start;
* real programs: ``pilot-tui`` and ``vd`` are the scripts beside ``sys.executable``, not
  whatever PATH finds first (a pyenv shim adds bash and pyenv, ~70 ms, to every start),
  as the minimal app is run with ``sys.executable`` itself.

    python -m tests.bench.bench_startup [--runs N] [--quick]

From a clean checkout: ``pip install -e '.[test]'`` and ``pip install pyte visidata``.
The per-run times are printed below the table.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from tests.bench.common import (
    BIG,
    SMALL,
    Result,
    Timing,
    app_command,
    app_rows,
    cache_files,
    compile_app,
    first_screen_pattern,
    fresh_copy,
    log,
    paired_range,
    parse_args,
    print_report,
    quiet_env,
    records_json,
    register_file,
    skipped,
    vd_command,
    workdir,
)
from tests.bench.terminal import missing_tools, ttfs

MINIMAL_APP = __file__.replace("bench_startup.py", "minimal_app.py")
VISIBLE_ROWS = 30
# how long the untimed priming run is left running: tried in turn until a start cache is
# written (on a loaded machine, or at 10 rounds of history, 3 s is not enough to load the
# register, and the "warm" runs were cold ones)
PRIME_SECONDS = (3.0, 10.0, 30.0)
NEVER = "(?!)"  # a regex that matches no screen: keeps the priming run alive to its timeout
TIMEOUT = 60.0  # per timed run (ttfs's default in common.ttfs)


@dataclass
class Screens:
    """First-screen timings at one register size (None: timed out or not measured)."""

    warm: Timing | None
    cold: Timing | None
    minimal: Timing | None
    vd: Timing | None
    primed: bool  # the priming run wrote a start cache


def _tui_available() -> bool:
    try:
        import pilot_tui.tui.app  # noqa: F401
    except ImportError:
        return False
    return True


def first_screens(n: int, runs: int) -> Screens:
    """Timings of the first screen of the app (warm and cold), the minimal app and vd at
    ``n`` pilots."""
    rows = app_rows(register_file(n))
    wait = first_screen_pattern([r.name for r in rows])
    table = [
        [f"{r.attention.symbol} {r.attention.value}", r.name, r.status, r.end, r.days]
        for r in rows[:VISIBLE_ROWS]
    ]
    rows_file = workdir() / f"minimal-rows-{n}.json"
    rows_file.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")

    compile_app()
    app = app_command(fresh_copy(n, "startup"))
    before = cache_files()
    primed = False
    for seconds in PRIME_SECONDS:  # longer when the machine is slow (or the file large)
        log(f"pilot-tui at {n:,} pilots: priming run ({seconds:g} s, untimed)")
        ttfs(app, NEVER, runs=1, timeout=seconds, env=quiet_env())
        primed = cache_files() != before
        if primed:
            break
    if not primed:
        log("the priming run wrote no start cache: the warm start is a cold one")
    programs: dict[str, tuple[list[str], dict[str, str] | None]] = {
        "warm": (app, quiet_env()),
        "cold": (app, quiet_env(PILOT_TUI_START_CACHE="0")),
        "minimal": ([sys.executable, MINIMAL_APP, str(rows_file)], None),
    }
    if missing_tools(vd=True) is None:
        programs["vd"] = (vd_command(records_json(n)), None)
    log(f"first screens at {n:,} pilots, interleaved: {', '.join(programs)} ({runs} rounds)")
    found = interleaved(programs, wait, runs)
    warm, cold, minimal = found["warm"], found["cold"], found["minimal"]
    vd = found.get("vd")
    return Screens(warm, cold, minimal, vd, primed)


def interleaved(
    programs: dict[str, tuple[list[str], dict[str, str] | None]], wait: str, runs: int
) -> dict[str, Timing | None]:
    """The first screen of each program (command, environment), ``runs`` rounds of one
    run each, the order rotating per round: a machine that gets slower or faster during
    the benchmark (other load, CPU clocks) then weighs on all of them alike, which runs
    of one program after the other's would not. None for a program that timed out."""
    names = list(programs)
    times: dict[str, list[float] | None] = {name: [] for name in names}
    for round_ in range(runs):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            cmd, env = programs[name]
            timing = ttfs(cmd, wait, runs=1, timeout=TIMEOUT, env=env)[0]
            found = times[name]
            if found is not None:
                times[name] = None if timing is None else [*found, *timing.runs]
    return {name: Timing(tuple(t)) if t else None for name, t in times.items()}


def _runs(timing: Timing) -> str:
    return " ".join(f"{t:.2f}" for t in timing.runs)


# (pilots, warm or cold, baseline, target): the rows of the report, in order
ROWS: tuple[tuple[int, str, str, float | None], ...] = (
    (BIG, "warm", "vd", 0.5),
    (BIG, "cold", "vd", 0.8),
    (BIG, "warm", "minimal", None),
    (SMALL, "warm", "minimal", 1.2),
    (SMALL, "cold", "minimal", None),
    (SMALL, "warm", "vd", None),
)
BASE_NAMES = {"vd": "VisiData", "minimal": "minimal Textual"}


def row_name(n: int, start: str, base: str) -> str:
    cold = ", cold start" if start == "cold" else ""
    return f"first screen, {n:,} pilots{cold} vs {BASE_NAMES[base]}"


def run(runs: int = 5) -> list[Result]:
    why = missing_tools()
    if why is None and not _tui_available():
        why = "the app (pilot_tui.tui) is not there yet"
    if why:
        return [skipped(row_name(n, start, base), why) for n, start, base, _ in ROWS]
    found = {BIG: first_screens(BIG, runs), SMALL: first_screens(SMALL, runs)}
    results: list[Result] = []
    for n, start, base_key, target in ROWS:
        screens = found[n]
        name = row_name(n, start, base_key)
        base_name = BASE_NAMES[base_key]
        app: Timing | None = getattr(screens, start)
        base: Timing | None = getattr(screens, base_key)
        if base is None and base_key == "vd" and missing_tools(vd=True):
            results.append(skipped(name, missing_tools(vd=True) or ""))
            continue
        if app is None or base is None:
            who = "pilot-tui" if app is None else base_name
            results.append(skipped(name, f"{who} timed out (no matching screen in {TIMEOUT:g} s)"))
            continue
        result = Result(
            name,
            app.median,
            base.median,
            base_name,
            target,
            note=f"medians; app runs {_runs(app)}, {base_name} runs {_runs(base)}",
            ratio_range=paired_range(app.runs, base.runs),
        )
        if start == "warm" and not screens.primed:
            result.details.append("no start cache was written by the priming run: a cold start")
        results.append(result)
    return results


if __name__ == "__main__":
    args = parse_args(__doc__ or "")
    print_report(run(args.runs), "Benchmark 1: time to first screen")
